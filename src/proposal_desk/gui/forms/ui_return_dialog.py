# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'return_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_ReturnDialog(object):
    def setupUi(self, ReturnDialog):
        if not ReturnDialog.objectName():
            ReturnDialog.setObjectName(u"ReturnDialog")
        ReturnDialog.resize(520, 360)
        self.mainLayout = QVBoxLayout(ReturnDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.deadlineLabel = QLabel(ReturnDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")
        self.deadlineLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.deadlineLabel)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.requestedLabel = QLabel(ReturnDialog)
        self.requestedLabel.setObjectName(u"requestedLabel")

        self.grid.addWidget(self.requestedLabel, 0, 0, 1, 1)

        self.requestedField = DateField(ReturnDialog)
        self.requestedField.setObjectName(u"requestedField")

        self.grid.addWidget(self.requestedField, 0, 1, 1, 1)

        self.suggestedLabel = QLabel(ReturnDialog)
        self.suggestedLabel.setObjectName(u"suggestedLabel")

        self.grid.addWidget(self.suggestedLabel, 1, 0, 1, 1)

        self.suggestedUnitEdit = QLineEdit(ReturnDialog)
        self.suggestedUnitEdit.setObjectName(u"suggestedUnitEdit")

        self.grid.addWidget(self.suggestedUnitEdit, 1, 1, 1, 1)

        self.grid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.grid)

        self.reasonLabel = QLabel(ReturnDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.mainLayout.addWidget(self.reasonLabel)

        self.reasonEdit = QPlainTextEdit(ReturnDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMinimumSize(QSize(0, 100))

        self.mainLayout.addWidget(self.reasonEdit)

        self.ruleLabel = QLabel(ReturnDialog)
        self.ruleLabel.setObjectName(u"ruleLabel")
        self.ruleLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.ruleLabel)

        self.buttonBox = QDialogButtonBox(ReturnDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.requestedLabel.setBuddy(self.requestedField)
        self.suggestedLabel.setBuddy(self.suggestedUnitEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReturnDialog)
        self.buttonBox.rejected.connect(ReturnDialog.reject)

        QMetaObject.connectSlotsByName(ReturnDialog)
    # setupUi

    def retranslateUi(self, ReturnDialog):
        ReturnDialog.setWindowTitle(QCoreApplication.translate("ReturnDialog", u"\u7533\u8bf7\u9000\u56de", None))
        self.deadlineLabel.setText("")
        self.requestedLabel.setText(QCoreApplication.translate("ReturnDialog", u"\u7533\u8bf7\u65e5\u671f(&D)", None))
        self.suggestedLabel.setText(QCoreApplication.translate("ReturnDialog", u"\u5efa\u8bae\u627f\u529e\u5355\u4f4d", None))
        self.suggestedUnitEdit.setPlaceholderText(QCoreApplication.translate("ReturnDialog", u"\u5e94\u7531\u54ea\u4e2a\u5355\u4f4d\u529e\u7406\uff08\u53ef\u4e0d\u586b\uff09", None))
        self.reasonLabel.setText(QCoreApplication.translate("ReturnDialog", u"\u9000\u56de\u7406\u7531(&R)\uff08\u5fc5\u586b\uff09", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("ReturnDialog", u"\u4e3a\u4ec0\u4e48\u4e0d\u5c5e\u4e8e\u672c\u5355\u4f4d\u804c\u8d23", None))
        self.ruleLabel.setText(QCoreApplication.translate("ReturnDialog", u"\u9000\u56de\u53ea\u80fd\u4ea4\u56de\u63d0\u6848\u59d4\uff08\u6216\u4eba\u5927\u4ee3\u8868\u5de5\u59d4\uff09\uff0c\u7531\u5176\u91cd\u65b0\u4ea4\u529e\uff1b\u672c\u5355\u4f4d\u4e0d\u5f97\u81ea\u884c\u8f6c\u4ea4\u5176\u4ed6\u5355\u4f4d\u3002", None))
    # retranslateUi
