import gzip
import io
import json

import pytest

from dyads.ingest import Origin, ReadLimits, detect_format, read_bytes, read_inputs
from dyads.model import RawDocument, Rejection

ARTICLE = "Ankara and Baku signed a transit accord on Monday, officials in both capitals said."


def documents(items):
    return [item for item in items if isinstance(item, RawDocument)]


def rejections(items):
    return [item for item in items if isinstance(item, Rejection)]


def read(name: str, data: bytes, limits: ReadLimits = ReadLimits()):
    return read_bytes(data, Origin(name, name), limits)


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"x", "text"),
        ("a.TXT", b"x", "text"),
        ("a.html", b"x", "html"),
        ("a.htm", b"x", "html"),
        ("a.rss.xml", b"x", "feed"),
        ("a.atom", b"x", "feed"),
        ("a.jsonl", b"x", "jsonl"),
        ("a.ndjson", b"x", "jsonl"),
        ("a.json", b"x", "json"),
        ("a.jsonl.gz", b"x", "jsonl"),
        ("noext", b'{"id": 1}', "jsonl"),
        ("noext", b"[{}]", "json"),
        ("noext", b"<!DOCTYPE html><html>", "html"),
        ("noext", b'<?xml version="1.0"?><rss>', "feed"),
        ("noext", b"<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        ("-", b"Plain words.", "text"),
    ],
)
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_text_file_is_one_article():
    [doc] = read("story.txt", ARTICLE.encode())
    assert doc == RawDocument(doc="story.txt", source_path="story.txt", kind="text", content=ARTICLE)


@pytest.mark.parametrize(
    ("data", "expected_text"),
    [
        ("Café in Genève – “quoted”.".encode("cp1252"), "Café in Genève – “quoted”."),
        ("Straße und Bär.".encode("latin-1"), "Straße und Bär."),
        ("L'été à Genève.".encode("cp1252"), "L'été à Genève."),
        ("Kyiv and Ankara.".encode("utf-16"), "Kyiv and Ankara."),
        ("Kyiv and Ankara.".encode("utf-8-sig"), "Kyiv and Ankara."),
        ("Президент России.".encode(), "Президент России."),
    ],
)
def test_text_encodings_are_detected(data, expected_text):
    [doc] = read("story.txt", data)
    assert doc.content == expected_text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty input"),
        (b"  \n\t \n", "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image), not text"),
        (b"\x7fELF\x02\x01\x01\x00", "binary file (an ELF executable), not text"),
        (b"PK\x03\x04\x14\x00", "binary file (a zip archive), not text"),
        (b"abc\x00def", "binary file (contains NUL bytes), not text"),
        ("Déjà vu".encode() + b" and \xff\xfe broken", "invalid UTF-8 at byte 14"),
        (b"Hello \xff\xfe world", "invalid UTF-8 at byte 6 and not readable in any other encoding"),
    ],
)
def test_unreadable_text_is_rejected_with_reason(data, reason):
    assert read("bad.txt", data) == [Rejection("bad.txt", reason)]


def test_html_declared_charset_is_honoured():
    page = '<html><head><meta charset="windows-1252"></head><body><p>Señor – “hi”</p></body></html>'
    [doc] = read("page.html", page.encode("cp1252"))
    assert doc.kind == "html"
    assert "Señor – “hi”" in doc.content


def test_json_lines_keep_good_lines_and_name_bad_ones():
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "date": "2025-03-04", "outlet": "Prairie Post"}),
        "{not json",
        json.dumps({"id": "a2", "html": "<p>Hello</p>", "url": "https://x.example/a2"}),
        json.dumps({"id": "a3"}),
        json.dumps(["a list"]),
        json.dumps({"id": "a4", "text": "x", "date": "March"}),
        "",
        json.dumps({"text": "No id here."}),
    ]
    items = read("dump.jsonl", "\n".join(lines).encode())
    assert [d.doc for d in documents(items)] == ["a1", "a2", "dump.jsonl line 8"]
    first = documents(items)[0]
    assert (first.kind, str(first.published), first.outlet) == (
        "text",
        "2025-03-04",
        "Prairie Post",
    )
    assert documents(items)[1].kind == "html"
    assert rejections(items) == [
        Rejection(
            "dump.jsonl line 2",
            "invalid JSON at column 2: Expecting property name enclosed in double quotes",
        ),
        Rejection("dump.jsonl line 4", "record has neither 'text' nor 'html'"),
        Rejection("dump.jsonl line 5", "expected a JSON object, got list"),
        Rejection("dump.jsonl line 6", "'date' is not an ISO date (YYYY-MM-DD): 'March'"),
    ]


def test_json_array_and_single_object():
    array = json.dumps([{"id": "r1", "text": ARTICLE}, {"id": "r2", "text": 5}])
    items = read("batch.json", array.encode())
    assert [d.doc for d in documents(items)] == ["r1"]
    assert rejections(items) == [Rejection("batch.json record 2", "'text' must be a string")]
    [single] = read("one.json", json.dumps({"id": 7, "text": ARTICLE}).encode())
    assert single.doc == "7"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b'{"id": "x", "text": ', "invalid JSON at line 1 column 21: Expecting value"),
        (b'"just a string"', "JSON must be an object or an array of objects"),
    ],
)
def test_malformed_json_document(data, reason):
    assert read("bad.json", data) == [Rejection("bad.json", reason)]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Northline Times</title>
