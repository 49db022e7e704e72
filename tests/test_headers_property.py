"""Header matching, by property: every known spelling however it is typed maps to its
field, and nothing unknown is ever mapped without the user saying so."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from proposal_desk.sheets import headers
from proposal_desk.sheets.headers import FIELDS, match_columns, match_header, normalize

VARIANTS = [(f.key, v) for f in FIELDS for v in f.variants]
SPACES = st.text(alphabet=" \t\n\r\u3000", max_size=3)
HALF_TO_FULL = str.maketrans({"(": "（", ")": "）", ":": "：", "/": "／", "*": "＊"})
FULL_TO_HALF = str.maketrans({"（": "(", "）": ")", "：": ":", "／": "/", "＊": "*"})


@st.composite
def typed(draw: st.DrawFn) -> tuple[str, str]:
    """A known header as people type it: spaces around, line breaks inside, either width of
    brackets, a star for required, a colon at the end."""
    key, variant = draw(st.sampled_from(VARIANTS))
    text = variant.translate(draw(st.sampled_from([HALF_TO_FULL, FULL_TO_HALF])))
    if len(text) > 1 and draw(st.booleans()):
        cut = draw(st.integers(1, len(text) - 1))
        text = text[:cut] + draw(st.sampled_from(["\n", "\r\n", " ", "\u3000"])) + text[cut:]
    if draw(st.booleans()):
        text = draw(st.sampled_from(["*", "＊"])) + text
    if draw(st.booleans()):
        text += draw(st.sampled_from([":", "："]))
    return key, draw(SPACES) + text + draw(SPACES)


@given(typed())
def test_every_known_header_maps_to_its_field(case: tuple[str, str]) -> None:
    key, text = case
    assert match_header(text) == key


BRACKETS = set(headers._OPEN + headers._CLOSE + "()")


@given(typed(), st.text(min_size=1, max_size=6).filter(lambda s: not BRACKETS & set(s)))
def test_a_bracketed_remark_does_not_hide_the_field(case: tuple[str, str], remark: str) -> None:
    key, text = case
    assert match_header(f"{text.strip()}（{remark}）") == key


KNOWN = {normalize(v) for _k, v in VARIANTS}


def _unknown(text: str) -> bool:
    bare = headers._REMARK.sub("", normalize(text)).strip("*:")
    return normalize(text) not in KNOWN and bare not in KNOWN


@given(st.text(max_size=12))
def test_unknown_headers_never_map(text: str) -> None:
    assume(_unknown(text))
    assert match_header(text) is None


@given(st.text(min_size=1, max_size=8), st.lists(st.sampled_from(
    ["A", "B", "满意", "主办", "是", "2025-03-18", "提案", "关于甲的建议"]), max_size=5))
def test_an_unknown_column_is_never_mapped_by_its_values_alone(text: str,
                                                              values: list[str]) -> None:
    assume(_unknown(text) and normalize(text) not in headers.AMBIGUOUS)
    (match,) = match_columns([text], [values])
    assert match.field is None
    if match.suggestion is not None:
        assert match.suggestion in headers.BY_KEY


@given(st.text(min_size=1, max_size=8), st.sampled_from([f for f in FIELDS if f.imported]))
def test_the_users_mapping_names_exactly_that_column(text: str, field: headers.Field) -> None:
    assume(normalize(text) and normalize(text) != normalize("提案号"))
    matches = match_columns([text, "提案号"], [[], []], {text: field.key})
    assert matches[0].field == field.key and matches[0].how == "指定"
    assert matches[1].field == ("number" if field.key != "number" else None)


@given(st.lists(st.sampled_from(["A", "B类", "C", "ｄ"]), min_size=1, max_size=6))
def test_leibie_over_letters_is_the_answer_category(values: list[str]) -> None:
    (match,) = match_columns(["类别"], [values])
    assert (match.field, match.how) == ("category", "内容")


@given(st.lists(st.sampled_from(["跨境电商", "老字号", "家政"]), min_size=1, max_size=6))
def test_leibie_over_words_is_the_topic(values: list[str]) -> None:
    (match,) = match_columns(["类别"], [values])
    assert match.field == "topics"


@given(st.lists(st.sampled_from(VARIANTS), min_size=1, max_size=10))
def test_a_header_row_scores_the_fields_it_names(cells: list[tuple[str, str]]) -> None:
    assert headers.header_score([v for _k, v in cells]) == len({k for k, _v in cells})


def test_a_field_named_twice_keeps_the_first_column() -> None:
    matches = match_columns(["提案人", "领衔人", "案由"], [[], [], []])
    assert [m.field for m in matches] == ["proposer", None, "title"]
    assert matches[1].note == "与第1列重复"


def test_no_two_fields_share_a_spelling() -> None:
    seen: dict[str, str] = {}
    for key, variant in VARIANTS:
        assert seen.setdefault(normalize(variant), key) == key, variant
