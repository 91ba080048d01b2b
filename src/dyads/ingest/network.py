"""Network input: pages and feeds fetched over http(s), only when a user asks for it.

A URL on the command line is fetched only with `--allow-network`. Only `http` and `https` are
followed; every hop's host (the first request and each redirect) must resolve to public addresses
only — private, loopback, link-local, reserved and multicast ones are refused unless
`--allow-private`, so a hostile page cannot point dyads at a local service; the body is read in
chunks and stops at the size limit; every request has a timeout.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from dyads.errors import InputError
from dyads.ingest.limits import describe_size

SCHEMES = ("http", "https")
USER_AGENT = "dyads (+https://pypi.org/project/dyads/)"


@dataclass(frozen=True)
class NetworkPolicy:
    """Whether URLs may be fetched at all, and how carefully."""

    allow: bool = False
    allow_private: bool = False
    timeout: float = 15.0
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    url: str
    content_type: str
    data: bytes


def is_url(given: str) -> bool:
    """Whether a command-line input names a URL rather than a path (`scheme://…`)."""
    scheme, _, rest = given.partition("://")
    return bool(rest) and scheme.isalpha() and len(scheme) > 1


def fetch(url: str, policy: NetworkPolicy, max_bytes: int) -> Fetched:
    """The body of `url` after at most `max_redirects` checked redirects; InputError says why not."""
    if not policy.allow:
        raise InputError("network input is off; pass --allow-network to fetch URLs")
    with httpx.Client(
        follow_redirects=False, timeout=policy.timeout, headers={"User-Agent": USER_AGENT}
    ) as client:
        for _ in range(policy.max_redirects + 1):
            _check_target(url, policy)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise InputError(f"HTTP {response.status_code} {response.reason_phrase}")
                    return Fetched(url, response.headers.get("content-type", ""), _body(response, max_bytes))
            except httpx.TimeoutException:
                raise InputError(f"timed out after {policy.timeout:g} s") from None
            except httpx.HTTPError as error:
                raise InputError(f"cannot fetch: {error}") from None
    raise InputError(f"more than {policy.max_redirects} redirects")


def _check_target(url: str, policy: NetworkPolicy) -> None:
    parts = urlsplit(url)
    if parts.scheme not in SCHEMES:
        raise InputError(f"only http and https URLs are fetched, not {parts.scheme or 'a relative'} ones")
    if not parts.hostname:
        raise InputError("the URL names no host")
    if policy.allow_private:
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except socket.gaierror as error:
        raise InputError(f"cannot resolve {parts.hostname}: {error.strerror}") from None
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global or ip.is_multicast:
            raise InputError(
                f"{parts.hostname} resolves to {ip}, a private, loopback or link-local address; "
                "pass --allow-private to fetch it"
            )


def _body(response: httpx.Response, max_bytes: int) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise InputError(f"page is {describe_size(int(declared))}, over the {describe_size(max_bytes)} limit")
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"page is over the {describe_size(max_bytes)} limit (--max-bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def format_of(fetched: Fetched) -> str | None:
    """The reader a response's content type asks for, when it says (`text/html` → `html`)."""
    kind = fetched.content_type.split(";", 1)[0].strip().lower()
    if kind in ("text/html", "application/xhtml+xml"):
        return "html"
    if kind in ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml"):
        return "feed"
    if kind in ("application/x-ndjson", "application/jsonl"):
        return "jsonl"
    if kind == "application/json":
        return "json"
    if kind == "text/plain":
        return "text"
    return None
