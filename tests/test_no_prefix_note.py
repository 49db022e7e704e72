"""A document printed without a 发文字号 because its prefix is not set says where the prefix is
set: the command line names the settings page and its command (byte-identical to before), the
window the page only — said by documents/letters.no_prefix_note, not cut out by the window."""

from __future__ import annotations

from proposal_desk.documents.letters import SETTINGS_PAGE, no_prefix_note


def test_the_command_line_names_the_page_and_the_command() -> None:
    assert no_prefix_note("doc_prefix", "周商函", "答复函") == (
        "未设置答复函发文字号前缀（设置 › 本单位，或 proposal-desk config "
        "bureau.doc_prefix 周商函），答复函没有发文字号")
    assert no_prefix_note("opinion_prefix", "周商会办", "会办意见") == (
        "未设置会办意见发文字号前缀（设置 › 本单位，或 proposal-desk config "
        "bureau.opinion_prefix 周商会办），会办意见没有发文字号")


def test_the_window_names_the_page_only() -> None:
    assert no_prefix_note("doc_prefix", "周商函", "答复函", SETTINGS_PAGE) == (
        "未设置答复函发文字号前缀（设置 › 本单位），答复函没有发文字号")
