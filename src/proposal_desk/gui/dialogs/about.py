"""About: the version, where the data lives, and the log file for error reports."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from proposal_desk import APP_NAME, __version__, logs
from proposal_desk.gui.context import AppContext
from proposal_desk.gui.forms.ui_about_dialog import Ui_AboutDialog
from proposal_desk.gui.icons import icon
from proposal_desk.gui.opener import open_path


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.ui = Ui_AboutDialog()
        self.ui.setupUi(self)
        ui = self.ui
        ui.iconLabel.setPixmap(icon("app").pixmap(64, 64))
        ui.nameLabel.setText(f"<span style='font-size:16pt;font-weight:bold'>{APP_NAME}</span>")
        demo = "（演示数据库）" if ctx.demo else ""
        ui.versionLabel.setText(f"版本 {__version__}{demo}")
        ui.folderValue.setText(str(ctx.data_folder))
        ui.databaseValue.setText(ctx.db.display_location)
        ui.logValue.setText(str(logs.log_file()))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        ui.openFolderButton.clicked.connect(lambda: open_path(ctx.data_folder))
