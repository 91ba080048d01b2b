"""A directory of hostile and broken inputs mixed with 20 good articles: exactly the 20 are stored,
every bad input is named with its reason, the exit code says so, nothing crashes, and running the
same ingest again changes nothing."""

import gzip
import json
import shutil

import pytest
from click.testing import CliRunner

from dyads.cli import cli

from .conftest import DATA, REPO
from .test_cli import dump_tables

MANIFEST = json.loads((DATA / "demo_corpus_manifest.json").read_text(encoding="utf-8"))
GOOD = [e["file"] for e in MANIFEST if not e["duplicate_of"] and not e["near_duplicate_of"] and e["format"] in ("txt", "html")][:20]  # fmt: skip
ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><rss><channel><item><title>&lol3;</title></item>'
    "</channel></rss>"
)
XXE = (
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<rss><channel><item><title>&x;</title></item></channel></rss>"
)
EXPECTED = [
    "archive.json: binary file (a zip archive), not text",
    "bad.jsonl line 1: invalid JSON at column 2: Expecting property name enclosed in double quotes",
    "bad.jsonl line 2: record has neither 'text' nor 'html'",
    "bad.jsonl line 3: invalid JSON at column 5: Expecting ',' delimiter",
    "blank.txt: empty input",
    "bomb.txt.gz: decompresses to more than 200 MB (possible gzip bomb)",
    "bomb.xml: XML declares entities, which are refused (possible entity-expansion bomb)",
    "cp1252.txt: written in German, not English (dyads codes English text)",
    "empty.txt: empty input",
    "huge.txt: file is 100 MB, over the 20 MB limit (--max-bytes)",
    "image.png.txt: binary file (a PNG image), not text",
    "invalid.txt: invalid UTF-8 at byte 25",
    "latin1.txt: written in French, not English (dyads codes English text)",
    "nested.html: no article text found",
    "nopunct.txt: 99,999 characters without a sentence end; not article text",
    "program.txt: binary file (an ELF executable), not text",
    "scripts.html: no article text found",
    "utf16.txt: written in Spanish, not English (dyads codes English text)",
    "xxe.xml: XML declares entities, which are refused (possible entity-expansion bomb)",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "corpus"
    folder.mkdir()
    for index, name in enumerate(GOOD):
        shutil.copy(REPO / "examples" / name, folder / f"good_{index:02d}_{name.rsplit('/', 1)[-1]}")
    hostile = {
        "empty.txt": b"",
        "blank.txt": b"   \n\t\n  ",
        "image.png.txt": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
        "program.txt": b"\x7fELF\x02\x01\x01" + b"\x00" * 64,
        "archive.json": b"PK\x03\x04" + b"\x00" * 64,
        "latin1.txt": "Le président français a rencontré le chancelier allemand à Paris mercredi pour discuter de "
        "l'énergie et de la défense européenne. Les deux dirigeants ont déclaré qu'ils travailleraient "
        "ensemble.".encode("latin-1"),
        "cp1252.txt": "Der deutsche Außenminister traf am Dienstag seinen französischen Amtskollegen in Berlin, um "
        "über die Energiepreise und die Unterstützung für die Ukraine zu sprechen – ein „wichtiges“ "
        "Treffen.".encode("cp1252"),
        "utf16.txt": "El presidente de México se reunió el jueves con el primer ministro de Canadá en la capital "
        "para hablar sobre comercio y migración en la región.".encode("utf-16"),
        "invalid.txt": "Déjà vu in the capital".encode() + b" \xff\xfe\xfd more text here",
        "nested.html": ("<html><body>" + "<div>" * 10_000 + "<p>x" + "<span>" * 500).encode(),
        "scripts.html": b"<html><head><title><script>alert(1)</script></title></head><body><script>alert(2)"
        b"</script><img src=x onerror=alert(3)></body></html>",
        "xxe.xml": XXE.encode(),
        "bomb.xml": ENTITY_BOMB.encode(),
        "bad.jsonl": b'{oops\n{"id": "x"}\n[1,2\n',
        "nopunct.txt": " ".join(["word"] * 20_000).encode(),
    }  # fmt: skip
    for name, data in hostile.items():
        (folder / name).write_bytes(data)
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(100 * 1024 * 1024)  # sparse: its size is refused before a byte is read
    with gzip.open(folder / "bomb.txt.gz", "wb") as bomb:
        for _ in range(210):
            bomb.write(bytes(1024 * 1024))
    return folder


def test_hostile_corpus_stores_exactly_the_good_articles(corpus, tmp_path):
    assert len(GOOD) == 20
    db = str(tmp_path / "h.duckdb")
    first = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db])
    assert first.exit_code == 1
    assert first.stdout == f"accepted 20, duplicates 0, unchanged 0, rejected {len(EXPECTED)}\n"
    assert [line.removeprefix("rejected: ") for line in first.stderr.splitlines()] == EXPECTED
    assert "Traceback" not in first.output
    before = dump_tables(db)
    second = CliRunner().invoke(cli, ["ingest", str(corpus), "--db", db])
    assert second.exit_code == 1
    assert second.stdout == f"accepted 0, duplicates 0, unchanged 20, rejected {len(EXPECTED)}\n"
    after = dump_tables(db)
    assert {t: rows for t, rows in after.items() if t != "runs"} == {
        t: rows for t, rows in before.items() if t != "runs"
    }


def test_an_article_with_no_actors_is_stored_without_events(tmp_path):
    db = str(tmp_path / "w.duckdb")
    result = CliRunner().invoke(
        cli, ["ingest", str(REPO / "examples/text/prairie_millbrook_hailstorm.txt"), "--db", db]
    )
    assert (result.exit_code, result.stdout) == (0, "accepted 1, duplicates 0, unchanged 0, rejected 0\n")
    stats = json.loads(CliRunner().invoke(cli, ["stats", "--db", db, "--format", "json"]).stdout)
    assert (stats["counts"]["articles"], stats["counts"]["events"]) == (1, 0)
