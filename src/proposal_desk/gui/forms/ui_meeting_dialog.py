# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'meeting_dialog.ui'
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
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_MeetingDialog(object):
    def setupUi(self, MeetingDialog):
        if not MeetingDialog.objectName():
            MeetingDialog.setObjectName(u"MeetingDialog")
        MeetingDialog.resize(440, 200)
        self.mainLayout = QVBoxLayout(MeetingDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.nameLabel = QLabel(MeetingDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.grid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(MeetingDialog)
        self.nameEdit.setObjectName(u"nameEdit")

        self.grid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.kindLabel = QLabel(MeetingDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.grid.addWidget(self.kindLabel, 1, 0, 1, 1)

        self.kindBox = QComboBox(MeetingDialog)
        self.kindBox.setObjectName(u"kindBox")

        self.grid.addWidget(self.kindBox, 1, 1, 1, 1)

        self.yearLabel = QLabel(MeetingDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.grid.addWidget(self.yearLabel, 2, 0, 1, 1)

        self.yearSpin = QSpinBox(MeetingDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(2025)

        self.grid.addWidget(self.yearSpin, 2, 1, 1, 1)

        self.grid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.grid)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(MeetingDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.kindLabel.setBuddy(self.kindBox)
        self.yearLabel.setBuddy(self.yearSpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingDialog)
        self.buttonBox.rejected.connect(MeetingDialog.reject)

        QMetaObject.connectSlotsByName(MeetingDialog)
    # setupUi

    def retranslateUi(self, MeetingDialog):
        MeetingDialog.setWindowTitle(QCoreApplication.translate("MeetingDialog", u"\u65b0\u5efa\u4f1a\u8bae", None))
        self.nameLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u4f1a\u8bae\u540d\u79f0(&N)", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("MeetingDialog", u"\u5982 \u533a\u653f\u534f\u5341\u56db\u5c4a\u56db\u6b21\u4f1a\u8bae", None))
        self.kindLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u7c7b\u578b(&K)", None))
        self.yearLabel.setText(QCoreApplication.translate("MeetingDialog", u"\u5e74\u5ea6(&Y)", None))
    # retranslateUi
