# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
    QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTabWidget, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget)

from proposal_desk.gui.widgets.date_field import DateField

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(760, 560)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.bureauTab = QWidget()
        self.bureauTab.setObjectName(u"bureauTab")
        self.bureauLayout = QVBoxLayout(self.bureauTab)
        self.bureauLayout.setObjectName(u"bureauLayout")
        self.bureauGrid = QGridLayout()
        self.bureauGrid.setObjectName(u"bureauGrid")
        self.bureauGrid.setHorizontalSpacing(10)
        self.bureauGrid.setVerticalSpacing(6)
        self.nameLabel = QLabel(self.bureauTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.bureauGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.nameEdit = QLineEdit(self.bureauTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.bureauGrid.addWidget(self.nameEdit, 0, 1, 1, 1)

        self.aliasesLabel = QLabel(self.bureauTab)
        self.aliasesLabel.setObjectName(u"aliasesLabel")

        self.bureauGrid.addWidget(self.aliasesLabel, 1, 0, 1, 1)

        self.aliasesEdit = QLineEdit(self.bureauTab)
        self.aliasesEdit.setObjectName(u"aliasesEdit")

        self.bureauGrid.addWidget(self.aliasesEdit, 1, 1, 1, 1)

        self.docPrefixLabel = QLabel(self.bureauTab)
        self.docPrefixLabel.setObjectName(u"docPrefixLabel")

        self.bureauGrid.addWidget(self.docPrefixLabel, 2, 0, 1, 1)

        self.docPrefixEdit = QLineEdit(self.bureauTab)
        self.docPrefixEdit.setObjectName(u"docPrefixEdit")

        self.bureauGrid.addWidget(self.docPrefixEdit, 2, 1, 1, 1)

        self.opinionPrefixLabel = QLabel(self.bureauTab)
        self.opinionPrefixLabel.setObjectName(u"opinionPrefixLabel")

        self.bureauGrid.addWidget(self.opinionPrefixLabel, 3, 0, 1, 1)

        self.opinionPrefixEdit = QLineEdit(self.bureauTab)
        self.opinionPrefixEdit.setObjectName(u"opinionPrefixEdit")

        self.bureauGrid.addWidget(self.opinionPrefixEdit, 3, 1, 1, 1)

        self.contactNameLabel = QLabel(self.bureauTab)
        self.contactNameLabel.setObjectName(u"contactNameLabel")

        self.bureauGrid.addWidget(self.contactNameLabel, 4, 0, 1, 1)

        self.contactNameEdit = QLineEdit(self.bureauTab)
        self.contactNameEdit.setObjectName(u"contactNameEdit")

        self.bureauGrid.addWidget(self.contactNameEdit, 4, 1, 1, 1)

        self.contactPhoneLabel = QLabel(self.bureauTab)
        self.contactPhoneLabel.setObjectName(u"contactPhoneLabel")

        self.bureauGrid.addWidget(self.contactPhoneLabel, 5, 0, 1, 1)

        self.contactPhoneEdit = QLineEdit(self.bureauTab)
        self.contactPhoneEdit.setObjectName(u"contactPhoneEdit")

        self.bureauGrid.addWidget(self.contactPhoneEdit, 5, 1, 1, 1)

        self.ccLabel = QLabel(self.bureauTab)
        self.ccLabel.setObjectName(u"ccLabel")

        self.bureauGrid.addWidget(self.ccLabel, 6, 0, 1, 1)

        self.ccEdit = QLineEdit(self.bureauTab)
        self.ccEdit.setObjectName(u"ccEdit")

        self.bureauGrid.addWidget(self.ccEdit, 6, 1, 1, 1)

        self.userLabel = QLabel(self.bureauTab)
        self.userLabel.setObjectName(u"userLabel")

        self.bureauGrid.addWidget(self.userLabel, 7, 0, 1, 1)

        self.userEdit = QLineEdit(self.bureauTab)
        self.userEdit.setObjectName(u"userEdit")

        self.bureauGrid.addWidget(self.userEdit, 7, 1, 1, 1)

        self.bureauGrid.setColumnStretch(1, 1)

        self.bureauLayout.addLayout(self.bureauGrid)

        self.bureauSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.bureauLayout.addItem(self.bureauSpacer)

        self.tabs.addTab(self.bureauTab, "")
        self.peopleTab = QWidget()
        self.peopleTab.setObjectName(u"peopleTab")
        self.peopleLayout = QHBoxLayout(self.peopleTab)
        self.peopleLayout.setObjectName(u"peopleLayout")
        self.sectionGroup = QGroupBox(self.peopleTab)
        self.sectionGroup.setObjectName(u"sectionGroup")
        self.sectionLayout = QVBoxLayout(self.sectionGroup)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.sectionList = QListWidget(self.sectionGroup)
        self.sectionList.setObjectName(u"sectionList")

        self.sectionLayout.addWidget(self.sectionList)

        self.sectionButtons = QHBoxLayout()
        self.sectionButtons.setObjectName(u"sectionButtons")
        self.addSectionButton = QPushButton(self.sectionGroup)
        self.addSectionButton.setObjectName(u"addSectionButton")

        self.sectionButtons.addWidget(self.addSectionButton)

        self.removeSectionButton = QPushButton(self.sectionGroup)
        self.removeSectionButton.setObjectName(u"removeSectionButton")

        self.sectionButtons.addWidget(self.removeSectionButton)


        self.sectionLayout.addLayout(self.sectionButtons)


        self.peopleLayout.addWidget(self.sectionGroup)

        self.staffGroup = QGroupBox(self.peopleTab)
        self.staffGroup.setObjectName(u"staffGroup")
        self.staffLayout = QVBoxLayout(self.staffGroup)
        self.staffLayout.setObjectName(u"staffLayout")
        self.staffTable = QTableWidget(self.staffGroup)
        self.staffTable.setObjectName(u"staffTable")

        self.staffLayout.addWidget(self.staffTable)

        self.staffButtons = QHBoxLayout()
        self.staffButtons.setObjectName(u"staffButtons")
        self.addStaffButton = QPushButton(self.staffGroup)
        self.addStaffButton.setObjectName(u"addStaffButton")

        self.staffButtons.addWidget(self.addStaffButton)

        self.removeStaffButton = QPushButton(self.staffGroup)
        self.removeStaffButton.setObjectName(u"removeStaffButton")

        self.staffButtons.addWidget(self.removeStaffButton)

        self.staffSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.staffButtons.addItem(self.staffSpacer)


        self.staffLayout.addLayout(self.staffButtons)


        self.peopleLayout.addWidget(self.staffGroup)

        self.tabs.addTab(self.peopleTab, "")
        self.deadlineTab = QWidget()
        self.deadlineTab.setObjectName(u"deadlineTab")
        self.deadlineLayout = QVBoxLayout(self.deadlineTab)
        self.deadlineLayout.setObjectName(u"deadlineLayout")
        self.roleGroup = QGroupBox(self.deadlineTab)
        self.roleGroup.setObjectName(u"roleGroup")
        self.roleGrid = QGridLayout(self.roleGroup)
        self.roleGrid.setObjectName(u"roleGrid")
        self.roleGrid.setHorizontalSpacing(10)
        self.roleGrid.setVerticalSpacing(6)
        self.leadMonthsLabel = QLabel(self.roleGroup)
        self.leadMonthsLabel.setObjectName(u"leadMonthsLabel")

        self.roleGrid.addWidget(self.leadMonthsLabel, 0, 0, 1, 1)

        self.leadMonthsSpin = QSpinBox(self.roleGroup)
        self.leadMonthsSpin.setObjectName(u"leadMonthsSpin")
        self.leadMonthsSpin.setMinimum(1)
        self.leadMonthsSpin.setMaximum(12)

        self.roleGrid.addWidget(self.leadMonthsSpin, 0, 1, 1, 1)

        self.assistMonthsLabel = QLabel(self.roleGroup)
        self.assistMonthsLabel.setObjectName(u"assistMonthsLabel")

        self.roleGrid.addWidget(self.assistMonthsLabel, 0, 2, 1, 1)

        self.assistMonthsSpin = QSpinBox(self.roleGroup)
        self.assistMonthsSpin.setObjectName(u"assistMonthsSpin")
        self.assistMonthsSpin.setMinimum(1)
        self.assistMonthsSpin.setMaximum(12)

        self.roleGrid.addWidget(self.assistMonthsSpin, 0, 3, 1, 1)

        self.reopenMonthsLabel = QLabel(self.roleGroup)
        self.reopenMonthsLabel.setObjectName(u"reopenMonthsLabel")

        self.roleGrid.addWidget(self.reopenMonthsLabel, 1, 0, 1, 1)

        self.reopenMonthsSpin = QSpinBox(self.roleGroup)
        self.reopenMonthsSpin.setObjectName(u"reopenMonthsSpin")
        self.reopenMonthsSpin.setMinimum(1)
        self.reopenMonthsSpin.setMaximum(12)

        self.roleGrid.addWidget(self.reopenMonthsSpin, 1, 1, 1, 1)

        self.returnDaysLabel = QLabel(self.roleGroup)
        self.returnDaysLabel.setObjectName(u"returnDaysLabel")

        self.roleGrid.addWidget(self.returnDaysLabel, 1, 2, 1, 1)

        self.returnDaysSpin = QSpinBox(self.roleGroup)
        self.returnDaysSpin.setObjectName(u"returnDaysSpin")
        self.returnDaysSpin.setMinimum(1)
        self.returnDaysSpin.setMaximum(60)

        self.roleGrid.addWidget(self.returnDaysSpin, 1, 3, 1, 1)

        self.firstContactLabel = QLabel(self.roleGroup)
        self.firstContactLabel.setObjectName(u"firstContactLabel")

        self.roleGrid.addWidget(self.firstContactLabel, 2, 0, 1, 1)

        self.firstContactSpin = QSpinBox(self.roleGroup)
        self.firstContactSpin.setObjectName(u"firstContactSpin")
        self.firstContactSpin.setMinimum(0)
        self.firstContactSpin.setMaximum(60)

        self.roleGrid.addWidget(self.firstContactSpin, 2, 1, 1, 1)

        self.dueSoonLabel = QLabel(self.roleGroup)
        self.dueSoonLabel.setObjectName(u"dueSoonLabel")

        self.roleGrid.addWidget(self.dueSoonLabel, 2, 2, 1, 1)

        self.dueSoonSpin = QSpinBox(self.roleGroup)
        self.dueSoonSpin.setObjectName(u"dueSoonSpin")
        self.dueSoonSpin.setMinimum(1)
        self.dueSoonSpin.setMaximum(60)

        self.roleGrid.addWidget(self.dueSoonSpin, 2, 3, 1, 1)

        self.roleGrid.setColumnStretch(1, 1)
        self.roleGrid.setColumnStretch(3, 1)

        self.deadlineLayout.addWidget(self.roleGroup)

        self.holidayGroup = QGroupBox(self.deadlineTab)
        self.holidayGroup.setObjectName(u"holidayGroup")
        self.holidayGrid = QGridLayout(self.holidayGroup)
        self.holidayGrid.setObjectName(u"holidayGrid")
        self.holidayGrid.setHorizontalSpacing(10)
        self.holidayGrid.setVerticalSpacing(4)
        self.holidaysLabel = QLabel(self.holidayGroup)
        self.holidaysLabel.setObjectName(u"holidaysLabel")

        self.holidayGrid.addWidget(self.holidaysLabel, 0, 0, 1, 1)

        self.holidaysEdit = QLineEdit(self.holidayGroup)
        self.holidaysEdit.setObjectName(u"holidaysEdit")

        self.holidayGrid.addWidget(self.holidaysEdit, 0, 1, 1, 1)

        self.holidaysError = QLabel(self.holidayGroup)
        self.holidaysError.setObjectName(u"holidaysError")
        self.holidaysError.setStyleSheet(u"color: #b3261e;")
        self.holidaysError.setWordWrap(True)

        self.holidayGrid.addWidget(self.holidaysError, 1, 1, 1, 1)

        self.workdaysLabel = QLabel(self.holidayGroup)
        self.workdaysLabel.setObjectName(u"workdaysLabel")

        self.holidayGrid.addWidget(self.workdaysLabel, 2, 0, 1, 1)

        self.workdaysEdit = QLineEdit(self.holidayGroup)
        self.workdaysEdit.setObjectName(u"workdaysEdit")

        self.holidayGrid.addWidget(self.workdaysEdit, 2, 1, 1, 1)

        self.workdaysError = QLabel(self.holidayGroup)
        self.workdaysError.setObjectName(u"workdaysError")
        self.workdaysError.setStyleSheet(u"color: #b3261e;")
        self.workdaysError.setWordWrap(True)

        self.holidayGrid.addWidget(self.workdaysError, 3, 1, 1, 1)

        self.holidayHint = QLabel(self.holidayGroup)
        self.holidayHint.setObjectName(u"holidayHint")
        self.holidayHint.setStyleSheet(u"color: #5f6b7a;")
        self.holidayHint.setWordWrap(True)

        self.holidayGrid.addWidget(self.holidayHint, 4, 0, 1, 2)

        self.holidayGrid.setColumnStretch(1, 1)

        self.deadlineLayout.addWidget(self.holidayGroup)

        self.meetingGroup = QGroupBox(self.deadlineTab)
        self.meetingGroup.setObjectName(u"meetingGroup")
        self.meetingLayout = QVBoxLayout(self.meetingGroup)
        self.meetingLayout.setObjectName(u"meetingLayout")
        self.meetingGrid = QGridLayout()
        self.meetingGrid.setObjectName(u"meetingGrid")
        self.meetingGrid.setHorizontalSpacing(10)
        self.meetingGrid.setVerticalSpacing(6)
        self.meetingLabel = QLabel(self.meetingGroup)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.meetingGrid.addWidget(self.meetingLabel, 0, 0, 1, 1)

        self.meetingRow = QHBoxLayout()
        self.meetingRow.setObjectName(u"meetingRow")
        self.meetingBox = QComboBox(self.meetingGroup)
        self.meetingBox.setObjectName(u"meetingBox")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.meetingBox.sizePolicy().hasHeightForWidth())
        self.meetingBox.setSizePolicy(sizePolicy)

        self.meetingRow.addWidget(self.meetingBox)

        self.renameMeetingButton = QPushButton(self.meetingGroup)
        self.renameMeetingButton.setObjectName(u"renameMeetingButton")

        self.meetingRow.addWidget(self.renameMeetingButton)

        self.mergeMeetingButton = QPushButton(self.meetingGroup)
        self.mergeMeetingButton.setObjectName(u"mergeMeetingButton")

        self.meetingRow.addWidget(self.mergeMeetingButton)


        self.meetingGrid.addLayout(self.meetingRow, 0, 1, 1, 1)

        self.replyDueLabel = QLabel(self.meetingGroup)
        self.replyDueLabel.setObjectName(u"replyDueLabel")

        self.meetingGrid.addWidget(self.replyDueLabel, 1, 0, 1, 1)

        self.replyDueField = DateField(self.meetingGroup)
        self.replyDueField.setObjectName(u"replyDueField")

        self.meetingGrid.addWidget(self.replyDueField, 1, 1, 1, 1)

        self.assistDueLabel = QLabel(self.meetingGroup)
        self.assistDueLabel.setObjectName(u"assistDueLabel")

        self.meetingGrid.addWidget(self.assistDueLabel, 2, 0, 1, 1)

        self.assistDueField = DateField(self.meetingGroup)
        self.assistDueField.setObjectName(u"assistDueField")

        self.meetingGrid.addWidget(self.assistDueField, 2, 1, 1, 1)

        self.returnDueLabel = QLabel(self.meetingGroup)
        self.returnDueLabel.setObjectName(u"returnDueLabel")

        self.meetingGrid.addWidget(self.returnDueLabel, 3, 0, 1, 1)

        self.returnDueField = DateField(self.meetingGroup)
        self.returnDueField.setObjectName(u"returnDueField")

        self.meetingGrid.addWidget(self.returnDueField, 3, 1, 1, 1)

        self.meetingGrid.setColumnStretch(1, 1)

        self.meetingLayout.addLayout(self.meetingGrid)


        self.deadlineLayout.addWidget(self.meetingGroup)

        self.deadlineSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.deadlineLayout.addItem(self.deadlineSpacer)

        self.tabs.addTab(self.deadlineTab, "")
        self.categoriesTab = QWidget()
        self.categoriesTab.setObjectName(u"categoriesTab")
        self.categoriesLayout = QVBoxLayout(self.categoriesTab)
        self.categoriesLayout.setObjectName(u"categoriesLayout")
        self.categoriesHint = QLabel(self.categoriesTab)
        self.categoriesHint.setObjectName(u"categoriesHint")
        self.categoriesHint.setWordWrap(True)

        self.categoriesLayout.addWidget(self.categoriesHint)

        self.categoryTable = QTableWidget(self.categoriesTab)
        self.categoryTable.setObjectName(u"categoryTable")

        self.categoriesLayout.addWidget(self.categoryTable)

        self.categoryButtons = QHBoxLayout()
        self.categoryButtons.setObjectName(u"categoryButtons")
        self.addCategoryButton = QPushButton(self.categoriesTab)
        self.addCategoryButton.setObjectName(u"addCategoryButton")

        self.categoryButtons.addWidget(self.addCategoryButton)

        self.removeCategoryButton = QPushButton(self.categoriesTab)
        self.removeCategoryButton.setObjectName(u"removeCategoryButton")

        self.categoryButtons.addWidget(self.removeCategoryButton)

        self.resetCategoriesButton = QPushButton(self.categoriesTab)
        self.resetCategoriesButton.setObjectName(u"resetCategoriesButton")

        self.categoryButtons.addWidget(self.resetCategoriesButton)

        self.categorySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.categoryButtons.addItem(self.categorySpacer)


        self.categoriesLayout.addLayout(self.categoryButtons)

        self.tabs.addTab(self.categoriesTab, "")
        self.documentsTab = QWidget()
        self.documentsTab.setObjectName(u"documentsTab")
        self.documentsLayout = QVBoxLayout(self.documentsTab)
        self.documentsLayout.setObjectName(u"documentsLayout")
        self.documentsGrid = QGridLayout()
        self.documentsGrid.setObjectName(u"documentsGrid")
        self.documentsGrid.setHorizontalSpacing(10)
        self.documentsGrid.setVerticalSpacing(6)
        self.titlePatternLabel = QLabel(self.documentsTab)
        self.titlePatternLabel.setObjectName(u"titlePatternLabel")

        self.documentsGrid.addWidget(self.titlePatternLabel, 0, 0, 1, 1)

        self.titlePatternEdit = QLineEdit(self.documentsTab)
        self.titlePatternEdit.setObjectName(u"titlePatternEdit")

        self.documentsGrid.addWidget(self.titlePatternEdit, 0, 1, 1, 2)

        self.letterTemplateLabel = QLabel(self.documentsTab)
        self.letterTemplateLabel.setObjectName(u"letterTemplateLabel")

        self.documentsGrid.addWidget(self.letterTemplateLabel, 1, 0, 1, 1)

        self.letterTemplateEdit = QLineEdit(self.documentsTab)
        self.letterTemplateEdit.setObjectName(u"letterTemplateEdit")

        self.documentsGrid.addWidget(self.letterTemplateEdit, 1, 1, 1, 1)

        self.opinionTemplateLabel = QLabel(self.documentsTab)
        self.opinionTemplateLabel.setObjectName(u"opinionTemplateLabel")

        self.documentsGrid.addWidget(self.opinionTemplateLabel, 2, 0, 1, 1)

        self.opinionTemplateEdit = QLineEdit(self.documentsTab)
        self.opinionTemplateEdit.setObjectName(u"opinionTemplateEdit")

        self.documentsGrid.addWidget(self.opinionTemplateEdit, 2, 1, 1, 1)

        self.reportTemplateLabel = QLabel(self.documentsTab)
        self.reportTemplateLabel.setObjectName(u"reportTemplateLabel")

        self.documentsGrid.addWidget(self.reportTemplateLabel, 3, 0, 1, 1)

        self.reportTemplateEdit = QLineEdit(self.documentsTab)
        self.reportTemplateEdit.setObjectName(u"reportTemplateEdit")

        self.documentsGrid.addWidget(self.reportTemplateEdit, 3, 1, 1, 1)

        self.documentsGrid.setColumnStretch(1, 1)

        self.documentsLayout.addLayout(self.documentsGrid)

        self.templateButtons = QHBoxLayout()
        self.templateButtons.setObjectName(u"templateButtons")
        self.letterTemplateButton = QPushButton(self.documentsTab)
        self.letterTemplateButton.setObjectName(u"letterTemplateButton")

        self.templateButtons.addWidget(self.letterTemplateButton)

        self.opinionTemplateButton = QPushButton(self.documentsTab)
        self.opinionTemplateButton.setObjectName(u"opinionTemplateButton")

        self.templateButtons.addWidget(self.opinionTemplateButton)

        self.reportTemplateButton = QPushButton(self.documentsTab)
        self.reportTemplateButton.setObjectName(u"reportTemplateButton")

        self.templateButtons.addWidget(self.reportTemplateButton)

        self.templateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.templateButtons.addItem(self.templateSpacer)


        self.documentsLayout.addLayout(self.templateButtons)

        self.templateHint = QLabel(self.documentsTab)
        self.templateHint.setObjectName(u"templateHint")
        self.templateHint.setWordWrap(True)

        self.documentsLayout.addWidget(self.templateHint)

        self.documentsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.documentsLayout.addItem(self.documentsSpacer)

        self.tabs.addTab(self.documentsTab, "")
        self.dataTab = QWidget()
        self.dataTab.setObjectName(u"dataTab")
        self.dataLayout = QVBoxLayout(self.dataTab)
        self.dataLayout.setObjectName(u"dataLayout")
        self.locationGroup = QGroupBox(self.dataTab)
        self.locationGroup.setObjectName(u"locationGroup")
        self.locationGrid = QGridLayout(self.locationGroup)
        self.locationGrid.setObjectName(u"locationGrid")
        self.locationGrid.setHorizontalSpacing(10)
        self.locationGrid.setVerticalSpacing(6)
        self.folderTitle = QLabel(self.locationGroup)
        self.folderTitle.setObjectName(u"folderTitle")

        self.locationGrid.addWidget(self.folderTitle, 0, 0, 1, 1)

        self.folderValue = QLabel(self.locationGroup)
        self.folderValue.setObjectName(u"folderValue")
        self.folderValue.setWordWrap(True)
        self.folderValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.locationGrid.addWidget(self.folderValue, 0, 1, 1, 1)

        self.databaseTitle = QLabel(self.locationGroup)
        self.databaseTitle.setObjectName(u"databaseTitle")

        self.locationGrid.addWidget(self.databaseTitle, 1, 0, 1, 1)

        self.databaseValue = QLabel(self.locationGroup)
        self.databaseValue.setObjectName(u"databaseValue")
        self.databaseValue.setWordWrap(True)
        self.databaseValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.locationGrid.addWidget(self.databaseValue, 1, 1, 1, 1)

        self.locationGrid.setColumnStretch(1, 1)

        self.dataLayout.addWidget(self.locationGroup)

        self.folderButtons = QHBoxLayout()
        self.folderButtons.setObjectName(u"folderButtons")
        self.openDataButton = QPushButton(self.dataTab)
        self.openDataButton.setObjectName(u"openDataButton")

        self.folderButtons.addWidget(self.openDataButton)

        self.folderSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.folderButtons.addItem(self.folderSpacer)


        self.dataLayout.addLayout(self.folderButtons)

        self.backupGroup = QGroupBox(self.dataTab)
        self.backupGroup.setObjectName(u"backupGroup")
        self.backupLayout = QVBoxLayout(self.backupGroup)
        self.backupLayout.setObjectName(u"backupLayout")
        self.backupHint = QLabel(self.backupGroup)
        self.backupHint.setObjectName(u"backupHint")
        self.backupHint.setWordWrap(True)

        self.backupLayout.addWidget(self.backupHint)

        self.backupList = QListWidget(self.backupGroup)
        self.backupList.setObjectName(u"backupList")

        self.backupLayout.addWidget(self.backupList)

        self.backupButtons = QHBoxLayout()
        self.backupButtons.setObjectName(u"backupButtons")
        self.backupNowButton = QPushButton(self.backupGroup)
        self.backupNowButton.setObjectName(u"backupNowButton")

        self.backupButtons.addWidget(self.backupNowButton)

        self.restoreButton = QPushButton(self.backupGroup)
        self.restoreButton.setObjectName(u"restoreButton")

        self.backupButtons.addWidget(self.restoreButton)

        self.restoreFileButton = QPushButton(self.backupGroup)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.backupButtons.addWidget(self.restoreFileButton)

        self.openBackupsButton = QPushButton(self.backupGroup)
        self.openBackupsButton.setObjectName(u"openBackupsButton")

        self.backupButtons.addWidget(self.openBackupsButton)

        self.backupSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupButtons.addItem(self.backupSpacer)


        self.backupLayout.addLayout(self.backupButtons)


        self.dataLayout.addWidget(self.backupGroup)

        self.tabs.addTab(self.dataTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.aliasesLabel.setBuddy(self.aliasesEdit)
        self.docPrefixLabel.setBuddy(self.docPrefixEdit)
        self.opinionPrefixLabel.setBuddy(self.opinionPrefixEdit)
        self.contactNameLabel.setBuddy(self.contactNameEdit)
        self.contactPhoneLabel.setBuddy(self.contactPhoneEdit)
        self.ccLabel.setBuddy(self.ccEdit)
        self.userLabel.setBuddy(self.userEdit)
        self.leadMonthsLabel.setBuddy(self.leadMonthsSpin)
        self.assistMonthsLabel.setBuddy(self.assistMonthsSpin)
        self.reopenMonthsLabel.setBuddy(self.reopenMonthsSpin)
        self.returnDaysLabel.setBuddy(self.returnDaysSpin)
        self.firstContactLabel.setBuddy(self.firstContactSpin)
        self.dueSoonLabel.setBuddy(self.dueSoonSpin)
        self.holidaysLabel.setBuddy(self.holidaysEdit)
        self.workdaysLabel.setBuddy(self.workdaysEdit)
        self.meetingLabel.setBuddy(self.meetingBox)
        self.replyDueLabel.setBuddy(self.replyDueField)
        self.assistDueLabel.setBuddy(self.assistDueField)
        self.returnDueLabel.setBuddy(self.returnDueField)
        self.titlePatternLabel.setBuddy(self.titlePatternEdit)
        self.letterTemplateLabel.setBuddy(self.letterTemplateEdit)
        self.opinionTemplateLabel.setBuddy(self.opinionTemplateEdit)
        self.reportTemplateLabel.setBuddy(self.reportTemplateEdit)
        self.folderTitle.setBuddy(self.folderValue)
        self.databaseTitle.setBuddy(self.databaseValue)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)
        self.buttonBox.rejected.connect(SettingsDialog.reject)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u672c\u5355\u4f4d\u540d\u79f0(&N)", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 \u533a\u5546\u52a1\u5c40", None))
