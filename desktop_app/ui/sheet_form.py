"""The sheet's options in the 打印大字版 dialog: patient, the staff's note, type size, paper and clinic name; and
the note above them for a record nobody has checked (with 先去核对)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop_app.ui.settings import CLINIC_NAME, SHEET_FONT_PT, Settings

BODY_PT_RANGE = (16, 28)
PAGES = ("A4", "A5")


class SheetForm(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.patient = QLineEdit(self)
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self._note_height()  # two lines (more scroll): the dialog fits a 1280x800 screen at the app's font
        self.body_pt = QSpinBox(self)
        self.body_pt.setRange(*BODY_PT_RANGE)
        self.body_pt.setMaximumWidth(160)
        self.body_pt.setValue(max(BODY_PT_RANGE[0], min(BODY_PT_RANGE[1], settings.get(SHEET_FONT_PT))))
        self.page_group = QButtonGroup(self)
        page_row = QHBoxLayout()  # the text size, then the paper, on one line
        page_row.addWidget(self.body_pt)
        page_row.addSpacing(24)
        self.page_label = QLabel(self)
        page_row.addWidget(self.page_label)
        self.page_buttons: dict[str, QRadioButton] = {}
        for name in PAGES:
            button = QRadioButton(name, self)
            self.page_group.addButton(button)
            self.page_buttons[name] = button
            page_row.addWidget(button)
        page_row.addStretch(1)
        self.page_buttons["A4"].setChecked(True)
        self.clinic = QLineEdit(settings.get(CLINIC_NAME), self)
        self.patient_label = QLabel(self)
        self.note_label = QLabel(self)
        self.size_label = QLabel(self)
        self.clinic_label = QLabel(self)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.patient_label, self.patient)
        form.addRow(self.note_label, self.note)
        form.addRow(self.size_label, page_row)
        form.addRow(self.clinic_label, self.clinic)

        self._retranslate()

    @property
    def page(self) -> str:
        return next((name for name, b in self.page_buttons.items() if b.isChecked()), "A4")

    def _retranslate(self) -> None:
        self.patient_label.setText(self.tr("患者姓名："))
        self.patient.setPlaceholderText(self.tr("可不填"))
        self.note_label.setText(self.tr("医生/药师叮嘱："))
        self.note.setPlaceholderText(self.tr("例如：早上1片，晚上1片"))
        self.size_label.setText(self.tr("正文字号："))
        self.body_pt.setSuffix(self.tr(" 磅"))
        self.page_label.setText(self.tr("纸张："))
        self.clinic_label.setText(self.tr("诊所名称："))

    def _note_height(self) -> None:
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 2 + 14)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._note_height()
        super().changeEvent(event)


class UnreviewedNote(QWidget):
    """此记录尚未核对… and 先去核对 (the dialog connects the button)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note = QLabel(self)
        self.note.setObjectName("unreviewed-note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet(
            "background: #fff4d6; color: #5c3d00; border: 1px solid #e0b84a; padding: 6px; font-weight: bold;"
        )
        self.review_button = QPushButton(self)
        self.review_button.setObjectName("go-review")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.note, 1)
        row.addWidget(self.review_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._retranslate()

    def _retranslate(self) -> None:
        self.note.setText(
            self.tr("此记录尚未核对。可以打印，但每一页都会注明“未经核对：请以说明书原件为准”。")
        )
        self.review_button.setText(self.tr("先去核对"))
        self.review_button.setToolTip(self.tr("关闭此窗口，逐项核对剂量后再打印"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
