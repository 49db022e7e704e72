# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_text_dialog.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QHBoxLayout,
    QLabel, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QVBoxLayout, QWidget)

class Ui_ReportTextDialog(object):
    def setupUi(self, ReportTextDialog):
        if not ReportTextDialog.objectName():
            ReportTextDialog.setObjectName(u"ReportTextDialog")
        ReportTextDialog.resize(860, 620)
        self.mainLayout = QVBoxLayout(ReportTextDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.yearRow = QHBoxLayout()
        self.yearRow.setObjectName(u"yearRow")
        self.yearLabel = QLabel(ReportTextDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.yearRow.addWidget(self.yearLabel)

        self.yearBox = QComboBox(ReportTextDialog)
        self.yearBox.setObjectName(u"yearBox")
        self.yearBox.setMinimumSize(QSize(110, 0))

        self.yearRow.addWidget(self.yearBox)

        self.stateLabel = QLabel(ReportTextDialog)
        self.stateLabel.setObjectName(u"stateLabel")

        self.yearRow.addWidget(self.stateLabel)

        self.yearSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.yearRow.addItem(self.yearSpacer)


        self.mainLayout.addLayout(self.yearRow)

        self.introLabel = QLabel(ReportTextDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.sectionTabs = QTabWidget(ReportTextDialog)
        self.sectionTabs.setObjectName(u"sectionTabs")
        self.openingTab = QWidget()
        self.openingTab.setObjectName(u"openingTab")
        self.openingLayout = QVBoxLayout(self.openingTab)
        self.openingLayout.setObjectName(u"openingLayout")
        self.openingSource = QLabel(self.openingTab)
        self.openingSource.setObjectName(u"openingSource")
        self.openingSource.setWordWrap(True)

        self.openingLayout.addWidget(self.openingSource)

        self.openingEdit = QPlainTextEdit(self.openingTab)
        self.openingEdit.setObjectName(u"openingEdit")
        self.openingEdit.setTabChangesFocus(True)

        self.openingLayout.addWidget(self.openingEdit)

        self.sectionTabs.addTab(self.openingTab, "")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicLayout = QVBoxLayout(self.basicTab)
        self.basicLayout.setObjectName(u"basicLayout")
        self.basicNote = QLabel(self.basicTab)
        self.basicNote.setObjectName(u"basicNote")
        self.basicNote.setWordWrap(True)

        self.basicLayout.addWidget(self.basicNote)

        self.basicView = QPlainTextEdit(self.basicTab)
        self.basicView.setObjectName(u"basicView")
        self.basicView.setReadOnly(True)

        self.basicLayout.addWidget(self.basicView)

        self.sectionTabs.addTab(self.basicTab, "")
        self.practiceTab = QWidget()
        self.practiceTab.setObjectName(u"practiceTab")
        self.practiceLayout = QVBoxLayout(self.practiceTab)
        self.practiceLayout.setObjectName(u"practiceLayout")
        self.practiceSource = QLabel(self.practiceTab)
        self.practiceSource.setObjectName(u"practiceSource")
        self.practiceSource.setWordWrap(True)

        self.practiceLayout.addWidget(self.practiceSource)

        self.practiceEdit = QPlainTextEdit(self.practiceTab)
        self.practiceEdit.setObjectName(u"practiceEdit")
        self.practiceEdit.setTabChangesFocus(True)

        self.practiceLayout.addWidget(self.practiceEdit)

        self.sectionTabs.addTab(self.practiceTab, "")
        self.problemsTab = QWidget()
        self.problemsTab.setObjectName(u"problemsTab")
        self.problemsLayout = QVBoxLayout(self.problemsTab)
        self.problemsLayout.setObjectName(u"problemsLayout")
        self.problemsSource = QLabel(self.problemsTab)
        self.problemsSource.setObjectName(u"problemsSource")
        self.problemsSource.setWordWrap(True)

        self.problemsLayout.addWidget(self.problemsSource)

        self.problemsEdit = QPlainTextEdit(self.problemsTab)
        self.problemsEdit.setObjectName(u"problemsEdit")
        self.problemsEdit.setTabChangesFocus(True)

        self.problemsLayout.addWidget(self.problemsEdit)

        self.sectionTabs.addTab(self.problemsTab, "")
        self.plansTab = QWidget()
        self.plansTab.setObjectName(u"plansTab")
        self.plansLayout = QVBoxLayout(self.plansTab)
        self.plansLayout.setObjectName(u"plansLayout")
        self.plansSource = QLabel(self.plansTab)
        self.plansSource.setObjectName(u"plansSource")
        self.plansSource.setWordWrap(True)

        self.plansLayout.addWidget(self.plansSource)

        self.plansEdit = QPlainTextEdit(self.plansTab)
        self.plansEdit.setObjectName(u"plansEdit")
        self.plansEdit.setTabChangesFocus(True)

        self.plansLayout.addWidget(self.plansEdit)

        self.sectionTabs.addTab(self.plansTab, "")

        self.mainLayout.addWidget(self.sectionTabs)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.generateButton = QPushButton(ReportTextDialog)
        self.generateButton.setObjectName(u"generateButton")

        self.buttonRow.addWidget(self.generateButton)

        self.buttonSpacer = QSpacerItem(40, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(ReportTextDialog)
        self.saveButton.setObjectName(u"saveButton")

        self.buttonRow.addWidget(self.saveButton)

        self.closeButton = QPushButton(ReportTextDialog)
        self.closeButton.setObjectName(u"closeButton")
        self.closeButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.closeButton)


        self.mainLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearBox, self.sectionTabs)
        QWidget.setTabOrder(self.sectionTabs, self.openingEdit)
        QWidget.setTabOrder(self.openingEdit, self.practiceEdit)
        QWidget.setTabOrder(self.practiceEdit, self.problemsEdit)
        QWidget.setTabOrder(self.problemsEdit, self.plansEdit)
        QWidget.setTabOrder(self.plansEdit, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.generateButton)
        QWidget.setTabOrder(self.generateButton, self.closeButton)

        self.retranslateUi(ReportTextDialog)

        self.sectionTabs.setCurrentIndex(0)
        self.saveButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportTextDialog)
    # setupUi

    def retranslateUi(self, ReportTextDialog):
        ReportTextDialog.setWindowTitle(QCoreApplication.translate("ReportTextDialog", u"\u7f16\u5199\u5e74\u5ea6\u62a5\u544a\u6587\u5b57", None))
        self.yearLabel.setText(QCoreApplication.translate("ReportTextDialog", u"\u62a5\u544a\u5e74\u5ea6(&Y)", None))
        self.stateLabel.setText("")
        self.introLabel.setText(QCoreApplication.translate("ReportTextDialog", u"\u5e74\u5ea6\u529e\u7406\u60c5\u51b5\u62a5\u544a\u4e2d\uff0c\u201c\u5f00\u5934\u201d\u201c\u4e3b\u8981\u505a\u6cd5\u201d\u201c\u5b58\u5728\u7684\u95ee\u9898\u201d\u201c\u4e0b\u4e00\u6b65\u5de5\u4f5c\u6253\u7b97\u201d\u7531\u672c\u5355\u4f4d\u7f16\u5199\uff0c\u6309\u5e74\u5ea6\u4fdd\u5b58\uff1b\u65b0\u7684\u4e00\u5e74\u5148\u6cbf\u7528\u4e0a\u4e00\u5e74\u7684\u6587\u5b57\uff0c\u6539\u5199\u540e\u4fdd\u5b58\u5373\u53ef\u3002\u201c\u57fa\u672c\u60c5\u51b5\u201d\u7684\u6570\u5b57\u7531\u7a0b\u5e8f\u7edf\u8ba1\uff0c\u201c\u9010\u4ef6\u529e\u7406\u60c5\u51b5\u201d\u53d6\u81ea\u5404\u4ef6\u7b54\u590d\u9875\u7684\u201c\u529e\u7406\u5de5\u4f5c\u5c0f\u7ed3\u201d\u3002", None))
        self.openingSource.setText("")
        self.openingEdit.setPlaceholderText(QCoreApplication.translate("ReportTextDialog", u"\u62a5\u544a\u5f00\u5934\u7684\u4e00\u6bb5\u8bdd\uff1a\u672c\u5e74\u5ea6\u529e\u7406\u5de5\u4f5c\u7684\u603b\u4f53\u60c5\u51b5\u548c\u6001\u5ea6\u3002", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.openingTab), QCoreApplication.translate("ReportTextDialog", u"\u5f00\u5934", None))
        self.basicNote.setText(QCoreApplication.translate("ReportTextDialog", u"\u8fd9\u4e00\u90e8\u5206\u7684\u6570\u5b57\u7531\u7a0b\u5e8f\u6839\u636e\u529e\u7406\u8bb0\u5f55\u7edf\u8ba1\uff0c\u751f\u6210\u62a5\u544a\u65f6\u81ea\u52a8\u5199\u5165\uff0c\u65e0\u9700\u7f16\u5199\u3002\u6b64\u5904\u4f9b\u7f16\u5199\u5176\u4ed6\u90e8\u5206\u65f6\u53c2\u8003\u3002", None))
        self.basicView.setPlaceholderText(QCoreApplication.translate("ReportTextDialog", u"\u6b63\u5728\u7edf\u8ba1\u2026\u2026", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.basicTab), QCoreApplication.translate("ReportTextDialog", u"\u4e00\u3001\u57fa\u672c\u60c5\u51b5\uff08\u81ea\u52a8\u7edf\u8ba1\uff09", None))
        self.practiceSource.setText("")
        self.practiceEdit.setPlaceholderText(QCoreApplication.translate("ReportTextDialog", u"\u5982\uff08\u4e00\uff09\u538b\u5b9e\u529e\u7406\u8d23\u4efb\u2026\u2026\uff08\u4e8c\uff09\u575a\u6301\u6c9f\u901a\u534f\u5546\u2026\u2026\uff0c\u6bcf\u6761\u53e6\u8d77\u4e00\u884c\u3002", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.practiceTab), QCoreApplication.translate("ReportTextDialog", u"\u4e8c\u3001\u4e3b\u8981\u505a\u6cd5", None))
        self.problemsSource.setText("")
        self.problemsEdit.setPlaceholderText(QCoreApplication.translate("ReportTextDialog", u"\u5b9e\u4e8b\u6c42\u662f\u5199\u51fa\u529e\u7406\u5de5\u4f5c\u7684\u4e0d\u8db3\u3002", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.problemsTab), QCoreApplication.translate("ReportTextDialog", u"\u56db\u3001\u5b58\u5728\u7684\u95ee\u9898", None))
        self.plansSource.setText("")
        self.plansEdit.setPlaceholderText(QCoreApplication.translate("ReportTextDialog", u"\u5982\uff08\u4e00\uff09\u5b8c\u5584\u529e\u7406\u673a\u5236\u2026\u2026\uff0c\u6bcf\u6761\u53e6\u8d77\u4e00\u884c\u3002", None))
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.plansTab), QCoreApplication.translate("ReportTextDialog", u"\u4e94\u3001\u4e0b\u4e00\u6b65\u5de5\u4f5c\u6253\u7b97", None))
        self.generateButton.setText(QCoreApplication.translate("ReportTextDialog", u"\u4fdd\u5b58\u5e76\u751f\u6210\u62a5\u544a(&G)\u2026", None))
#if QT_CONFIG(tooltip)
        self.generateButton.setToolTip(QCoreApplication.translate("ReportTextDialog", u"\u4fdd\u5b58\u8fd9\u4e9b\u6587\u5b57\uff0c\u7136\u540e\u751f\u6210\u672c\u5e74\u5ea6\u7684\u529e\u7406\u60c5\u51b5\u62a5\u544a\uff08Word\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(QCoreApplication.translate("ReportTextDialog", u"\u4fdd\u5b58(&S)", None))
        self.closeButton.setText(QCoreApplication.translate("ReportTextDialog", u"\u5173\u95ed", None))
    # retranslateUi
