"""One insert in two images in the desktop app: the merge is offered when the back arrives with the front and
starts mid-section; merged, the image view turns to the page of a field's boxes; 拆分 brings the two back."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.core.store import READ
from desktop_app.ui.services import AppServices
from tests.insert_images import insert_lines, render_pages
from tests.ui.conftest import READ_TIMEOUT_MS, WindowFactory
from tests.ui.test_import_and_read import drop, urls_mime


def test_two_pages_from_one_chat_are_offered_merged_shown_by_page_and_split(
    qtbot: QtBot, make_window: WindowFactory, services: AppServices, tmp_path: Path
) -> None:
    store = services.store
    chat = tmp_path / "WeChat Files" / "FileStorage"
    chat.mkdir(parents=True)
    paths = []
    for i, img in enumerate(render_pages(insert_lines(), split_in="【注意事项】")):
        paths.append(chat / f"IMG_{i}.png")
        img.save(paths[-1])
    window = make_window()
    drop(window, urls_mime(*paths))
    qtbot.waitUntil(
        lambda: len(store.list_records()) == 2 and all(r.status == READ for r in store.list_records()),
        timeout=READ_TIMEOUT_MS,
    )
    bar = window.merging
    qtbot.waitUntil(lambda: bar.offered is not None)
    front, back = bar.offered  # type: ignore[misc]
    assert [Path(front.source_path).name, Path(back.source_path).name] == ["IMG_0.png", "IMG_1.png"]
    assert bar.isVisible() and "IMG_1.png" in bar.label.text()

    bar.accept_button.click()
    (merged,) = store.list_records()
    assert merged.page_count == 2 and not bar.isVisible()
    assert (
        "血钾" in merged.fields_dict()["precautions"]
        and "【注意事项】" not in merged.fields_dict()["precautions"]
    )
    panel = window.record_panel
    qtbot.waitUntil(lambda: panel.record_id == merged.id and panel.image_view.canvas.has_image)
    assert panel.image_view.page_count == 2 and panel.image_view.next_page_button.isVisible()
    assert window.record_list.model.rowCount() == 1

    # a field on the back: the view turns to page 2 and outlines its box there
    storage = panel.editor_for("storage")
    assert storage is not None
    storage.text.setFocus()
    qtbot.waitUntil(lambda: panel.image_view.page == 1 and panel.image_view.canvas.box_count == 1)
    # the field running across the pages: its first lines are on page 1, the rest on page 2
    precautions = panel.editor_for("precautions")
    assert precautions is not None
    precautions.text.setFocus()
    qtbot.waitUntil(lambda: panel.image_view.page == 0 and panel.image_view.canvas.box_count >= 1)
    panel.image_view.next_page_button.click()
    qtbot.waitUntil(lambda: panel.image_view.page == 1 and panel.image_view.canvas.box_count >= 1)

    # 拆分 is offered for the merged record and undoes the merge
    assert window.record_list.select(merged.id)
    assert bar.split_action.isEnabled() and not bar.merge_action.isEnabled()
    bar.split_action.trigger()
    assert sorted(r.id for r in store.list_records()) == [front.id, back.id]
    qtbot.waitUntil(lambda: window.record_list.model.rowCount() == 2)

    # both selected: 合并为同一份说明书 makes them one again
    window.record_list.view.selectAll()
    assert bar.merge_action.isEnabled()
    bar.merge_action.trigger()
    (again,) = store.list_records()
    assert [p.source_path for p in again.pages] == [str(p) for p in paths]
