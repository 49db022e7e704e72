"""Text hygiene: what comes from spreadsheets and keyboards before it is stored or printed."""

from __future__ import annotations

import re

# XML 1.0 forbids C0 controls other than tab/newline/CR, lone surrogates and U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_NAME_SEPARATORS = re.compile(r"[、，,;；/\s]+")


_SPACES = re.compile(r"\s+")


def _plain(text: str) -> bool:
    """Nothing to clean: printable (no control character, surrogate, noncharacter or white
    space other than the plain space) and no space at either end."""
    return text.isprintable() and text[:1] != " " and text[-1:] != " "


def clean_text(value: object) -> str:
    """A string safe for the database, Excel and Word XML: control characters removed."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if _plain(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("", text).strip()


def clean_line(value: object) -> str:
    """clean_text for one-line fields: inner line breaks become spaces, runs collapse."""
    if type(value) is str and _plain(value) and "  " not in value:
        return value
    return _SPACES.sub(" ", clean_text(value))


def split_names(value: object) -> list[str]:
    """Split a cell naming several people or units: 、，, ; and spaces all separate."""
    text = clean_text(value)
    seen: list[str] = []
    for part in _NAME_SEPARATORS.split(text):
        part = part.strip()
        if part and part not in seen:
            seen.append(part)
    return seen


def number_text(value: object) -> str:
    """A proposal number as text: 144012.0 read from a numeric cell becomes '144012'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_line(value)