<item><title>Accord signed</title><link>https://northline.example/accord</link>
<pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
<description>&lt;p&gt;Short teaser.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>First paragraph.</p><p>Second paragraph.</p>]]></content:encoded></item>
<item><title>Empty</title><link>https://northline.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atlas Daily Review</title>
<entry><title>Talks resume</title><link rel="alternate" href="https://atlas.example/talks"/>
<id>tag:atlas.example,2025:1</id><published>2025-05-02T08:00:00Z</published>
<content type="html">&lt;p&gt;Talks resumed in Doha.&lt;/p&gt;</content></entry>
<entry><title>Inline</title><id>tag:atlas.example,2025:2</id><updated>2025-05-03T08:00:00+02:00</updated>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline XHTML body.</p></div></content></entry>
</feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://pp.example/"><title>Prairie Post</title></channel>
<item rdf:about="https://pp.example/a"><title>A</title><link>https://pp.example/a</link>
<description>Body text.</description><dc:date>2025-02-01</dc:date></item>
</rdf:RDF>"""


def test_rss_entries_become_articles():
    items = read("feed.rss.xml", RSS.encode())
    [doc] = documents(items)
    assert doc.doc == doc.url == "https://northline.example/accord"
    assert (doc.kind, doc.title, doc.outlet, str(doc.published)) == (
        "fragment",
        "Accord signed",
        "Northline Times",
        "2025-03-04",
    )
    assert "Second paragraph." in doc.content
    assert rejections(items) == [Rejection("feed.rss.xml item 2", "entry has no content")]


def test_atom_entries_become_articles():
    first, second = documents(read("feed.atom.xml", ATOM.encode()))
    assert (first.doc, first.outlet, str(first.published)) == (
        "https://atlas.example/talks",
        "Atlas Daily Review",
        "2025-05-02",
    )
    assert first.content == "<p>Talks resumed in Doha.</p>"
    assert second.doc == "tag:atlas.example,2025:2"
    assert "<p>Inline XHTML body.</p>" in second.content


def test_rss1_rdf_entries():
    [doc] = documents(read("feed.xml", RDF.encode()))
    assert (doc.doc, doc.outlet, str(doc.published)) == (
        "https://pp.example/a",
        "Prairie Post",
        "2025-02-01",
    )


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel>'
            "<item><description>&x;</description></item></channel></rss>",
            "XML declares entities, which are refused (possible entity-expansion bomb)",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            "<rss><channel><item><description>&b;</description></item></channel></rss>",
            "XML declares entities, which are refused (possible entity-expansion bomb)",
        ),
        ("<rss><channel><item>", "malformed XML at line 1 column 20"),
        ("<html><body>not a feed</body></html>", "XML root <html> is not an RSS or Atom feed"),
        ("<rss><channel><title>T</title></channel></rss>", "feed has no entries"),
    ],
)
def test_hostile_or_malformed_feeds_are_rejected(xml, reason):
    assert read("feed.xml", xml.encode()) == [Rejection("feed.xml", reason)]


def test_gzip_of_any_format():
    lines = "\n".join(json.dumps({"id": f"g{i}", "text": ARTICLE}) for i in range(3))
    items = read("wire.jsonl.gz", gzip.compress(lines.encode()))
    assert [d.doc for d in documents(items)] == ["g0", "g1", "g2"]
    [text] = read("story.txt.gz", gzip.compress(ARTICLE.encode()))
    assert (text.doc, text.content) == ("story.txt.gz", ARTICLE)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (gzip.compress(ARTICLE.encode() * 50)[:40], "truncated gzip data"),
        (b"\x1f\x8b\x08\x00garbage-garbage", "corrupt gzip data"),
        (gzip.compress(b"a" * 3_000_000), "decompresses to more than 1 MB (possible gzip bomb)"),
    ],
)
def test_bad_gzip_is_rejected(data, reason):
    [rejection] = read("x.txt.gz", data, ReadLimits(max_decompressed_bytes=1024 * 1024))
    assert rejection.input == "x.txt.gz"
    assert rejection.reason.startswith(reason)


def test_size_limit_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024 * 1024)
    [rejection] = read_inputs([str(big)], ReadLimits(max_bytes=1024 * 1024))
    assert rejection == Rejection(str(big), "file is 3 MB, over the 1 MB limit (--max-bytes)")


def test_directory_walk_is_recursive_sorted_and_skips_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(ARTICLE)
    (tmp_path / "one.html").write_text(f"<p>{ARTICLE}</p>")
    (tmp_path / "notes.md").write_text("not an article")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    docs = [d.doc for d in read_inputs([str(tmp_path)])]
    assert docs == ["one.html", "b/two.txt"]


def test_stdin_and_missing_path():
    stdin = io.BytesIO(json.dumps({"id": "s1", "text": ARTICLE}).encode())
    items = list(read_inputs(["-", "does/not/exist.txt"], stdin=stdin))
    assert [d.doc for d in documents(items)] == ["s1"]
    assert rejections(items) == [Rejection("does/not/exist.txt", "no such file or directory")]
