"""The findings of 用药核对, shown as the inserts' own words: one group per pair ("氨氯地平 的说明书提到 阿司匹林"),
each finding a card with 说明书原文 (the whole item, word for word, the matched words in bold), its section, the
words matched and why, a negation marked. A card is clicked (or its 查看原图) to see it on the record.

Never a verdict (docs/decisions/0020): above the findings the core's own sentence, NO_VERDICT or, with none,
NOTHING_FOUND, in the UI language (a test checks that the texts here are the core's)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QFont, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from desktop_app.core.medication import Finding, Lexicon, Medicine, Report, load_lexicon
from desktop_app.ui.core_text import core_text
from desktop_app.ui.section_names import english_mode, join_names, section_label

CONTEXT = "MedicationText"
#: the core's sentences (core.medication.NO_VERDICT / NOTHING_FOUND), for lupdate
NO_VERDICT_TEXT = QT_TRANSLATE_NOOP(
    "MedicationText", "以下是说明书原文（说明书怎么写），不是用药建议；能否一起用，请问医生或药师。"
)
NOTHING_FOUND_TEXT = QT_TRANSLATE_NOOP(
    "MedicationText", "这些说明书中没有找到彼此提及的内容。这不表示这些药可以一起服用，请咨询医生或药师。"
)


def _translated(text: object) -> str:
    """A text marked with QT_TRANSLATE_NOOP above, in the UI language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def verdict_free_text(report: Report) -> str:
    return _translated(NO_VERDICT_TEXT if report.findings else NOTHING_FOUND_TEXT)


def medicine_lines(med: Medicine, lex: Lexicon | None = None) -> list[str]:
    """How a medicine resolved: "氨氯地平（按词表：钙通道阻滞剂、降压药）", "降压药（类别，按词表）", "未识别：xx"."""
    lex = lex or load_lexicon()
    out: list[str] = []
    for name in med.entries:
        classes = [lex.label(c) for c in lex.classes_of(name)]
        if classes:
            out.append(
                QCoreApplication.translate("MedicationText", "{0}（按词表：{1}）").format(
                    name, join_names(dict.fromkeys(classes))
                )
            )
        else:
            out.append(QCoreApplication.translate("MedicationText", "{0}（按词表）").format(name))
    for cid in med.classes:
        out.append(QCoreApplication.translate("MedicationText", "{0}（类别，按词表）").format(lex.label(cid)))
    herbs = [i for i in med.ingredients if i not in med.entries]
    if herbs:
        out.append(QCoreApplication.translate("MedicationText", "成份：{0}").format(join_names(herbs)))
    if med.unresolved:
        out.append(
            QCoreApplication.translate("MedicationText", "未识别：{0}").format(join_names(med.unresolved))
        )
    if not out:
        out.append(QCoreApplication.translate("MedicationText", "药名未能对上词表"))
    return out


def _quote_html(f: Finding) -> str:
    """The quote word for word, escaped, with the matched words in bold."""
    spans: list[tuple[int, int]] = []
    for word in sorted(f.matched, key=len, reverse=True):
        at = f.quote.find(word)
        while at >= 0:
            if not any(s < at + len(word) and at < e for s, e in spans):
                spans.append((at, at + len(word)))
            at = f.quote.find(word, at + 1)
    out, pos = [], 0
    for s, e in sorted(spans):
        out.append(html.escape(f.quote[pos:s]) + "<b>" + html.escape(f.quote[s:e]) + "</b>")
        pos = e
    out.append(html.escape(f.quote[pos:]))
    return "".join(out).replace("\n", "<br>")


