# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'opinion_form.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit,
    QRadioButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_OpinionForm(object):
    def setupUi(self, OpinionForm):
        if not OpinionForm.objectName():
            OpinionForm.setObjectName(u"OpinionForm")
        OpinionForm.resize(640, 600)
        self.outerLayout = QVBoxLayout(OpinionForm)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(OpinionForm)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentsLayout = QVBoxLayout(self.scrollContents)
        self.contentsLayout.setObjectName(u"contentsLayout")
        self.stateLabel = QLabel(self.scrollContents)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.contentsLayout.addWidget(self.stateLabel)

        self.opinionGroup = QGroupBox(self.scrollContents)
        self.opinionGroup.setObjectName(u"opinionGroup")
        self.opinionLayout = QVBoxLayout(self.opinionGroup)
        self.opinionLayout.setObjectName(u"opinionLayout")
        self.satisfactionRow = QHBoxLayout()
        self.satisfactionRow.setObjectName(u"satisfactionRow")
        self.satisfiedRadio = QRadioButton(self.opinionGroup)
        self.satisfiedRadio.setObjectName(u"satisfiedRadio")

        self.satisfactionRow.addWidget(self.satisfiedRadio)

        self.basicallyRadio = QRadioButton(self.opinionGroup)
        self.basicallyRadio.setObjectName(u"basicallyRadio")

        self.satisfactionRow.addWidget(self.basicallyRadio)

        self.unsatisfiedRadio = QRadioButton(self.opinionGroup)
        self.unsatisfiedRadio.setObjectName(u"unsatisfiedRadio")

        self.satisfactionRow.addWidget(self.unsatisfiedRadio)

        self.radioSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.satisfactionRow.addItem(self.radioSpacer)


        self.opinionLayout.addLayout(self.satisfactionRow)

        self.reopenHint = QLabel(self.opinionGroup)
        self.reopenHint.setObjectName(u"reopenHint")
        self.reopenHint.setWordWrap(True)

        self.opinionLayout.addWidget(self.reopenHint)

        self.opinionGrid = QGridLayout()
        self.opinionGrid.setObjectName(u"opinionGrid")
        self.opinionGrid.setHorizontalSpacing(10)
        self.opinionGrid.setVerticalSpacing(6)
        self.receivedLabel = QLabel(self.opinionGroup)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.opinionGrid.addWidget(self.receivedLabel, 0, 0, 1, 1)

        self.receivedField = DateField(self.opinionGroup)
        self.receivedField.setObjectName(u"receivedField")

        self.opinionGrid.addWidget(self.receivedField, 0, 1, 1, 1)

        self.visitedLabel = QLabel(self.opinionGroup)
        self.visitedLabel.setObjectName(u"visitedLabel")

        self.opinionGrid.addWidget(self.visitedLabel, 1, 0, 1, 1)

        self.visitedBox = QComboBox(self.opinionGroup)
        self.visitedBox.setObjectName(u"visitedBox")

        self.opinionGrid.addWidget(self.visitedBox, 1, 1, 1, 1)

        self.addressedLabel = QLabel(self.opinionGroup)
        self.addressedLabel.setObjectName(u"addressedLabel")

        self.opinionGrid.addWidget(self.addressedLabel, 1, 2, 1, 1)

        self.addressedBox = QComboBox(self.opinionGroup)
        self.addressedBox.setObjectName(u"addressedBox")

        self.opinionGrid.addWidget(self.addressedBox, 1, 3, 1, 1)

        self.opinionGrid.setColumnStretch(1, 1)
        self.opinionGrid.setColumnStretch(3, 1)

        self.opinionLayout.addLayout(self.opinionGrid)

        self.commentsLabel = QLabel(self.opinionGroup)
        self.commentsLabel.setObjectName(u"commentsLabel")

        self.opinionLayout.addWidget(self.commentsLabel)

        self.commentsEdit = QPlainTextEdit(self.opinionGroup)
        self.commentsEdit.setObjectName(u"commentsEdit")
        self.commentsEdit.setMaximumSize(QSize(16777215, 120))

        self.opinionLayout.addWidget(self.commentsEdit)


        self.contentsLayout.addWidget(self.opinionGroup)

        self.historyLabel = QLabel(self.scrollContents)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setWordWrap(True)
        self.historyLabel.setTextFormat(Qt.TextFormat.RichText)

        self.contentsLayout.addWidget(self.historyLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentsLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.receivedLabel.setBuddy(self.receivedField)
        self.visitedLabel.setBuddy(self.visitedBox)
        self.addressedLabel.setBuddy(self.addressedBox)
        self.commentsLabel.setBuddy(self.commentsEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OpinionForm)

        QMetaObject.connectSlotsByName(OpinionForm)
    # setupUi

    def retranslateUi(self, OpinionForm):
        self.stateLabel.setText("")
        self.opinionGroup.setTitle(QCoreApplication.translate("OpinionForm", u"\u59d4\u5458\u610f\u89c1\u53cd\u9988\uff08\u5f81\u8be2\u610f\u89c1\u8868\uff09", None))
        self.satisfiedRadio.setText(QCoreApplication.translate("OpinionForm", u"\u6ee1\u610f", None))
        self.basicallyRadio.setText(QCoreApplication.translate("OpinionForm", u"\u57fa\u672c\u6ee1\u610f", None))
        self.unsatisfiedRadio.setText(QCoreApplication.translate("OpinionForm", u"\u4e0d\u6ee1\u610f", None))
        self.reopenHint.setText(QCoreApplication.translate("OpinionForm", u"\u9009\u201c\u4e0d\u6ee1\u610f\u201d\u5e76\u4fdd\u5b58\u540e\uff0c\u63d0\u6848\u8f6c\u4e3a\u201c\u91cd\u65b0\u529e\u7406\u201d\uff0c\u987b\u5728\u89c4\u5b9a\u65f6\u9650\u5185\u518d\u6b21\u7b54\u590d\u3002", None))
        self.receivedLabel.setText(QCoreApplication.translate("OpinionForm", u"\u53cd\u9988\u65e5\u671f(&R)", None))
        self.visitedLabel.setText(QCoreApplication.translate("OpinionForm", u"\u662f\u5426\u5f53\u9762\u6c9f\u901a", None))
#if QT_CONFIG(tooltip)
        self.visitedBox.setToolTip(QCoreApplication.translate("OpinionForm", u"\u610f\u89c1\u8868\u4e2d\u201c\u627f\u529e\u5355\u4f4d\u662f\u5426\u4e0e\u60a8\u5f53\u9762\u6c9f\u901a\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.addressedLabel.setText(QCoreApplication.translate("OpinionForm", u"\u7b54\u590d\u662f\u5426\u9488\u5bf9\u6240\u63d0\u95ee\u9898", None))
        self.commentsLabel.setText(QCoreApplication.translate("OpinionForm", u"\u59d4\u5458\u7684\u5176\u4ed6\u610f\u89c1(&O)", None))
        self.commentsEdit.setPlaceholderText(QCoreApplication.translate("OpinionForm", u"\u610f\u89c1\u8868\u4e0a\u59d4\u5458\u5199\u7684\u610f\u89c1\u548c\u5efa\u8bae", None))
        self.historyLabel.setText("")
        pass
    # retranslateUi
