"""Writing the search index: the rows of one write share memos of the fields' tokens and
n-gram terms (an import's proposals repeat units, sectors, names and notes). Every row must
still be exactly what its own fields make — checked against a plain reference over text of
every Unicode category, fields recurring from row to row, short and long — and the terms a
row is written with are the very ones removing it takes out of the contentless index."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection

from proposal_desk.storage import search
from proposal_desk.storage.database import Database

PIECES = st.one_of(
    st.characters(codec=None, categories=None),
    st.sampled_from(["区商务局", "跨境电商", "、", "“", "A", "ß", "Straße", "İ", "ﬁ", "2025",
                     " ", "\u3000", "\n", "\t", "x0a", " x0a ", "x3001", "\x00", "\ufffe",
                     "关于进一步加快发展夜间经济促进消费扩容提质的建议"]))
PART = st.lists(PIECES, max_size=12).map("".join)


def _reference_token(ch: str) -> str | None:
    if ch.isspace():
        return None
    if unicodedata.category(ch)[0] in "LN" and ch.isalnum():
        return ch.casefold()
    return f"x{ord(ch):x}"


def _reference(parts: list[str]) -> tuple[str, list[str]]:
    """The positional row and the sorted distinct n-grams of one proposal, field by field."""
    fields = [[t for t in map(_reference_token, p) if t] for p in parts]
    fields = [f for f in fields if f]
    body = " x0a ".join(" ".join(f) for f in fields)
    terms: set[str] = set()
    for tokens in fields:
        units = [f"{0x800000 + int(t[1:], 16):06x}" if len(t) > 1 and t[0] == "x"
                 else f"{ord(ch):06x}" for t in tokens
                 for ch in ([t] if len(t) > 1 and t[0] == "x" else t)]
        for n in (2, 3):
            terms.update("".join(units[i:i + n]) for i in range(len(units) - n + 1))
    return body, sorted(terms)


def _rows(docs: list[list[str]]) -> list[tuple[str, list[str]]]:
    """Each proposal's rows as write_index makes them: one pair of memos for the whole write."""
    tokens, terms = search.tokens_memo(), search.terms_memo()
    out = []
    for parts in docs:
        body = search.index_body(parts, tokens)
        out.append((body, sorted(search.gram_terms(body, terms).split())))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(PART, min_size=1, max_size=8),
       st.lists(st.lists(st.integers(0, 7), max_size=8), max_size=6))
def test_rows_of_one_write_are_each_exactly_their_own_fields(
        pool: list[str], picks: list[list[int]]) -> None:
    docs = [[pool[i % len(pool)] for i in pick] for pick in picks]  # fields recur across rows
    assert _rows(docs) == [_reference(parts) for parts in docs]


def test_long_and_short_fields_recurring_in_many_rows() -> None:
    unit, note = "区商务局", "据台账“沟通方式”栏导入"
    reply = "关于《跨境电商》的答复：" + "我局高度重视，Straße 已办。" * 40  # not remembered
    docs = [[str(140000 + i), f"关于第{i}件的建议", unit, note, note, reply] for i in range(50)]
    docs += [[unit], ["  "], [], [reply, unit]]
    # around the longest field cut by slices (64 tokens), with tokens of several letters
    docs += [["电" * k, "ß" * k, "《" * k + "Ab"] for k in (1, 2, 3, 4, 63, 64, 65, 200)]
    assert _rows(docs) == [_reference(parts) for parts in docs]


def _grams_state(conn: Connection) -> tuple[int, int]:
    """Documents and term instances left in the contentless n-gram index."""
    raw = conn.connection.dbapi_connection
    raw.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.grams_vocab USING "
                f"fts5vocab(main, '{search.GRAM_TABLE}', 'instance')")
    docs = raw.execute(f"SELECT count(*) FROM {search.GRAM_TABLE}_docsize").fetchone()[0]
    terms = raw.execute("SELECT count(*) FROM temp.grams_vocab").fetchone()[0]
    return docs, terms


def test_removing_rows_takes_out_exactly_the_terms_they_were_written_with(
        db: Database) -> None:
    shared = ["区商务局", "经济界", "据台账“沟通方式”栏导入", "ß电商ß"]
    docs = [(i, [f"{i}号", shared[i % 4], shared[(i + 1) % 4], "跨境电商" * (i % 30)])
            for i in range(1, 201)]
    with db.engine.begin() as conn:
        search.write_index(conn, docs, new=True)
        assert _grams_state(conn)[0] == 200
        # a rewrite goes through the removal of the old rows
        search.write_index(conn, [(i, [*parts, "新增"]) for i, parts in docs[:100]])
        assert _grams_state(conn)[0] == 200
        search.remove_from_index(conn, range(1, 201))
        assert _grams_state(conn) == (0, 0)
        conn.exec_driver_sql(f"INSERT INTO {search.GRAM_TABLE}({search.GRAM_TABLE}) "
                             "VALUES ('integrity-check')")
