# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'assign_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_AssignDialog(object):
    def setupUi(self, AssignDialog):
        if not AssignDialog.objectName():
            AssignDialog.setObjectName(u"AssignDialog")
        AssignDialog.resize(460, 240)
        self.mainLayout = QVBoxLayout(AssignDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.countLabel = QLabel(AssignDialog)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.countLabel)

        self.grid = QGridLayout()
        self.grid.setObjectName(u"grid")
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.sectionLabel = QLabel(AssignDialog)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.grid.addWidget(self.sectionLabel, 0, 0, 1, 1)

        self.sectionBox = QComboBox(AssignDialog)
        self.sectionBox.setObjectName(u"sectionBox")
        self.sectionBox.setEditable(True)

        self.grid.addWidget(self.sectionBox, 0, 1, 1, 1)

        self.handlerLabel = QLabel(AssignDialog)
        self.handlerLabel.setObjectName(u"handlerLabel")

        self.grid.addWidget(self.handlerLabel, 1, 0, 1, 1)

        self.handlerBox = QComboBox(AssignDialog)
        self.handlerBox.setObjectName(u"handlerBox")
        self.handlerBox.setEditable(True)

        self.grid.addWidget(self.handlerBox, 1, 1, 1, 1)

        self.leaderLabel = QLabel(AssignDialog)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.grid.addWidget(self.leaderLabel, 2, 0, 1, 1)

        self.leaderBox = QComboBox(AssignDialog)
        self.leaderBox.setObjectName(u"leaderBox")
        self.leaderBox.setEditable(True)

        self.grid.addWidget(self.leaderBox, 2, 1, 1, 1)

        self.grid.setColumnStretch(1, 1)

        self.mainLayout.addLayout(self.grid)

        self.hintLabel = QLabel(AssignDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.hintLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(AssignDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.sectionLabel.setBuddy(self.sectionBox)
        self.handlerLabel.setBuddy(self.handlerBox)
        self.leaderLabel.setBuddy(self.leaderBox)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AssignDialog)
        self.buttonBox.rejected.connect(AssignDialog.reject)

        QMetaObject.connectSlotsByName(AssignDialog)
    # setupUi

    def retranslateUi(self, AssignDialog):
        AssignDialog.setWindowTitle(QCoreApplication.translate("AssignDialog", u"\u4ea4\u529e\u7ed9\u79d1\u5ba4\u548c\u627f\u529e\u4eba", None))
        self.countLabel.setText("")
        self.sectionLabel.setText(QCoreApplication.translate("AssignDialog", u"\u627f\u529e\u79d1\u5ba4(&S)", None))
        self.handlerLabel.setText(QCoreApplication.translate("AssignDialog", u"\u627f\u529e\u4eba(&H)", None))
#if QT_CONFIG(tooltip)
        self.handlerBox.setToolTip(QCoreApplication.translate("AssignDialog", u"\u7559\u7a7a\u5219\u4e0d\u6539\u5404\u4ef6\u7684\u627f\u529e\u4eba", None))
#endif // QT_CONFIG(tooltip)
        self.leaderLabel.setText(QCoreApplication.translate("AssignDialog", u"\u5206\u7ba1\u9886\u5bfc(&L)", None))
#if QT_CONFIG(tooltip)
        self.leaderBox.setToolTip(QCoreApplication.translate("AssignDialog", u"\u7559\u7a7a\u5219\u4e0d\u6539\u5404\u4ef6\u7684\u5206\u7ba1\u9886\u5bfc", None))
#endif // QT_CONFIG(tooltip)
        self.hintLabel.setText(QCoreApplication.translate("AssignDialog", u"\u6539\u52a8\u524d\u4f1a\u5148\u5907\u4efd\u6570\u636e\u5e93\u3002", None))
    # retranslateUi
