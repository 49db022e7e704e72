"""One search over numbers, titles, proposers, replies and records, for substrings of any
length — one and two Chinese characters included.

SQLite's trigram tokenizer cannot find strings shorter than three characters, so the index
stores every character as its own token (punctuation as a hex token) in an FTS5 table, and a
query becomes a phrase of consecutive tokens: exactly a substring match, served by the index.
A separator token between fields, which no query can produce, keeps matches inside one field.
Other databases (PostgreSQL) fall back to a LIKE over the same text.
"""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from operator import add, itemgetter
from typing import Any

from sqlalchemy import Connection, Integer, String, column, select, table
from sqlalchemy.orm import Session

from proposal_desk.core.memo import Memo
from proposal_desk.storage.facts import Caches, StoredProposal
from proposal_desk.storage.models import Proposal

FTS_TABLE = "search_fts"
GRAM_TABLE = "search_grams"
# The plain-text mirror used where FTS5 is not available.
search_text = table("search_text", column("proposal_id", Integer), column("body", String))


def _token(ch: str) -> str | None:
    if ch.isspace():
        return None
    if unicodedata.category(ch)[0] in "LN" and ch.isalnum():
        return ch.casefold()
    return f"x{ord(ch):x}"  # punctuation stays searchable, and exact, as an opaque token


class _TokenTable(dict[int, str]):
    """str.translate table: a character to its token and a space, filled as characters come
    (translate looks each one up in C: about three times faster than a call per character)."""

    def __missing__(self, code: int) -> str:
        token = _token(chr(code))
        value = "" if token is None else token + " "
        self[code] = value
        return value


_TOKENS = _TokenTable()
_FIELD_BREAK = " x0a "  # what a line break would be if white space were not dropped


def tokenize(value: str) -> str:
    return value.translate(_TOKENS).rstrip(" ")


def document_parts(d: StoredProposal, c: Caches) -> list[str]:
    """Everything a search should see of one proposal (with its freshly derived caches),
    field by field."""
    parts: list[str] = [d.number, d.title, c.proposer_names, c.lead_unit, d.sector, d.summary,
                        d.notes, d.merged_with, *d.topics]
    for r in d.replies:
        parts += [r.text, r.doc_number]
    for o in d.assist_opinions:
        parts += [o.text, o.doc_number]
    for rec in d.records:
        parts += [rec.content, rec.our_people, rec.their_people, rec.place, rec.attitude]
    parts += [o.comments for o in d.opinions]
    parts += d.follow_ups
    return [x for x in parts if x]


def index_body(parts: Iterable[str], tokens: Memo | None = None) -> str:
    """The FTS row: the fields' tokens with a separator token between fields, which no query
    can contain (a query's white space is dropped), so no match runs across two fields
    (`tokens`: a memo of tokenize, for the fields that recur across the rows of one write)."""
    return _FIELD_BREAK.join(filter(None, map(tokenize if tokens is None else tokens.__getitem__,
                                              parts)))


def plain_body(parts: Iterable[str]) -> str:
    """The LIKE mirror's row (databases without FTS5): normalized fields, one per line."""
    return "\n".join(normalize(p) for p in parts)


def normalize(value: str) -> str:
    """What a full scan compares: case folded, white space removed (as the index does)."""
    return "".join(value.casefold().split())


# ---- the n-gram index: 2- and 3-character queries without position merging ----------------
#
# A phrase query of two or three very common characters merges long position lists (50 ms at
# 100,000 proposals). `search_grams` (FTS5, contentless, detail=none) holds, per proposal, each
# distinct pair and triple of consecutive tokens inside one field as one opaque term, so such a
# query is a single term lookup that costs only its hits — and is still exact: a string of two
# or three tokens occurs in a field exactly when it is one of the field's pairs or triples.
# Terms are built from the positional row's body (every token as six hex digits, fixed width
# so no two sequences share a term), which also gives the exact terms to remove an old row.


class _UnitTable(dict[str, str]):
    """A body token to its six hex digits: letters and digits by code point, punctuation
    (x3001) flagged with 0x800000, a token of several letters (casefold's ß→ss) by its letters."""

    def __missing__(self, token: str) -> str:
        if len(token) > 1 and token[0] == "x":
            value = f"{0x800000 + int(token[1:], 16):06x}"
        else:
            value = "".join(f"{ord(ch):06x}" for ch in token)
        self[token] = value
        return value


_UNITS = _UnitTable()


