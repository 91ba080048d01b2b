"""Turn bytes into text: refuse binary files, honour BOMs and declared charsets, detect legacy encodings.

News archives mix UTF-8 with Windows code pages and the odd UTF-16 export. A file that is UTF-8 with
corrupted bytes is refused rather than guessed at, because a wrong guess silently garbles names.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import charset_normalizer

from dyads.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC_NUMBERS = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ", "a Windows executable"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x1f\x8b", "gzip data (name the file .gz to have it decompressed)"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

_VALID_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_DECLARED_CHARSET = re.compile(
    rb"""(?:<meta[^>]{0,200}?charset\s*=\s*["']?|<\?xml[^>]{0,100}?encoding\s*=\s*["'])([a-zA-Z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_LEGACY_WESTERN = "cp1252"
_MAX_CHAOS_PERCENT = 5.0
_MIN_EVIDENCE_LETTERS = 20
"""Non-ASCII letters a guessed non-Western encoding must yield before the guess is trusted."""


def describe_binary(data: bytes) -> str | None:
    """Name what a binary payload looks like, or return None when it may be text."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    for magic, name in _MAGIC_NUMBERS:
        if data.startswith(magic):
            return f"binary file ({name}), not text"
    if b"\x00" in data[:8192]:
        return "binary file (contains NUL bytes), not text"
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML `<meta>` or XML declaration names in the first few kilobytes."""
    match = _DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode an input's bytes to text, or raise InputError saying why it cannot be read as text."""
    binary = describe_binary(data)
    if binary:
        raise InputError(binary)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"invalid {encoding.upper()} at byte {error.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    if declared and codecs.lookup(declared).name != "utf-8":
        try:
            return data.decode(declared)
        except UnicodeDecodeError as error:
            raise InputError(f"invalid {declared} (as declared) at byte {error.start}") from None
    if _VALID_UTF8_MULTIBYTE.search(data):
        raise InputError(f"invalid UTF-8 at byte {utf8_error.start}")
    text = _decode_legacy(data)
    if text is None:
        raise InputError(f"invalid UTF-8 at byte {utf8_error.start} and not readable in any other encoding")
    return text


def _decode_legacy(data: bytes) -> str | None:
    """Decode a single-byte legacy encoding, returning None when no encoding reads as language."""
    try:
        text = data.decode(_LEGACY_WESTERN)
    except UnicodeDecodeError:
        text = None
    if text is not None and _reads_as_western_text(text):
        return text
    match = charset_normalizer.from_bytes(data).best()
    if match is None or match.percent_chaos > _MAX_CHAOS_PERCENT or match.language == "Unknown":
        return None
    decoded = str(match)
    if sum(1 for char in decoded if not char.isascii() and char.isalpha()) < _MIN_EVIDENCE_LETTERS:
        return None
    return decoded


def _reads_as_western_text(text: str) -> bool:
    """True when every non-ASCII character is punctuation, a symbol, or a letter of a Latin word.

    Accented letters in Western text sit inside words (`café`, `Straße`); bytes of a corrupted UTF-8
    file decoded as cp1252 give letters standing alone (`ÿþ`, `Ã(`).
    """
    for run in _NON_ASCII_RUN.finditer(text):
        chars = run.group()
        if all(unicodedata.category(c)[0] in "PSZ" for c in chars):
            continue
        if not all(unicodedata.category(c)[0] in "LPSZ" for c in chars):
            return False
        before = text[run.start() - 1] if run.start() else ""
        after = text[run.end()] if run.end() < len(text) else ""
        inside_word = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
        if not inside_word and not _is_accented_ascii_letter(chars):
            return False
    return True


def _is_accented_ascii_letter(chars: str) -> bool:
    """A one-letter word such as French `à`: an ASCII letter with a diacritic."""
    base = unicodedata.normalize("NFD", chars)[:1]
    return len(chars) == 1 and base.isascii() and base.isalpha()