#if QT_CONFIG(tooltip)
        self.nameEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u4e0e\u4ea4\u529e\u6e05\u5355\u4e0a\u7684\u5355\u4f4d\u540d\u79f0\u4e00\u81f4\uff1b\u5bfc\u5165\u65f6\u636e\u6b64\u627e\u51fa\u672c\u5355\u4f4d\u7684\u63d0\u6848", None))
#endif // QT_CONFIG(tooltip)
        self.aliasesLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u522b\u79f0(&A)", None))
        self.aliasesEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 \u5468\u6751\u533a\u5546\u52a1\u5c40\u3001\u5546\u52a1\u5c40", None))
#if QT_CONFIG(tooltip)
        self.aliasesEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u4ea4\u529e\u6e05\u5355\u4e0a\u53ef\u80fd\u51fa\u73b0\u7684\u5176\u4ed6\u5199\u6cd5\uff0c\u7528\u987f\u53f7\u6216\u9017\u53f7\u5206\u5f00", None))
#endif // QT_CONFIG(tooltip)
        self.docPrefixLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u7b54\u590d\u51fd\u5b57\u53f7\u524d\u7f00", None))
        self.docPrefixEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 \u5468\u5546\u51fd\uff08\u751f\u6210 \u5468\u5546\u51fd\u30142025\u301512\u53f7\uff09", None))
        self.opinionPrefixLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4f1a\u529e\u610f\u89c1\u5b57\u53f7\u524d\u7f00", None))
        self.opinionPrefixEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 \u5468\u5546\u4f1a\u529e", None))
        self.contactNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u8054\u7cfb\u4eba", None))
        self.contactPhoneLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.ccLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u9ed8\u8ba4\u6284\u9001", None))
        self.ccEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 \u533a\u653f\u534f\u63d0\u6848\u59d4\u5458\u4f1a\u3001\u533a\u653f\u5e9c\u529e\u516c\u5ba4", None))
        self.userLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5f53\u524d\u4f7f\u7528\u4eba", None))
        self.userEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u8bb0\u5165\u529e\u7406\u65e5\u5fd7\u7684\u59d3\u540d", None))