def _units(tokens: list[str]) -> list[str]:
    units = list(map(_UNITS.__getitem__, tokens))
    if units and max(map(len, units)) > 6:  # a token of several letters: one unit each
        units = [u[i:i + 6] for u in units for i in range(0, len(u), 6)]
    return units


class _Slicer(dict[int, Callable[[str], Sequence[str]]]):
    """The length of a field's units, as one string, to a function cutting that string into
    all its 2- and 3-grams: an itemgetter of their slices, one C call for the whole field."""

    def __missing__(self, length: int) -> Callable[[str], Sequence[str]]:
        cuts = [slice(i, i + 12) for i in range(0, length - 6, 6)]
        cuts += [slice(i, i + 18) for i in range(0, length - 12, 6)]
        cut: Callable[[str], Sequence[str]] = (
            itemgetter(*cuts) if len(cuts) > 1 else lambda units: [units[c] for c in cuts])
        self[length] = cut
        return cut


_SLICER = _Slicer()
_SLICED = 64  # tokens of the longest field cut by _SLICER: up to 192 lengths remembered


def _field_terms(tokens: str) -> Sequence[str]:
    """One field's 2- and 3-grams (repeats included), from its tokens as the body has them."""
    split = tokens.split(" ")
    if len(split) <= _SLICED:  # a short field (a title, a name, a unit): sliced in C
        units = "".join(map(_UNITS.__getitem__, split))
        return _SLICER[len(units)](units)
    each = _units(split)
    pairs = list(map(add, each, each[1:]))
    return [*pairs, *map(add, pairs, each[2:])]


class _ShortMemo(Memo):
    """A Memo remembering only values of up to `longest` characters: the short fields of an
    import's proposals (units, sectors, names, notes) recur from row to row; a long one (a
    reply) hardly ever, and its tokens and thousands of terms would only take memory."""

    __slots__ = ("longest",)

    def __init__(self, convert: Callable[[str], Any], longest: int, limit: int) -> None:
        super().__init__(convert, limit)
        self.longest = longest

    def __missing__(self, value: str) -> Any:
        if len(value) > self.longest:
            return self.convert(value)
        return super().__missing__(value)


def tokens_memo() -> Memo:
    """tokenize, remembered for the fields of up to 32 characters of one write."""
    return _ShortMemo(tokenize, 32, 4096)


def terms_memo() -> Memo:
    """A field's n-grams, remembered for the fields of up to 32 characters (64 with the
    spaces between tokens, up to 61 terms each) of one write."""
    return _ShortMemo(_field_terms, 64, 4096)


def gram_terms(body: str, terms: Memo | None = None) -> str:
    """The search_grams row for a positional row's body: its distinct 2- and 3-grams
    (`terms`: the fields' terms remembered across the rows of one write)."""
    fields = set(body.split(_FIELD_BREAK))  # a field given twice (a note) adds nothing
    found = map((terms if terms is not None else terms_memo()).__getitem__, fields)
    return " ".join(set().union(*found))  # the order does not matter: detail=none keeps none


def _gram_query(tokens: list[str]) -> str | None:
    """The single term a query of two or three units is, else None."""
    units = _units(tokens)
    return "".join(units) if len(units) in (2, 3) else None


