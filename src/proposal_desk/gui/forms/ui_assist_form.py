# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assist_form.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_AssistForm(object):
    def setupUi(self, AssistForm):
        if not AssistForm.objectName():
            AssistForm.setObjectName(u"AssistForm")
        AssistForm.resize(640, 600)
        self.outerLayout = QVBoxLayout(AssistForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(AssistForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.infoRow = QHBoxLayout()
        self.infoRow.setObjectName(u"infoRow")
        self.infoLabel = QLabel(self.scrollContents)
        self.infoLabel.setObjectName(u"infoLabel")
        self.infoLabel.setWordWrap(True)

        self.infoRow.addWidget(self.infoLabel)

        self.infoSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.infoRow.addItem(self.infoSpacer)

        self.opinionButton = QPushButton(self.scrollContents)
        self.opinionButton.setObjectName(u"opinionButton")

        self.infoRow.addWidget(self.opinionButton)


        self.contentsLayout.addLayout(self.infoRow)

        self.assistGroup = QGroupBox(self.scrollContents)
        self.assistGroup.setObjectName(u"assistGroup")
        self.assistGrid = QGridLayout(self.assistGroup)
        self.assistGrid.setObjectName(u"assistGrid")
        self.assistGrid.setHorizontalSpacing(10)
        self.assistGrid.setVerticalSpacing(6)
        self.docNumberLabel = QLabel(self.assistGroup)
        self.docNumberLabel.setObjectName(u"docNumberLabel")

        self.assistGrid.addWidget(self.docNumberLabel, 0, 0, 1, 1)

        self.docNumberEdit = QLineEdit(self.assistGroup)
        self.docNumberEdit.setObjectName(u"docNumberEdit")

        self.assistGrid.addWidget(self.docNumberEdit, 0, 1, 1, 1)

        self.signerLabel = QLabel(self.assistGroup)
        self.signerLabel.setObjectName(u"signerLabel")

        self.assistGrid.addWidget(self.signerLabel, 0, 2, 1, 1)

        self.signerBox = QComboBox(self.assistGroup)
        self.signerBox.setObjectName(u"signerBox")
        self.signerBox.setEditable(True)

        self.assistGrid.addWidget(self.signerBox, 0, 3, 1, 1)

        self.sentLabel = QLabel(self.assistGroup)
        self.sentLabel.setObjectName(u"sentLabel")

        self.assistGrid.addWidget(self.sentLabel, 1, 0, 1, 1)

        self.sentField = DateField(self.assistGroup)
        self.sentField.setObjectName(u"sentField")

        self.assistGrid.addWidget(self.sentField, 1, 1, 1, 1)

        self.leadUnitLabel = QLabel(self.assistGroup)
        self.leadUnitLabel.setObjectName(u"leadUnitLabel")

        self.assistGrid.addWidget(self.leadUnitLabel, 1, 2, 1, 1)

        self.leadUnitValue = QLabel(self.assistGroup)
        self.leadUnitValue.setObjectName(u"leadUnitValue")

        self.assistGrid.addWidget(self.leadUnitValue, 1, 3, 1, 1)

        self.contactNameLabel = QLabel(self.assistGroup)
        self.contactNameLabel.setObjectName(u"contactNameLabel")

        self.assistGrid.addWidget(self.contactNameLabel, 2, 0, 1, 1)

        self.contactNameEdit = QLineEdit(self.assistGroup)
        self.contactNameEdit.setObjectName(u"contactNameEdit")

        self.assistGrid.addWidget(self.contactNameEdit, 2, 1, 1, 1)

        self.contactPhoneLabel = QLabel(self.assistGroup)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.assistGrid.addWidget(self.contactPhoneLabel, 2, 2, 1, 1)

        self.contactPhoneEdit = QLineEdit(self.assistGroup)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")

        self.assistGrid.addWidget(self.contactPhoneEdit, 2, 3, 1, 1)

        self.assistGrid.setColumnStretch(1, 1)
        self.assistGrid.setColumnStretch(3, 1)

        self.contentsLayout.addWidget(self.assistGroup)

        self.textLabel = QLabel(self.scrollContents)
        self.textLabel.setObjectName(u"textLabel")
        self.textLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.textLabel)

        self.textEdit = QPlainTextEdit(self.scrollContents)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setMinimumSize(QSize(0, 200))

        self.contentsLayout.addWidget(self.textEdit)

        self.summaryLabel = QLabel(self.scrollContents)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.contentsLayout.addWidget(self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.scrollContents)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMaximumSize(QSize(16777215, 90))

        self.contentsLayout.addWidget(self.summaryEdit)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.docNumberLabel.setBuddy(self.docNumberEdit)
        self.signerLabel.setBuddy(self.signerBox)
        self.sentLabel.setBuddy(self.sentField)
        self.leadUnitLabel.setBuddy(self.leadUnitValue)
        self.contactNameLabel.setBuddy(self.contactNameEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
        self.textLabel.setBuddy(self.textEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssistForm)

        QMetaObject.connectSlotsByName(AssistForm)
    # setupUi

    def retranslateUi(self, AssistForm):
        self.infoLabel.setText(QCoreApplication.translate("AssistForm", u"\u534f\u529e\u3001\u4f1a\u529e\u63d0\u6848\uff1a\u5411\u4e3b\u529e\u5355\u4f4d\u9001\u4f1a\u529e\u610f\u89c1\uff0c\u4e0d\u76f4\u63a5\u7b54\u590d\u63d0\u51fa\u4eba\uff0c\u4e0d\u8bc4\u5b9a\u7c7b\u522b\u3002", None))
        self.opinionButton.setText(QCoreApplication.translate("AssistForm", u"\u751f\u6210\u4f1a\u529e\u610f\u89c1\u2026", None))
#if QT_CONFIG(tooltip)
        self.opinionButton.setToolTip(QCoreApplication.translate("AssistForm", u"\u751f\u6210 Word \u4f1a\u529e\u610f\u89c1\u5e76\u6253\u5f00", None))
#endif // QT_CONFIG(tooltip)
        self.assistGroup.setTitle(QCoreApplication.translate("AssistForm", u"\u4f1a\u529e\u610f\u89c1", None))
        self.docNumberLabel.setText(QCoreApplication.translate("AssistForm", u"\u53d1\u6587\u5b57\u53f7(&N)", None))
        self.docNumberEdit.setPlaceholderText(QCoreApplication.translate("AssistForm", u"\u7559\u7a7a\u5219\u5728\u586b\u5199\u9001\u51fa\u65e5\u671f\u540e\u81ea\u52a8\u53d6\u53f7", None))
        self.signerLabel.setText(QCoreApplication.translate("AssistForm", u"\u7b7e\u53d1\u4eba", None))
        self.sentLabel.setText(QCoreApplication.translate("AssistForm", u"\u9001\u51fa\u65e5\u671f(&D)", None))
#if QT_CONFIG(tooltip)
        self.sentField.setToolTip(QCoreApplication.translate("AssistForm", u"\u4f1a\u529e\u610f\u89c1\u9001\u8fbe\u4e3b\u529e\u5355\u4f4d\u7684\u65e5\u671f\uff1b\u586b\u5199\u540e\u5373\u529e\u7ed3", None))
#endif // QT_CONFIG(tooltip)
        self.leadUnitLabel.setText(QCoreApplication.translate("AssistForm", u"\u4e3b\u529e\u5355\u4f4d", None))
        self.leadUnitValue.setText("")
        self.contactNameLabel.setText(QCoreApplication.translate("AssistForm", u"\u8054\u7cfb\u4eba", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("AssistForm", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.textLabel.setText(QCoreApplication.translate("AssistForm", u"\u610f\u89c1\u6b63\u6587(&B)\uff1a\u53ea\u5199\u6b63\u6587\u3002\u4e3b\u9001\u5355\u4f4d\u3001\u5f00\u5934\u201c\u2026\u2026\u6536\u6089\u3002\u7ecf\u8ba4\u771f\u7814\u7a76\uff0c\u73b0\u63d0\u51fa\u610f\u89c1\u5982\u4e0b\uff1a\u201d\u3001\u7ed3\u5c3e\u201c\u4ee5\u4e0a\u610f\u89c1\uff0c\u8bf7\u5728\u7b54\u590d\u59d4\u5458\u65f6\u7edf\u7b79\u8003\u8651\u3002\u201d\u548c\u843d\u6b3e\u7531\u7a0b\u5e8f\u5728\u751f\u6210\u6587\u4ef6\u65f6\u81ea\u52a8\u52a0\u4e0a", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("AssistForm", u"\u672c\u5355\u4f4d\u5bf9\u8be5\u63d0\u6848\u7684\u610f\u89c1\u548c\u6240\u505a\u7684\u5de5\u4f5c\uff1a\u4e00\u3001\u2026\u2026 \u4e8c\u3001\u2026\u2026\uff08\u4e0d\u542b\u5f00\u5934\u3001\u7ed3\u5c3e\u548c\u843d\u6b3e\uff09", None))
        self.summaryLabel.setText(QCoreApplication.translate("AssistForm", u"\u529e\u7406\u5de5\u4f5c\u5c0f\u7ed3\uff08\u5199\u5165\u5e74\u5ea6\u529e\u7406\u60c5\u51b5\u62a5\u544a\uff09", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("AssistForm", u"\u4e00\u662f\u2026\u2026\uff1b\u4e8c\u662f\u2026\u2026", None))
        pass
    # retranslateUi
