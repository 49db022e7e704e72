"""The import wizard: choose the file → see what each row will do and why, map the headers the
core did not recognise → confirm → progress → result. Nothing is saved before 导入."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)
from sqlalchemy.orm import Session

from proposal_desk.core.enums import Kind
from proposal_desk.gui import messages, operations, pickers
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.errors import describe, show_exception
from proposal_desk.gui.simple_table import SimpleTableModel
from proposal_desk.gui.widgets.file_drop import local_files
from proposal_desk.services import import_summary
from proposal_desk.sheets import headers
from proposal_desk.sheets.plan import Action, ImportOptions, ImportPlan, ImportResult
from proposal_desk.storage.errors import UserError
from proposal_desk.storage.settings_store import set_value

SHEET_SUFFIXES = {".xlsx", ".xls", ".xlsm"}
AUTO = "自动识别"
NOT_IMPORTED = "（不导入）"
ACTION_COLORS = {Action.ADD: "#1e6b2e", Action.UPDATE: "#1f5fa8", Action.SAME: "#5f6b7a",
                 Action.SKIP: "#8a8f96", Action.ERROR: "#b3261e"}


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle("第一步：选择表格")
        self.setSubTitle("选择提案委发来的交办清单，或本单位往年的办理台账"
                         "（Excel：.xlsx 或 .xls）。下一步会先列出每一行将如何处理，确认后才保存。")
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("importPath")
        self.path_edit.setPlaceholderText("点“浏览…”选择文件，或把文件拖到这里")
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        row.addWidget(QLabel("文件："))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)

        bureau = QGroupBox("本单位（交办清单只写单位名称，据此找出本单位主办、协办的提案；"
                           "字号前缀留空则签发的文书不编号）")
        form = QFormLayout(bureau)
        settings = wizard.ctx.settings
        self.name_edit = QLineEdit(settings.name)
        self.name_edit.setPlaceholderText("如 区商务局")
        self.aliases_edit = QLineEdit("、".join(settings.aliases))
        self.aliases_edit.setPlaceholderText("清单上可能出现的其他写法，如 周村区商务局、商务局")
        # The 发文字号 prefixes: a letter signed after this import is numbered only when set.
        self.doc_prefix_edit = QLineEdit(settings.doc_prefix)
        self.doc_prefix_edit.setObjectName("docPrefix")
        self.doc_prefix_edit.setPlaceholderText("如 周商函（答复函编号为 周商函〔2025〕1号）")
        self.opinion_prefix_edit = QLineEdit(settings.opinion_prefix)
        self.opinion_prefix_edit.setObjectName("opinionPrefix")
        self.opinion_prefix_edit.setPlaceholderText("如 周商会办（会办意见、协办意见编号用）")
        form.addRow("本单位名称：", self.name_edit)
        form.addRow("别称：", self.aliases_edit)
        form.addRow("答复函字号前缀：", self.doc_prefix_edit)
        form.addRow("会办意见字号前缀：", self.opinion_prefix_edit)
        layout.addWidget(bureau)

        options = QGroupBox("表格标题里没有写明会议时才需要填（一般留空，自动识别）")
        form = QFormLayout(options)
        self.meeting_box = QComboBox()
        self.meeting_box.setEditable(True)
        self.meeting_box.addItem("")
        for m in wizard.ctx.lookups.meetings:
            self.meeting_box.addItem(m.name)
        self.meeting_box.lineEdit().setPlaceholderText(f"{AUTO}，如 区政协十四届四次会议")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(0, 2100)
        self.year_spin.setSpecialValueText(AUTO)
        self.year_spin.setValue(0)
        self.kind_box = QComboBox()
        self.kind_box.addItems([AUTO, Kind.PROPOSAL.value, Kind.SUGGESTION.value])
        form.addRow("会议：", self.meeting_box)
        form.addRow("年度：", self.year_spin)
        form.addRow("类型：", self.kind_box)
        layout.addWidget(options)
        layout.addStretch(1)

    def path(self) -> Path:
        return Path(self.path_edit.text().strip().strip('"'))

    def isComplete(self) -> bool:
        path = self.path()
        return bool(self.path_edit.text().strip()) and path.suffix.lower() in SHEET_SUFFIXES

    def options(self) -> ImportOptions:
        year = self.year_spin.value() or None
        kind = self.kind_box.currentText()
        return ImportOptions(meeting=self.meeting_box.currentText().strip() or None, year=year,
                             kind=None if kind == AUTO else kind)

    def bureau_values(self) -> tuple[str, str]:
        return self.name_edit.text().strip(), self.aliases_edit.text().strip()

    def prefix_values(self) -> tuple[str, str]:
        return self.doc_prefix_edit.text().strip(), self.opinion_prefix_edit.text().strip()

    def bureau_changed(self) -> bool:
        settings = self.wiz.ctx.settings
        name, aliases = self.bureau_values()
        return (name != settings.name or aliases != "、".join(settings.aliases)
                or self.prefix_values() != (settings.doc_prefix, settings.opinion_prefix))

    def validatePage(self) -> bool:
        path = self.path()
        if not path.is_file():
            show_exception(self, FileNotFoundError(2, "文件不存在", str(path)))
            return False
        if not self.bureau_values()[0]:
            # Letters and the assignment list both need it; saved only when 导入 is clicked.
            messages.warn(self, "请先在本页“本单位名称”中填写本单位的名称（如 区商务局），"
                          "并在“别称”中填写清单上可能出现的其他写法，再点“下一步”。",
                          title="未填写本单位名称")
            self.name_edit.setFocus()
            return False
        return True

    def store_bureau(self, session: Session) -> None:
        """Put the typed name, aliases and 字号 prefixes into this session (committed only with
        the import)."""
        if self.bureau_changed():
            name, aliases = self.bureau_values()
            doc_prefix, opinion_prefix = self.prefix_values()
            set_value(session, "bureau.name", name)
            set_value(session, "bureau.aliases", aliases)
            set_value(session, "bureau.doc_prefix", doc_prefix)
            set_value(session, "bureau.opinion_prefix", opinion_prefix)
            session.flush()

    @Slot()
    def _browse(self) -> None:
        path = pickers.open_file(self, "选择交办清单或办理台账", "Excel 表格 (*.xlsx *.xls *.xlsm)")
        if path is not None:
            self.path_edit.setText(str(path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(p.suffix.lower() in SHEET_SUFFIXES for p in local_files(event)):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        sheets = [p for p in local_files(event) if p.suffix.lower() in SHEET_SUFFIXES]
        if sheets:
            event.acceptProposedAction()
            self.path_edit.setText(str(sheets[0]))


class PlanPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle("第二步：核对")
        self.setSubTitle("下面是每一行将如何处理。确认无误后点“导入”；此前不会保存任何内容。")
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "导入(&I)")
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.counts = QLabel()
        self.counts.setObjectName("planCounts")
        layout.addWidget(self.counts)
        # Which of the new proposals the bureau leads or assists, and whose 办理时限 the sheet has.
        self.roles = QLabel()
        self.roles.setObjectName("planRoles")
        self.roles.setWordWrap(True)
        self.roles.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.roles)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b3261e;")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.problems)

        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel("显示："))
        self.filter_box = QComboBox()
        self.filter_box.addItem("全部行", None)
        for action in Action:
            self.filter_box.addItem(action.value, action)
        self.filter_box.currentIndexChanged.connect(self._show_rows)
        filter_row.addWidget(self.filter_box)
        filter_row.addStretch(1)
        layout.addLayout(filter_row)
        self.model = SimpleTableModel(["行", "提案号", "案由", "办理方式", "处理", "原因或变化"],
                                      self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for n, width in enumerate((44, 80, 300, 70, 64, 300)):
            header.resizeSection(n, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 3)

        self.mapping_box = QGroupBox(
            "未识别的列（不会导入）：如需导入，请指定对应的内容，再点“重新识别”")
        mapping_layout = QVBoxLayout(self.mapping_box)
        self.mapping = QTableWidget(0, 4)
        self.mapping.setHorizontalHeaderLabels(["列", "表头", "可能是", "对应到"])
        self.mapping.verticalHeader().setVisible(False)
        self.mapping.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping.setMaximumHeight(150)
        mapping_layout.addWidget(self.mapping)
        again = QHBoxLayout()
        self.replan_button = QPushButton("重新识别")
        self.replan_button.clicked.connect(self.replan)
        again.addStretch(1)
        again.addWidget(self.replan_button)
        mapping_layout.addLayout(again)
        layout.addWidget(self.mapping_box, 1)
        self.columns_label = QLabel()
        self.columns_label.setWordWrap(True)
        self.columns_label.setStyleSheet("color: #5f6b7a;")
        layout.addWidget(self.columns_label)
        self.mapping_box.hide()

    def initializePage(self) -> None:
        self.wiz.mapping = {}
        self.plan_now()

    def plan_now(self) -> None:
        self.wiz.plan = None
        self.completeChanged.emit()
        self.summary.setText("正在读取表格…")
        self.counts.setText("")
        self.roles.setText("")
        self.problems.setText("")
        self.model.set_rows([])
        options = self.wiz.file_page.options()
        options.mapping = dict(self.wiz.mapping)
        path = self.wiz.file_page.path()
        db = self.wiz.ctx.db
        file_page = self.wiz.file_page

        def job(progress: operations.Progress) -> ImportPlan:
            from proposal_desk.sheets.importer import plan_import

            with db.session() as session:  # never committed: the typed name is only tried here
                file_page.store_bureau(session)
                try:
                    return plan_import(session, path, options, progress.staged)
                finally:
                    session.rollback()

        operations.run_in_background(self.wiz, job, label="正在读取表格…", cancellable=True,
                                     on_success=self._planned, on_failure=self._failed)

    def _failed(self, exc: BaseException) -> None:
        title, text = describe(exc)
        self.summary.setText(f"<b style='color:#b3261e'>{title}</b><br>{text}<br>"
                             "数据库没有任何改变。请改正表格后点“上一步”重新选择。")
        self.counts.setText("")
        if not isinstance(exc, UserError):
            show_exception(self, exc)

    def _planned(self, plan: ImportPlan) -> None:
        self.wiz.plan = plan
        lines = [f"文件：{plan.file.name}　工作表：{plan.sheet}　类型：{plan.shape.value}"
                 f"（表头在第{plan.header_row}行）"]
        lines += plan.context
        # The table says each row's reason, warnings included: the summary need not again.
        lines += import_summary.notes_beside_rows(plan, (r.row for r in plan.rows if r.reason))
        self.summary.setText("<br>".join(lines))
        counts = plan.counts
        parts = []
        for action in Action:
            n = counts.get(action.value, 0)
            color = ACTION_COLORS[action] if n else "#9aa3ad"
            parts.append(f"<span style='color:{color}'>{action.value} <b>{n}</b></span>")
        kept = counts.get(Action.ADD.value, 0) + counts.get(Action.UPDATE.value, 0)
        self.counts.setText("　".join(parts) + (
            f"　　→ 导入后将新增或更新 <b>{kept}</b> 件" if plan.ok else ""))
        self.counts.setStyleSheet("font-size: 11pt;")
        split = import_summary.role_split(plan)
        notes = ([split] if split else []) + import_summary.due_notes(plan)
        notes += import_summary.no_longer_ours(plan)
        self.roles.setText("<br>".join(html.escape(line) for line in notes))
        self.roles.setVisible(bool(notes))
        if plan.problems:
            shown = plan.problems[:8]
            more = len(plan.problems) - len(shown)
            self.problems.setText(
                f"表格中有 {len(plan.problems)} 处问题，必须改正后才能导入（数据库不会改变）：<br>"
                + "<br>".join(str(p) for p in shown) + (f"<br>……另有 {more} 处" if more else ""))
        else:
            self.problems.setText("")
        self._show_rows()
        self._show_columns(plan)
        self.completeChanged.emit()

    def _show_rows(self) -> None:
        plan = self.wiz.plan
        if plan is None:
            self.model.set_rows([])
            return
        wanted = self.filter_box.currentData()
        rows = [r for r in plan.rows if wanted is None or r.action == wanted]
        self.model.set_rows(
            [(r.row, [str(r.row), r.number, r.title, r.role, r.action.value,
                      "；".join(x for x in (r.reason, "；".join(
                          f"{c.field}：{c.old or '空'} → {c.new or '空'}" for c in r.changes))
                               if x)]) for r in rows],
            colors=[ACTION_COLORS.get(r.action) for r in rows])

    def _show_columns(self, plan: ImportPlan) -> None:
        mapped = [f"{c.letter}「{c.header}」→{c.label}" for c in plan.columns if c.field]
        self.columns_label.setText("已识别的列：" + "；".join(mapped))
        unmatched = [c for c in plan.unmatched if c.header]
        self.mapping.setRowCount(len(unmatched))
        labels = [NOT_IMPORTED] + [f.label for f in headers.FIELDS if f.imported]
        for n, c in enumerate(unmatched):
            for col, text in enumerate((c.letter, c.header, c.suggestion or "")):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.mapping.setItem(n, col, item)
            box = QComboBox()
            box.addItems(labels)
            chosen = self.wiz.mapping.get(c.header)
            box.setCurrentText(chosen if chosen else NOT_IMPORTED)
            self.mapping.setCellWidget(n, 3, box)
        self.mapping_box.setVisible(bool(unmatched))

    def chosen_mapping(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for n in range(self.mapping.rowCount()):
            header = self.mapping.item(n, 1).text()
            box = self.mapping.cellWidget(n, 3)
            if isinstance(box, QComboBox) and box.currentText() != NOT_IMPORTED:
                result[header] = box.currentText()
        return result

    @Slot()
    def replan(self) -> None:
        self.wiz.mapping = {**self.wiz.mapping, **self.chosen_mapping()}
        self.plan_now()

    def isComplete(self) -> bool:
        plan = self.wiz.plan
        return plan is not None and plan.ok


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle("第三步：导入")
        layout = QVBoxLayout(self)
        self.label = QLabel("正在导入…")
        self.label.setWordWrap(True)
        self.label.setObjectName("resultLabel")
        layout.addWidget(self.label)
        self.bar = QProgressBar()
        layout.addWidget(self.bar)
        layout.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        plan = self.wiz.plan
        if plan is None:
            return
        db = self.wiz.ctx.db
        file_page = self.wiz.file_page
        self.wiz.settings_changed = file_page.bureau_changed()

        def job(progress: operations.Progress) -> ImportResult:
            from proposal_desk.sheets.importer import apply_import
            from proposal_desk.storage.backup import REASON_IMPORT, backup_before

            progress.update(0, 0, "备份数据库")
            backup_before(db, REASON_IMPORT)  # a way back from a wrong sheet; stops if it fails
            with db.transaction() as session:  # the bureau's name is saved with the rows
                file_page.store_bureau(session)
                return apply_import(session, plan, progress.staged)

        op = operations.run_in_background(self.wiz, job, label="正在导入…", show_progress=False,
                                          on_success=self._finished, on_failure=self._failed)
        op.progressed.connect(self._progress)

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, stage: str) -> None:
        self.bar.setMaximum(max(total, 1))
        self.bar.setValue(done)
        self.label.setText(f"正在导入：{stage}…")

    def _finished(self, result: ImportResult) -> None:
        self.done = True
        self.wiz.result = result
        self.bar.setMaximum(1)
        self.bar.setValue(1)
        made = f"<br>新建会议：{'、'.join(result.meetings_created)}" if result.meetings_created \
            else ""
        self.label.setText(
            f"<b>导入完成。</b><br>新增 {result.added} 件，更新 {result.updated} 件，"
            f"无变化 {result.unchanged} 件，跳过 {result.skipped} 行。{made}<br><br>"
            "点“完成”回到主窗口：左侧“主办”“协办/会办”“待签收”中可以看到导入的提案。")
        self.completeChanged.emit()
        self.wiz.imported.emit()

    def _failed(self, exc: BaseException) -> None:
        self.done = True
        title, text = describe(exc)
        self.label.setText(f"<b style='color:#b3261e'>{title}：导入未完成，数据库没有任何改变。</b>"
                           f"<br>{text}")
        self.completeChanged.emit()
        if not isinstance(exc, UserError):  # unexpected: logged with its traceback
            show_exception(self, exc)

    def isComplete(self) -> bool:
        return self.done


class ImportWizard(QWizard):
    imported = Signal()

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("导入交办清单或办理台账")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        for button, text in ((QWizard.WizardButton.BackButton, "< 上一步"),
                             (QWizard.WizardButton.NextButton, "下一步 >"),
                             (QWizard.WizardButton.FinishButton, "完成"),
                             (QWizard.WizardButton.CancelButton, "取消")):
            self.setButtonText(button, text)
        self.plan: ImportPlan | None = None
        self.result: ImportResult | None = None
        self.mapping: dict[str, str] = {}
        self.settings_changed = False
        self.file_page = FilePage(self)
        self.plan_page = PlanPage(self)
        self.result_page = ResultPage(self)
        self.addPage(self.file_page)
        self.addPage(self.plan_page)
        self.addPage(self.result_page)
        self.resize(980, 700)