#if QT_CONFIG(tooltip)
        self.userEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u7559\u7a7a\u5219\u7528\u7535\u8111\u767b\u5f55\u540d", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.bureauTab), QCoreApplication.translate("SettingsDialog", u"\u672c\u5355\u4f4d", None))
        self.sectionGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u79d1\u5ba4", None))
#if QT_CONFIG(tooltip)
        self.sectionList.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u53cc\u51fb\u6539\u540d\uff1b\u53bb\u6389\u7684\u79d1\u5ba4\u4e0d\u4f1a\u5220\u9664\uff0c\u65e7\u63d0\u6848\u4ecd\u663e\u793a\u539f\u79d1\u5ba4", None))
#endif // QT_CONFIG(tooltip)
        self.addSectionButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6dfb\u52a0", None))
        self.removeSectionButton.setText(QCoreApplication.translate("SettingsDialog", u"\u53bb\u6389", None))
        self.staffGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u4eba\u5458\uff08\u627f\u529e\u4eba\u3001\u5206\u7ba1\u9886\u5bfc\u3001\u4e3b\u8981\u9886\u5bfc\uff09", None))
        self.addStaffButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6dfb\u52a0\u4eba\u5458", None))
        self.removeStaffButton.setText(QCoreApplication.translate("SettingsDialog", u"\u53bb\u6389", None))
        self.tabs.setTabText(self.tabs.indexOf(self.peopleTab), QCoreApplication.translate("SettingsDialog", u"\u79d1\u5ba4\u548c\u4eba\u5458", None))
        self.roleGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u6309\u529e\u7406\u65b9\u5f0f\uff08\u81ea\u4ea4\u529e\u65e5\u671f\u8d77\uff09", None))
        self.leadMonthsLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4e3b\u529e\u3001\u5206\u529e\u7b54\u590d", None))
        self.leadMonthsSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u6708", None))
        self.assistMonthsLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u534f\u529e\u3001\u4f1a\u529e\u610f\u89c1", None))
        self.assistMonthsSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u6708", None))
        self.reopenMonthsLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4e0d\u6ee1\u610f\u540e\u91cd\u65b0\u7b54\u590d", None))
        self.reopenMonthsSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u6708", None))
