"""The fast paths behave exactly like the slow ones: the benchmark generator's database passes
`check`, the search (positional and n-gram index) finds what a field-by-field scan finds, also
after edits and deletions, and caches follow a meeting's dates and the deadline settings."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from bench_support import bench_module
from sqlalchemy import select

from proposal_desk.services import handling
from proposal_desk.services.queries import load_proposal
from proposal_desk.storage import search
from proposal_desk.storage.database import Database
from proposal_desk.storage.facts import caches, load_stored
from proposal_desk.storage.integrity import check_database
from proposal_desk.storage.models import AuditEntry, Meeting, Proposal, StatusChange
from proposal_desk.storage.settings_store import load_settings, set_value

QUERIES = ["商", "电商", "老字号", "跨境电", "委员", "满意", "市商务局", "进一步加快", "的建",
           "王", "〔", "号〕", "2025", "0533", "A", "x", "议王", "电子商务科", "不存在的字串"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scale") / "generated.sqlite3"
    summary = bench_module("generate").generate(path, 160, seed=7, year=2025, years=2,
                                    as_of=dt.date(2025, 10, 1))
    assert summary["proposals"] == 160 and summary["records"] == 800
    return path


def _open(path: Path) -> Database:
    return Database(f"sqlite:///{path}", check_on_open=False, backup_on_open=False)


def _scan(db: Database, query: str) -> set[int]:
    """The reference: every field of every proposal, normalized, searched one by one."""
    needle = search.normalize(query)
    found = set()
    with db.session() as s:
        deadlines = load_settings(s).deadlines
        ids = list(s.scalars(select(Proposal.id)))
        for item in load_stored(s.connection(), ids):
            parts = search.document_parts(item.data, caches(item.data, deadlines))
            if any(needle in search.normalize(p) for p in parts):
                found.add(item.data.id)
    return found


def _assert_search_agrees(db: Database) -> None:
    with db.session() as s:
        assert s.connection().exec_driver_sql(
            f"INSERT INTO {search.GRAM_TABLE}({search.GRAM_TABLE}) "
            "VALUES ('integrity-check')") is not None
        for q in QUERIES:
            assert search.search_ids(s, q) == _scan(db, q), q


def test_the_generated_database_passes_check(generated: Path) -> None:
    db = _open(generated)
    try:
        report = check_database(db.engine, str(generated))
        assert report.ok, report.lines()
        with db.session() as s:
            proposals = s.scalars(select(Proposal)).all()
            assert {p.meeting_id for p in proposals} == {m.id for m in s.scalars(select(Meeting))}
            assert all(20 <= len(p.title) <= 40 for p in proposals)
            assert all(len(p.records) == 5 for p in proposals)
            replies = [r for p in proposals for r in p.replies]
            assert replies and all(len(r.text) == 1500 for r in replies)
            history = s.scalars(select(StatusChange.proposal_id)).all()
            assert sorted(history) == sorted(p.id for p in proposals)  # one each, from nothing
            inserted = s.scalars(select(AuditEntry.table).where(AuditEntry.action == "insert"))
            assert {"proposal", "reply", "correspondence", "proposal_member"} <= set(inserted)
            assert len({p.status for p in proposals}) >= 4
    finally:
        db.dispose()


def test_the_generator_is_deterministic(generated: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.sqlite3"
    bench_module("generate").generate(again, 160, seed=7, year=2025, years=2,
                                      as_of=dt.date(2025, 10, 1))
    a, b = _open(generated), _open(again)
    try:
        with a.session() as sa, b.session() as sb:
            def rows(s: object) -> list[tuple[object, ...]]:
                return [tuple(r) for r in s.execute(  # type: ignore[attr-defined]
                    select(Proposal.number, Proposal.title, Proposal.status, Proposal.due,
                           Proposal.proposer_names).order_by(Proposal.id))]
            assert rows(sa) == rows(sb)
    finally:
        a.dispose()
        b.dispose()


def test_list_rows_match_the_plain_joined_query(generated: Path) -> None:
    """list_rows scans one table and orders in Python; it must give what the straightforward
    query gives: the same rows, values and order, for each kind of filter."""
    from sqlalchemy.orm import aliased

    from proposal_desk.services.queries import ListFilter, list_rows
    from proposal_desk.storage.models import FollowUp, Section, Staff

    handler = aliased(Staff)
    today = dt.date(2025, 6, 1)
    db = _open(generated)
    try:
        with db.session() as s:
            meeting_id = s.scalars(select(Meeting.id).order_by(Meeting.id)).first()
            for flt, where in [
                (ListFilter(), []),
                (ListFilter(year=2025), [Meeting.year == 2025]),
                (ListFilter(kind="建议"), [Meeting.kind == "建议"]),
                (ListFilter(meeting_id=meeting_id), [Proposal.meeting_id == meeting_id]),
                (ListFilter(roles=("主办", "分办")), [Proposal.role.in_(("主办", "分办"))]),
                (ListFilter(overdue=True), [Proposal.status.in_(("待签收", "办理中", "重新办理")),
                                            Proposal.due < today]),
                (ListFilter(follow_up=True), [Proposal.category.in_(("B", "C")),
                                              Meeting.year < 2025,
                                              ~Proposal.follow_ups.any(FollowUp.carried_out)]),
            ]:
                expected = s.execute(
                    select(Proposal.id, Meeting.name, Meeting.year, Proposal.number,
                           Proposal.due, Proposal.key, Section.name, handler.name)
                    .join(Meeting, Proposal.meeting_id == Meeting.id)
                    .outerjoin(Section, Proposal.section_id == Section.id)
                    .outerjoin(handler, Proposal.handler_id == handler.id).where(*where)
                    .order_by(Meeting.year.desc(), Meeting.name, Proposal.number)).all()
                got = [(r.id, r.meeting, r.year, r.number, r.due, r.key, r.section, r.handler)
                       for r in list_rows(s, flt, today=today)]
                assert got == [tuple(e) for e in expected], flt
                assert expected or flt.follow_up or flt.overdue
    finally:
        db.dispose()


def test_view_counts_and_dashboard_figures_count_row_by_row(generated: Path) -> None:
    """The grouped counting of views.counts gives what testing every row gives."""
    from proposal_desk.services import dashboard, views
    from proposal_desk.services.queries import ListFilter, list_rows

    db = _open(generated)
    try:
        with db.session() as s:
            rows = list_rows(s, ListFilter(), today=dt.date(2025, 6, 1))
    finally:
        db.dispose()
    assert views.counts(rows) == {v.key: sum(1 for r in rows if v.test(r)) for v in views.VIEWS}
    for year in (None, 2025, 2024):
        fig = dashboard.year_figures(rows, year, ["A", "B", "C"])
        chosen = [r for r in rows if year is None or r.year == year]
        kept = [r for r in chosen if r.status != "已退回"]
        assert fig.total == len(kept) and fig.returned == len(chosen) - len(kept)
        assert sum(w.total for w in fig.sections) == fig.total
        assert sum(w.overdue for w in fig.handlers) == len(fig.overdue)
        assert fig.answered == sum(r.replied is not None for r in kept)


def test_search_finds_what_a_field_by_field_scan_finds(generated: Path) -> None:
    db = _open(generated)
    try:
        _assert_search_agrees(db)
    finally:
        db.dispose()


def test_search_stays_exact_after_edits_and_deletions(generated: Path, tmp_path: Path) -> None:
    copy = tmp_path / "edited.sqlite3"
    copy.write_bytes(generated.read_bytes())
    db = _open(copy)
    try:
        with db.session() as s:
            ids = list(s.scalars(select(Proposal.id).order_by(Proposal.id)))
        with db.transaction() as s:
            p = load_proposal(s, ids[0])
            p.title = "关于扶持老字号的建议"
            handling.add_record(p, date=dt.date(2025, 9, 1), method="电话",
                                content="专门沟通《不存在的字串》问题")
            s.delete(s.get(Proposal, ids[1]))
        with db.transaction() as s:
            for r in load_proposal(s, ids[2]).replies:
                r.text = "全新的答复正文，谈到跨境电商与市商务局。"
        with db.session() as s:
            assert ids[0] in search.search_ids(s, "不存在的字串")
            assert ids[1] not in search.search_ids(s, "的")
        _assert_search_agrees(db)
    finally:
        db.dispose()


def test_no_match_runs_across_two_fields(db: Database) -> None:
    with db.transaction() as s:
        m = Meeting(kind="提案", name="区政协十四届四次会议", year=2025)
        s.add(m)
        s.flush()
        p = Proposal(meeting_id=m.id, number="1", title="关于家政的建议", role="主办")
        s.add(p)
        s.flush()
        handling.set_proposers(s, p, ["张三"])
    with db.session() as s:
        assert search.search_ids(s, "建议") == {p.id}
        assert search.search_ids(s, "议张") == set()  # title's end + proposer's start
        assert search.search_ids(s, "建议张三") == set()


def test_a_meeting_date_and_a_deadline_setting_refresh_the_caches(db: Database) -> None:
    with db.transaction() as s:
        a = Meeting(kind="提案", name="区政协十四届四次会议", year=2025)
        b = Meeting(kind="建议", name="区十八届人大四次会议", year=2025)
        s.add_all([a, b])
        s.flush()
        for n, m in enumerate((a, a, b)):
            s.add(Proposal(meeting_id=m.id, number=str(n), title="关于夜间经济的建议",
                           role="主办", assigned_on=dt.date(2025, 3, 1)))

    def dues() -> list[dt.date | None]:
        with db.session() as s:
            return list(s.scalars(select(Proposal.due).order_by(Proposal.number)))

    assert dues() == [dt.date(2025, 6, 1)] * 3
    with db.transaction() as s:
        s.scalars(select(Meeting).where(Meeting.kind == "提案")).one().reply_due = \
            dt.date(2025, 5, 20)
    assert dues() == [dt.date(2025, 5, 20), dt.date(2025, 5, 20), dt.date(2025, 6, 1)]
    with db.transaction() as s:
        set_value(s, "deadline.lead_months", 2)
    assert dues() == [dt.date(2025, 5, 20), dt.date(2025, 5, 20), dt.date(2025, 5, 1)]
    with db.session() as s:
        updates = s.scalars(select(AuditEntry).where(
            AuditEntry.table == "proposal", AuditEntry.action == "update")).all()
        # 2 for the meeting's date, 1 for the setting: each change once (a new proposal's
        # derived columns get no audit row of their own: its insert row says what it is)
        assert sum("due" in u.changes for u in updates) == 3
        assert check_database(db.engine, "x").ok


def _ledger(path: Path, rows: list[list[object]]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期", "答复日期",
               "答复类别", "沟通方式"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_apply_uses_the_plan_only_while_the_database_is_unchanged(db: Database,
                                                                 tmp_path: Path) -> None:
    from proposal_desk.sheets import ImportOptions, apply_import, plan_import

    with db.transaction() as s:
        set_value(s, "bureau.name", "区商务局")
    first = _ledger(tmp_path / "a.xlsx", [
        ["1", "关于夜间经济的建议", "王伟", "主办", "区商务局", dt.date(2024, 3, 1),
         dt.date(2024, 5, 1), "A", "电话"],
        ["2", "关于老字号的建议", "李娜", "协办", "区财政局", dt.date(2024, 3, 1), None, "", ""],
    ])
    options = ImportOptions(year=2024)
    with db.session() as s:
        plan = plan_import(s, first, options)
    assert plan.ok and plan.data_version is not None and sorted(plan.planned) == [2, 3]
    with db.transaction() as s:
        result = apply_import(s, plan)
    assert (result.added, result.updated) == (2, 0)
    with db.session() as s:
        p = s.scalars(select(Proposal).where(Proposal.number == "1")).one()
        assert (p.status, p.category, [c.method for c in p.records]) == ("已答复", "A", ["电话"])

    # The same plan again: the database changed since (the import itself), so every row is
    # compared again and nothing is added twice.
    with db.transaction() as s:
        result = apply_import(s, plan)
    assert (result.added, result.unchanged) == (0, 2)

    # A plan made, then someone files a proposal with the same number: compared again, the
    # row updates the stored proposal instead of adding a second one.
    second = _ledger(tmp_path / "b.xlsx", [
        ["3", "关于物流配送的建议", "张敏", "主办", "区商务局", dt.date(2024, 3, 2), None, "",
         ""]])
    with db.session() as s:
        plan = plan_import(s, second, options)
    assert plan.rows[0].action.value == "新增"
    with db.transaction() as s:
        meeting = s.scalars(select(Meeting)).one()
        s.add(Proposal(meeting_id=meeting.id, number="3", title="别人先登记的", role="主办"))
    with db.transaction() as s:
        result = apply_import(s, plan)
    assert (result.added, result.updated) == (0, 1)
    with db.session() as s:
        assert s.scalars(select(Proposal.title).where(Proposal.number == "3")).all() == [
            "关于物流配送的建议"]


def test_an_empty_gram_index_is_not_trusted_until_built(generated: Path, tmp_path: Path) -> None:
    """As in the SQLite copy of a server database, whose positional index is filled directly:
    search and writes use the positional index alone until build_grams fills the other."""
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(generated.read_bytes())
    db = _open(copy)
    try:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                f"INSERT INTO {search.GRAM_TABLE}({search.GRAM_TABLE}) VALUES ('delete-all')")
            assert not search.grams_ready(conn)
        with db.transaction() as s:  # a write meanwhile must not touch the empty index
            p = load_proposal(s, s.scalars(select(Proposal.id)).first())
            p.title = "关于扶持老字号的建议"
        _assert_search_agrees(db)
        with db.engine.begin() as conn:
            assert search.build_grams(conn) == 160
            assert search.grams_ready(conn)
        _assert_search_agrees(db)
    finally:
        db.dispose()


_STAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?")


def _dump(db: Database) -> list[tuple[object, ...]]:
    """Every row the import writes, timestamps left out (they differ from run to run)."""
    with db.session() as s:
        conn = s.connection()
        out: list[tuple[object, ...]] = []
        for table in ("proposal", "correspondence", "reply", "proposal_member", "status_change"):
            out += [(table, *r) for r in conn.exec_driver_sql(f"SELECT * FROM {table}")]
        out += [tuple(r) for r in s.execute(select(
            AuditEntry.table, AuditEntry.row_id, AuditEntry.action, AuditEntry.changes))]
        out += list(conn.exec_driver_sql("SELECT rowid, body FROM search_fts"))
    return [tuple(_STAMP.sub("…", json.dumps(v, ensure_ascii=False)) for v in row)
            for row in out]


def test_rows_to_update_are_written_from_the_plan_as_when_compared_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from proposal_desk.sheets import ImportOptions, apply_import, importer, plan_import

    first = _ledger(tmp_path / "a.xlsx", [
        ["1", "关于夜间经济的建议", "王伟", "主办", "区商务局", dt.date(2024, 3, 1), None, "", ""],
        ["2", "关于老字号的建议", "李娜", "协办", "区财政局", dt.date(2024, 3, 1), None, "", ""]])
    changed = _ledger(tmp_path / "b.xlsx", [
        ["1", "关于夜间经济的建议", "王伟", "主办", "区商务局", dt.date(2024, 3, 1),
         dt.date(2024, 5, 1), "A", "电话"],
        ["2", "关于老字号的建议（修改）", "李娜", "协办", "区财政局", dt.date(2024, 3, 1), None,
         "", ""]])
    options = ImportOptions(year=2024)
    compared: list[int] = []
    compare_rows = importer.compare_rows

    def counting(session: object, records: list[object], settings: object) -> object:
        compared.append(len(records))
        return compare_rows(session, records, settings)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "compare_rows", counting)
    dumps = []
    for reuse in (True, False):
        db = Database(f"sqlite:///{tmp_path / f'{reuse}.sqlite3'}")
        with db.transaction() as s:
            set_value(s, "bureau.name", "区商务局")
        for sheet in (first, changed):
            with db.session() as s:
                plan = plan_import(s, sheet, options)
            if not reuse:
                plan.data_version = None  # as if the database had changed: compared again
            compared.clear()
            with db.transaction() as s:
                result = apply_import(s, plan)
        assert (result.updated, sum(compared)) == (2, 0 if reuse else 2)
        dumps.append(_dump(db))
        db.dispose()
    assert dumps[0] == dumps[1] and len(dumps[0]) > 15
