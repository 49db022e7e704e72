"""One search over numbers, titles, proposers, replies and records, for substrings of any
length — one and two Chinese characters included.

SQLite's trigram tokenizer cannot find strings shorter than three characters, so the index
stores every character as its own token (punctuation as a hex token) in an FTS5 table, and a
query becomes a phrase of consecutive tokens: exactly a substring match, served by the index.
Other databases (PostgreSQL) fall back to a LIKE over the same text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from sqlalchemy import Connection, Integer, String, column, select, table, text
from sqlalchemy.orm import Session

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


def tokenize(value: str) -> str:
    return " ".join(t for t in map(_token, value) if t)


def document_text(p: Proposal) -> str:
    """Everything a search should see for one proposal; fields apart by a line break so that
    no match runs across two fields."""
    parts: list[str] = [p.number, p.title, p.proposer_names or "", p.lead_unit or "",
                        p.sector, p.summary, p.notes, p.merged_with]
    parts += [t.topic.name for t in p.topics]
    for r in p.replies:
        parts += [r.text, r.doc_number]
    for o in p.assist_opinions:
        parts += [o.text, o.doc_number]
    for c in p.records:
        parts += [c.content, c.our_people, c.their_people, c.place, c.attitude]
    for o in p.member_opinions:
        parts.append(o.comments)
    for f in p.follow_ups:
        parts.append(f.progress)
    return "\n".join(x for x in parts if x)


def normalize(value: str) -> str:
    """What a full scan compares: case folded, white space removed (as the index does)."""
    return "".join(ch.casefold() for ch in value if not ch.isspace())


def write_index(conn: Connection, docs: Iterable[tuple[int, str]]) -> None:
    rows = [{"id": pid, "body": body} for pid, body in docs]
    if not rows:
        return
    ids = [{"id": r["id"]} for r in rows]
    if conn.dialect.name == "sqlite":
        conn.execute(text(f"DELETE FROM {FTS_TABLE} WHERE rowid = :id"), ids)
        conn.execute(
            text(f"INSERT INTO {FTS_TABLE}(rowid, body) VALUES (:id, :body)"),
            [{"id": r["id"], "body": tokenize(r["body"])} for r in rows],
        )
    else:
        conn.execute(text("DELETE FROM search_text WHERE proposal_id = :id"), ids)
        conn.execute(
            text("INSERT INTO search_text(proposal_id, body) VALUES (:id, :body)"),
            [{"id": r["id"], "body": normalize(r["body"])} for r in rows],
        )


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
