"""The annual report for N proposals (default 1,000), against a bare docxtpl render of the same
content (goal, issue 6: at most 1.5× the bare render).

    .venv/bin/python bench/bench_report.py [--proposals 1000] [--runs 7] [--keep FOLDER]

Generates a year of proposals (replies, opinions, contacts, a five-line summary each) in a
temporary database, then times, interleaved, min and median of the runs:

    full     write_report(): read the records, compute the figures, clean the text, render
             the report template, complete the fonts, write the file
    context  report_context() alone (the database reads and the figures)
    bare     stock docxtpl (DocxTemplate.render + save) on the same template with the same,
             ready context: the same document with none of our work (the goal's baseline)
    minimal  stock docxtpl on a minimal template (the same loops, one unformatted paragraph
             per item, an unformatted table): a lower floor, for information, since the
             official format's run and paragraph properties make the document itself larger

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from proposal_desk.core.enums import Kind
from proposal_desk.documents import templates
from proposal_desk.documents.report import report_context, write_report
from proposal_desk.services import handling
from proposal_desk.services.meetings import ensure_meeting
from proposal_desk.storage.database import Database
from proposal_desk.storage.models import Proposal
from proposal_desk.storage.settings_store import set_value

YEAR = 2025
TOPICS = ["跨境电商", "老字号", "家政", "夜间经济", "物流", "外贸", "消费", "电商直播"]
SECTIONS = ["电子商务科", "对外贸易科", "市场运行科", "商贸流通科", "办公室"]


def populate(db: Database, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with db.transaction() as s:
        set_value(s, "bureau.name", "区商务局")
        meeting = ensure_meeting(s, "区政协十四届四次会议", kind=Kind.PROPOSAL, year=YEAR)
        for i in range(count):
            role = rng.choice(["主办", "主办", "协办", "会办", "分办"])
            p = Proposal(meeting=meeting, number=str(144000 + i), role=role,
                         title=f"关于进一步推动{rng.choice(TOPICS)}高质量发展的建议（{i}）",
                         assigned_on=dt.date(YEAR, 3, 18), key=rng.random() < 0.02,
                         summary="\n".join(f"{'一二三四五'[k]}是围绕第{144000 + i}号提案开展"
                                           f"专题调研，走访企业{rng.randint(3, 30)}家，"
                                           f"协调解决问题{rng.randint(1, 9)}项。"
                                           for k in range(5)))
            s.add(p)
            s.flush()
            handling.set_proposers(s, p, [f"委员{i}", f"委员{i + 1}"])
            handling.set_topics(s, p, rng.sample(TOPICS, 2))
            handling.assign(s, p, section=rng.choice(SECTIONS), handler=f"承办人{i % 40}")
            handling.add_record(p, date=dt.date(YEAR, 4, 2),
                                method=rng.choice(["电话", "上门面商", "座谈会"]))
            sent = dt.date(YEAR, 3, 18) + dt.timedelta(days=rng.randint(20, 110))
            if role in ("主办", "分办"):
                handling.save_reply(s, p, category=rng.choice("AAAABCD"), sent_on=sent,
                                    text="一、总体情况。已办理。")
                handling.record_opinion(p, rng.choice(["满意", "满意", "基本满意", "不满意"]),
                                        received_on=sent + dt.timedelta(days=7))
            else:
                handling.save_assist_opinion(s, p, sent_on=sent, text="会办意见。")
            if i % 200 == 199:
                s.flush()


def bare_template(folder: Path) -> Path:
    """The same loops as the report template with nothing else: no styles, fonts, page setup,
    headings or per-level branches."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("{{ title }}")
    for flow in ("opening", "basic", "practice"):
        doc.add_paragraph(f"{{%p for para in {flow} %}}")
        doc.add_paragraph("{{ para.text }}")
        doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for section in sections %}")
    doc.add_paragraph("{{ section.heading }}")
    doc.add_paragraph("{%p for para in section.paras %}")
    doc.add_paragraph("{{ para.text }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p endfor %}")
    for flow in ("problems", "plans"):
        doc.add_paragraph(f"{{%p for para in {flow} %}}")
        doc.add_paragraph("{{ para.text }}")
        doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{{ appendix_title }}")
    fields = ("no", "number", "title", "proposers", "role", "section", "replied", "category",
              "opinion")
    table = doc.add_table(rows=3, cols=len(fields))
    table.rows[0].cells[0].text = "{%tr for row in appendix %}"
    for cell, field in zip(table.rows[1].cells, fields, strict=True):
        cell.text = f"{{{{ row.{field} }}}}"
    table.rows[2].cells[0].text = "{%tr endfor %}"
    path = folder / "bare.docx"
    doc.save(str(path))
    return path


def render_only(template: Path, context: dict, dest: Path) -> None:
    from docxtpl import DocxTemplate

    tpl = DocxTemplate(str(template))
    tpl.render(context, autoescape=True)
    tpl.save(str(dest))


def timed(runs: int, action: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        action()
        times.append(time.perf_counter() - t0)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--proposals", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="folder for the database and documents")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        db = Database(f"sqlite:///{folder / 'bench.sqlite3'}", backup_dir=folder / "backups")
        t0 = time.perf_counter()
        populate(db, args.proposals)
        print(f"generated {args.proposals} proposals in {time.perf_counter() - t0:.1f} s")
        today = dt.date(YEAR, 12, 20)
        bare_path = bare_template(folder)
        ours_path = templates.builtin_template("report")
        times: dict[str, list[float]] = {"full": [], "context": [], "bare": [], "minimal": []}
        with db.session() as s:
            write_report(s, YEAR, folder / "warm.docx", today=today)  # imports, caches
            context = report_context(s, YEAR, today=today)
            render_only(bare_path, context, folder / "minimal-out.docx")
            # Interleaved, so that load from other programs falls on all four alike.
            for _ in range(args.runs):
                times["full"] += timed(1, lambda: write_report(
                    s, YEAR, folder / "report.docx", today=today))
                times["context"] += timed(1, lambda: report_context(s, YEAR, today=today))
                times["bare"] += timed(1, lambda: render_only(ours_path, context,
                                                              folder / "bare-out.docx"))
                times["minimal"] += timed(1, lambda: render_only(bare_path, context,
                                                                 folder / "minimal-out.docx"))
        db.dispose()
        size = (folder / "report.docx").stat().st_size
        print(f"sections {len(context['sections'])}, appendix rows {len(context['appendix'])}, "
              f"report {size / 1024:.0f} KiB, {args.runs} runs")
        labels = {"full": "full write_report", "context": "  of which context",
                  "bare": "bare docxtpl, same template", "minimal": "minimal-template docxtpl"}
        for key, label in labels.items():
            values = times[key]
            print(f"{label:28s} min {min(values):5.2f} s  median "
                  f"{statistics.median(values):5.2f} s  max {max(values):5.2f} s")
        for how, pick in (("min", min), ("median", statistics.median)):
            ratio = pick(times["full"]) / pick(times["bare"])
            verdict = "within" if ratio <= 1.5 else "OVER"
            floor = pick(times["full"]) / pick(times["minimal"])
            print(f"full / bare ({how}) = {ratio:.2f}×  ({verdict} the 1.5× goal); "
                  f"full / minimal template = {floor:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