#if QT_CONFIG(tooltip)
        self.reopenMonthsSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u81ea\u6536\u5230\u4e0d\u6ee1\u610f\u610f\u89c1\u8d77", None))
#endif // QT_CONFIG(tooltip)
        self.returnDaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u7533\u8bf7\u9000\u56de", None))
        self.returnDaysSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
#if QT_CONFIG(tooltip)
        self.returnDaysSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u81ea\u7b7e\u6536\uff08\u6216\u4ea4\u529e\uff09\u8d77", None))
#endif // QT_CONFIG(tooltip)
        self.firstContactLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u9996\u6b21\u6c9f\u901a\u63d0\u9192", None))
        self.firstContactSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u4e2a\u5de5\u4f5c\u65e5", None))
#if QT_CONFIG(tooltip)
        self.firstContactSpin.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u4ea4\u529e\u540e\u8fd9\u4e48\u591a\u5de5\u4f5c\u65e5\u4ecd\u65e0\u6c9f\u901a\u8bb0\u5f55\u65f6\u63d0\u9192\uff1b0 \u4e3a\u4e0d\u63d0\u9192", None))
#endif // QT_CONFIG(tooltip)
        self.dueSoonLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5230\u671f\u524d\u63d0\u9192", None))
        self.dueSoonSpin.setSuffix(QCoreApplication.translate("SettingsDialog", u" \u5929", None))
        self.holidayGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u8282\u5047\u65e5\u4e0e\u8c03\u4f11\uff08\u6309\u5de5\u4f5c\u65e5\u8ba1\u7684\u65f6\u9650\u7528\uff09", None))
        self.holidaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u8282\u5047\u65e5", None))
        self.holidaysEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 2025-04-04~2025-04-06, 2025-05-01~2025-05-05", None))
