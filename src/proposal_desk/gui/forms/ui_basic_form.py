# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'basic_form.ui'
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
    QGridLayout, QGroupBox, QLabel, QLineEdit,
    QPlainTextEdit, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_BasicForm(object):
    def setupUi(self, BasicForm):
        if not BasicForm.objectName():
            BasicForm.setObjectName(u"BasicForm")
        BasicForm.resize(640, 600)
        self.outerLayout = QVBoxLayout(BasicForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(BasicForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.proposalGroup = QGroupBox(self.scrollContents)
        self.proposalGroup.setObjectName(u"proposalGroup")
        self.proposalGrid = QGridLayout(self.proposalGroup)
        self.proposalGrid.setObjectName(u"proposalGrid")
        self.proposalGrid.setHorizontalSpacing(10)
        self.proposalGrid.setVerticalSpacing(6)
        self.meetingLabel = QLabel(self.proposalGroup)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.proposalGrid.addWidget(self.meetingLabel, 0, 0, 1, 1)

        self.meetingBox = QComboBox(self.proposalGroup)
        self.meetingBox.setObjectName(u"meetingBox")

        self.proposalGrid.addWidget(self.meetingBox, 0, 1, 1, 1)

        self.numberLabel = QLabel(self.proposalGroup)
        self.numberLabel.setObjectName(u"numberLabel")

        self.proposalGrid.addWidget(self.numberLabel, 0, 2, 1, 1)

        self.numberEdit = QLineEdit(self.proposalGroup)
        self.numberEdit.setObjectName(u"numberEdit")

        self.proposalGrid.addWidget(self.numberEdit, 0, 3, 1, 1)

        self.titleLabel = QLabel(self.proposalGroup)
        self.titleLabel.setObjectName(u"titleLabel")

        self.proposalGrid.addWidget(self.titleLabel, 1, 0, 1, 1)

        self.titleEdit = QLineEdit(self.proposalGroup)
        self.titleEdit.setObjectName(u"titleEdit")

        self.proposalGrid.addWidget(self.titleEdit, 1, 1, 1, 3)

        self.proposersLabel = QLabel(self.proposalGroup)
        self.proposersLabel.setObjectName(u"proposersLabel")

        self.proposalGrid.addWidget(self.proposersLabel, 2, 0, 1, 1)

        self.proposersEdit = QLineEdit(self.proposalGroup)
        self.proposersEdit.setObjectName(u"proposersEdit")

        self.proposalGrid.addWidget(self.proposersEdit, 2, 1, 1, 3)

        self.sectorLabel = QLabel(self.proposalGroup)
        self.sectorLabel.setObjectName(u"sectorLabel")

        self.proposalGrid.addWidget(self.sectorLabel, 3, 0, 1, 1)

        self.sectorEdit = QLineEdit(self.proposalGroup)
        self.sectorEdit.setObjectName(u"sectorEdit")

        self.proposalGrid.addWidget(self.sectorEdit, 3, 1, 1, 1)

        self.topicsLabel = QLabel(self.proposalGroup)
        self.topicsLabel.setObjectName(u"topicsLabel")

        self.proposalGrid.addWidget(self.topicsLabel, 3, 2, 1, 1)

        self.topicsEdit = QLineEdit(self.proposalGroup)
        self.topicsEdit.setObjectName(u"topicsEdit")

        self.proposalGrid.addWidget(self.topicsEdit, 3, 3, 1, 1)

        self.proposalGrid.setColumnStretch(1, 1)
        self.proposalGrid.setColumnStretch(3, 1)

        self.contentsLayout.addWidget(self.proposalGroup)

        self.handlingGroup = QGroupBox(self.scrollContents)
        self.handlingGroup.setObjectName(u"handlingGroup")
        self.handlingGrid = QGridLayout(self.handlingGroup)
        self.handlingGrid.setObjectName(u"handlingGrid")
        self.handlingGrid.setHorizontalSpacing(10)
        self.handlingGrid.setVerticalSpacing(6)
        self.roleLabel = QLabel(self.handlingGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.handlingGrid.addWidget(self.roleLabel, 0, 0, 1, 1)

        self.roleBox = QComboBox(self.handlingGroup)
        self.roleBox.setObjectName(u"roleBox")

        self.handlingGrid.addWidget(self.roleBox, 0, 1, 1, 1)

        self.keyLabel = QLabel(self.handlingGroup)
        self.keyLabel.setObjectName(u"keyLabel")

        self.handlingGrid.addWidget(self.keyLabel, 0, 2, 1, 1)

        self.keyCheck = QCheckBox(self.handlingGroup)
        self.keyCheck.setObjectName(u"keyCheck")

        self.handlingGrid.addWidget(self.keyCheck, 0, 3, 1, 1)

        self.leadUnitsLabel = QLabel(self.handlingGroup)
        self.leadUnitsLabel.setObjectName(u"leadUnitsLabel")

        self.handlingGrid.addWidget(self.leadUnitsLabel, 1, 0, 1, 1)

        self.leadUnitsEdit = QLineEdit(self.handlingGroup)
        self.leadUnitsEdit.setObjectName(u"leadUnitsEdit")

        self.handlingGrid.addWidget(self.leadUnitsEdit, 1, 1, 1, 1)

        self.supervisorLabel = QLabel(self.handlingGroup)
        self.supervisorLabel.setObjectName(u"supervisorLabel")

        self.handlingGrid.addWidget(self.supervisorLabel, 1, 2, 1, 1)

        self.supervisorEdit = QLineEdit(self.handlingGroup)
        self.supervisorEdit.setObjectName(u"supervisorEdit")

        self.handlingGrid.addWidget(self.supervisorEdit, 1, 3, 1, 1)

        self.otherUnitsLabel = QLabel(self.handlingGroup)
        self.otherUnitsLabel.setObjectName(u"otherUnitsLabel")

        self.handlingGrid.addWidget(self.otherUnitsLabel, 2, 0, 1, 1)

        self.otherUnitsEdit = QLineEdit(self.handlingGroup)
        self.otherUnitsEdit.setObjectName(u"otherUnitsEdit")

        self.handlingGrid.addWidget(self.otherUnitsEdit, 2, 1, 1, 3)

        self.assignedLabel = QLabel(self.handlingGroup)
        self.assignedLabel.setObjectName(u"assignedLabel")

        self.handlingGrid.addWidget(self.assignedLabel, 3, 0, 1, 1)

        self.assignedField = DateField(self.handlingGroup)
        self.assignedField.setObjectName(u"assignedField")

        self.handlingGrid.addWidget(self.assignedField, 3, 1, 1, 1)

        self.signedLabel = QLabel(self.handlingGroup)
        self.signedLabel.setObjectName(u"signedLabel")

        self.handlingGrid.addWidget(self.signedLabel, 3, 2, 1, 1)

        self.signedField = DateField(self.handlingGroup)
        self.signedField.setObjectName(u"signedField")

        self.handlingGrid.addWidget(self.signedField, 3, 3, 1, 1)

        self.dueLabel = QLabel(self.handlingGroup)
        self.dueLabel.setObjectName(u"dueLabel")

        self.handlingGrid.addWidget(self.dueLabel, 4, 0, 1, 1)

        self.dueField = DateField(self.handlingGroup)
        self.dueField.setObjectName(u"dueField")

        self.handlingGrid.addWidget(self.dueField, 4, 1, 1, 1)

        self.mergedLabel = QLabel(self.handlingGroup)
        self.mergedLabel.setObjectName(u"mergedLabel")

        self.handlingGrid.addWidget(self.mergedLabel, 4, 2, 1, 1)

        self.mergedEdit = QLineEdit(self.handlingGroup)
        self.mergedEdit.setObjectName(u"mergedEdit")

        self.handlingGrid.addWidget(self.mergedEdit, 4, 3, 1, 1)

        self.ruleDueTitle = QLabel(self.handlingGroup)
        self.ruleDueTitle.setObjectName(u"ruleDueTitle")

        self.handlingGrid.addWidget(self.ruleDueTitle, 5, 0, 1, 1)

        self.ruleDueLabel = QLabel(self.handlingGroup)
        self.ruleDueLabel.setObjectName(u"ruleDueLabel")
        self.ruleDueLabel.setWordWrap(True)

        self.handlingGrid.addWidget(self.ruleDueLabel, 5, 1, 1, 3)

        self.handlingGrid.setColumnStretch(1, 1)
        self.handlingGrid.setColumnStretch(3, 1)

        self.contentsLayout.addWidget(self.handlingGroup)

        self.peopleGroup = QGroupBox(self.scrollContents)
        self.peopleGroup.setObjectName(u"peopleGroup")
        self.peopleGrid = QGridLayout(self.peopleGroup)
        self.peopleGrid.setObjectName(u"peopleGrid")
        self.peopleGrid.setHorizontalSpacing(10)
        self.peopleGrid.setVerticalSpacing(6)
        self.sectionLabel = QLabel(self.peopleGroup)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.peopleGrid.addWidget(self.sectionLabel, 0, 0, 1, 1)

        self.sectionBox = QComboBox(self.peopleGroup)
        self.sectionBox.setObjectName(u"sectionBox")
        self.sectionBox.setEditable(True)

        self.peopleGrid.addWidget(self.sectionBox, 0, 1, 1, 1)

        self.handlerLabel = QLabel(self.peopleGroup)
        self.handlerLabel.setObjectName(u"handlerLabel")

        self.peopleGrid.addWidget(self.handlerLabel, 0, 2, 1, 1)

        self.handlerBox = QComboBox(self.peopleGroup)
        self.handlerBox.setObjectName(u"handlerBox")
        self.handlerBox.setEditable(True)

        self.peopleGrid.addWidget(self.handlerBox, 0, 3, 1, 1)

        self.leaderLabel = QLabel(self.peopleGroup)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.peopleGrid.addWidget(self.leaderLabel, 1, 0, 1, 1)

        self.leaderBox = QComboBox(self.peopleGroup)
        self.leaderBox.setObjectName(u"leaderBox")
        self.leaderBox.setEditable(True)

        self.peopleGrid.addWidget(self.leaderBox, 1, 1, 1, 1)

        self.peopleGrid.setColumnStretch(1, 1)
        self.peopleGrid.setColumnStretch(3, 1)

        self.contentsLayout.addWidget(self.peopleGroup)

        self.notesGroup = QGroupBox(self.scrollContents)
        self.notesGroup.setObjectName(u"notesGroup")
        self.notesLayout = QVBoxLayout(self.notesGroup)
        self.notesLayout.setObjectName(u"notesLayout")
        self.notesEdit = QPlainTextEdit(self.notesGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 80))

        self.notesLayout.addWidget(self.notesEdit)


        self.contentsLayout.addWidget(self.notesGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.meetingLabel.setBuddy(self.meetingBox)
        self.numberLabel.setBuddy(self.numberEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.proposersLabel.setBuddy(self.proposersEdit)
        self.sectorLabel.setBuddy(self.sectorEdit)
        self.topicsLabel.setBuddy(self.topicsEdit)
        self.roleLabel.setBuddy(self.roleBox)
        self.keyLabel.setBuddy(self.keyCheck)
        self.leadUnitsLabel.setBuddy(self.leadUnitsEdit)
        self.supervisorLabel.setBuddy(self.supervisorEdit)
        self.otherUnitsLabel.setBuddy(self.otherUnitsEdit)
        self.assignedLabel.setBuddy(self.assignedField)
        self.signedLabel.setBuddy(self.signedField)
        self.dueLabel.setBuddy(self.dueField)
        self.mergedLabel.setBuddy(self.mergedEdit)
        self.ruleDueTitle.setBuddy(self.ruleDueLabel)
        self.sectionLabel.setBuddy(self.sectionBox)
        self.handlerLabel.setBuddy(self.handlerBox)
        self.leaderLabel.setBuddy(self.leaderBox)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BasicForm)

        QMetaObject.connectSlotsByName(BasicForm)
    # setupUi

    def retranslateUi(self, BasicForm):
        self.proposalGroup.setTitle(QCoreApplication.translate("BasicForm", u"\u63d0\u6848", None))
        self.meetingLabel.setText(QCoreApplication.translate("BasicForm", u"\u4f1a\u8bae(&M)", None))
#if QT_CONFIG(tooltip)
        self.meetingBox.setToolTip(QCoreApplication.translate("BasicForm", u"\u63d0\u6848\u6240\u5c5e\u7684\u5c4a\u6b21\u4f1a\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.numberLabel.setText(QCoreApplication.translate("BasicForm", u"\u63d0\u6848\u53f7(&N)", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u5982 144012", None))
        self.titleLabel.setText(QCoreApplication.translate("BasicForm", u"\u6848\u7531(&T)", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u5982 \u5173\u4e8e\u52a0\u5feb\u8de8\u5883\u7535\u5546\u53d1\u5c55\u7684\u5efa\u8bae", None))
        self.proposersLabel.setText(QCoreApplication.translate("BasicForm", u"\u63d0\u6848\u4eba(&P)", None))
        self.proposersEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u9886\u8854\u4eba\u5728\u524d\uff0c\u8054\u540d\u4eba\u5728\u540e\uff0c\u7528\u987f\u53f7\u5206\u5f00", None))
#if QT_CONFIG(tooltip)
        self.proposersEdit.setToolTip(QCoreApplication.translate("BasicForm", u"\u7b2c\u4e00\u4e2a\u662f\u9886\u8854\u4eba\uff08\u7b2c\u4e00\u63d0\u6848\u4eba\uff09\uff0c\u5176\u4f59\u662f\u8054\u540d\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.sectorLabel.setText(QCoreApplication.translate("BasicForm", u"\u754c\u522b", None))
        self.sectorEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u5982 \u6c11\u5efa\u3001\u7ecf\u6d4e\u754c", None))
        self.topicsLabel.setText(QCoreApplication.translate("BasicForm", u"\u4e3b\u9898", None))
        self.topicsEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u5982 \u8de8\u5883\u7535\u5546\u3001\u8001\u5b57\u53f7", None))
#if QT_CONFIG(tooltip)
        self.topicsEdit.setToolTip(QCoreApplication.translate("BasicForm", u"\u5e74\u5ea6\u62a5\u544a\u6309\u4e3b\u9898\u7edf\u8ba1\u201c\u6db5\u76d6\u4e86\u54ea\u4e9b\u65b9\u9762\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.handlingGroup.setTitle(QCoreApplication.translate("BasicForm", u"\u4ea4\u529e\u4e0e\u65f6\u9650", None))
        self.roleLabel.setText(QCoreApplication.translate("BasicForm", u"\u529e\u7406\u65b9\u5f0f(&R)", None))
#if QT_CONFIG(tooltip)
        self.roleBox.setToolTip(QCoreApplication.translate("BasicForm", u"\u4e3b\u529e\u3001\u5206\u529e\u987b\u7b54\u590d\u63d0\u51fa\u4eba\u5e76\u8bc4\u5b9a\u7c7b\u522b\uff1b\u534f\u529e\u3001\u4f1a\u529e\u5411\u4e3b\u529e\u5355\u4f4d\u9001\u4f1a\u529e\u610f\u89c1", None))
#endif // QT_CONFIG(tooltip)
        self.keyLabel.setText(QCoreApplication.translate("BasicForm", u"\u91cd\u70b9\u63d0\u6848", None))
        self.keyCheck.setText(QCoreApplication.translate("BasicForm", u"\u5217\u4e3a\u91cd\u70b9\u63d0\u6848", None))
        self.leadUnitsLabel.setText(QCoreApplication.translate("BasicForm", u"\u4e3b\u529e\u5355\u4f4d", None))
        self.leadUnitsEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u672c\u5355\u4f4d\u4e3b\u529e\u65f6\u4e3a\u672c\u5355\u4f4d", None))
        self.supervisorLabel.setText(QCoreApplication.translate("BasicForm", u"\u7763\u529e\u9886\u5bfc", None))
        self.supervisorEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u91cd\u70b9\u63d0\u6848\u7684\u7763\u529e\u9886\u5bfc", None))
        self.otherUnitsLabel.setText(QCoreApplication.translate("BasicForm", u"\u534f\u529e/\u4f1a\u529e\u5355\u4f4d", None))
        self.otherUnitsEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u591a\u4e2a\u5355\u4f4d\u7528\u987f\u53f7\u5206\u5f00", None))
        self.assignedLabel.setText(QCoreApplication.translate("BasicForm", u"\u4ea4\u529e\u65e5\u671f(&A)", None))
        self.signedLabel.setText(QCoreApplication.translate("BasicForm", u"\u7b7e\u6536\u65e5\u671f(&G)", None))
#if QT_CONFIG(tooltip)
        self.signedField.setToolTip(QCoreApplication.translate("BasicForm", u"\u7b7e\u6536\u540e\u72b6\u6001\u53d8\u4e3a\u201c\u529e\u7406\u4e2d\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.dueLabel.setText(QCoreApplication.translate("BasicForm", u"\u529e\u7406\u65f6\u9650", None))
#if QT_CONFIG(tooltip)
        self.dueField.setToolTip(QCoreApplication.translate("BasicForm", u"\u4e00\u822c\u7559\u7a7a\uff0c\u6309\u8bbe\u7f6e\u4e2d\u7684\u65f6\u9650\u6216\u4f1a\u8bae\u89c4\u5b9a\u7684\u65e5\u671f\u81ea\u52a8\u8ba1\u7b97\uff1b\u53ea\u6709\u4ea4\u529e\u65f6\u53e6\u5b9a\u4e86\u65f6\u9650\u624d\u586b", None))
#endif // QT_CONFIG(tooltip)
        self.mergedLabel.setText(QCoreApplication.translate("BasicForm", u"\u5e76\u6848", None))
        self.mergedEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u4e0e\u4e4b\u5e76\u6848\u529e\u7406\u7684\u63d0\u6848\u53f7", None))
        self.ruleDueTitle.setText(QCoreApplication.translate("BasicForm", u"\u6309\u89c4\u5b9a\u5e94\u4e8e", None))
        self.ruleDueLabel.setText(QCoreApplication.translate("BasicForm", u"\u2014", None))
#if QT_CONFIG(tooltip)
        self.ruleDueLabel.setToolTip(QCoreApplication.translate("BasicForm", u"\u6309\u8bbe\u7f6e\u4e2d\u7684\u65f6\u9650\uff08\u6216\u4f1a\u8bae\u89c4\u5b9a\u7684\u65e5\u671f\uff09\u8ba1\u7b97\u7684\u529e\u7406\u65f6\u9650", None))
#endif // QT_CONFIG(tooltip)
        self.peopleGroup.setTitle(QCoreApplication.translate("BasicForm", u"\u672c\u5c40\u627f\u529e", None))
        self.sectionLabel.setText(QCoreApplication.translate("BasicForm", u"\u627f\u529e\u79d1\u5ba4(&S)", None))
        self.handlerLabel.setText(QCoreApplication.translate("BasicForm", u"\u627f\u529e\u4eba(&H)", None))
        self.leaderLabel.setText(QCoreApplication.translate("BasicForm", u"\u5206\u7ba1\u9886\u5bfc(&L)", None))
        self.notesGroup.setTitle(QCoreApplication.translate("BasicForm", u"\u5907\u6ce8", None))
        self.notesEdit.setPlaceholderText(QCoreApplication.translate("BasicForm", u"\u5176\u4ed6\u9700\u8981\u8bb0\u4e0b\u7684\u60c5\u51b5", None))
        pass
    # retranslateUi
