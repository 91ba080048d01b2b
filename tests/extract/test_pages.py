import datetime as dt

from dyads.extract import extract_article
from dyads.model import RawDocument

from .conftest import BODY, SECOND, options


def test_article_from_feed_fragment_and_html_page():
    fragment = RawDocument(
        doc="https://x.example/1", source_path="f.xml", kind="fragment",
        content=f"<p>{BODY}</p><p>{SECOND}</p>", title="Border Reopens", outlet="Northline Times",
    )  # fmt: skip
    article = extract_article(fragment, options())
    assert (article.title, article.outlet, article.paragraphs) == (
        "Border Reopens",
        "Northline Times",
        (BODY, SECOND),
    )
    page = (
        '<html><head><title>Border Reopens | Atlas</title><meta property="og:site_name" content="Atlas Daily">'
        '<meta property="article:published_time" content="2025-03-06T08:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>Border Reopens</h1>"
        f"<p>{BODY}</p><p>{SECOND}</p></article><footer>© 2025 Atlas Daily</footer></body></html>"
    )
    html = RawDocument(doc="p.html", source_path="p.html", kind="html", content=page)
    article = extract_article(html, options())
    assert (article.title, article.outlet, article.published.date) == (
        "Border Reopens",
        "Atlas Daily",
        dt.date(2025, 3, 6),
    )
    assert article.paragraphs == (BODY, SECOND)