def grams_ready(conn: Connection) -> bool:
    """Whether the n-gram index holds every indexed proposal. A database made before it
    existed has no table; a copy whose positional index was filled directly (the SQLite copy of
    a server database) has an empty one: both search and write through the positional index
    alone until build_grams fills it. Both docsize tables have one row per document, so two
    counts tell (under a millisecond at 100,000 proposals)."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = ?", (GRAM_TABLE,)).first() is not None
    return exists and bool(conn.exec_driver_sql(
        f"SELECT (SELECT count(*) FROM {GRAM_TABLE}_docsize) = "
        f"(SELECT count(*) FROM {FTS_TABLE}_docsize)").scalar())


def build_grams(conn: Connection) -> int:
    """Create (or fill again) the n-gram index from the positional one, e.g. for a database
    made before it existed; returns the number of proposals indexed."""
    conn.exec_driver_sql(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {GRAM_TABLE} USING fts5("
        "grams, content = '', detail = none, tokenize = 'ascii')")
    conn.exec_driver_sql(f"INSERT INTO {GRAM_TABLE}({GRAM_TABLE}) VALUES ('delete-all')")
    done, last = 0, -1
    while True:
        rows = conn.exec_driver_sql(
            f"SELECT rowid, body FROM {FTS_TABLE} WHERE rowid > ? ORDER BY rowid LIMIT 2000",
            (last,)).all()
        if not rows:
            return done
        terms = terms_memo()
        conn.exec_driver_sql(f"INSERT INTO {GRAM_TABLE}(rowid, grams) VALUES (?, ?)",
                             [(pid, gram_terms(body, terms)) for pid, body in rows])
        done += len(rows)
        last = rows[-1][0]


# ---- writing ---------------------------------------------------------------------------

def write_index(conn: Connection, docs: Iterable[tuple[int, list[str]]], *,
                new: bool = False) -> None:
    """(Re)index proposals from their document_parts; `new`: none of them is indexed yet."""
    if conn.dialect.name != "sqlite":
        rows = [(pid, plain_body(parts)) for pid, parts in docs]
        if rows:
            if not new:
                remove_from_index(conn, [pid for pid, _ in rows])
            conn.exec_driver_sql(
                "INSERT INTO search_text(proposal_id, body) VALUES (%s, %s)", rows)
        return
    docs = list(docs)
    if not docs:
        return
    grams = grams_ready(conn)
    if not new:
        remove_from_index(conn, [pid for pid, _ in docs], grams=grams)
    # An import's proposals share units, sectors, names and notes: each such field is
    # tokenized and cut into terms once per write (and a remembered term's hash is computed).
    tokens = tokens_memo()
    rows = [(pid, index_body(parts, tokens)) for pid, parts in docs]
    conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (?, ?)", rows)
    if grams:
        terms = terms_memo()
        conn.exec_driver_sql(f"INSERT INTO {GRAM_TABLE}(rowid, grams) VALUES (?, ?)",
                             [(pid, gram_terms(body, terms)) for pid, body in rows])


def remove_from_index(conn: Connection, ids: Iterable[int], *,
                      grams: bool | None = None) -> None:
    wanted = sorted(set(ids))
    if not wanted:
        return
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql("DELETE FROM search_text WHERE proposal_id = %s",
                             [(i,) for i in wanted])
        return
    if grams if grams is not None else grams_ready(conn):
        # A contentless row goes by the 'delete' command with exactly the terms it was given.
        old: list[tuple[int, str]] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ", ".join("?" * len(chunk))
            old += conn.exec_driver_sql(
                f"SELECT rowid, body FROM {FTS_TABLE} WHERE rowid IN ({marks})",
                tuple(chunk)).all()
        if old:  # none when the ids were never indexed (an empty executemany is an error)
            terms = terms_memo()
            conn.exec_driver_sql(
                f"INSERT INTO {GRAM_TABLE}({GRAM_TABLE}, rowid, grams) VALUES ('delete', ?, ?)",
                [(pid, gram_terms(body, terms)) for pid, body in old])
    conn.exec_driver_sql(f"DELETE FROM {FTS_TABLE} WHERE rowid = ?", [(i,) for i in wanted])


# ---- searching -------------------------------------------------------------------------

def fts_query(query: str) -> str | None:
    tokens = [t for t in map(_token, query) if t]
    return '"' + " ".join(tokens) + '"' if tokens else None


_json_ok: dict[str, bool] = {}


def _hits(conn: Connection, table: str, match: str) -> set[int]:
    """The rowids matching, straight from the driver: one JSON array where SQLite has JSON
    (100,000 hits in half the time of 100,000 rows), rows otherwise."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    where = f"FROM {table} WHERE {table} MATCH ?"
    try:
        if _json_ok.get("json", True):
            try:
                found = cursor.execute(f"SELECT json_group_array(rowid) {where}",
                                       (match,)).fetchone()[0]
                return set(json.loads(found))
            except sqlite3.OperationalError as exc:
                if "json_group_array" not in str(exc):
                    raise
                _json_ok["json"] = False
        return {r[0] for r in cursor.execute(f"SELECT rowid {where}", (match,))}
    finally:
        cursor.close()


def search_ids(session: Session, query: str) -> set[int]:
    """Ids of the proposals whose text contains `query` (case and white space ignored)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        tokens = [t for t in map(_token, query) if t]
        if not tokens:
            return set(session.scalars(select(Proposal.id)))
        gram = _gram_query(tokens)
        if gram is not None and grams_ready(conn):
            table, match = GRAM_TABLE, gram
        else:
            table, match = FTS_TABLE, '"' + " ".join(tokens) + '"'
        return _hits(conn, table, match)
    needle = normalize(query)
    if not needle:
        return set(session.scalars(select(Proposal.id)))
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = select(search_text.c.proposal_id).where(
        search_text.c.body.like(f"%{escaped}%", escape="\\")
    )
    return set(session.scalars(stmt))
