"""The search box ranks by relevance: the record named 阿司匹林肠溶片 comes before one that only mentions
阿司匹林 in 相互作用 (though that one is newer), and each result shows where the text was found."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desktop_app.core.store import RecordStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.record_list import SNIPPET_ROLE
from tests.test_search_rank import fill


def test_search_box_ranks_the_named_drug_first(
    qtbot: QtBot, make_window: Callable[..., MainWindow], store: RecordStore
) -> None:
    ids = fill(store)
    window = make_window()
    records = window.record_list
    records.refresh()
    model = records.model
    assert [model.record_at(i).id for i in range(3)] == [ids["clopidogrel"], ids["warfarin"], ids["aspirin"]]  # type: ignore[union-attr]
    records.search.setText("阿司匹林")
    qtbot.waitUntil(lambda: model.rowCount() == 3 and model.record_at(0).id == ids["aspirin"])  # type: ignore[union-attr]
    assert [model.record_at(i).id for i in range(3)] == [ids["aspirin"], ids["clopidogrel"], ids["warfarin"]]  # type: ignore[union-attr]
    assert model.data(model.index(0), SNIPPET_ROLE) == "药品名称：阿司匹林肠溶片"
    assert model.data(model.index(2), SNIPPET_ROLE).startswith("药物相互作用：与阿司匹林合用")
