"""Bytes to clean text: decoding that never crashes and cleaning that article text always gets."""

from __future__ import annotations

import re
import unicodedata


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise (binary data, for instance)."""


# Control characters can drive the terminal (ESC starts escape sequences), and bidi overrides can
# make text display differently from what it is: article text is untrusted, so neither survives.
# Invisible format characters (soft hyphen, joiners, the Mongolian vowel separator) go too:
# terminals disagree on their width, so they shift whatever is drawn after them. So do Unicode
# noncharacters (never in interchanged text), which the Markdown reader uses internally to hold
# escaped punctuation.
_CONTROL = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u180e\u200b\u200d-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff"
    "\U0001fffe\U0001ffff]"
)
# A character reference (&#163; &pound; &#xA3;) with its semicolon: scrapers leave them in plain
# text and JSON. Without the semicolon "AT&T" or "R&D" is not one.
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_references(text: str) -> str:
    """Character references in text that is not HTML decoded to the characters they name."""
    if "&" not in text:
        return text
    import html

    return _REFERENCE.sub(lambda m: html.unescape(m.group(0)), text)


_LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")
_NBSP = re.compile("[\u00a0\u2007\u202f\t]")


def clean_text(text: str) -> str:
    """Normalise newlines, spaces and composition; drop control and bidi-override characters."""
    text = _LINE_BREAKS.sub("\n", text)
    text = _NBSP.sub(" ", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        # UTF-16 text is full of NULs but announces itself with a byte-order mark.
        return not sample.startswith((b"\xff\xfe", b"\xfe\xff"))
    return False


# UTF-8 with a few stray bytes (a cp1252 "é" pasted into a UTF-8 file) is UTF-8 with those
# bytes read as cp1252; guessing one legacy encoding for the whole file would turn every real
# UTF-8 character into mojibake ("cafĂ©"). "A few" is at most MAX_STRAY bytes, and at most two
# per real UTF-8 character (plus two): a legacy file has no valid multibyte UTF-8 in it at all,
# or a pair or two by accident beside many stray bytes.
MAX_STRAY = 64


def _repair_utf8(data: bytes) -> str | None:
    """The text, when the bytes are valid UTF-8 but for a few stray single bytes."""
    view = memoryview(data)
    pieces: list[str] = []
    position = stray = 0
    while True:
        try:
            pieces.append(str(view[position:], "utf-8"))
            break
        except UnicodeDecodeError as error:
            stray += 1
            if stray > MAX_STRAY:
                return None
            pieces.append(str(view[position : position + error.start], "utf-8"))
            bad = position + error.start
            pieces.append(data[bad : bad + 1].decode("cp1252", errors="replace"))
            position = bad + 1
    real = sum(1 for piece in pieces[::2] for ch in piece if ord(ch) > 0x7F)
    return "".join(pieces).removeprefix("\ufeff") if real and stray <= 2 * real + 2 else None


# What Western European text in cp1252 (Latin-1's superset, and what "Latin-1" files mostly
# are) holds beyond ASCII: the accented letters of Latin-1 and the typographer's marks.
_WESTERN = frozenset(
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝßàáâãäåæçèéêëìíîïñòóôõöøùúûüýÿœŒ«»“”‘’„–—…€£¥©®°§¶·¡¿ºª\u00a0"
)
# Accented letters are a minority of any Western language's letters; a text where they are not
# is another language in another code page that cp1252 happens to decode.
_WESTERN_SHARE = 0.25


def _western(data: bytes) -> str | None:
    """The text as cp1252 when it reads as Western European text. A statistical detector,
    given a short French or German text, often prefers a Central European or an East Asian code
    page (\u00abna\u00eff\u00bb read as "naďf"); Czech, Polish or Russian in their own code
    pages decode under cp1252 into letters Western text never has (\u00b9, \u00b3, \u0161,
    \u00f0) or not at all, and go to the detector."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    beyond = [c for c in text if ord(c) > 127]
    if not beyond or any(c not in _WESTERN for c in beyond):
        return None
    letters = sum(c.isalpha() for c in text)
    accented = sum(c.isalpha() for c in beyond)
    return text if accented <= _WESTERN_SHARE * max(letters, 1) else None


def decode_bytes(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM) first, then a detected encoding."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # A truncated file (an odd length) or a lone surrogate loses only what is broken.
        return data.decode("utf-16", errors="replace")
    if _looks_binary(data):
        raise UndecodableError("binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if (repaired := _repair_utf8(data)) is not None:
        return repaired
    if (western := _western(data)) is not None:
        return western
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("not text in any recognised encoding")
    text = str(best)
    # Mostly-unprintable output means the "detected" encoding is a guess over binary data.
    printable = sum(ch.isprintable() or ch.isspace() for ch in text[:4096])
    if text and printable / min(len(text), 4096) < 0.9:
        raise UndecodableError("binary data, not text")
    return text
