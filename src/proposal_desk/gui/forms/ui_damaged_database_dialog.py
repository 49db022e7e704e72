# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'damaged_database_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QDialog, QGroupBox, QHBoxLayout,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_DamagedDatabaseDialog(object):
    def setupUi(self, DamagedDatabaseDialog):
        if not DamagedDatabaseDialog.objectName():
            DamagedDatabaseDialog.setObjectName(u"DamagedDatabaseDialog")
        DamagedDatabaseDialog.resize(680, 500)
        self.mainLayout = QVBoxLayout(DamagedDatabaseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headingRow = QHBoxLayout()
        self.headingRow.setObjectName(u"headingRow")
        self.iconLabel = QLabel(DamagedDatabaseDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.headingRow.addWidget(self.iconLabel)

        self.headingLabel = QLabel(DamagedDatabaseDialog)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)

        self.headingRow.addWidget(self.headingLabel)

        self.headingSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headingRow.addItem(self.headingSpacer)


        self.mainLayout.addLayout(self.headingRow)

        self.fileLabel = QLabel(DamagedDatabaseDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.fileLabel)

        self.explainLabel = QLabel(DamagedDatabaseDialog)
        self.explainLabel.setObjectName(u"explainLabel")
        self.explainLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explainLabel)

        self.backupGroup = QGroupBox(DamagedDatabaseDialog)
        self.backupGroup.setObjectName(u"backupGroup")
        self.backupLayout = QVBoxLayout(self.backupGroup)
        self.backupLayout.setObjectName(u"backupLayout")
        self.backupLabel = QLabel(self.backupGroup)
        self.backupLabel.setObjectName(u"backupLabel")
        self.backupLabel.setWordWrap(True)
        self.backupLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.backupLayout.addWidget(self.backupLabel)


        self.mainLayout.addWidget(self.backupGroup)

        self.detailsLabel = QLabel(DamagedDatabaseDialog)
        self.detailsLabel.setObjectName(u"detailsLabel")

        self.mainLayout.addWidget(self.detailsLabel)

        self.detailsView = QPlainTextEdit(DamagedDatabaseDialog)
        self.detailsView.setObjectName(u"detailsView")
        self.detailsView.setReadOnly(True)
        self.detailsView.setMinimumSize(QSize(0, 70))

        self.mainLayout.addWidget(self.detailsView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.restoreButton = QPushButton(DamagedDatabaseDialog)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonRow.addWidget(self.restoreButton)

        self.chooseButton = QPushButton(DamagedDatabaseDialog)
        self.chooseButton.setObjectName(u"chooseButton")

        self.buttonRow.addWidget(self.chooseButton)

        self.folderButton = QPushButton(DamagedDatabaseDialog)
        self.folderButton.setObjectName(u"folderButton")

        self.buttonRow.addWidget(self.folderButton)

        self.buttonSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.quitButton = QPushButton(DamagedDatabaseDialog)
        self.quitButton.setObjectName(u"quitButton")
        self.quitButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.quitButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.detailsLabel.setBuddy(self.detailsView)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DamagedDatabaseDialog)

        self.restoreButton.setDefault(True)


        QMetaObject.connectSlotsByName(DamagedDatabaseDialog)
    # setupUi

    def retranslateUi(self, DamagedDatabaseDialog):
        DamagedDatabaseDialog.setWindowTitle(QCoreApplication.translate("DamagedDatabaseDialog", u"\u6570\u636e\u5e93\u6587\u4ef6\u5df2\u635f\u574f", None))
        self.iconLabel.setText("")
        self.headingLabel.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"\u63d0\u6848\u529e\u7406\u53f0\u65e0\u6cd5\u6253\u5f00\u6570\u636e\u5e93\uff1a\u6587\u4ef6\u5df2\u635f\u574f\u3002", None))
        self.fileLabel.setText("")
        self.explainLabel.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"\u7a0b\u5e8f\u5728\u6253\u5f00\u6570\u636e\u5e93\u65f6\u505a\u4e86\u5b8c\u6574\u6027\u68c0\u67e5\uff0c\u53d1\u73b0\u8fd9\u4e2a\u6587\u4ef6\u5185\u90e8\u5df2\u7ecf\u635f\u574f\uff08\u5e38\u89c1\u539f\u56e0\uff1a\u5199\u5165\u65f6\u7a81\u7136\u65ad\u7535\u6216\u5f3a\u5236\u5173\u673a\u3001\u78c1\u76d8\u6216 U \u76d8\u6545\u969c\uff09\u3002\u7ee7\u7eed\u4f7f\u7528\u53ef\u80fd\u4e22\u5931\u6216\u5f04\u9519\u6570\u636e\uff0c\u6240\u4ee5\u7a0b\u5e8f\u6ca1\u6709\u6253\u5f00\u5b83\u3002\u7a0b\u5e8f\u6ca1\u6709\u6539\u52a8\u8fd9\u4e2a\u6587\u4ef6\uff0c\u4e5f\u4e0d\u4f1a\u65b0\u5efa\u4e00\u4e2a\u7a7a\u6570\u636e\u5e93\u6765\u4ee3\u66ff\u5b83\u3002", None))
        self.backupGroup.setTitle(QCoreApplication.translate("DamagedDatabaseDialog", u"\u6700\u8fd1\u4e00\u4efd\u5b8c\u597d\u7684\u5907\u4efd", None))
        self.backupLabel.setText("")
        self.detailsLabel.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"\u68c0\u67e5\u7ed3\u679c\uff08\u4f9b\u6280\u672f\u4eba\u5458\u53c2\u8003\uff09", None))
        self.restoreButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"\u7528\u8fd9\u4efd\u5907\u4efd\u6062\u590d(&R)", None))
        self.chooseButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"\u9009\u62e9\u5176\u4ed6\u5907\u4efd\u6587\u4ef6(&C)\u2026", None))
        self.folderButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"\u6253\u5f00\u6240\u5728\u6587\u4ef6\u5939", None))
        self.quitButton.setText(QCoreApplication.translate("DamagedDatabaseDialog", u"\u9000\u51fa(&Q)", None))
    # retranslateUi
