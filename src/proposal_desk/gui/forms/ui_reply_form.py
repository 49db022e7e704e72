# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reply_form.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_ReplyForm(object):
    def setupUi(self, ReplyForm):
        if not ReplyForm.objectName():
            ReplyForm.setObjectName(u"ReplyForm")
        ReplyForm.resize(640, 600)
        self.outerLayout = QVBoxLayout(ReplyForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(ReplyForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.roundLabel = QLabel(self.scrollContents)
        self.roundLabel.setObjectName(u"roundLabel")
        self.roundLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.roundLabel)

        self.letterRow = QHBoxLayout()
        self.letterRow.setObjectName(u"letterRow")
        self.letterButton = QPushButton(self.scrollContents)
        self.letterButton.setObjectName(u"letterButton")

        self.letterRow.addWidget(self.letterButton)

        self.letterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.letterRow.addItem(self.letterSpacer)


        self.contentsLayout.addLayout(self.letterRow)

        self.letterGroup = QGroupBox(self.scrollContents)
        self.letterGroup.setObjectName(u"letterGroup")
        self.letterGrid = QGridLayout(self.letterGroup)
        self.letterGrid.setObjectName(u"letterGrid")
        self.letterGrid.setHorizontalSpacing(10)
        self.letterGrid.setVerticalSpacing(6)
        self.categoryLabel = QLabel(self.letterGroup)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.letterGrid.addWidget(self.categoryLabel, 0, 0, 1, 1)

        self.categoryBox = QComboBox(self.letterGroup)
        self.categoryBox.setObjectName(u"categoryBox")

        self.letterGrid.addWidget(self.categoryBox, 0, 1, 1, 1)

        self.publicityLabel = QLabel(self.letterGroup)
        self.publicityLabel.setObjectName(u"publicityLabel")

        self.letterGrid.addWidget(self.publicityLabel, 0, 2, 1, 1)

        self.publicityBox = QComboBox(self.letterGroup)
        self.publicityBox.setObjectName(u"publicityBox")

        self.letterGrid.addWidget(self.publicityBox, 0, 3, 1, 1)

        self.meaningTitle = QLabel(self.letterGroup)
        self.meaningTitle.setObjectName(u"meaningTitle")

        self.letterGrid.addWidget(self.meaningTitle, 1, 0, 1, 1)

        self.categoryMeaning = QLabel(self.letterGroup)
        self.categoryMeaning.setObjectName(u"categoryMeaning")
        self.categoryMeaning.setWordWrap(True)

        self.letterGrid.addWidget(self.categoryMeaning, 1, 1, 1, 3)

        self.draftedLabel = QLabel(self.letterGroup)
        self.draftedLabel.setObjectName(u"draftedLabel")

        self.letterGrid.addWidget(self.draftedLabel, 2, 0, 1, 1)

        self.draftedField = DateField(self.letterGroup)
        self.draftedField.setObjectName(u"draftedField")

        self.letterGrid.addWidget(self.draftedField, 2, 1, 1, 1)

        self.docNumberLabel = QLabel(self.letterGroup)
        self.docNumberLabel.setObjectName(u"docNumberLabel")

        self.letterGrid.addWidget(self.docNumberLabel, 2, 2, 1, 1)

        self.docNumberEdit = QLineEdit(self.letterGroup)
        self.docNumberEdit.setObjectName(u"docNumberEdit")

        self.letterGrid.addWidget(self.docNumberEdit, 2, 3, 1, 1)

        self.reviewedLabel = QLabel(self.letterGroup)
        self.reviewedLabel.setObjectName(u"reviewedLabel")

        self.letterGrid.addWidget(self.reviewedLabel, 3, 0, 1, 1)

        self.reviewedField = DateField(self.letterGroup)
        self.reviewedField.setObjectName(u"reviewedField")

        self.letterGrid.addWidget(self.reviewedField, 3, 1, 1, 1)

        self.reviewerLabel = QLabel(self.letterGroup)
        self.reviewerLabel.setObjectName(u"reviewerLabel")

        self.letterGrid.addWidget(self.reviewerLabel, 3, 2, 1, 1)

        self.reviewerBox = QComboBox(self.letterGroup)
        self.reviewerBox.setObjectName(u"reviewerBox")
        self.reviewerBox.setEditable(True)

        self.letterGrid.addWidget(self.reviewerBox, 3, 3, 1, 1)

        self.signedLabel = QLabel(self.letterGroup)
        self.signedLabel.setObjectName(u"signedLabel")

        self.letterGrid.addWidget(self.signedLabel, 4, 0, 1, 1)

        self.signedField = DateField(self.letterGroup)
        self.signedField.setObjectName(u"signedField")

        self.letterGrid.addWidget(self.signedField, 4, 1, 1, 1)

        self.signerLabel = QLabel(self.letterGroup)
        self.signerLabel.setObjectName(u"signerLabel")

        self.letterGrid.addWidget(self.signerLabel, 4, 2, 1, 1)

        self.signerBox = QComboBox(self.letterGroup)
        self.signerBox.setObjectName(u"signerBox")
        self.signerBox.setEditable(True)

        self.letterGrid.addWidget(self.signerBox, 4, 3, 1, 1)

        self.sentLabel = QLabel(self.letterGroup)
        self.sentLabel.setObjectName(u"sentLabel")

        self.letterGrid.addWidget(self.sentLabel, 5, 0, 1, 1)

        self.sentField = DateField(self.letterGroup)
        self.sentField.setObjectName(u"sentField")

        self.letterGrid.addWidget(self.sentField, 5, 1, 1, 1)

        self.stepLabel = QLabel(self.letterGroup)
        self.stepLabel.setObjectName(u"stepLabel")

        self.letterGrid.addWidget(self.stepLabel, 5, 2, 1, 1)

        self.stepBox = QComboBox(self.letterGroup)
        self.stepBox.setObjectName(u"stepBox")

        self.letterGrid.addWidget(self.stepBox, 5, 3, 1, 1)

        self.contactNameLabel = QLabel(self.letterGroup)
        self.contactNameLabel.setObjectName(u"contactNameLabel")

        self.letterGrid.addWidget(self.contactNameLabel, 6, 0, 1, 1)

        self.contactNameEdit = QLineEdit(self.letterGroup)
        self.contactNameEdit.setObjectName(u"contactNameEdit")

        self.letterGrid.addWidget(self.contactNameEdit, 6, 1, 1, 1)

        self.contactPhoneLabel = QLabel(self.letterGroup)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.letterGrid.addWidget(self.contactPhoneLabel, 6, 2, 1, 1)

        self.contactPhoneEdit = QLineEdit(self.letterGroup)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")

        self.letterGrid.addWidget(self.contactPhoneEdit, 6, 3, 1, 1)

        self.ccLabel = QLabel(self.letterGroup)
        self.ccLabel.setObjectName(u"ccLabel")

        self.letterGrid.addWidget(self.ccLabel, 7, 0, 1, 1)

        self.ccEdit = QLineEdit(self.letterGroup)
        self.ccEdit.setObjectName(u"ccEdit")

        self.letterGrid.addWidget(self.ccEdit, 7, 1, 1, 1)

        self.jointLabel = QLabel(self.letterGroup)
        self.jointLabel.setObjectName(u"jointLabel")

        self.letterGrid.addWidget(self.jointLabel, 7, 2, 1, 1)

        self.jointCheck = QCheckBox(self.letterGroup)
        self.jointCheck.setObjectName(u"jointCheck")

        self.letterGrid.addWidget(self.jointCheck, 7, 3, 1, 1)

        self.letterGrid.setColumnStretch(1, 1)
        self.letterGrid.setColumnStretch(3, 1)

        self.contentsLayout.addWidget(self.letterGroup)

        self.textLabel = QLabel(self.scrollContents)
        self.textLabel.setObjectName(u"textLabel")

        self.contentsLayout.addWidget(self.textLabel)

        self.textEdit = QPlainTextEdit(self.scrollContents)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setMinimumSize(QSize(0, 180))

        self.contentsLayout.addWidget(self.textEdit)

        self.summaryLabel = QLabel(self.scrollContents)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.contentsLayout.addWidget(self.summaryLabel)

        self.summaryEdit = QPlainTextEdit(self.scrollContents)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setMaximumSize(QSize(16777215, 90))

        self.contentsLayout.addWidget(self.summaryEdit)

        self.roundsLabel = QLabel(self.scrollContents)
        self.roundsLabel.setObjectName(u"roundsLabel")
        self.roundsLabel.setWordWrap(True)
        self.roundsLabel.setTextFormat(Qt.TextFormat.RichText)

        self.contentsLayout.addWidget(self.roundsLabel)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.categoryLabel.setBuddy(self.categoryBox)
        self.publicityLabel.setBuddy(self.publicityBox)
        self.meaningTitle.setBuddy(self.categoryMeaning)
        self.draftedLabel.setBuddy(self.draftedField)
        self.docNumberLabel.setBuddy(self.docNumberEdit)
        self.reviewedLabel.setBuddy(self.reviewedField)
        self.reviewerLabel.setBuddy(self.reviewerBox)
        self.signedLabel.setBuddy(self.signedField)
        self.signerLabel.setBuddy(self.signerBox)
        self.sentLabel.setBuddy(self.sentField)
        self.stepLabel.setBuddy(self.stepBox)
        self.contactNameLabel.setBuddy(self.contactNameEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
        self.ccLabel.setBuddy(self.ccEdit)
        self.jointLabel.setBuddy(self.jointCheck)
        self.textLabel.setBuddy(self.textEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReplyForm)

        QMetaObject.connectSlotsByName(ReplyForm)
    # setupUi

    def retranslateUi(self, ReplyForm):
        self.roundLabel.setText(QCoreApplication.translate("ReplyForm", u"\u7b2c1\u8f6e\u7b54\u590d", None))
        self.letterButton.setText(QCoreApplication.translate("ReplyForm", u"\u751f\u6210\u7b54\u590d\u51fd\u2026", None))
#if QT_CONFIG(tooltip)
        self.letterButton.setToolTip(QCoreApplication.translate("ReplyForm", u"\u6309\u7b54\u590d\u5185\u5bb9\u751f\u6210 Word \u7b54\u590d\u51fd\u5e76\u6253\u5f00", None))
#endif // QT_CONFIG(tooltip)
        self.letterGroup.setTitle(QCoreApplication.translate("ReplyForm", u"\u7b54\u590d\u51fd", None))
        self.categoryLabel.setText(QCoreApplication.translate("ReplyForm", u"\u7b54\u590d\u7c7b\u522b(&C)", None))
#if QT_CONFIG(tooltip)
        self.categoryBox.setToolTip(QCoreApplication.translate("ReplyForm", u"\u7c7b\u522b\u53ca\u542b\u4e49\u5728\u201c\u8bbe\u7f6e \u203a \u7b54\u590d\u7c7b\u522b\u201d\u4e2d\u8bbe\u5b9a", None))
#endif // QT_CONFIG(tooltip)
        self.publicityLabel.setText(QCoreApplication.translate("ReplyForm", u"\u516c\u5f00\u5c5e\u6027", None))
        self.meaningTitle.setText("")
        self.categoryMeaning.setText("")
        self.draftedLabel.setText(QCoreApplication.translate("ReplyForm", u"\u8d77\u8349\u65e5\u671f", None))
        self.docNumberLabel.setText(QCoreApplication.translate("ReplyForm", u"\u53d1\u6587\u5b57\u53f7(&N)", None))
        self.docNumberEdit.setPlaceholderText(QCoreApplication.translate("ReplyForm", u"\u7559\u7a7a\u5219\u7b54\u590d\u65f6\u81ea\u52a8\u53d6\u53f7", None))
#if QT_CONFIG(tooltip)
        self.docNumberEdit.setToolTip(QCoreApplication.translate("ReplyForm", u"\u5982 \u5468\u5546\u51fd\u30142025\u301512\u53f7\u3002\u7559\u7a7a\u5219\u5728\u586b\u5199\u7b54\u590d\u65e5\u671f\u5e76\u4fdd\u5b58\u65f6\u81ea\u52a8\u53d6\u53f7\uff0c\u524d\u7f00\u5728\u8bbe\u7f6e\u4e2d\u586b\u5199", None))
#endif // QT_CONFIG(tooltip)
        self.reviewedLabel.setText(QCoreApplication.translate("ReplyForm", u"\u5ba1\u6838\u65e5\u671f", None))
        self.reviewerLabel.setText(QCoreApplication.translate("ReplyForm", u"\u5ba1\u6838\u4eba", None))
#if QT_CONFIG(tooltip)
        self.reviewerBox.setToolTip(QCoreApplication.translate("ReplyForm", u"\u5206\u7ba1\u9886\u5bfc", None))
#endif // QT_CONFIG(tooltip)
        self.signedLabel.setText(QCoreApplication.translate("ReplyForm", u"\u7b7e\u53d1\u65e5\u671f", None))
        self.signerLabel.setText(QCoreApplication.translate("ReplyForm", u"\u7b7e\u53d1\u4eba", None))
#if QT_CONFIG(tooltip)
        self.signerBox.setToolTip(QCoreApplication.translate("ReplyForm", u"\u4e3b\u8981\u9886\u5bfc", None))
#endif // QT_CONFIG(tooltip)
        self.sentLabel.setText(QCoreApplication.translate("ReplyForm", u"\u7b54\u590d\u65e5\u671f(&D)", None))
#if QT_CONFIG(tooltip)
        self.sentField.setToolTip(QCoreApplication.translate("ReplyForm", u"\u7b54\u590d\u51fd\u884c\u6587\u9001\u51fa\u7684\u65e5\u671f\uff1b\u586b\u5199\u540e\u72b6\u6001\u53d8\u4e3a\u201c\u5df2\u7b54\u590d\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.stepLabel.setText(QCoreApplication.translate("ReplyForm", u"\u529e\u7406\u73af\u8282", None))
#if QT_CONFIG(tooltip)
        self.stepBox.setToolTip(QCoreApplication.translate("ReplyForm", u"\u521d\u7a3f \u2192 \u5206\u7ba1\u9886\u5bfc\u5ba1\u6838 \u2192 \u4e3b\u8981\u9886\u5bfc\u7b7e\u53d1 \u2192 \u884c\u6587\u7b54\u590d", None))
#endif // QT_CONFIG(tooltip)
        self.contactNameLabel.setText(QCoreApplication.translate("ReplyForm", u"\u8054\u7cfb\u4eba", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("ReplyForm", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.ccLabel.setText(QCoreApplication.translate("ReplyForm", u"\u6284\u9001", None))
        self.ccEdit.setPlaceholderText(QCoreApplication.translate("ReplyForm", u"\u7528\u987f\u53f7\u5206\u5f00", None))
        self.jointLabel.setText(QCoreApplication.translate("ReplyForm", u"\u8054\u540d\u63d0\u6848", None))
        self.jointCheck.setText(QCoreApplication.translate("ReplyForm", u"\u5408\u53d1\u4e00\u5c01\u7b54\u590d\u51fd", None))
#if QT_CONFIG(tooltip)
        self.jointCheck.setToolTip(QCoreApplication.translate("ReplyForm", u"\u4e0d\u52fe\u9009\u5219\u6bcf\u4f4d\u8054\u540d\u4eba\u5404\u4e00\u5c01", None))
#endif // QT_CONFIG(tooltip)
        self.textLabel.setText(QCoreApplication.translate("ReplyForm", u"\u7b54\u590d\u6b63\u6587(&B)", None))
        self.textEdit.setPlaceholderText(QCoreApplication.translate("ReplyForm", u"\u7b54\u590d\u7684\u6b63\u6587\uff1a\u4e00\u3001\u2026\u2026 \u4e8c\u3001\u2026\u2026\uff08\u4e0d\u542b\u79f0\u547c\u3001\u5f00\u5934\u201c\u60a8\u63d0\u51fa\u7684\u300a\u2026\u2026\u300b\u6536\u6089\u3002\u73b0\u7b54\u590d\u5982\u4e0b\uff1a\u201d\u3001\u7ed3\u5c3e\u201c\u611f\u8c22\u60a8\u5bf9\u6211\u4eec\u5de5\u4f5c\u7684\u5173\u5fc3\u548c\u652f\u6301\u2026\u2026\u201d\u548c\u843d\u6b3e\uff0c\u751f\u6210\u7b54\u590d\u51fd\u65f6\u81ea\u52a8\u52a0\u4e0a\uff09", None))
        self.summaryLabel.setText(QCoreApplication.translate("ReplyForm", u"\u529e\u7406\u5de5\u4f5c\u5c0f\u7ed3\uff08\u5199\u5165\u5e74\u5ea6\u529e\u7406\u60c5\u51b5\u62a5\u544a\uff09", None))
        self.summaryEdit.setPlaceholderText(QCoreApplication.translate("ReplyForm", u"\u4e00\u662f\u2026\u2026\uff1b\u4e8c\u662f\u2026\u2026\uff1b\u4e09\u662f\u2026\u2026", None))
        self.roundsLabel.setText("")
        pass
    # retranslateUi
