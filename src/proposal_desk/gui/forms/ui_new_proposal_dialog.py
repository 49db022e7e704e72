# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_proposal_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_NewProposalDialog(object):
    def setupUi(self, NewProposalDialog):
        if not NewProposalDialog.objectName():
            NewProposalDialog.setObjectName(u"NewProposalDialog")
        NewProposalDialog.resize(520, 340)
        self.mainLayout = QVBoxLayout(NewProposalDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.hintLabel = QLabel(NewProposalDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.meetingLabel = QLabel(NewProposalDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.grid.addWidget(self.meetingLabel, 0, 0, 1, 1)

        self.meetingBox = QComboBox(NewProposalDialog)
        self.meetingBox.setObjectName(u"meetingBox")

        self.grid.addWidget(self.meetingBox, 0, 1, 1, 1)

        self.newMeetingTitle = QLabel(NewProposalDialog)
        self.newMeetingTitle.setObjectName(u"newMeetingTitle")

        self.grid.addWidget(self.newMeetingTitle, 1, 0, 1, 1)

        self.newMeetingButton = QPushButton(NewProposalDialog)
        self.newMeetingButton.setObjectName(u"newMeetingButton")

        self.grid.addWidget(self.newMeetingButton, 1, 1, 1, 1)

        self.numberLabel = QLabel(NewProposalDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.grid.addWidget(self.numberLabel, 2, 0, 1, 1)

        self.numberEdit = QLineEdit(NewProposalDialog)
        self.numberEdit.setObjectName(u"numberEdit")

        self.grid.addWidget(self.numberEdit, 2, 1, 1, 1)

        self.titleLabel = QLabel(NewProposalDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.grid.addWidget(self.titleLabel, 3, 0, 1, 1)

        self.titleEdit = QLineEdit(NewProposalDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.grid.addWidget(self.titleEdit, 3, 1, 1, 1)

        self.proposersLabel = QLabel(NewProposalDialog)
        self.proposersLabel.setObjectName(u"proposersLabel")

        self.grid.addWidget(self.proposersLabel, 4, 0, 1, 1)

        self.proposersEdit = QLineEdit(NewProposalDialog)
        self.proposersEdit.setObjectName(u"proposersEdit")

        self.grid.addWidget(self.proposersEdit, 4, 1, 1, 1)

        self.roleLabel = QLabel(NewProposalDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.grid.addWidget(self.roleLabel, 5, 0, 1, 1)

        self.roleBox = QComboBox(NewProposalDialog)
        self.roleBox.setObjectName(u"roleBox")

        self.grid.addWidget(self.roleBox, 5, 1, 1, 1)

        self.assignedLabel = QLabel(NewProposalDialog)
        self.assignedLabel.setObjectName(u"assignedLabel")

        self.grid.addWidget(self.assignedLabel, 6, 0, 1, 1)

        self.assignedField = DateField(NewProposalDialog)
        self.assignedField.setObjectName(u"assignedField")

        self.grid.addWidget(self.assignedField, 6, 1, 1, 1)

        self.grid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.grid)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(NewProposalDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.meetingLabel.setBuddy(self.meetingBox)
        self.newMeetingTitle.setBuddy(self.newMeetingButton)
        self.numberLabel.setBuddy(self.numberEdit)
        self.titleLabel.setBuddy(self.titleEdit)
        self.proposersLabel.setBuddy(self.proposersEdit)
        self.roleLabel.setBuddy(self.roleBox)
        self.assignedLabel.setBuddy(self.assignedField)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewProposalDialog)
        self.buttonBox.rejected.connect(NewProposalDialog.reject)

        QMetaObject.connectSlotsByName(NewProposalDialog)
    # setupUi

    def retranslateUi(self, NewProposalDialog):
        NewProposalDialog.setWindowTitle(QCoreApplication.translate("NewProposalDialog", u"\u65b0\u5efa\u63d0\u6848", None))
        self.hintLabel.setText(QCoreApplication.translate("NewProposalDialog", u"\u4ea4\u529e\u6e05\u5355\u4e2d\u7684\u63d0\u6848\u8bf7\u7528\u201c\u5bfc\u5165\u4ea4\u529e\u6e05\u5355\u201d\u4e00\u6b21\u5bfc\u5165\uff1b\u8fd9\u91cc\u9010\u4ef6\u5f55\u5165\u3002", None))
        self.meetingLabel.setText(QCoreApplication.translate("NewProposalDialog", u"\u4f1a\u8bae(&M)", None))
        self.newMeetingTitle.setText("")
        self.newMeetingButton.setText(QCoreApplication.translate("NewProposalDialog", u"\u65b0\u5efa\u4f1a\u8bae\u2026", None))
        self.numberLabel.setText(QCoreApplication.translate("NewProposalDialog", u"\u63d0\u6848\u53f7(&N)", None))
        self.numberEdit.setPlaceholderText(QCoreApplication.translate("NewProposalDialog", u"\u5982 144012", None))
        self.titleLabel.setText(QCoreApplication.translate("NewProposalDialog", u"\u6848\u7531(&T)", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("NewProposalDialog", u"\u5982 \u5173\u4e8e\u52a0\u5feb\u8de8\u5883\u7535\u5546\u53d1\u5c55\u7684\u5efa\u8bae", None))
        self.proposersLabel.setText(QCoreApplication.translate("NewProposalDialog", u"\u63d0\u6848\u4eba(&P)", None))
        self.proposersEdit.setPlaceholderText(QCoreApplication.translate("NewProposalDialog", u"\u9886\u8854\u4eba\u5728\u524d\uff0c\u8054\u540d\u4eba\u7528\u987f\u53f7\u5206\u5f00", None))
        self.roleLabel.setText(QCoreApplication.translate("NewProposalDialog", u"\u529e\u7406\u65b9\u5f0f(&R)", None))
        self.assignedLabel.setText(QCoreApplication.translate("NewProposalDialog", u"\u4ea4\u529e\u65e5\u671f(&A)", None))
    # retranslateUi
