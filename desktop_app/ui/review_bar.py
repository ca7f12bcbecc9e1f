"""Review mode: the dose items of the shown record as a compact list with a counter ("3 处待核对"), stepped
through with the keyboard, and the gate in front of 标记为已核对 while items are open.

Keys (anywhere in the record view): F8 next item, Shift+F8 previous, F9 accept as read (then on to the next
open one), F2 edit (the item's characters selected in its field: typing replaces them). Choosing an item
(click or key) emits ``item_chosen(ItemState)``: the record view selects its characters and zooms the picture
to its line. The list holds only the dose items (core/checking.py); other notes stay above it.

While the read-aloud bar is open the list folds to its counter (``set_folded``; ▸ opens it again) and the
buttons show their symbols only (words in the tooltips): the fields being read keep their room at 1280x800,
the column its width, and the count of open items stays in view.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.checking import ACCEPTED, CORRECTED, RUN_IN, SUSPECT, ItemState, open_count
from desktop_app.ui.section_names import english_mode, section_label

LIST_ROWS = 3  # rows in view (each as tall as its wrapped text); more scroll
STATE_SYMBOLS = {ACCEPTED: "✔", CORRECTED: "✎"}  # open: ●


def item_words(state: ItemState) -> str:
    """One list row: state symbol, field, the text around the item (line breaks shown as ⏎), and why."""
    item = state.item
    context = item.context.replace("\n", "⏎")
    symbol = STATE_SYMBOLS.get(state.state, "●")
    if item.kind == RUN_IN:
        why = QCoreApplication.translate("ReviewBar", "前面可能漏了换行")
    elif item.kind == SUSPECT:
        why = QCoreApplication.translate("ReviewBar", "“{0}”不像剂量里的字").format(item.text)
    else:
        why = QCoreApplication.translate("ReviewBar", "“{0}”把握不大（{1}%）").format(
            item.text, round(item.confidence * 100)
        )
    colon, gap = (": ", "  ") if english_mode() else ("：", "　")
    return f"{symbol} {section_label(item.key, item.label)}{colon}{why}{gap}…{context}…"


def state_words(state: ItemState) -> str:
    if state.state == ACCEPTED:
        return QCoreApplication.translate("ReviewBar", "✔ 已确认")
    if state.state == CORRECTED:
        return QCoreApplication.translate("ReviewBar", "✎ 已改正")
    return QCoreApplication.translate("ReviewBar", "● 待核对")


class ReviewBar(QFrame):
    item_chosen = Signal(object)  # ItemState
    accept_requested = Signal(object)  # ItemState
    edit_requested = Signal(object)  # ItemState

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-bar")
        self.setStyleSheet("QFrame#review-bar { border: 1px solid #e0b84a; border-radius: 6px; }")
        self.states: list[ItemState] = []
        self.current = -1
        self.counter = QLabel(self)
        self.counter.setObjectName("review-counter")
        font = self.counter.font()
        font.setBold(True)
        self.counter.setFont(font)
        self.list = QListWidget(self)
        self.list.setObjectName("review-items")
        # rows wrap: the whole item is read in the row (English runs longer than the column at 1280x800)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.installEventFilter(self)
        self.list.itemActivated.connect(lambda _item: self._choose(self.list.currentRow()))
        self.list.itemClicked.connect(lambda _item: self._choose(self.list.currentRow()))
        self.prev_action = QAction(self)
        self.next_action = QAction(self)
        self.accept_action = QAction(self)
        self.edit_action = QAction(self)
        self.prev_action.setShortcut(QKeySequence("Shift+F8"))
        self.next_action.setShortcut(QKeySequence("F8"))
        self.accept_action.setShortcut(QKeySequence("F9"))
        self.edit_action.setShortcut(QKeySequence("F2"))
        self.prev_action.triggered.connect(self.previous)
        self.next_action.triggered.connect(self.next)
        self.accept_action.triggered.connect(self.accept_current)
        self.edit_action.triggered.connect(self.edit_current)
        self.folded = False  # the list folded away while reading aloud (the user may open it again)
        self.fold_button = QToolButton(self)
        self.fold_button.setObjectName("review-fold")
        self.fold_button.setAutoRaise(True)
        self.fold_button.clicked.connect(self._fold_clicked)
        self.fold_button.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.fold_button)
        row.addWidget(self.counter, 1)
        self.buttons: list[QToolButton] = []
        for action in (self.prev_action, self.next_action, self.accept_action, self.edit_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(button)
            self.buttons.append(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.list)
        self._retranslate()
        self.hide()

    @property
    def actions_for_shortcuts(self) -> tuple[QAction, ...]:
        return (self.prev_action, self.next_action, self.accept_action, self.edit_action)

    @property
    def open_items(self) -> int:
        return open_count(self.states)

    def set_states(self, states: Sequence[ItemState]) -> None:
        """Show these items (the current one kept by its id where it is still there)."""
        keep = self.states[self.current].item.item_id if 0 <= self.current < len(self.states) else None
        self.states = list(states)
        self.list.clear()
        for state in self.states:
            row = QListWidgetItem(item_words(state), self.list)
            row.setToolTip(f"{state_words(state)}\n{item_words(state)}")
        ids = [s.item.item_id for s in self.states]
        self.current = ids.index(keep) if keep in ids else -1
        if self.current >= 0:
            self.list.setCurrentRow(self.current)
        self.setVisible(bool(self.states))
        self._retranslate()
        self._fit_height()

    def set_folded(self, on: bool) -> None:
        """Fold the list to the counter line (the read-aloud bar opened), or unfold it (and the ▸ goes)."""
        self.folded = on
        self.fold_button.setVisible(on)
        self._retranslate()
        self._show_list(not on)

    def _fold_clicked(self) -> None:
        self._show_list(self.list.isHidden())

    def _show_list(self, shown: bool) -> None:
        self.list.setVisible(shown)
        self._fold_words()
        self._fit_height()

    def _fold_words(self) -> None:
        shown = not self.list.isHidden()
        self.fold_button.setText("▾" if shown else "▸")
        self.fold_button.setToolTip(self.tr("收起待核对列表") if shown else self.tr("显示待核对列表"))

    def _fit_height(self) -> None:
        """As tall as its first LIST_ROWS rows, as they wrap at the list's width now (more rows scroll)."""
        if self.list.viewport().width() <= 0 or not self.states:
            return
        self.list.doItemsLayout()
        rows = min(LIST_ROWS, len(self.states))
        height = sum(self.list.visualItemRect(self.list.item(i)).height() for i in range(rows))
        self.list.setFixedHeight(height + 2 * self.list.frameWidth() + 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.Resize:
            self._fit_height()
        return super().eventFilter(watched, event)

    # -- stepping -----------------------------------------------------------------------------------------

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def accept_current(self) -> None:
        if 0 <= self.current < len(self.states):
            self.accept_requested.emit(self.states[self.current])

    def edit_current(self) -> None:
        if 0 <= self.current < len(self.states):
            self.edit_requested.emit(self.states[self.current])

    def next_open(self) -> None:
        """After an item was accepted: on to the next open one (none left: stay)."""
        n = len(self.states)
        for k in range(1, n + 1):
            i = (self.current + k) % n if self.current >= 0 else k - 1
            if self.states[i].open:
                self._choose(i)
                return

    def _step(self, direction: int) -> None:
        n = len(self.states)
        if not n:
            return
        # open items first: step among them while there are any, else among all
        candidates = [i for i, s in enumerate(self.states) if s.open] or list(range(n))
        if self.current < 0:
            i = candidates[0] if direction > 0 else candidates[-1]
        else:
            after = [c for c in candidates if (c - self.current) * direction > 0]
            i = (
                (after[0] if direction > 0 else after[-1])
                if after
                else candidates[0 if direction > 0 else -1]
            )
        self._choose(i)

    def _choose(self, index: int) -> None:
        if not 0 <= index < len(self.states):
            return
        self.current = index
        self.list.setCurrentRow(index)
        self.item_chosen.emit(self.states[index])

    # -- language -----------------------------------------------------------------------------------------

    def _retranslate(self) -> None:
        left = self.open_items
        if left:
            self.counter.setText(self.tr("{0} 处待核对（共 {1} 处）").format(left, len(self.states)))
            self.counter.setStyleSheet("color: #9a3412;")
        else:
            self.counter.setText(self.tr("✔ 剂量已全部核对（{0} 处）").format(len(self.states)))
            self.counter.setStyleSheet("color: #15803d;")
        if self.folded:  # the symbols only (their words in the tooltips): the ▸ fits on the line
            for action, symbol in zip(self.actions_for_shortcuts, ("‹", "›", "✔", "✎"), strict=True):
                action.setText(symbol)
        else:
            self.prev_action.setText(self.tr("‹ 上一处"))
            self.next_action.setText(self.tr("下一处 ›"))
            self.accept_action.setText(self.tr("✔ 确认无误"))
            self.edit_action.setText(self.tr("✎ 修改"))
        self.prev_action.setToolTip(self.tr("上一处待核对的剂量（Shift+F8）"))
        self.next_action.setToolTip(self.tr("下一处待核对的剂量（F8）"))
        self.accept_action.setToolTip(self.tr("对照原图，这处识别无误（F9）"))
        self.edit_action.setToolTip(self.tr("选中这处文字，直接输入改正（F2）"))
        self._fold_words()
        for i, state in enumerate(self.states):
            item = self.list.item(i)
            if item is not None:
                item.setText(item_words(state))
                item.setToolTip(f"{state_words(state)}\n{item_words(state)}")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class ReviewGate(QDialog):
    """标记为已核对 with dose items open: how many are left, 去核对, or 仍然标记 with a reason."""

    go_review = Signal()
    force = Signal(str)  # the reason

    def __init__(self, states: Sequence[ItemState], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("review-gate")
        self.left = [s for s in states if s.open]
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.items = QLabel(self)
        self.items.setWordWrap(True)
        self.reason_label = QLabel(self)
        self.reason = QLineEdit(self)
        self.review_button = QPushButton(self)
        self.review_button.setDefault(True)
        self.force_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.review_button.clicked.connect(self._review)
        self.force_button.clicked.connect(self._force)
        self.cancel_button.clicked.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.review_button)
        buttons.addWidget(self.force_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.items)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addLayout(buttons)
        self._retranslate()
        self._update()
        self.resize(640, self.sizeHint().height())

    def _update(self) -> None:
        self.force_button.setEnabled(bool(self.reason.text().strip()))

    def _review(self) -> None:
        self.go_review.emit()
        self.accept()

    def _force(self) -> None:
        reason = self.reason.text().strip()
        if reason:
            self.force.emit(reason)
            self.accept()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("还不能标记为已核对"))
        self.message.setText(
            self.tr("还有 {0} 处剂量未核对。请逐项对照原图确认（F9）或改正后再标记。").format(len(self.left))
        )
        self.items.setText(
            "\n".join(item_words(s) for s in self.left[:8]) + ("\n…" if len(self.left) > 8 else "")
        )
        self.reason_label.setText(self.tr("如确需现在标记，请写明理由（会记入修改记录）："))
        self.reason.setPlaceholderText(self.tr("例如：原图模糊，已电话向药房核实剂量"))
        self.review_button.setText(self.tr("去核对"))
        self.force_button.setText(self.tr("仍然标记"))
        self.force_button.setToolTip(self.tr("写明理由后才能使用"))
        self.cancel_button.setText(self.tr("取消"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
