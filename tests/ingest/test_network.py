"""Network input against a local HTTP server on 127.0.0.1: refused unless asked for, private
addresses refused unless allowed (also behind a redirect), limits and errors named."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from dyads.cli import cli
from dyads.ingest import NetworkPolicy, ReadLimits, read_inputs
from dyads.ingest.network import is_url
from dyads.model import RawDocument, Rejection

PAGE = (
    b"<html><head><title>Talks in Doha</title></head><body><article><h1>Talks in Doha</h1>"
    b"<p>Negotiators from Sudan's warring parties met in Doha on Monday for a new round of talks hosted by "
    b"Qatar, mediators said.</p><p>No agreement was reached, but both delegations said they would return "
    b"next week.</p></article></body></html>"
)


ROUTES = {
    "/article": (200, "text/html; charset=utf-8", PAGE),
    "/big": (200, "text/plain", b"x" * 3000),
    "/missing": (404, "text/plain", b"nothing here"),
}


class Site(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/hop":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
            return
        if self.path == "/to-metadata":
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
            return
        status, kind, body = ROUTES.get(self.path, (404, "text/plain", b""))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def read(url, **policy):
    return list(read_inputs([url], ReadLimits(max_bytes=2000), network=NetworkPolicy(**policy)))


@pytest.mark.parametrize(
    ("given", "url"),
    [("http://example.org/a", True), ("https://x.y", True), ("ftp://x.y/f", True), ("notes.txt", False),
     ("C:/data/a.txt", False), ("-", False)],
)  # fmt: skip
def test_what_counts_as_a_url(given, url):
    assert is_url(given) is url


def test_urls_are_not_fetched_unless_asked(site):
    [rejection] = read(site + "/article")
    assert rejection == Rejection(
        site + "/article", "network input is off; pass --allow-network to fetch URLs"
    )


def test_loopback_is_refused_unless_private_addresses_are_allowed(site):
    [rejection] = read(site + "/article", allow=True)
    assert "127.0.0.1, a private, loopback or link-local address; pass --allow-private" in rejection.reason
    [article] = read(site + "/article", allow=True, allow_private=True)
    assert isinstance(article, RawDocument) and article.kind == "html" and b"Doha" in article.content.encode()


def test_redirects_are_followed_and_checked(site):
    [article] = read(site + "/hop", allow=True, allow_private=True)
    assert isinstance(article, RawDocument)
    [rejection] = read(site + "/to-metadata", allow=True)
    assert "private, loopback or link-local" in rejection.reason


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/missing", "HTTP 404 Not Found"), ("/big", "page is 2.92969 KB, over the 1.95312 KB limit")],
)
def test_errors_and_limits_are_named(site, path, reason):
    [rejection] = read(site + path, allow=True, allow_private=True)
    assert rejection.reason == reason


@pytest.mark.parametrize("url", ["ftp://example.org/a.txt", "file:///etc/passwd", "gopher://x/"])
def test_only_http_and_https(url):
    [rejection] = read(url, allow=True)
    assert rejection.reason.startswith("only http and https URLs are fetched")


def test_ingest_from_the_network(site, tmp_path):
    db = str(tmp_path / "n.duckdb")
    refused = CliRunner().invoke(cli, ["ingest", site + "/article", "--db", db, "--allow-network"])
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
    result = CliRunner().invoke(
        cli, ["ingest", site + "/article", "--db", db, "--allow-network", "--allow-private"]
    )
    assert (result.exit_code, result.stdout) == (0, "accepted 1, duplicates 0, unchanged 0, rejected 0\n")
