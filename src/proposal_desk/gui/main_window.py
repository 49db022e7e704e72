"""The main window: navigation on the left, the 工作台 or the proposal list with the detail pane
on the right, menus and a toolbar for everything a bureau does.

The window opens on the 工作台, so the list and the detail pane (with their tabs, forms and
dialogs) are built the first time a list is shown: `list_pane`, `detail` and `work_splitter`
build them on first use. Code that must not build them (closing, saving the layout, a reload
on start) asks `work_area_built()` first.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolBar,
)

from proposal_desk import APP_NAME
from proposal_desk.gui import documents_actions, messages, operations
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.dashboard.view import DashboardView
from proposal_desk.gui.errors import show_exception
from proposal_desk.gui.icons import icon
from proposal_desk.gui.messages import SaveChoice
from proposal_desk.gui.navigation import DASHBOARD, NavigationPane, Target
from proposal_desk.gui.opener import open_path
from proposal_desk.gui.proposal_admin import ProposalAdmin
from proposal_desk.gui.snapshot import ALL_YEARS, Snapshot, read_snapshot
from proposal_desk.services import views
from proposal_desk.services.rows import ProposalRow
from proposal_desk.storage.errors import UserError

if TYPE_CHECKING:
    # Types only: creating their Python types costs ~1.5 ms, none is needed before the first
    # paint (QDialog is imported where a dialog ends).
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QCloseEvent
    from sqlalchemy.orm import Session

    from proposal_desk.gui.detail.pane import DetailPane
    from proposal_desk.gui.proposal_list import ProposalListPane

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    loaded = Signal()  # a snapshot was shown (tests and --smoke-test wait for it)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("app"))
        self.snapshot: Snapshot | None = None
        self.target: Target = DASHBOARD
        self._year: int | None = None  # None until the first load picks the default
        self._loading = 0
        self._reload_again = False
        self._keep_after_load: int | None = None
        self.painted_at: float | None = None  # first painted with data and quiet (gui/app.py)
        self.paint_watch: object = None
        self.full_check: object = None  # the full check after opening (gui/background_check.py)
        self._full_check_due = False

        self.nav = NavigationPane(self)
        self.dashboard = DashboardView(self)
        self._list_pane: ProposalListPane | None = None
        self._detail: DetailPane | None = None
        self._work_splitter: QSplitter | None = None
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.dashboard)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.nav)
        self.main_splitter.addWidget(self.stack)
        self.main_splitter.setStretchFactor(0, 0)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)
        self.nav.setMinimumWidth(150)
        self.setCentralWidget(self.main_splitter)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self.status_db = QLabel()
        self.statusBar().addPermanentWidget(self.status_db)
        self._update_title()

        self.nav.target_changed.connect(self._target_chosen)
        self.nav.year_changed.connect(self._year_chosen)
        self.dashboard.view_requested.connect(lambda key: self.show_target(Target("view", key)))
        self.dashboard.follow_up_requested.connect(
            lambda: self.show_target(Target("follow_up")))
        self.dashboard.proposal_requested.connect(self.open_proposal)
        self.dashboard.import_requested.connect(self.open_import_wizard)
        self.dashboard.settings_requested.connect(lambda: self.open_settings())
        self.documents.refresh_state()
        self._restore_layout()
        self.nav.select(DASHBOARD)

    # ---- the list and the detail pane, built on first use ------------------------------

    def work_area_built(self) -> bool:
        return self._work_splitter is not None

    @property
    def list_pane(self) -> ProposalListPane:
        self._build_work_area()
        assert self._list_pane is not None
        return self._list_pane

    @property
    def detail(self) -> DetailPane:
        self._build_work_area()
        assert self._detail is not None
        return self._detail

    @property
    def work_splitter(self) -> QSplitter:
        self._build_work_area()
        assert self._work_splitter is not None
        return self._work_splitter

    @property
    def built_detail(self) -> DetailPane | None:
        """The detail pane if it exists: what a proposal-related state needs to look at."""
        return self._detail

    def _build_work_area(self) -> None:
        if self._work_splitter is not None:
            return
        from proposal_desk.gui.detail.pane import DetailPane
        from proposal_desk.gui.proposal_list import ProposalListPane

        list_pane = ProposalListPane(self)
        detail = DetailPane(self.ctx, self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("workSplitter")
        splitter.addWidget(list_pane)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self._list_pane, self._detail, self._work_splitter = list_pane, detail, splitter
        self.stack.addWidget(splitter)
        list_pane.current_changed.connect(self._current_changed)
        list_pane.search_changed.connect(self._search)
        list_pane.other_years_requested.connect(self.show_all_years)
        list_pane.table.customContextMenuRequested.connect(self._list_menu)
        detail.saved.connect(self._proposal_saved)
        detail.dirty_changed.connect(lambda dirty: self.save_action.setEnabled(dirty))
        detail.step_requested.connect(self.step)
        detail.reply.letter_handler = lambda: self.documents.letter()
        detail.reply.opinion_handler = lambda: self.documents.opinion()
        detail.return_letter_handler = lambda: self.documents.return_letter()
        store = self.ctx.layout
        if not store.restore_splitter("work", splitter):
            splitter.setSizes([760, 640])
        store.restore_header("proposals", list_pane.table.horizontalHeader())
        self.documents.refresh_state()

    # ---- actions, menus, toolbar -------------------------------------------------------

    def _action(self, text: str, slot: object, *, shortcut: QKeySequence | str | None = None,
                icon_name: str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("新建提案…", self.new_proposal, shortcut=key.New,
                                       icon_name="new", tip="逐件录入一件提案或建议（Ctrl+N）")
        self.import_action = self._action("导入交办清单…", self.open_import_wizard,
                                          icon_name="import", shortcut="Ctrl+I",
                                          tip="导入提案委发来的交办清单或往年台账（Excel）")
        self.export_action = self._action("导出台账…", self.export_ledger, icon_name="export",
                                          shortcut="Ctrl+E", tip="把办理台账导出为 Excel")
        self.save_action = self._action("保存", lambda: self.detail.save(), shortcut=key.Save,
                                        icon_name="save", tip="保存当前提案的修改（Ctrl+S）")
        self.save_action.setEnabled(False)
        self.revert_action = self._action("撤销修改", lambda: self.detail.revert(),
                                          tip="放弃当前提案未保存的修改")
        self.find_action = self._action("查找", self.focus_search, shortcut=key.Find,
                                        icon_name="search", tip="在清单中搜索（Ctrl+F）")
        self.next_action = self._action("下一件", lambda: self.step(1),
                                        shortcut="Ctrl+PgDown", tip="清单中的下一件（Ctrl+PgDn）")
        self.previous_action = self._action("上一件", lambda: self.step(-1),
                                            shortcut="Ctrl+PgUp",
                                            tip="清单中的上一件（Ctrl+PgUp）")
        self.record_action = self._action("记一次沟通…", self._new_record, shortcut="Ctrl+R",
                                          icon_name="record",
                                          tip="为当前提案新增沟通记录（Ctrl+R）")
        self.sign_action = self._action(
            "签收所选", self.sign_selected,
            tip="把清单中选中的提案登记为今天签收（可按住 Ctrl 或 Shift 多选）")
        self.assign_action = self._action("交办所选…", self.assign_selected,
                                          tip="把清单中选中的提案交办给一个科室和承办人")
        self.dashboard_action = self._action("工作台", lambda: self.show_target(DASHBOARD),
                                             shortcut="Ctrl+1", icon_name="dashboard",
                                             tip="回到工作台（Ctrl+1）")
        self.refresh_action = self._action("刷新", lambda: self.reload(), shortcut=key.Refresh,
                                           icon_name="refresh", tip="重新读取数据（F5）")
        self.settings_action = self._action("设置…", lambda: self.open_settings(),
                                            icon_name="settings",
                                            tip="本单位、科室和人员、办理时限、答复类别、备份")
        self.data_folder_action = self._action("打开数据文件夹", self.open_data_folder,
                                               icon_name="folder")
        self.about_action = self._action("关于提案办理台", self.open_about, icon_name="help")
        self.quit_action = self._action("退出", self.close, shortcut=key.Quit)
        self.documents = documents_actions.DocumentActions(self)
        self.admin = ProposalAdmin(self)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("文件(&F)")
        for a in (self.new_action, self.import_action, self.export_action, None,
                  self.data_folder_action, None, self.quit_action):
            file_menu.addSeparator() if a is None else file_menu.addAction(a)
        edit = bar.addMenu("编辑(&E)")
        for a in (self.save_action, self.revert_action, None, self.record_action, None,
                  self.sign_action, self.assign_action, None,
                  self.find_action, self.previous_action, self.next_action, None,
                  self.admin.delete_action):
            edit.addSeparator() if a is None else edit.addAction(a)
        view = bar.addMenu("查看(&V)")
        view.addAction(self.dashboard_action)
        view.addAction(self.refresh_action)
        docs = bar.addMenu("文书(&D)")
        for a in self.documents.menu_actions():
            docs.addSeparator() if a is None else docs.addAction(a)
        tools = bar.addMenu("工具(&T)")
        tools.addAction(self.settings_action)
        help_menu = bar.addMenu("帮助(&H)")
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        bar = QToolBar("工具栏", self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for a in (self.dashboard_action, None, self.new_action, self.import_action,
                  self.export_action, None, self.save_action, self.record_action, None,
                  *self.documents.toolbar_actions(), None, self.settings_action):
            bar.addSeparator() if a is None else bar.addAction(a)
        self.addToolBar(bar)

    def _update_title(self) -> None:
        bureau = self.ctx.settings.name
        demo = "【演示数据】" if self.ctx.demo else ""
        self.setWindowTitle(f"{demo}{APP_NAME}" + (f" — {bureau}" if bureau else ""))
        opening = "" if self.ctx.db_ready else "（正在打开数据库…）"
        self.status_db.setText(f"数据库：{self.ctx.location}{opening}")

    # ---- a quick start: shown before the database is open -----------------------------

    def database_actions(self) -> list[QAction]:
        """What cannot start before the database is open (a quick start disables them)."""
        return [self.new_action, self.import_action, self.export_action, self.revert_action,
                self.record_action, self.sign_action, self.assign_action, self.refresh_action,
                self.settings_action, self.admin.delete_action]

    def database_pending(self) -> None:
        """The window shows data read before the database was opened (gui/app.py): what
        needs the database is disabled until `database_ready()`; anything reached otherwise
        (a proposal's detail, a search) waits for the opening through `ctx.db`."""
        for action in self.database_actions():
            action.setEnabled(False)
        self.documents.refresh_state()
        self._update_title()

    def database_ready(self) -> None:
        for action in self.database_actions():
            action.setEnabled(True)
        self.documents.refresh_state()
        self._update_title()
        self._schedule_full_check()

    # ---- the full check on every open, beside the window -------------------------------

    def _schedule_full_check(self) -> None:
        """Once the window shows data and has its database: the check the quick one before
        the window cannot do (attachments, foreign keys), on a thread of its own."""
        if self._full_check_due or self.snapshot is None or not self.ctx.db_ready:
            return
        from proposal_desk.gui.background_check import START_DELAY_MS

        self._full_check_due = True
        self._say_backup_problem()
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(self._start_full_check)
        timer.start(START_DELAY_MS)

    def _say_backup_problem(self) -> None:
        """The opening's automatic copy failed (a full disk): the window opens all the same,
        as the command line does, but the clerk is told her newest work has no copy yet."""
        problem = getattr(self.ctx.db, "backup_problem", None)
        if not problem:
            return
        text = f"打开时的自动备份没有完成：{problem}"
        self.statusBar().showMessage(text)
        self.backup_problem_box = messages.warn(
            self, text, title="自动备份没有完成",
            informative="数据库本身没有受影响，可以继续工作。请腾出磁盘空间（或检查备份文件夹），"
                        "再在“设置 › 数据和备份”中点“立即备份”。")

    def _start_full_check(self) -> None:
        from proposal_desk.gui import background_check

        if self.isVisible() and self.ctx.db_ready:
            self.full_check = background_check.start_for(
                self, self.ctx.db, lambda: self.open_settings("data"))

    def show_snapshot(self, snap: Snapshot) -> None:
        """Show a snapshot read before the window was built (a quick start)."""
        self._loading += 1
        self._apply_snapshot(snap)

    # ---- layout memory -----------------------------------------------------------------

    def _restore_layout(self) -> None:
        store = self.ctx.layout
        if not store.restore_window("main", self):
            self.resize(1500, 920)
        if not store.restore_splitter("main", self.main_splitter):
            self.main_splitter.setSizes([210, 1290])
        # The work splitter and the list's columns: when they are built (_build_work_area).

    def save_layout(self) -> None:
        store = self.ctx.layout
        store.save_window("main", self)
        store.save_splitter("main", self.main_splitter)
        if self._work_splitter is not None and self._list_pane is not None:
            # Never shown this time: what was saved before stays.
            store.save_splitter("work", self._work_splitter)
            store.save_header("proposals", self._list_pane.table.horizontalHeader())
        store.sync()

    # ---- loading -----------------------------------------------------------------------

    def reload(self, *, keep: int | None = None,
               read: Callable[[Any], Snapshot] | None = None) -> None:
        """Read the year again in the background; the selected proposal stays selected.
        `read` replaces the reading (the start hands over the snapshot it is reading)."""
        self._keep_after_load = keep if keep is not None else self._current_id()
        if self._loading:
            self._reload_again = True
            return
        self._loading += 1
        year = self._year
        db = self.ctx.db
        operations.run_in_background(
            self, read or (lambda _p: read_snapshot(db, year)), label="正在读取提案…",
            on_success=self._apply_snapshot, on_failure=self._load_failed)

    def _current_id(self) -> int | None:
        return self._list_pane.current_id() if self._list_pane is not None else None

    def _load_failed(self, exc: BaseException) -> None:
        self._loading -= 1
        show_exception(self, exc)

    def _apply_snapshot(self, snap: Snapshot) -> None:
        self._loading -= 1
        if self._reload_again:
            self._reload_again = False
            self.reload(keep=self._keep_after_load)
            return
        self.snapshot = snap
        self._year = snap.year
        self.ctx.use_lookups(snap.lookups)
        self.nav.set_years(snap.years, snap.year)
        self.nav.set_counts(snap.counts, len(snap.follow_up), snap.meetings, snap.sections)
        if snap.figures is not None:
            settings = snap.lookups.settings
            self.dashboard.show_figures(snap.figures, snap.counts, bureau=settings.name,
                                        today=snap.today, categories=settings.categories)
        self._update_title()
        self.documents.refresh_state()
        self._show_rows(keep=self._keep_after_load)
        self._schedule_full_check()
        self.loaded.emit()

    def rows_for(self, target: Target) -> list[ProposalRow]:
        snap = self.snapshot
        if snap is None:
            return []
        if target.kind == "follow_up":
            return snap.follow_up
        if target.kind == "view":
            test = views.VIEW_BY_KEY[target.value].test
        elif target.kind == "meeting":
            test = views.meeting_test(target.value)
        elif target.kind == "section":
            test = views.section_test(target.value)
        else:
            test = views.VIEW_BY_KEY["all"].test
        return [r for r in snap.rows if test(r)]

    def _show_rows(self, *, keep: int | None = None) -> None:
        if self.target.kind == "dashboard":
            self.stack.setCurrentWidget(self.dashboard)
            return
        self.stack.setCurrentWidget(self.work_splitter)  # built here the first time
        year = self._year
        suffix = "" if self.target.kind == "follow_up" else (
            f"（{year}年）" if year else "（全部年度）")
        self.list_pane.title.setText(f"<b style='font-size:12pt'>{self.target.label}</b>{suffix}")
        self.list_pane.set_follow_up(self.target.kind == "follow_up")
        if self.snapshot is not None:  # tooltips count from the day the marks were made on
            self.list_pane.model.set_today(self.snapshot.today)
        self.list_pane.set_rows(self.rows_for(self.target), keep=keep)
        text = self.list_pane.search_text()
        if text:
            self._search(text, keep=keep)

    # ---- navigation --------------------------------------------------------------------

    def settle_edits(self) -> bool:
        """Before leaving a proposal: save or drop unsaved edits. False means stay."""
        if self._detail is None or not self._detail.is_dirty():
            return True
        p = self.detail.current()
        choice = messages.ask_save(self, f"第{p.number}号" if p else "当前提案")
        if choice is SaveChoice.SAVE:
            return self.detail.save()
        if choice is SaveChoice.DISCARD:
            self.detail.revert()
            return True
        return False

    @Slot(object)
    def _target_chosen(self, target: Target) -> None:
        if target == self.target:
            return
        if not self.settle_edits():
            self.nav.select(self.target)
            return
        self.target = target
        self._show_rows(keep=self._current_id())

    def show_target(self, target: Target) -> None:
        if not self.nav.select(target):
            self._target_chosen(target)

    @Slot(int)
    def _year_chosen(self, year: int) -> None:
        if not self.settle_edits():
            self.nav.set_years(self.snapshot.years if self.snapshot else [], self._year or 0)
            return
        self._year = year if year else ALL_YEARS
        self.reload()

    @Slot(object)
    def _current_changed(self, proposal_id: int | None) -> None:
        if proposal_id == self.detail.proposal_id:
            return
        if not self.settle_edits():
            previous = self.detail.proposal_id
            if previous is not None:
                QTimer.singleShot(0, lambda: self.list_pane.select_id(previous))
            return
        try:
            self.detail.show_proposal(proposal_id)
        except Exception as exc:
            show_exception(self, exc)
            self.detail.show_proposal(None)
        self.documents.refresh_state()

    def open_proposal(self, proposal_id: int) -> None:
        """Show one proposal (from the dashboard): in the current list, else in 全部."""
        if self.target.kind == "dashboard" or not any(
                r.id == proposal_id for r in self.rows_for(self.target)):
            self.show_target(Target("view", "all"))
        if self.list_pane.search_text() and not self.list_pane.select_id(proposal_id):
            self.list_pane.search.clear()
            self.list_pane.set_filter_ids(None)
        self.list_pane.select_id(proposal_id)

    def step(self, delta: int) -> None:
        if self.target.kind == "dashboard":
            return
        self.list_pane.step(delta)

    def focus_search(self) -> None:
        if self.target.kind == "dashboard":
            self.show_target(Target("view", "all"))
        self.list_pane.focus_search()

    @Slot(str)
    def _search(self, text: str, keep: int | None = None) -> None:
        keep = keep if keep is not None else self.list_pane.current_id()
        if not text:
            self.list_pane.set_filter_ids(None, keep=keep)
            self.list_pane.show_other_years(0)
            return
        from proposal_desk.storage.search import search_ids

        try:
            with self.ctx.db.session() as session:
                ids = search_ids(session, text)  # every year's hits
        except Exception as exc:
            show_exception(self, exc)
            return
        self.list_pane.set_filter_ids(ids, keep=keep)
        self.list_pane.show_other_years(self._other_years_hits(ids))

    def _other_years_hits(self, ids: set[int]) -> int:
        """How many hits lie outside the year shown (0 for 全部年度 and the follow-up list,
        which spans years). Counted against the snapshot's ids: no extra query."""
        snap = self.snapshot
        if snap is None or ALL_YEARS in (snap.year, self._year) \
                or self.target.kind == "follow_up":
            return 0
        return len(ids - snap.row_ids)

    @Slot()
    def show_all_years(self) -> None:
        """From 其他年度还有 N 件: the 全部 list of 全部年度, the search text kept."""
        if self.snapshot is None or self._year == ALL_YEARS or not self.settle_edits():
            return
        keep = self._current_id()
        self.nav.set_years(self.snapshot.years, ALL_YEARS)  # quietly: no second reload
        self._year = ALL_YEARS
        self.list_pane.show_other_years(0)
        # The target first, so the tree's signal shows nothing: the reload shows the rows (the
        # old year's rows and a second search would only flash in between).
        self.target = Target("view", "all")
        self.nav.select(self.target)
        self.reload(keep=keep)

    @Slot(int)
    def _proposal_saved(self, proposal_id: int) -> None:
        self.reload(keep=proposal_id)

    def _new_record(self) -> None:
        if self._detail is None or self._detail.current() is None:
            messages.warn(self, "请先在清单中选择一件提案。")
            return
        self.detail.tabs.setCurrentWidget(self.detail.records)
        self.detail.records.new_record()

    # ---- several proposals at once ------------------------------------------------------

    def _list_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for a in (self.record_action, None, self.sign_action, self.assign_action, None,
                  self.documents.letter_action, self.documents.opinion_action, None,
                  self.admin.delete_action):
            menu.addSeparator() if a is None else menu.addAction(a)
        menu.popup(self.list_pane.table.viewport().mapToGlobal(pos))

    def _selected_ids(self) -> list[int]:
        return self._list_pane.selected_ids() if self._list_pane is not None else []

    def _bulk(self, label: str, change: Callable[[Session, list[int]], int],
              done_text: str, ids: list[int] | None = None) -> operations.Operation | None:
        ids = ids if ids is not None else self._selected_ids()
        if not ids:
            messages.warn(self, "请先在清单中选中提案（按住 Ctrl 或 Shift 可多选）。")
            return None
        if not self.settle_edits():
            return None
        db = self.ctx.db

        def job(_progress: operations.Progress) -> int:
            from proposal_desk.storage.backup import REASON_BULK, backup_before

            backup_before(db, REASON_BULK)
            with db.transaction() as session:
                return change(session, ids)

        def done(count: int) -> None:
            self.statusBar().showMessage(done_text.format(count=count), 8000)
            if self._detail is not None and self._detail.proposal_id is not None:
                self._detail.reload(keep_dirty=False)
            self.reload()

        return operations.run_in_background(self, job, label=label, on_success=done)

    def sign_selected(self) -> operations.Operation | None:
        from proposal_desk.services import editing

        today = dt.date.today()
        return self._bulk("正在签收…", lambda s, ids: editing.sign_many(s, ids, today),
                          "已签收 {count} 件")

    def assign_selected(self) -> object:
        from proposal_desk.gui.dialogs.assign_dialog import AssignDialog

        ids = self._selected_ids()
        if not ids:
            messages.warn(self, "请先在清单中选中提案（按住 Ctrl 或 Shift 可多选）。")
            return None
        from proposal_desk.services import editing

        dialog = AssignDialog(self, self.ctx, len(ids))

        def finished(result: int) -> None:
            from PySide6.QtWidgets import QDialog

            if result == QDialog.DialogCode.Accepted:
                section, handler, leader = dialog.values()
                self._bulk("正在交办…", lambda s, ids: editing.assign_many(
                    s, ids, section=section, handler=handler, leader=leader),
                    f"已交办 {{count}} 件给{section}", ids)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()
        self.assign_dialog = dialog
        return dialog

    # ---- dialogs -----------------------------------------------------------------------

    def new_proposal(self) -> object:
        from proposal_desk.gui.dialogs.new_proposal import NewProposalDialog

        if not self.settle_edits():
            return None
        dialog = NewProposalDialog(self, self.ctx)
        dialog.created.connect(self._proposal_created)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def _proposal_created(self, proposal_id: int) -> None:
        if self.target.kind != "view" or self.target.value != "all":
            self.show_target(Target("view", "all"))
        self.reload(keep=proposal_id)

    def open_import_wizard(self) -> object:
        from proposal_desk.gui.dialogs.import_wizard import ImportWizard

        if not self.settle_edits():
            return None
        wizard = ImportWizard(self, self.ctx)
        wizard.imported.connect(self._after_import)
        wizard.finished.connect(lambda _r: wizard.deleteLater())
        wizard.open()
        self.import_wizard = wizard
        return wizard

    def _after_import(self) -> None:
        self._year = None  # the imported year becomes the default when it is the newest
        self.ctx.refresh_lookups()
        self._update_title()
        self.reload()

    def open_settings(self, page: str = "") -> object:
        from proposal_desk.gui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self, self.ctx, page=page)
        dialog.saved.connect(self._settings_saved)
        dialog.database_replaced.connect(self.database_replaced)
        dialog.before_restore = self.settle_edits
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        self.settings_dialog = dialog
        return dialog

    def _settings_saved(self) -> None:
        self.ctx.refresh_lookups()
        self._update_title()
        self.reload()
        detail = self._detail
        if detail is not None and detail.proposal_id is not None and not detail.is_dirty():
            detail.reload(keep_dirty=True)

    def database_replaced(self) -> None:
        """The database file was swapped (a backup restored): forget everything read from
        the old one and read it all again; the proposal shown stays if it still exists."""
        detail = self._detail
        self.ctx.refresh_lookups()
        if detail is not None:
            for tab in detail.all_tabs:
                tab.set_dirty(False)
            try:
                detail.reload(keep_dirty=False)
            except UserError:  # not in the restored database
                detail.show_proposal(None)
        self._year = None
        self._update_title()
        self.documents.refresh_state()
        self.reload()

    def open_about(self) -> object:
        from proposal_desk.gui.dialogs.about import AboutDialog

        dialog = AboutDialog(self, self.ctx)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()
        return dialog

    def export_ledger(self) -> None:
        from proposal_desk.gui import pickers

        year = self._year or None
        suggested = f"{self.ctx.settings.name or ''}提案办理台账{year or ''}.xlsx"
        path = pickers.save_file(self, "导出办理台账", suggested, "Excel 文件 (*.xlsx)")
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        self.run_export(path, year)

    def run_export(self, path: Path, year: int | None) -> operations.Operation:
        from proposal_desk.services.export_summary import exported
        from proposal_desk.sheets.exporter import export_ledger

        db = self.ctx.db

        def job(progress: operations.Progress) -> int:
            with db.session() as session:
                return export_ledger(session, path, year=year,
                                     progress=lambda stage, d, t: progress.update(d, t, stage))

        def done(count: int) -> None:
            box = messages.notice(self, "导出完成", f"{exported(count, year)}到：\n{path}")
            box.addButton("打开文件", box.ButtonRole.ActionRole).clicked.connect(
                lambda: open_path(path))

        return operations.run_in_background(self, job, label="正在导出台账…", on_success=done)

    def open_data_folder(self) -> None:
        open_path(self.ctx.data_folder)

    # ---- closing -----------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.settle_edits():
            event.ignore()
            return
        try:
            self.save_layout()
        except Exception:  # a read-only data folder must not keep the window open
            log.exception("could not save the window layout")
        event.accept()
        if self.full_check is not None:  # no check reads on after the window is closed
            from proposal_desk.gui.background_check import stop_all

            stop_all()

    def bring_forward(self) -> None:
        """Another start of the program asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
