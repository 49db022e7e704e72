# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QGridLayout,
    QHBoxLayout, QHeaderView, QLabel, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QTableView, QVBoxLayout, QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.resize(900, 620)
        self.mainLayout = QVBoxLayout(ConflictDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingLabel = QLabel(ConflictDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.headingLabel)

        self.explainLabel = QLabel(ConflictDialog)
        self.explainLabel.setObjectName(u"explainLabel")
        self.explainLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explainLabel)

        self.splitter = QSplitter(ConflictDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.diffTable = QTableView(self.splitter)
        self.diffTable.setObjectName(u"diffTable")
        self.diffTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.diffTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.diffTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.diffTable.setWordWrap(False)
        self.splitter.addWidget(self.diffTable)
        self.fullTexts = QWidget(self.splitter)
        self.fullTexts.setObjectName(u"fullTexts")
        self.fullLayout = QGridLayout(self.fullTexts)
        self.fullLayout.setObjectName(u"fullLayout")
        self.fullLayout.setContentsMargins(0, 0, 0, 0)
        self.theirsLabel = QLabel(self.fullTexts)
        self.theirsLabel.setObjectName(u"theirsLabel")

        self.fullLayout.addWidget(self.theirsLabel, 0, 0, 1, 1)

        self.mineLabel = QLabel(self.fullTexts)
        self.mineLabel.setObjectName(u"mineLabel")

        self.fullLayout.addWidget(self.mineLabel, 0, 1, 1, 1)

        self.theirsView = QPlainTextEdit(self.fullTexts)
        self.theirsView.setObjectName(u"theirsView")
        self.theirsView.setReadOnly(True)

        self.fullLayout.addWidget(self.theirsView, 1, 0, 1, 1)

        self.mineView = QPlainTextEdit(self.fullTexts)
        self.mineView.setObjectName(u"mineView")
        self.mineView.setReadOnly(True)

        self.fullLayout.addWidget(self.mineView, 1, 1, 1, 1)

        self.splitter.addWidget(self.fullTexts)

        self.mainLayout.addWidget(self.splitter)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.keepMineButton = QPushButton(ConflictDialog)
        self.keepMineButton.setObjectName(u"keepMineButton")

        self.buttonRow.addWidget(self.keepMineButton)

        self.takeTheirsButton = QPushButton(ConflictDialog)
        self.takeTheirsButton.setObjectName(u"takeTheirsButton")

        self.buttonRow.addWidget(self.takeTheirsButton)

        self.buttonSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.backButton = QPushButton(ConflictDialog)
        self.backButton.setObjectName(u"backButton")

        self.buttonRow.addWidget(self.backButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.theirsLabel.setBuddy(self.theirsView)
        self.mineLabel.setBuddy(self.mineView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ConflictDialog)

        self.backButton.setDefault(True)


        QMetaObject.connectSlotsByName(ConflictDialog)
    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"\u5df2\u88ab\u4ed6\u4eba\u4fee\u6539", None))
        self.headingLabel.setText("")
        self.explainLabel.setText("")
        self.theirsLabel.setText(QCoreApplication.translate("ConflictDialog", u"\u5bf9\u65b9\u4fdd\u5b58\u7684", None))
        self.mineLabel.setText(QCoreApplication.translate("ConflictDialog", u"\u60a8\u7684\u4fee\u6539\uff08\u5c1a\u672a\u4fdd\u5b58\uff09", None))
        self.keepMineButton.setText(QCoreApplication.translate("ConflictDialog", u"\u4fdd\u5b58\u6211\u7684\u4fee\u6539(&K)", None))
#if QT_CONFIG(tooltip)
        self.keepMineButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"\u5728\u5bf9\u65b9\u7684\u7248\u672c\u4e4b\u4e0a\u4fdd\u5b58\u60a8\u6539\u8fc7\u7684\u9875\u9762\uff1b\u4e0a\u8868\u4e2d\u7684\u8fd9\u4e9b\u9879\u76ee\u5c06\u4ee5\u60a8\u7684\u4e3a\u51c6", None))
#endif // QT_CONFIG(tooltip)
        self.takeTheirsButton.setText(QCoreApplication.translate("ConflictDialog", u"\u91c7\u7528\u5bf9\u65b9\u7684\u7248\u672c(&T)", None))
#if QT_CONFIG(tooltip)
        self.takeTheirsButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"\u653e\u5f03\u60a8\u8fd9\u6b21\u7684\u4fee\u6539\uff0c\u8f7d\u5165\u5bf9\u65b9\u4fdd\u5b58\u7684\u5185\u5bb9", None))
#endif // QT_CONFIG(tooltip)
        self.backButton.setText(QCoreApplication.translate("ConflictDialog", u"\u8fd4\u56de\u7ee7\u7eed\u7f16\u8f91(&B)", None))
#if QT_CONFIG(tooltip)
        self.backButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"\u4e0d\u4fdd\u5b58\u4e5f\u4e0d\u653e\u5f03\uff0c\u56de\u5230\u8868\u5355\uff1b\u60a8\u7684\u4fee\u6539\u4ecd\u5728", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi
