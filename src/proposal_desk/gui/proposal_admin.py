"""删除提案…: removing a proposal entered or imported by mistake. The rules (backup first, the
audit log keeps a copy) are in services.meeting_admin; this only asks and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from proposal_desk.gui import messages, operations

if TYPE_CHECKING:
    from proposal_desk.gui.main_window import MainWindow


class ProposalAdmin:
    """The 删除提案… action of the 编辑 menu and the list's context menu."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.delete_action = QAction("删除提案…", window)
        self.delete_action.setStatusTip(
            "删除当前提案（录入或导入错了时使用）；删除前自动备份，办理日志中留有记录")
        self.delete_action.triggered.connect(self.delete_current)
        window.addAction(self.delete_action)

    def _current_id(self) -> int | None:
        window = self.window
        if window.detail.proposal_id is not None:
            return int(window.detail.proposal_id)
        ids = window.list_pane.selected_ids()
        return ids[0] if len(ids) == 1 else None

    def delete_current(self) -> operations.Operation | None:
        from proposal_desk.services import meeting_admin
        from proposal_desk.storage.models import Proposal

        window = self.window
        proposal_id = self._current_id()
        if proposal_id is None:
            messages.warn(window, "请先在清单中选中要删除的一件提案。")
            return None
        if not window.settle_edits():
            return None
        db = window.ctx.db
        with db.session() as session:
            p = session.get(Proposal, proposal_id)
            if p is None:
                window.reload()
                return None
            label = meeting_admin.proposal_label(p)
            extra = []
            if p.replies or p.assist_opinions:
                extra.append("答复或会办意见")
            if p.records:
                extra.append(f"{len(p.records)} 条沟通记录")
            if p.attachments:
                extra.append(f"{len(p.attachments)} 个附件")
        held = f"连同其{'、'.join(extra)}" if extra else ""
        if not messages.confirm(
                window, "删除提案",
                f"确定删除{label}{held}吗？\n\n删除前会自动备份数据库（可在 设置 › 数据和备份 中"
                "恢复），办理日志中保留该提案的主要内容。只有录入或导入错了才应删除；"
                "转给其他单位的请用“申请退回”。", yes="删除", danger=True):
            return None

        def job(_progress: operations.Progress) -> str:
            return meeting_admin.delete_proposal_with_backup(db, proposal_id)

        def done(deleted: str) -> None:
            window.detail.show_proposal(None)
            window.statusBar().showMessage(f"已删除{deleted}", 8000)
            window.reload()

        return operations.run_in_background(window, job, label="正在删除…", on_success=done)
