# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'about_dialog.ui'
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
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_AboutDialog(object):
    def setupUi(self, AboutDialog):
        if not AboutDialog.objectName():
            AboutDialog.setObjectName(u"AboutDialog")
        AboutDialog.resize(560, 320)
        self.mainLayout = QVBoxLayout(AboutDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headRow = QHBoxLayout()
        self.headRow.setObjectName(u"headRow")
        self.iconLabel = QLabel(AboutDialog)
        self.iconLabel.setObjectName(u"iconLabel")
        self.iconLabel.setMinimumSize(QSize(64, 64))

        self.headRow.addWidget(self.iconLabel)

        self.nameColumn = QVBoxLayout()
        self.nameColumn.setObjectName(u"nameColumn")
        self.nameLabel = QLabel(AboutDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.nameColumn.addWidget(self.nameLabel)

        self.versionLabel = QLabel(AboutDialog)
        self.versionLabel.setObjectName(u"versionLabel")

        self.nameColumn.addWidget(self.versionLabel)


        self.headRow.addLayout(self.nameColumn)

        self.headSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headRow.addItem(self.headSpacer)


        self.mainLayout.addLayout(self.headRow)

        self.descriptionLabel = QLabel(AboutDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.descriptionLabel)

        self.dataGroup = QGroupBox(AboutDialog)
        self.dataGroup.setObjectName(u"dataGroup")
        self.dataGrid = QGridLayout(self.dataGroup)
        self.dataGrid.setObjectName(u"dataGrid")
        self.dataGrid.setHorizontalSpacing(10)
        self.dataGrid.setVerticalSpacing(6)
        self.folderTitle = QLabel(self.dataGroup)
        self.folderTitle.setObjectName(u"folderTitle")

        self.dataGrid.addWidget(self.folderTitle, 0, 0, 1, 1)

        self.folderValue = QLabel(self.dataGroup)
        self.folderValue.setObjectName(u"folderValue")
        self.folderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folderValue.setWordWrap(True)

        self.dataGrid.addWidget(self.folderValue, 0, 1, 1, 1)

        self.databaseTitle = QLabel(self.dataGroup)
        self.databaseTitle.setObjectName(u"databaseTitle")

        self.dataGrid.addWidget(self.databaseTitle, 1, 0, 1, 1)

        self.databaseValue = QLabel(self.dataGroup)
        self.databaseValue.setObjectName(u"databaseValue")
        self.databaseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.databaseValue.setWordWrap(True)

        self.dataGrid.addWidget(self.databaseValue, 1, 1, 1, 1)

        self.logTitle = QLabel(self.dataGroup)
        self.logTitle.setObjectName(u"logTitle")

        self.dataGrid.addWidget(self.logTitle, 2, 0, 1, 1)

        self.logValue = QLabel(self.dataGroup)
        self.logValue.setObjectName(u"logValue")
        self.logValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.logValue.setWordWrap(True)

        self.dataGrid.addWidget(self.logValue, 2, 1, 1, 1)

        self.dataGrid.setColumnStretch(1, 1)

        self.mainLayout.addWidget(self.dataGroup)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.openFolderButton = QPushButton(AboutDialog)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonRow.addWidget(self.openFolderButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(AboutDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.buttonRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.folderTitle.setBuddy(self.folderValue)
        self.databaseTitle.setBuddy(self.databaseValue)
        self.logTitle.setBuddy(self.logValue)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AboutDialog)
        self.buttonBox.rejected.connect(AboutDialog.reject)

        QMetaObject.connectSlotsByName(AboutDialog)
    # setupUi

    def retranslateUi(self, AboutDialog):
        AboutDialog.setWindowTitle(QCoreApplication.translate("AboutDialog", u"\u5173\u4e8e\u63d0\u6848\u529e\u7406\u53f0", None))
        self.nameLabel.setText(QCoreApplication.translate("AboutDialog", u"\u63d0\u6848\u529e\u7406\u53f0", None))
        self.versionLabel.setText(QCoreApplication.translate("AboutDialog", u"\u7248\u672c", None))
        self.descriptionLabel.setText(QCoreApplication.translate("AboutDialog", u"\u653f\u534f\u63d0\u6848\u3001\u4eba\u5927\u5efa\u8bae\u529e\u7406\u53f0\u8d26\u4e0e\u6587\u4e66\u3002\u6570\u636e\u53ea\u4fdd\u5b58\u5728\u672c\u673a\uff08\u6216\u6307\u5b9a\u7684\u6570\u636e\u5e93\uff09\uff0c\u4e0d\u8fde\u63a5\u4e92\u8054\u7f51\u3002", None))
        self.dataGroup.setTitle(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u4f4d\u7f6e", None))
        self.folderTitle.setText(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u6587\u4ef6\u5939", None))
        self.databaseTitle.setText(QCoreApplication.translate("AboutDialog", u"\u6570\u636e\u5e93", None))
        self.logTitle.setText(QCoreApplication.translate("AboutDialog", u"\u65e5\u5fd7\u6587\u4ef6", None))
        self.openFolderButton.setText(QCoreApplication.translate("AboutDialog", u"\u6253\u5f00\u6570\u636e\u6587\u4ef6\u5939", None))
    # retranslateUi