#if QT_CONFIG(tooltip)
        self.holidaysEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u653e\u5047\u7684\u65e5\u671f\uff0c\u5355\u65e5\u6216 \u5f00\u59cb~\u7ed3\u675f\uff0c\u7528\u9017\u53f7\u9694\u5f00", None))
#endif // QT_CONFIG(tooltip)
        self.workdaysLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u8c03\u4f11\u4e0a\u73ed", None))
        self.workdaysEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982 2025-04-27, 2025-09-28", None))
#if QT_CONFIG(tooltip)
        self.workdaysEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u8981\u4e0a\u73ed\u7684\u5468\u516d\u3001\u5468\u65e5\uff0c\u7528\u9017\u53f7\u9694\u5f00", None))
#endif // QT_CONFIG(tooltip)
        self.holidayHint.setText(QCoreApplication.translate("SettingsDialog", u"\u7533\u8bf7\u9000\u56de\u3001\u9996\u6b21\u6c9f\u901a\u7684\u65f6\u9650\u6309\u5de5\u4f5c\u65e5\u8ba1\u7b97\uff0c\u4e0d\u8ba1\u8fd9\u91cc\u7684\u8282\u5047\u65e5\uff0c\u8c03\u4f11\u4e0a\u73ed\u7684\u5468\u672b\u7b97\u4f5c\u5de5\u4f5c\u65e5\u3002\u7a0b\u5e8f\u4e0d\u5185\u7f6e\u653e\u5047\u5b89\u6392\uff0c\u8bf7\u6309\u6bcf\u5e74\u7684\u901a\u77e5\u586b\u5199\u3002", None))
        self.meetingGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u6309\u4f1a\u8bae\uff08\u4ea4\u529e\u901a\u77e5\u89c4\u5b9a\u7684\u65e5\u671f\uff0c\u4f18\u5148\u4e8e\u4e0a\u9762\u7684\u65f6\u9650\uff09", None))
        self.meetingLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4f1a\u8bae", None))
