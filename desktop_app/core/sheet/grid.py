"""The confirmed dose schedule as a large table: 早上 / 中午 / 晚上 / 睡前 over the amounts, 饭前/饭后/随餐 under
them: the USP <17> explicit times (read aloud as "早上1片，晚上1片，饭后服用")."""

from __future__ import annotations

from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Table, TableStyle

from desktop_app.core.schedule import FOOD_WORDS, SLOT_WORDS, SLOTS, Schedule
from desktop_app.core.sheet.content import SCHEDULE_HEADING
from desktop_app.core.sheet.styles import Styles

EMPTY_CELL = "—"  # a time with no dose


def schedule_flowables(schedule: Schedule, st: Styles, width: float) -> list[Flowable]:
    """Heading and table; ``width``: the width the frame leaves for its content."""
    body = st.body.fontSize
    head = ParagraphStyle("grid-head", parent=st.heading, alignment=TA_CENTER, spaceBefore=0, spaceAfter=0)
    big_pt = max(28.0, round(body * 1.55))
    amount = ParagraphStyle(
        "grid-amount",
        parent=st.body,
        fontSize=big_pt,
        leading=big_pt * 1.25,
        alignment=TA_CENTER,
        spaceAfter=0,
    )
    rows: list[list[Flowable]] = [
        [st.para(SLOT_WORDS[s], head, bold=True) for s in SLOTS],
        [
            st.para(d.text if (d := schedule.dose(s)) else EMPTY_CELL, amount, bold=d is not None)
            for s in SLOTS
        ],
    ]
    style = [
        ("BOX", (0, 0), (-1, -1), 2.5, black),
        ("INNERGRID", (0, 0), (-1, -1), 1.5, black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]
    if schedule.with_food:
        rows.append([st.para(FOOD_WORDS[schedule.with_food], head, bold=True), *([""] * (len(SLOTS) - 1))])
        style.append(("SPAN", (0, 2), (-1, 2)))
    table = Table(rows, colWidths=[width / len(SLOTS)] * len(SLOTS), style=TableStyle(style), hAlign="LEFT")
    table.spaceBefore = body * 0.2
    table.spaceAfter = body * 0.3
    return [st.para(f"【{SCHEDULE_HEADING}】", st.card_heading, bold=True), table]
