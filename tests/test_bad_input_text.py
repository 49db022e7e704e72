"""Bad text: control characters, NUL bytes, lone surrogates and over-long values through the
handling steps. Stored text never holds what Word/Excel XML (or PostgreSQL) cannot; on a
PostgreSQL server a value too long for its field is refused naming the field (SQLite, which
has no length limits, keeps it whole)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from safety_support import add_proposal, snapshot
from sqlalchemy import select, text

from proposal_desk.services import handling
from proposal_desk.storage.database import Database
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting, Proposal

pytestmark = pytest.mark.postgres

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Text as it arrives from pasted Word, old systems and broken exports.
hostile = st.text(
    alphabet=st.one_of(st.characters(min_codepoint=0, max_codepoint=0x1f),
                       st.sampled_from("\x7f\ufffe\uffff\ud800\udfff\u200b\u3000"),
                       st.characters(min_codepoint=0x4e00, max_codepoint=0x4fff),
                       st.characters(min_codepoint=32, max_codepoint=126)),
    max_size=60)

TEXT_COLUMNS = {"correspondence": ["content", "our_people", "their_people", "place", "attitude"],
                "reply": ["text", "signer", "cc"], "member": ["name"],
                "return_request": ["reason", "suggested_unit"]}


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(words=st.lists(hostile, min_size=8, max_size=8))
def test_control_characters_never_reach_the_database(db: Database, words: list[str]) -> None:
    with db.transaction() as s:
        meeting = s.scalars(select(Meeting)).first() or Meeting(
            kind="提案", name="区政协十四届四次会议", year=2025)
        n = len(s.scalars(select(Proposal.id)).all())
        p = Proposal(meeting=meeting, number=f"9{n:05d}", title="关于加强社区养老服务的建议",
                     role="主办", assigned_on=dt.date(2025, 3, 18))
        s.add(p)
        s.flush()
        handling.set_proposers(s, p, [words[0], words[1], "彭刚超"])
        handling.add_record(p, date=dt.date(2025, 4, 1), method="电话", content=words[2],
                            our_people=words[3], their_people=words[4], place=words[5],
                            attitude=words[6])
        handling.save_reply(s, p, text=words[7], signer=words[0][:50], cc=words[1][:300])
        # A reason with nothing left after cleaning is refused, as an empty one is.
        with contextlib.suppress(UserError):
            handling.request_return(p, on=dt.date(2025, 3, 20), reason=words[2],
                                    suggested_unit=words[3])
    with db.engine.connect() as conn:
        for table, columns in TEXT_COLUMNS.items():
            for column in columns:
                for (value,) in conn.execute(text(f"SELECT {column} FROM {table}")):
                    assert not ILLEGAL.search(value or ""), (table, column, value)


TOO_LONG = {
    "title": ("案由", 500),
    "number": ("编号", 40),
    "proposer": ("提案人姓名", 100),
    "unit": ("单位名称", 100),
    "doc number": ("发文字号", 60),
    "place": ("地点", 200),
}


@pytest.mark.parametrize("kind", list(TOO_LONG))
def test_a_value_too_long_for_its_field_is_refused_naming_the_field(
        kind: str, db: Database) -> None:
    """On PostgreSQL (which enforces VARCHAR(n)); SQLite keeps the whole value."""
    label, limit = TOO_LONG[kind]
    pid = add_proposal(db, "144009")
    before = snapshot(db.url)
    value = "长" * (limit + 1)
    refused = pytest.raises(UserError) if not db.is_sqlite else contextlib.nullcontext()
    with refused as caught, db.transaction() as s:
        p = s.get(Proposal, pid)
        assert p is not None
        if kind == "title":
            p.title = value
        elif kind == "number":
            p.number = value
        elif kind == "proposer":
            handling.set_proposers(s, p, [value])
        elif kind == "unit":
            handling.set_units(s, p, [(value, "主办")])
        elif kind == "doc number":
            handling.save_reply(s, p, text="答复", doc_number=value)
        else:
            handling.add_record(p, date=dt.date(2025, 4, 2), method="走访", place=value)
    if db.is_sqlite:
        assert any(value in map(str, row) for rows in snapshot(db.url).values()
                   for row in rows), "SQLite stores the whole value, nothing cut"
        return
    message = str(caught.value)  # type: ignore[union-attr]
    assert message.startswith(f"{label}太长：{limit + 1} 个字，最多 {limit} 个字"), message
    assert snapshot(db.url) == before


def test_a_value_exactly_at_the_limit_is_kept(db: Database) -> None:
    pid = add_proposal(db, "144009")
    with db.transaction() as s:
        s.get(Proposal, pid).title = "长" * 500  # type: ignore[union-attr]
    with db.session() as s:
        assert s.get(Proposal, pid).title == "长" * 500  # type: ignore[union-attr]


def test_names_made_only_of_separators_or_controls_add_nobody(db: Database) -> None:
    pid = add_proposal(db, "144009")
    with db.transaction() as s:
        p = s.get(Proposal, pid)
        handling.set_proposers(s, p, ["彭刚超", "", "   ", "\x00\x01", "\u3000"])
    with db.session() as s:
        p = s.get(Proposal, pid)
        assert [pm.member.name for pm in p.proposers] == ["彭刚超"]  # type: ignore[union-attr]
