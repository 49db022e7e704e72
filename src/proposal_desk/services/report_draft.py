"""The annual report's narrative as staff edit it: the four sections they write (开头, 主要做法,
存在问题, 下一步打算) for one year, beside the 基本情况 paragraph the report computes from the
records, so they write with the figures in front of them.

The texts themselves live in services.report_texts (per year, carried over from the latest
earlier year); this module reads them together with the figures and saves an edited set.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from proposal_desk.services import report_texts
from proposal_desk.services.report_texts import SECTIONS, SectionText
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.models import Meeting, ReportText
from proposal_desk.storage.settings_store import load_settings


@dataclass(frozen=True)
class ReportDraft:
    year: int
    texts: dict[str, SectionText]  # every section of SECTIONS, in order
    basic: list[str]  # 一、基本情况 as the report prints it for this year
    kind: str  # 提案 / 建议 / 建议提案

    @property
    def saved_for_year(self) -> bool:
        """True when every section was saved for this year (nothing carried over)."""
        return all(t.is_for(self.year) for t in self.texts.values())

    def carried_from(self) -> int | None:
        """The earlier year whose texts this year starts from, if any."""
        years = {t.source_year for t in self.texts.values()
                 if t.source_year is not None and t.source_year != self.year}
        return max(years) if years else None


def load_draft(session: Session, year: int, *, today: dt.date | None = None) -> ReportDraft:
    """The year's texts (its own, else carried over, else the starter texts) and its figures
    paragraph, worded as the report words them (提案 or 建议, 委员 or 代表)."""
    from proposal_desk.documents.figures import compute, load_digests, load_prior_b
    from proposal_desk.documents.report import basic_paragraphs, every_one_met, kind_words

    settings = load_settings(session)
    today = today or dt.date.today()
    digests = load_digests(session, settings.deadlines, year=year)
    figures = compute(digests, settings, load_prior_b(session, year - 1), today)
    kind, member, _ = kind_words(figures.kinds)
    texts = report_texts.texts_for(session, year, bureau=settings.name, kind=kind,
                                   member=member, every_one_met=every_one_met(figures))
    basic = basic_paragraphs(figures, settings, year=year, today=today)
    return ReportDraft(year=year, texts=texts, basic=basic, kind=kind)


def save_draft(session: Session, year: int, texts: Mapping[str, str]) -> None:
    """Keep all four sections for `year` (inside the caller's transaction). An empty section
    is refused: the report would print a heading with nothing under it."""
    missing = [s for s in SECTIONS if not texts.get(s, "").strip()]
    if missing:
        raise UserError(f"“{'、'.join(missing)}”还没有内容。报告中每一部分都要有文字，"
                        "请填写后再保存。")
    for section in SECTIONS:
        report_texts.save_text(session, year, section, texts[section])


def has_own_texts(session: Session, year: int) -> bool:
    """Whether staff saved every section for `year` itself."""
    saved = set(session.scalars(select(ReportText.section).where(
        ReportText.year == year, ReportText.text != "")))
    return set(SECTIONS) <= saved


def draft_years(session: Session, today: dt.date | None = None) -> list[int]:
    """Years a report can be written for, newest first: those with proposals or saved texts,
    and the current year."""
    years = set(session.scalars(select(Meeting.year).distinct()))
    years |= set(session.scalars(select(ReportText.year).distinct()))
    years.add((today or dt.date.today()).year)
    return sorted(years, reverse=True)
