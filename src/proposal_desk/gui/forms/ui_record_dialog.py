# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'record_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidgetItem, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from proposal_desk.gui.widgets.date_field import DateField
from proposal_desk.gui.widgets.file_drop import FileDropList

class Ui_RecordDialog(object):
    def setupUi(self, RecordDialog):
        if not RecordDialog.objectName():
            RecordDialog.setObjectName(u"RecordDialog")
        RecordDialog.resize(640, 620)
        self.mainLayout = QVBoxLayout(RecordDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.proposalLabel = QLabel(RecordDialog)
        self.proposalLabel.setObjectName(u"proposalLabel")
        self.proposalLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.proposalLabel)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(12)
        self.dateLabel = QLabel(RecordDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.grid.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.dateField = DateField(RecordDialog)
        self.dateField.setObjectName(u"dateField")

        self.grid.addWidget(self.dateField, 0, 1, 1, 1)

        self.methodLabel = QLabel(RecordDialog)
        self.methodLabel.setObjectName(u"methodLabel")

        self.grid.addWidget(self.methodLabel, 0, 2, 1, 1)

        self.methodBox = QComboBox(RecordDialog)
        self.methodBox.setObjectName(u"methodBox")

        self.grid.addWidget(self.methodBox, 0, 3, 1, 1)

        self.stageLabel = QLabel(RecordDialog)
        self.stageLabel.setObjectName(u"stageLabel")

        self.grid.addWidget(self.stageLabel, 1, 0, 1, 1)

        self.stageBox = QComboBox(RecordDialog)
        self.stageBox.setObjectName(u"stageBox")

        self.grid.addWidget(self.stageBox, 1, 1, 1, 1)

        self.placeLabel = QLabel(RecordDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.grid.addWidget(self.placeLabel, 1, 2, 1, 1)

        self.placeEdit = QLineEdit(RecordDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.grid.addWidget(self.placeEdit, 1, 3, 1, 1)

        self.ourLabel = QLabel(RecordDialog)
        self.ourLabel.setObjectName(u"ourLabel")

        self.grid.addWidget(self.ourLabel, 2, 0, 1, 1)

        self.ourEdit = QLineEdit(RecordDialog)
        self.ourEdit.setObjectName(u"ourEdit")

        self.grid.addWidget(self.ourEdit, 2, 1, 1, 3)

        self.theirLabel = QLabel(RecordDialog)
        self.theirLabel.setObjectName(u"theirLabel")

        self.grid.addWidget(self.theirLabel, 3, 0, 1, 1)

        self.theirEdit = QLineEdit(RecordDialog)
        self.theirEdit.setObjectName(u"theirEdit")

        self.grid.addWidget(self.theirEdit, 3, 1, 1, 3)

        self.attitudeLabel = QLabel(RecordDialog)
        self.attitudeLabel.setObjectName(u"attitudeLabel")

        self.grid.addWidget(self.attitudeLabel, 4, 0, 1, 1)

        self.attitudeEdit = QLineEdit(RecordDialog)
        self.attitudeEdit.setObjectName(u"attitudeEdit")

        self.grid.addWidget(self.attitudeEdit, 4, 1, 1, 3)

        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)

        self.mainLayout.addLayout(self.grid)

        self.contentLabel = QLabel(RecordDialog)
        self.contentLabel.setObjectName(u"contentLabel")

        self.mainLayout.addWidget(self.contentLabel)

        self.contentEdit = QPlainTextEdit(RecordDialog)
        self.contentEdit.setObjectName(u"contentEdit")

        self.mainLayout.addWidget(self.contentEdit)

        self.attachmentBox = QGroupBox(RecordDialog)
        self.attachmentBox.setObjectName(u"attachmentBox")
        self.attachmentLayout = QHBoxLayout(self.attachmentBox)
        self.attachmentLayout.setObjectName(u"attachmentLayout")
        self.attachmentList = FileDropList(self.attachmentBox)
        self.attachmentList.setObjectName(u"attachmentList")
        self.attachmentList.setMinimumSize(QSize(0, 90))

        self.attachmentLayout.addWidget(self.attachmentList)

        self.attachmentButtons = QVBoxLayout()
        self.attachmentButtons.setObjectName(u"attachmentButtons")
        self.addFileButton = QPushButton(self.attachmentBox)
        self.addFileButton.setObjectName(u"addFileButton")

        self.attachmentButtons.addWidget(self.addFileButton)

        self.openFileButton = QPushButton(self.attachmentBox)
        self.openFileButton.setObjectName(u"openFileButton")

        self.attachmentButtons.addWidget(self.openFileButton)

        self.removeFileButton = QPushButton(self.attachmentBox)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.attachmentButtons.addWidget(self.removeFileButton)

        self.attachmentSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.attachmentButtons.addItem(self.attachmentSpacer)


        self.attachmentLayout.addLayout(self.attachmentButtons)


        self.mainLayout.addWidget(self.attachmentBox)

        self.buttonBox = QDialogButtonBox(RecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateField)
        self.methodLabel.setBuddy(self.methodBox)
        self.stageLabel.setBuddy(self.stageBox)
        self.placeLabel.setBuddy(self.placeEdit)
        self.ourLabel.setBuddy(self.ourEdit)
        self.theirLabel.setBuddy(self.theirEdit)
        self.attitudeLabel.setBuddy(self.attitudeEdit)
        self.contentLabel.setBuddy(self.contentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateField, self.methodBox)
        QWidget.setTabOrder(self.methodBox, self.stageBox)
        QWidget.setTabOrder(self.stageBox, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.ourEdit)
        QWidget.setTabOrder(self.ourEdit, self.theirEdit)
        QWidget.setTabOrder(self.theirEdit, self.attitudeEdit)
        QWidget.setTabOrder(self.attitudeEdit, self.contentEdit)

        self.retranslateUi(RecordDialog)
        self.buttonBox.rejected.connect(RecordDialog.reject)

        QMetaObject.connectSlotsByName(RecordDialog)
    # setupUi

    def retranslateUi(self, RecordDialog):
        RecordDialog.setWindowTitle(QCoreApplication.translate("RecordDialog", u"\u6c9f\u901a\u8bb0\u5f55", None))
        self.proposalLabel.setText(QCoreApplication.translate("RecordDialog", u"\u7b2c \u53f7", None))
        self.dateLabel.setText(QCoreApplication.translate("RecordDialog", u"\u6c9f\u901a\u65e5\u671f(&D)", None))
        self.methodLabel.setText(QCoreApplication.translate("RecordDialog", u"\u6c9f\u901a\u65b9\u5f0f(&M)", None))
#if QT_CONFIG(tooltip)
        self.methodBox.setToolTip(QCoreApplication.translate("RecordDialog", u"\u4e0a\u95e8\u9762\u5546\u3001\u5ea7\u8c08\u4f1a\u3001\u73b0\u573a\u8c03\u7814\u7b97\u4f5c\u5f53\u9762\u6c9f\u901a", None))
#endif // QT_CONFIG(tooltip)
        self.stageLabel.setText(QCoreApplication.translate("RecordDialog", u"\u529e\u7406\u9636\u6bb5(&S)", None))
#if QT_CONFIG(tooltip)
        self.stageBox.setToolTip(QCoreApplication.translate("RecordDialog", u"\u529e\u524d\uff1a\u7b54\u590d\u524d\u5148\u6c9f\u901a\uff1b\u529e\u4e2d\uff1a\u529e\u7406\u8fc7\u7a0b\u4e2d\uff1b\u529e\u540e\uff1a\u7b54\u590d\u540e\u56de\u8bbf", None))
#endif // QT_CONFIG(tooltip)
        self.placeLabel.setText(QCoreApplication.translate("RecordDialog", u"\u5730\u70b9(&P)", None))
        self.placeEdit.setPlaceholderText(QCoreApplication.translate("RecordDialog", u"\u5982 \u59d4\u5458\u6240\u5728\u4f01\u4e1a\u3001\u5c40\u4f1a\u8bae\u5ba4", None))
        self.ourLabel.setText(QCoreApplication.translate("RecordDialog", u"\u6211\u65b9\u4eba\u5458(&O)", None))
        self.ourEdit.setPlaceholderText(QCoreApplication.translate("RecordDialog", u"\u5982 \u5206\u7ba1\u526f\u5c40\u957f\u5218\u5efa\u56fd\u3001\u7535\u5b50\u5546\u52a1\u79d1\u674e\u660e", None))
        self.theirLabel.setText(QCoreApplication.translate("RecordDialog", u"\u5bf9\u65b9\u4eba\u5458(&T)", None))
        self.theirEdit.setPlaceholderText(QCoreApplication.translate("RecordDialog", u"\u5982 \u63d0\u6848\u4eba\u5f20\u4e09\u59d4\u5458", None))
        self.attitudeLabel.setText(QCoreApplication.translate("RecordDialog", u"\u59d4\u5458\u6001\u5ea6(&A)", None))
        self.attitudeEdit.setPlaceholderText(QCoreApplication.translate("RecordDialog", u"\u5982 \u5bf9\u529e\u7406\u601d\u8def\u8868\u793a\u8ba4\u53ef", None))
        self.contentLabel.setText(QCoreApplication.translate("RecordDialog", u"\u6c9f\u901a\u5185\u5bb9\u548c\u5546\u5b9a\u4e8b\u9879(&C)", None))
        self.contentEdit.setPlaceholderText(QCoreApplication.translate("RecordDialog", u"\u8c08\u4e86\u4ec0\u4e48\uff0c\u5546\u5b9a\u4e86\u4ec0\u4e48\uff0c\u59d4\u5458\u8fd8\u6709\u4ec0\u4e48\u8981\u6c42", None))
        self.attachmentBox.setTitle(QCoreApplication.translate("RecordDialog", u"\u9644\u4ef6\uff08\u626b\u63cf\u4ef6\u3001\u7eaa\u8981\u3001\u7167\u7247\uff1b\u53ef\u628a\u6587\u4ef6\u76f4\u63a5\u62d6\u5230\u8fd9\u91cc\uff09", None))
        self.addFileButton.setText(QCoreApplication.translate("RecordDialog", u"\u6dfb\u52a0\u9644\u4ef6\u2026", None))
        self.openFileButton.setText(QCoreApplication.translate("RecordDialog", u"\u6253\u5f00", None))
        self.removeFileButton.setText(QCoreApplication.translate("RecordDialog", u"\u79fb\u9664", None))
    # retranslateUi