#if QT_CONFIG(tooltip)
        self.renameMeetingButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u6539\u4e3a\u4ea4\u529e\u901a\u77e5\u4e0a\u7684\u4f1a\u8bae\u5168\u79f0\uff0c\u5982 \u533a\u653f\u534f\u5341\u56db\u5c4a\u4e09\u6b21\u4f1a\u8bae\uff08\u5bfc\u5165\u53f0\u8d26\u65f6\u672a\u5199\u660e\u4f1a\u8bae\u7684\uff0c\u5148\u4ee5\u201c2024\u5e74\u5ea6\u653f\u534f\u63d0\u6848\u201d\u6682\u5b58\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.renameMeetingButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6539\u540d\u2026", None))
#if QT_CONFIG(tooltip)
        self.mergeMeetingButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u628a\u672c\u4f1a\u8bae\u7684\u63d0\u6848\u5e76\u5165\u540c\u4e00\u5e74\u5ea6\u7684\u53e6\u4e00\u4e2a\u4f1a\u8bae\uff08\u540c\u4e00\u4ef6\u63d0\u6848\u91cd\u590d\u5bfc\u5165\u65f6\u4f7f\u7528\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.mergeMeetingButton.setText(QCoreApplication.translate("SettingsDialog", u"\u5408\u5e76\u5230\u2026", None))
        self.replyDueLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4e3b\u529e\u3001\u5206\u529e\u7b54\u590d\u622a\u6b62", None))