class FindingCard(QFrame):
    """One finding; ``opened`` when it is clicked."""

    opened = Signal(object)  # Finding

    def __init__(self, finding: Finding, unchecked: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.finding = finding
        self.unchecked = unchecked  # its record is not marked checked: the text is the OCR's
        self.setObjectName("finding-card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            "QFrame#finding-card { background: #fffbeb; border: 1px solid #f59e0b; border-radius: 8px; }"
            "QFrame#finding-card QLabel { background: transparent; border: none; }"
        )
        self.section = QLabel(self)
        self.quote = QLabel(self)
        self.quote.setWordWrap(True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.quote.setObjectName("finding-quote")
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.flags = QLabel(self)
        self.flags.setWordWrap(True)
        self.flags.setStyleSheet("color: #b45309; font-weight: bold;")
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("open-finding")
        self.open_button.clicked.connect(lambda: self.opened.emit(self.finding))
        top = QHBoxLayout()
        top.addWidget(self.section, 1)
        top.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.addLayout(top)
        layout.addWidget(self.quote)
        layout.addWidget(self.why)
        layout.addWidget(self.flags)
        self._retranslate()
        self._apply_fonts()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.opened.emit(self.finding)
        super().mouseReleaseEvent(event)

    def _retranslate(self) -> None:
        f = self.finding
        self.section.setText(
            QCoreApplication.translate("MedicationText", "说明书原文 · 【{0}】").format(
                section_label(f.section, f.section_label)
            )
        )
        self.quote.setText(_quote_html(f))
        self.why.setText(
            QCoreApplication.translate("MedicationText", "匹配：{0}").format(join_names(f.matched))
            + "\n"
            + QCoreApplication.translate("MedicationText", "依据：{0}").format(
                ("; " if english_mode() else "；").join(core_text(v) for v in f.via)
            )
        )
        flags = []
        if self.unchecked:
            flags.append(
                QCoreApplication.translate("MedicationText", "这份说明书的识别结果还没有核对过：请以原图为准")
            )
        if f.negated:
            flags.append(
                QCoreApplication.translate("MedicationText", "否定：原文是“不含／无……”，仍列出，请看原文")
            )
        if f.fuzzy:
            flags.append(QCoreApplication.translate("MedicationText", "有一个字可能识别有误，请对照原图"))
        self.flags.setText("\n".join(flags))
        self.flags.setVisible(bool(flags))
        self.open_button.setText(QCoreApplication.translate("MedicationText", "查看原图"))
        self.open_button.setToolTip(
            QCoreApplication.translate("MedicationText", "打开这条记录，选中这段原文，图片放大到它所在的位置")
        )

    def _apply_fonts(self) -> None:
        base = self.font()
        quote = QFont(base)
        quote.setPointSizeF(base.pointSizeF() * 1.1)
        self.quote.setFont(quote)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.92)
        self.why.setFont(small)
        self.section.setFont(small)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
        super().changeEvent(event)


class FindingsPane(QScrollArea):
    """The sentence that no verdict is given, then the findings grouped per pair, then the pairs with none."""

    opened = Signal(object)  # Finding

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.report: Report | None = None
        self._unchecked: set[int] = set()
        self.cards: list[FindingCard] = []
        self.group_titles: list[QLabel] = []
        self._inner = QWidget(self)
        self._layout = QVBoxLayout(self._inner)
        self._layout.setContentsMargins(4, 4, 12, 4)
        self.banner = QLabel(self._inner)
        self.banner.setWordWrap(True)
        self.banner.setObjectName("no-verdict")
        self.banner.setStyleSheet(
            "QLabel#no-verdict { background: #e0f2fe; border-radius: 6px; padding: 8px; font-weight: bold; }"
        )
        self.silent = QLabel(self._inner)
        self.silent.setWordWrap(True)
        self.silent.setObjectName("not-mentioned")
        self._layout.addWidget(self.banner)
        self._layout.addStretch(1)
        self.setWidget(self._inner)
        self.set_placeholder("")

    def set_placeholder(self, text: str) -> None:
        """Before a report (no patient, or finding now)."""
        self.report = None
        self._clear()
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def show_report(self, report: Report, unchecked: set[int] | None = None) -> None:
        """``unchecked``: the records not marked checked (their findings say so)."""
        self.report = report
        self._unchecked = set(unchecked or ())
        self._clear()
        self.banner.setText(verdict_free_text(report))
        self.banner.setVisible(True)
        groups: dict[tuple[str, str], list[Finding]] = {}
        for f in report.findings:
            groups.setdefault((f.in_medicine, f.about), []).append(f)
        at = 1
        for (a, b), found in groups.items():
            title = QLabel(
                QCoreApplication.translate("MedicationText", "{0} 的说明书提到 {1}").format(a, b), self._inner
            )
            title.setWordWrap(True)
            font = QFont(self.font())
            font.setBold(True)
            font.setPointSizeF(font.pointSizeF() * 1.12)
            title.setFont(font)
            self._layout.insertWidget(at, title)
            self.group_titles.append(title)
            at += 1
            for f in found:
                card = FindingCard(f, f.record_id in self._unchecked, self._inner)
                card.opened.connect(self.opened)
                self._layout.insertWidget(at, card)
                self.cards.append(card)
                at += 1
        if report.findings and report.silent:
            self.silent.setText(self._silent_text(report.silent))
            self._layout.insertWidget(at, self.silent)
            self.silent.show()

    @staticmethod
    def _silent_text(pairs: Sequence[tuple[str, str]]) -> str:
        lines = [
            QCoreApplication.translate(
                "MedicationText", "{0} 的说明书没有提到 {1}（这不表示可以一起用）"
            ).format(a, b)
            for a, b in pairs
        ]
        return "\n".join(lines)

    def _clear(self) -> None:
        for w in [*self.cards, *self.group_titles]:
            self._layout.removeWidget(w)
            w.deleteLater()
        self.cards = []
        self.group_titles = []
        self._layout.removeWidget(self.silent)
        self.silent.hide()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.report is not None:
            self.show_report(self.report, self._unchecked)
        super().changeEvent(event)
