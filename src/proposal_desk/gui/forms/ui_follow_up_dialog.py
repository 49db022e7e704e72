# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'follow_up_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGridLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_FollowUpDialog(object):
    def setupUi(self, FollowUpDialog):
        if not FollowUpDialog.objectName():
            FollowUpDialog.setObjectName(u"FollowUpDialog")
        FollowUpDialog.resize(520, 340)
        self.mainLayout = QVBoxLayout(FollowUpDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.yearLabel = QLabel(FollowUpDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.grid.addWidget(self.yearLabel, 0, 0, 1, 1)

        self.yearSpin = QSpinBox(FollowUpDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2100)

        self.grid.addWidget(self.yearSpin, 0, 1, 1, 1)

        self.dateLabel = QLabel(FollowUpDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.grid.addWidget(self.dateLabel, 1, 0, 1, 1)

        self.dateField = DateField(FollowUpDialog)
        self.dateField.setObjectName(u"dateField")

        self.grid.addWidget(self.dateField, 1, 1, 1, 1)

        self.carriedLabel = QLabel(FollowUpDialog)
        self.carriedLabel.setObjectName(u"carriedLabel")

        self.grid.addWidget(self.carriedLabel, 2, 0, 1, 1)

        self.carriedOutCheck = QCheckBox(FollowUpDialog)
        self.carriedOutCheck.setObjectName(u"carriedOutCheck")

        self.grid.addWidget(self.carriedOutCheck, 2, 1, 1, 1)

        self.grid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.grid)

        self.progressLabel = QLabel(FollowUpDialog)
        self.progressLabel.setObjectName(u"progressLabel")

        self.mainLayout.addWidget(self.progressLabel)

        self.progressEdit = QPlainTextEdit(FollowUpDialog)
        self.progressEdit.setObjectName(u"progressEdit")
        self.progressEdit.setMinimumSize(QSize(0, 100))

        self.mainLayout.addWidget(self.progressEdit)

        self.buttonBox = QDialogButtonBox(FollowUpDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.dateLabel.setBuddy(self.dateField)
        self.carriedLabel.setBuddy(self.carriedOutCheck)
        self.progressLabel.setBuddy(self.progressEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FollowUpDialog)
        self.buttonBox.rejected.connect(FollowUpDialog.reject)

        QMetaObject.connectSlotsByName(FollowUpDialog)
    # setupUi

    def retranslateUi(self, FollowUpDialog):
        FollowUpDialog.setWindowTitle(QCoreApplication.translate("FollowUpDialog", u"\u8ddf\u8e2a\u843d\u5b9e\uff08\u56de\u5934\u770b\uff09", None))
        self.yearLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u8ddf\u8e2a\u5e74\u5ea6(&Y)", None))
        self.dateLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u8ddf\u8e2a\u65e5\u671f(&D)", None))
        self.carriedLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u843d\u5b9e\u60c5\u51b5", None))
        self.carriedOutCheck.setText(QCoreApplication.translate("FollowUpDialog", u"\u5df2\u843d\u5b9e\uff08\u4e0d\u518d\u8ddf\u8e2a\uff09", None))
        self.progressLabel.setText(QCoreApplication.translate("FollowUpDialog", u"\u8fdb\u5c55(&P)", None))
        self.progressEdit.setPlaceholderText(QCoreApplication.translate("FollowUpDialog", u"\u7b54\u590d\u4e2d\u627f\u8bfa\u7684\u4e8b\u9879\u76ee\u524d\u529e\u5230\u54ea\u4e00\u6b65", None))
    # retranslateUi
