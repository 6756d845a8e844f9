"""The main window: composition, search to reader, imports with summaries, themes, layout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from helpers.samples import SAMPLE_COUNT, count_tagged
from helpers.ui_fixtures import search_library
from reader.app import build_main_window
from reader.ui.common.preferences import Preferences
from reader.ui.common.roles import ARTICLE_ID_ROLE
from reader.ui.common.theme import DARK, LIGHT
from reader.ui.library.pane import RESULTS_PAGE, TABLE_PAGE
from reader.ui.tasks.operations import ImportSummary
from reader.ui.tasks.runner import TaskRunner
from reader.ui.tasks.summary_dialog import show_import_summary


def make_inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "harvest.txt").write_text(
        "Cassava harvest improves in Ituri\n\nFarmers in Ituri province reported a better "
        "cassava harvest this season, despite insecurity on the main roads.\n",
        encoding="utf-8",
    )
    (folder / "grain.md").write_text(
        "---\ntitle: Grain corridor reopens\ntags: [ukraine]\n---\n\nShips left Odesa "
        "carrying grain for the first time in weeks, port officials said.\n",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02\x03binary\x00\xff" * 20)
    return folder


def test_window_composes_panes(window, sampled):
    assert window.library_dock.objectName() == "libraryDock"
    assert window.centralWidget() is window.reader
    assert window.library_pane.table_model.rowCount() == SAMPLE_COUNT
    assert window.count_label.text() == f"{SAMPLE_COUNT} articles"
    assert window.reader.article_id == sampled.most_recent_id()
    assert window.windowTitle().endswith("— Fieldreader")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Notes", "&Library", "&Help"]
    always = ("&File", "&View", "&Notes", "&Help")  # the Library menu's depend on the file
    assert all(
        a.isEnabled()
        for m in window.menuBar().actions()
        if m.text() in always
        for a in m.menu().actions()
    )
    assert not any(a.isEnabled() for a in window.compare.actions)  # until a review is done


def test_selecting_a_row_opens_the_article(window, sampled, qtbot):
    table = window.library_pane.table
    index = window.library_pane.table_model.index(3, 0)
    table.setCurrentIndex(index)
    article = sampled.get(index.data(ARTICLE_ID_ROLE))
    assert window.reader.article_id == article.id
    assert window.reader.browser.toPlainText().startswith(article.title)
    assert window.windowTitle() == f"{article.title} — Fieldreader"


def test_tag_filter_narrows_the_table(window):
    pane = window.library_pane
    pane.tag_combo.setCurrentIndex(pane.tag_model.row_of("drc"))
    drc = count_tagged("drc")
    assert pane.table_model.rowCount() == drc
    assert window.count_label.text() == f"{drc} of {SAMPLE_COUNT} articles"


def test_search_shows_results_and_opens_one(window, sampled, qtbot):
    pane = window.library_pane
    window.menu_actions.search.trigger()
    qtbot.keyClicks(pane.search_edit, "cobalt")
    qtbot.waitUntil(lambda: pane.stack.currentIndex() == RESULTS_PAGE, timeout=3000)
    assert pane.results_model.rowCount() >= 2
    assert pane.results_label.text().endswith("for “cobalt”")
    first = pane.results_model.index(0, 0)
    QTest.keyClick(pane.search_edit, Qt.Key.Key_Return)
    article = sampled.get(first.data(ARTICLE_ID_ROLE))
    assert window.reader.article_id == article.id
    assert window.reader.browser.toPlainText().startswith(article.title)
    # a click on another result opens that one
    second = pane.results_model.index(1, 0)
    rect = pane.results.visualRect(second)
    QTest.mouseClick(pane.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.reader.article_id == second.data(ARTICLE_ID_ROLE)
    QTest.keyClick(pane.search_edit, Qt.Key.Key_Escape)
    assert pane.search_edit.text() == ""
    assert pane.stack.currentIndex() == TABLE_PAGE


def test_search_results_are_drawn(window, qtbot):
    pane = window.library_pane
    search_library(window, qtbot, "minerals")
    image = pane.results.viewport().grab().toImage()
    assert image.width() > 100
    hint = pane.results.sizeHintForRow(0)
    assert hint > pane.fontMetrics().height() * 2  # title plus snippet lines


def test_find_action_opens_the_find_bar(window, qtbot):
    window.menu_actions.find.trigger()
    assert window.reader.find_bar.isVisible()
    qtbot.keyClicks(window.reader.find_bar.edit, "minerals")
    assert window.reader.find_bar.matches


def test_zoom_actions(window):
    size = window.reader.font_size
    window.menu_actions.zoom_in.trigger()
    assert window.reader.font_size == size + 1
    window.menu_actions.zoom_out.trigger()
    window.menu_actions.zoom_out.trigger()
    assert window.reader.font_size == size - 1
    window.menu_actions.zoom_reset.trigger()
    assert window.reader.font_size == size
    assert any(s.matches("Ctrl+=") for s in window.menu_actions.zoom_in.shortcuts())


def test_theme_switch_changes_palette_and_is_remembered(window, settings):
    window.menu_actions.themes["dark"].trigger()
    assert window.theme_name == "dark"
    assert QApplication.palette().base().color().name() == DARK.base
    assert Preferences(settings).theme == "dark"
    assert DARK.window in window.styleSheet()
    window.menu_actions.themes["light"].trigger()
    assert QApplication.palette().base().color().name() == LIGHT.base
    assert Preferences(settings).theme == "light"


def test_import_folder_grows_the_library_and_reports_failures(
    window,
    summaries,
    tmp_path,
    qtbot,
):

    folder = make_inputs(tmp_path / "inputs")
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as blocker:
        task = window.imports.import_paths([folder])
        assert window.progress.isVisible()
        assert task.writes_library
    summary: ImportSummary = blocker.args[0]
    assert summaries == [summary]
    assert len(summary.added) == 2
    assert len(summary.failed) == 1
    assert summary.failed[0].path.endswith("broken.txt")
    assert "binary" in summary.failure_lines()[0]
    assert summary.headline() == "Added 2 articles · 1 failed"
    assert window.library_pane.table_model.rowCount() == SAMPLE_COUNT + 2
    assert window.count_label.text() == f"{SAMPLE_COUNT + 2} articles"
    assert not window.progress.isVisible()
    # the tag filter learned the new counts
    tags = window.library_pane.tag_model
    ukraine = count_tagged("ukraine") + 1
    assert tags.index(tags.row_of("ukraine"), 0).data() == f"ukraine  ({ukraine})"
    # again: everything is a duplicate now
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as blocker:
        window.imports.import_paths([folder])
    assert len(blocker.args[0].duplicates) == 2
    assert window.library_pane.table_model.rowCount() == SAMPLE_COUNT + 2


def test_summary_dialog_does_not_block(window, tmp_path, qtbot):
    folder = make_inputs(tmp_path / "inputs")
    window.imports.present_summary = lambda summary: show_import_summary(window, summary)
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000):
        window.imports.import_paths([folder])
    box = window.findChild(QMessageBox, "importSummary")
    assert box is not None
    assert box.isVisible()
    assert box.text() == "Added 2 articles · 1 failed"
    assert "broken.txt" in box.informativeText()
    assert "broken.txt" in box.detailedText()
    box.close()


def test_dropping_files_imports_them(window, summaries, tmp_path, qtbot):
    folder = make_inputs(tmp_path / "dropped")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder / "harvest.txt"))])
    event = QDropEvent(
        QPointF(QPoint(600, 400)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000) as blocker:
        window.dropEvent(event)
    assert len(blocker.args[0].added) == 1
    assert window.library_pane.table_model.rowCount() == SAMPLE_COUNT + 1


def test_load_sample_articles_again_reports_duplicates(window, summaries, qtbot):
    with qtbot.waitSignal(window.imports.import_finished, timeout=10_000):
        window.imports.samples_action.trigger()
    assert len(summaries[0].duplicates) == SAMPLE_COUNT
    assert not summaries[0].added


def test_reading_position_saved_through_the_window(window, sampled, qtbot):
    article_id = window.reader.article_id
    bar = window.reader.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.close()
    assert sampled.get(article_id).reading_position == 1.0


def test_layout_is_saved_and_restored(sampled, library_path, settings, qtbot):
    tasks = TaskRunner()
    first = build_main_window(sampled, library_path, settings=settings, tasks=tasks)
    qtbot.addWidget(first)
    first.resize(760, 560)  # above the docks' minimum (about 720), within the 800 x 600 screen
    first.show()
    first.library_dock.hide()
    first.close()
    second = build_main_window(sampled, library_path, settings=settings, tasks=tasks)
    qtbot.addWidget(second)
    second.restore_layout()
    second.show()
    assert second.size().width() == 760
    assert not second.library_dock.isVisible()
    tasks.shutdown()


def test_empty_library_loads_samples_and_says_so(library, library_path, settings, qtbot):
    tasks = TaskRunner()
    win = build_main_window(library, library_path, settings=settings, tasks=tasks)
    qtbot.addWidget(win)
    win.show()
    assert "Nothing open" in win.reader.browser.toPlainText()
    task = win.imports.load_samples_if_empty()
    assert task is not None
    rows = win.library_pane.table_model.rowCount
    qtbot.waitUntil(lambda: rows() == SAMPLE_COUNT, timeout=10_000)
    assert f"Loaded {SAMPLE_COUNT} sample articles" in win.statusBar().currentMessage()
    assert win.reader.article_id == library.most_recent_id()
    assert win.imports.load_samples_if_empty() is None
    tasks.shutdown()


def test_about_box_shows_the_version(window):
    from reader import __version__
    from reader.ui.help.about import AboutDialog

    window.menu_actions.about.trigger()
    box = window.findChild(AboutDialog, "aboutBox")
    assert box is not None
    assert box.isVisible()
    assert __version__ in box.title_label.text()
    assert str(window.library.path) in box.path_label.text()
    box.close()


def test_header_click_sorts_and_tags_column_does_not(window, qtbot):
    pane = window.library_pane
    header = pane.table.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=header.rect().topLeft() + QPoint(header.sectionPosition(0) + 20, 10),
    )
    titles = [pane.table_model.index(r, 0).data() for r in range(SAMPLE_COUNT)]
    assert titles in (sorted(titles, key=str.casefold), sorted(titles, key=str.casefold)[::-1])
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionPosition(3) + 10, 10),
    )
    assert header.sortIndicatorSection() == 0
    assert [pane.table_model.index(r, 0).data() for r in range(SAMPLE_COUNT)] == titles


def test_escape_in_the_article_closes_find(window, qtbot):
    window.menu_actions.find.trigger()
    qtbot.keyClicks(window.reader.find_bar.edit, "the")
    QTest.keyClick(window.reader.browser, Qt.Key.Key_Escape)
    assert not window.reader.find_bar.isVisible()
