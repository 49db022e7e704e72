"""The n-gram terms written for a new or changed proposal come straight from its fields
(gram_terms_of): the same terms as from its positional row's body, which is what removing
the row uses, over text of every Unicode category."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from proposal_desk.storage import search

PIECES = st.one_of(
    st.characters(codec=None, categories=None),
    st.sampled_from(["区商务局", "跨境电商", "、", "“", "A", "ß", "Straße", "İ", "ﬁ", "2025",
                     " ", "\u3000", "\n", "\t", "x0a", " x0a ", "x3001", "\x00", "\ufffe"]))
PART = st.lists(PIECES, max_size=10).map("".join)


@settings(max_examples=500)
@given(st.lists(PART, max_size=6))
def test_terms_from_the_fields_equal_terms_from_the_body(parts: list[str]) -> None:
    from_fields = search.gram_terms_of(parts).split(" ")
    from_body = search.gram_terms(search.index_body(parts)).split(" ")
    assert sorted(from_fields) == sorted(from_body)
    assert len(set(from_fields)) == len(from_fields)  # each term once, as before
