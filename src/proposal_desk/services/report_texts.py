"""The annual report's narrative sections (开头, 主要做法, 存在问题, 下一步打算) that staff
write, kept per year in the ReportText table. A year without its own text starts from the
latest earlier year's, and the very first year from a starter text to rewrite."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.core.text import clean_text
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import ReportText

OPENING = "开头"
PRACTICE = "主要做法"
PROBLEMS = "存在问题"
PLANS = "下一步打算"
SECTIONS: tuple[str, ...] = (OPENING, PRACTICE, PROBLEMS, PLANS)

# Starter texts for a bureau's first report: plain, general, meant to be rewritten.
# {bureau}, {year}, {kind} (提案 / 建议 / 建议提案) and {member} (委员 / 代表 / 代表委员) are
# filled in when shown; {contact} is one of the two CONTACT sentences below.
STARTERS: dict[str, str] = {
    OPENING: (
        "{year}年，{bureau}把{kind}办理作为接受监督、改进工作的重要途径，按照交办要求逐件"
        "明确责任、逐件跟踪落实。现将办理工作情况报告如下。"
    ),
    PRACTICE: (
        "（一）压实办理责任。主要负责同志牵头抓总，分管负责同志具体负责，承办科室明确专人"
        "办理并逐件确定办理时限，办公室建立台账跟踪进度、按期催办。\n"
        "（二）坚持沟通协商。{contact}\n"
        "（三）严格审核把关。答复意见由承办科室起草，经分管负责同志审核、主要负责同志签发后"
        "行文答复，确保答复实事求是、措施可行。\n"
        "（四）注重成果转化。把{member}所提意见与年度重点工作结合起来，能解决的抓紧解决，"
        "一时难以解决的列入计划逐步推进，并跟踪落实情况。"
    ),
    PROBLEMS: (
        "对照{member}的期望，办理工作仍有不足：一是个别{kind}办理过程中与{member}的互动"
        "还不够多；二是部分答复对后续措施写得不够具体；三是对以往答复事项的跟踪问效还需"
        "持续用力。"
    ),
    PLANS: (
        "（一）完善办理机制。把{kind}办理纳入全年工作统筹安排，理顺交办、催办、审核、反馈"
        "各环节的衔接。\n"
        "（二）加强跟踪落实。对答复为B类、C类的事项建立清单，定期了解进展，及时向{member}"
        "反馈。\n"
        "（三）提高答复质量。加强与{member}和有关单位的沟通，使答复更有针对性，推动更多"
        "意见建议转化为具体措施。"
    ),
}


# A starter must not claim what the figures deny: "不沟通不办理、不见面不答复" only when
# every answered 主办/分办 proposal had contact and a face-to-face meeting on record (the
# report decides, from figures.ReportFigures); otherwise, and when no figures are at hand
# (the narrative editor), the plain sentence.
CONTACT_PLAIN = "办理过程中主动联系{member}了解想法、通报进展、听取意见。"
CONTACT_EVERY_ONE_MET = (
    "办理前主动联系{member}了解想法，办理中通报进展、听取意见，答复前当面商量办理方案，"
    "做到不沟通不办理、不见面不答复。")


@dataclass(frozen=True)
class SectionText:
    section: str
    text: str
    source_year: int | None  # the year it was written for; None for a starter text

    def is_for(self, year: int) -> bool:
        """True when staff saved this text for `year` itself (not carried over)."""
        return self.source_year == year


def starter(section: str, *, year: int, bureau: str = "", kind: str = "提案",
            member: str = "委员", every_one_met: bool = False) -> str:
    """A section's starter text; `every_one_met` says the figures bear out the pledge
    不沟通不办理、不见面不答复 (see CONTACT_EVERY_ONE_MET)."""
    contact = (CONTACT_EVERY_ONE_MET if every_one_met else CONTACT_PLAIN).format(member=member)
    return STARTERS[section].format(year=year, bureau=bureau or "我单位", kind=kind,
                                    member=member, contact=contact)


def texts_for(session: Session, year: int, *, bureau: str = "", kind: str = "提案",
              member: str = "委员", every_one_met: bool = False) -> dict[str, SectionText]:
    """Each section's text for `year`: its own, else the latest earlier year's, else the
    starter text."""
    rows = session.scalars(
        select(ReportText).where(ReportText.year <= year)
        .order_by(ReportText.year.desc())
    ).all()
    result: dict[str, SectionText] = {}
    for row in rows:
        if row.section in SECTIONS and row.section not in result and row.text.strip():
            result[row.section] = SectionText(row.section, row.text, row.year)
    for section in SECTIONS:
        if section not in result:
            result[section] = SectionText(
                section, starter(section, year=year, bureau=bureau, kind=kind, member=member,
                                 every_one_met=every_one_met),
                None)
    return {s: result[s] for s in SECTIONS}


# A carried-over sentence that names a year or states a figure speaks of the year it was written
# for: in a new year's report it would state last year's year and counts as this year's (the
# 2026 report opened "2025年……今年共承办提案39件" above its own 40; newcomer's try-out F14).
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:件|%|％)")
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?|\n")
MARK = "【请核对：沿用{year}年的文字】"


def _is_stale(sentence: str, year: int) -> bool:
    return (any(int(y) != year for y in _YEAR.findall(sentence))
            or _FIGURE.search(sentence) is not None)


def carried(text: SectionText, year: int) -> bool:
    """True when the text was written for an earlier year and is reused for `year`."""
    return text.source_year is not None and text.source_year != year


def stale_sentences(text: SectionText, year: int) -> list[str]:
    """The sentences of a carried-over text that name another year or state a figure."""
    if not carried(text, year):
        return []
    return [m.strip() for m in _SENTENCE.findall(text.text)
            if m.strip() and _is_stale(m, year)]


def marked_text(text: SectionText, year: int) -> str:
    """The text as the report prints it: a carried-over sentence naming another year or a
    figure is preceded by 【请核对：沿用2025年的文字】, so it is not printed unmarked as this
    year's; the year's own text and a starter text are printed as they are."""
    if not carried(text, year):
        return text.text
    mark = MARK.format(year=text.source_year)
    out = []
    for m in _SENTENCE.findall(text.text):
        lead = m[:len(m) - len(m.lstrip())]
        out.append(lead + mark + m.lstrip() if m.strip() and _is_stale(m, year) else m)
    return "".join(out)


def stale_hint(text: SectionText, year: int) -> str:
    """The window's word on a carried-over section whose sentences state another year or a
    figure: 其中2句写有年份或数字（是2025年的），如“今年共承办提案39件，…”，请核对改写。"""
    stale = stale_sentences(text, year)
    if not stale:
        return ""
    first = stale[0] if len(stale[0]) <= 24 else stale[0][:24] + "…"
    return (f"其中{len(stale)}句写有年份或数字（是{text.source_year}年的），如“{first}”，"
            "请核对改写。")


def carried_notes(texts: dict[str, SectionText], year: int) -> list[str]:
    """What the command line says about the texts a report for `year` prints: reused from
    an earlier year (whose year and figures they state), or the starter texts."""
    notes = []
    by_year: dict[int, list[str]] = {}
    for section, text in texts.items():
        if carried(text, year):
            by_year.setdefault(text.source_year or 0, []).append(section)
    for source, sections in sorted(by_year.items()):
        stale = sum(len(stale_sentences(texts[s], year)) for s in sections)
        marked = (f"；报告中已在{stale}句写有年份或数字的句子前标出“{MARK.format(year=source)}”"
                  if stale else "")
        notes.append(
            f"{year}年的报告文字尚未编写，{'、'.join(sections)}已沿用{source}年的文字"
            f"（其中的年份和数字是{source}年的）{marked}。请核对，并在窗口中“文书 › "
            f"编写年度报告文字”改写并保存{year}年的文字")
    starters = [s for s, t in texts.items() if t.source_year is None]
    if starters:
        notes.append(f"{year}年的报告文字尚未编写，{'、'.join(starters)}使用的是参考文字；"
                     f"请在窗口中“文书 › 编写年度报告文字”按本单位实际情况改写并保存")
    return notes


def save_text(session: Session, year: int, section: str, text: str) -> ReportText:
    """Keep a section's text for a year (replacing what was kept before)."""
    if section not in SECTIONS:
        raise UserError(f"报告没有名为“{section}”的部分（可选：{'、'.join(SECTIONS)}）")
    row = session.scalars(select(ReportText).where(
        ReportText.year == year, ReportText.section == section)).first()
    if row is None:
        row = ReportText(year=year, section=section, text="")
        session.add(row)
    row.text = clean_text(text)
    return row


def prefill(session: Session, year: int, **words: str) -> int:
    """Store last year's (or the starter) text for every section the year lacks, so staff
    edit it in place; returns how many sections were filled."""
    filled = 0
    for section, value in texts_for(session, year, **words).items():
        if not value.is_for(year):
            save_text(session, year, section, value.text)
            filled += 1
    return filled
