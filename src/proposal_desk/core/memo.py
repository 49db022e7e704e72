"""Converting values that repeat once per distinct value: the dates, flags and timestamps of
an import or a list repeat (10,000 rows hold a few hundred days), and a Python call per value
costs more than the lookups. Standard library only: the window's first paint uses it before
SQLAlchemy is imported."""

from __future__ import annotations

import sys
from collections.abc import Callable, Hashable, Sequence
from typing import Any


class Memo(dict[Any, Any]):
    """`memo[value]` is `convert(value)`, converted at its first use and remembered (at most
    `limit` values, for a memo kept as long as the program runs); a hit is one dict lookup,
    and `memo.__getitem__` is a converter without a Python call per value."""

    __slots__ = ("convert", "limit")

    def __init__(self, convert: Callable[[Any], Any], limit: int = sys.maxsize) -> None:
        super().__init__()
        self.convert = convert
        self.limit = limit

    def __missing__(self, value: Any) -> Any:
        found = self.convert(value)
        if len(self) < self.limit:
            self[value] = found
        return found


def convert_each(convert: Callable[[Any], Any], values: Sequence[Hashable]) -> list[Any]:
    """`[convert(v) for v in values]`, each distinct value converted once."""
    return list(map(Memo(convert).__getitem__, values))