#if QT_CONFIG(tooltip)
        self.replyDueField.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u7559\u7a7a\u5219\u6309\u6708\u6570\u8ba1\u7b97", None))
#endif // QT_CONFIG(tooltip)
        self.assistDueLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u534f\u529e\u3001\u4f1a\u529e\u610f\u89c1\u622a\u6b62", None))
#if QT_CONFIG(tooltip)
        self.assistDueField.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u5982 \u4ea4\u529e\u901a\u77e5\u89c4\u5b9a 5\u670831\u65e5\u524d\u9001\u4f1a\u529e\u610f\u89c1", None))
#endif // QT_CONFIG(tooltip)
        self.returnDueLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u7533\u8bf7\u9000\u56de\u622a\u6b62", None))
        self.tabs.setTabText(self.tabs.indexOf(self.deadlineTab), QCoreApplication.translate("SettingsDialog", u"\u529e\u7406\u65f6\u9650", None))
        self.categoriesHint.setText(QCoreApplication.translate("SettingsDialog", u"\u7b54\u590d\u7c7b\u522b\u53ea\u7528\u4e8e\u4e3b\u529e\u3001\u5206\u529e\u63d0\u6848\u3002\u5404\u5730\u5206\u7c7b\u4e0d\u540c\uff1a\u53ef\u6539\u542b\u4e49\u3001\u589e\u51cf\u7c7b\u522b\uff08\u5982\u4e09\u7c7b\u5236\uff09\u3002", None))
        self.addCategoryButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6dfb\u52a0\u7c7b\u522b", None))
        self.removeCategoryButton.setText(QCoreApplication.translate("SettingsDialog", u"\u5220\u9664\u7c7b\u522b", None))
        self.resetCategoriesButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6062\u590d\u5168\u56fd\u901a\u7528\u5206\u7c7b", None))
        self.tabs.setTabText(self.tabs.indexOf(self.categoriesTab), QCoreApplication.translate("SettingsDialog", u"\u7b54\u590d\u7c7b\u522b", None))
        self.titlePatternLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u7b54\u590d\u51fd\u6807\u9898", None))
        self.titlePatternEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5173\u4e8e{meeting}\u7b2c{number}\u53f7{kind}\u7684\u7b54\u590d", None))
