"""One search over numbers, titles, proposers, replies and records, for substrings of any
length — one and two Chinese characters included.

SQLite's trigram tokenizer cannot find strings shorter than three characters, so the index
stores every character as its own token (punctuation as a hex token) in an FTS5 table, and a
query becomes a phrase of consecutive tokens: exactly a substring match, served by the index.
A separator token between fields, which no query can produce, keeps matches inside one field.
Other databases (PostgreSQL) fall back to a LIKE over the same text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy import Connection, Integer, String, column, select, table, text
from sqlalchemy.orm import Session

from proposal_desk.storage.facts import Caches, StoredProposal
from proposal_desk.storage.models import Proposal

FTS_TABLE = "search_fts"
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


def index_body(parts: Iterable[str]) -> str:
    """The FTS row: the fields' tokens with a separator token between fields, which no query
    can contain (a query's white space is dropped), so no match runs across two fields."""
    return _FIELD_BREAK.join(t for t in map(tokenize, parts) if t)


def plain_body(parts: Iterable[str]) -> str:
    """The LIKE mirror's row (databases without FTS5): normalized fields, one per line."""
    return "\n".join(normalize(p) for p in parts)


def normalize(value: str) -> str:
    """What a full scan compares: case folded, white space removed (as the index does)."""
    return "".join(ch.casefold() for ch in value if not ch.isspace())


def write_index(conn: Connection, docs: Iterable[tuple[int, list[str]]], *,
                new: bool = False) -> None:
    """(Re)index proposals from their document_parts; `new`: none of them is indexed yet."""
    sqlite = conn.dialect.name == "sqlite"
    rows = [{"id": pid, "body": index_body(parts) if sqlite else plain_body(parts)}
            for pid, parts in docs]
    if not rows:
        return
    if not new:
        remove_from_index(conn, [r["id"] for r in rows])
    if sqlite:
        conn.execute(text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:id, :body)"), rows)
    else:
        conn.execute(text("INSERT INTO search_text(proposal_id, body) VALUES (:id, :body)"),
                     rows)


def remove_from_index(conn: Connection, ids: Iterable[int]) -> None:
    params = [{"id": i} for i in ids]
    if not params:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), params)
    else:
        conn.execute(text("DELETE FROM search_text WHERE proposal_id = :id"), params)


def fts_query(query: str) -> str | None:
    tokens = [t for t in map(_token, query) if t]
    return '"' + " ".join(tokens) + '"' if tokens else None


def search_ids(session: Session, query: str) -> set[int]:
    """Ids of the proposals whose text contains `query` (case and white space ignored)."""
    if session.get_bind().dialect.name == "sqlite":
        match = fts_query(query)
        if match is None:
            return set(session.scalars(select(Proposal.id)))
        rows = session.execute(
            text(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q"), {"q": match}
        )
        return {r[0] for r in rows}
    needle = normalize(query)
    if not needle:
        return set(session.scalars(select(Proposal.id)))
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = select(search_text.c.proposal_id).where(
        search_text.c.body.like(f"%{escaped}%", escape="\\")
    )
    return set(session.scalars(stmt))