#if QT_CONFIG(tooltip)
        self.titlePatternEdit.setToolTip(QCoreApplication.translate("SettingsDialog", u"{meeting} \u4f1a\u8bae\u540d\u79f0\uff0c{number} \u63d0\u6848\u53f7\uff0c{kind} \u63d0\u6848\u6216\u5efa\u8bae", None))
#endif // QT_CONFIG(tooltip)
        self.letterTemplateLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u7b54\u590d\u51fd\u6a21\u677f", None))
        self.letterTemplateEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u7559\u7a7a\u4f7f\u7528\u5185\u7f6e\u6a21\u677f", None))
        self.opinionTemplateLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u4f1a\u529e\u610f\u89c1\u6a21\u677f", None))
        self.opinionTemplateEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u7559\u7a7a\u4f7f\u7528\u5185\u7f6e\u6a21\u677f", None))
        self.reportTemplateLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5e74\u5ea6\u62a5\u544a\u6a21\u677f", None))
        self.reportTemplateEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u7559\u7a7a\u4f7f\u7528\u5185\u7f6e\u6a21\u677f", None))
        self.letterTemplateButton.setText(QCoreApplication.translate("SettingsDialog", u"\u9009\u62e9\u7b54\u590d\u51fd\u6a21\u677f\u2026", None))
        self.opinionTemplateButton.setText(QCoreApplication.translate("SettingsDialog", u"\u9009\u62e9\u4f1a\u529e\u610f\u89c1\u6a21\u677f\u2026", None))
        self.reportTemplateButton.setText(QCoreApplication.translate("SettingsDialog", u"\u9009\u62e9\u62a5\u544a\u6a21\u677f\u2026", None))
        self.templateHint.setText(QCoreApplication.translate("SettingsDialog", u"\u6a21\u677f\u662f Word \u6587\u4ef6\uff08.docx\uff09\uff0c\u53ef\u5728 Word \u6216 WPS \u4e2d\u6539\u7248\u5934\u3001\u843d\u6b3e\u7b49\u56fa\u5b9a\u5185\u5bb9\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.documentsTab), QCoreApplication.translate("SettingsDialog", u"\u6587\u4e66\u6a21\u677f", None))
        self.locationGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u4f4d\u7f6e", None))
        self.folderTitle.setText(QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u6587\u4ef6\u5939", None))
        self.databaseTitle.setText(QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u5e93", None))
        self.openDataButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6253\u5f00\u6570\u636e\u6587\u4ef6\u5939", None))
        self.backupGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"\u5907\u4efd", None))
        self.backupHint.setText("")
        self.backupNowButton.setText(QCoreApplication.translate("SettingsDialog", u"\u7acb\u5373\u5907\u4efd", None))
        self.restoreButton.setText(QCoreApplication.translate("SettingsDialog", u"\u7528\u6240\u9009\u5907\u4efd\u6062\u590d\u2026", None))
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u628a\u6570\u636e\u5e93\u6062\u590d\u5230\u6240\u9009\u5907\u4efd\u65f6\u7684\u72b6\u6001\uff08\u6062\u590d\u524d\u5148\u81ea\u52a8\u5907\u4efd\u5f53\u524d\u6570\u636e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.restoreFileButton.setText(QCoreApplication.translate("SettingsDialog", u"\u4ece\u5176\u4ed6\u6587\u4ef6\u6062\u590d\u2026", None))
#if QT_CONFIG(tooltip)
        self.restoreFileButton.setToolTip(QCoreApplication.translate("SettingsDialog", u"\u9009\u62e9\u62f7\u6765\u7684\u5907\u4efd\u6587\u4ef6\uff08\u5982 U \u76d8\u4e0a\u7684 .sqlite3 \u6587\u4ef6\uff09\u6062\u590d", None))
#endif // QT_CONFIG(tooltip)
        self.openBackupsButton.setText(QCoreApplication.translate("SettingsDialog", u"\u6253\u5f00\u5907\u4efd\u6587\u4ef6\u5939", None))
        self.tabs.setTabText(self.tabs.indexOf(self.dataTab), QCoreApplication.translate("SettingsDialog", u"\u6570\u636e\u548c\u5907\u4efd", None))
    # retranslateUi
