"""The window's menu bar: File, View, Notes, Library and Help.

:func:`build_menus` makes the window's own actions (imports, the sample articles,
re-extraction, Quit, the panes' toggles, Compare Cases, search, zoom, the themes, find and
the mentions, About), keeps each as an attribute of the window (``window.zoom_in_action``,
``window.theme_actions`` by name and so on) and puts them in the menus, with the entries
the controllers offer (``sources.actions``, ``transfers.actions``, ``note_actions.actions``,
``safety.actions``). What the actions do stays with the window and its controllers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from reader.ui.compare.controller import set_compare_layout
from reader.ui.common.theme import THEMES

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def _action(
    window: MainWindow, text: str, slot: Callable[[], object], *shortcuts: QKeySequence | str
) -> QAction:
    action = QAction(text, window)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(slot)
    return action


def build_menus(window: MainWindow) -> None:
    """Fill the window's menu bar (its panes and controllers must exist already)."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    std = QKeySequence.StandardKey
    window.import_files_action = _action(
        window, "&Import Files\u2026", window.on_import_files, std.Open
    )
    window.import_folder_action = _action(
        window, "Import &Folder\u2026", window.on_import_folder, "Ctrl+Shift+O"
    )
    window.samples_action = _action(window, "Load &Sample Articles", window.on_load_samples)
    window.reextract_action = _action(
        window, "Re-extract &Entities", window.entity_actions.reextract_all
    )
    window.quit_action = _action(window, "&Quit", window.close, std.Quit)
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    file_menu.addActions([window.import_files_action, window.import_folder_action])
    file_menu.addActions(window.sources.actions)
    file_menu.addSeparator()
    file_menu.addAction(window.samples_action)
    file_menu.addAction(window.reextract_action)
    file_menu.addSeparator()
    file_menu.addActions(window.transfers.actions)
    file_menu.addSeparator()
    file_menu.addAction(window.quit_action)

    view = bar.addMenu("&View")
    window.library_action = window.library_dock.toggleViewAction()
    window.library_action.setText("&Library Pane")
    window.library_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
    view.addAction(window.library_action)
    window.entities_action = window.entity_dock.toggleViewAction()
    window.entities_action.setText("&Entities Pane")
    window.entities_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
    view.addAction(window.entities_action)
    window.notes_action = window.notes_dock.toggleViewAction()
    window.notes_action.setText("N&otes Pane")
    window.notes_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
    view.addAction(window.notes_action)
    window.compare_action = _action(
        window,
        "&Compare Cases",
        lambda checked=False: set_compare_layout(window, checked),
        "Ctrl+Shift+C",
    )
    window.compare_action.setCheckable(True)
    window.compare_dock.visibilityChanged.connect(window.compare_action.setChecked)
    view.addAction(window.compare_action)
    window.search_action = _action(window, "&Search Library", window.on_search_library, "Ctrl+K")
    view.addAction(window.search_action)
    view.addSeparator()
    window.zoom_in_action = _action(window, "Zoom &In", window.reader.zoom_in, "Ctrl+=", std.ZoomIn)
    window.zoom_out_action = _action(window, "Zoom &Out", window.reader.zoom_out, std.ZoomOut)
    window.zoom_reset_action = _action(window, "&Actual Size", window.reader.zoom_reset, "Ctrl+0")
    view.addActions([window.zoom_in_action, window.zoom_out_action, window.zoom_reset_action])
    view.addSeparator()
    window.theme_group = QActionGroup(window)
    window.theme_actions: dict[str, QAction] = {}
    for name in THEMES:
        action = QAction(f"{name.title()} Theme", window, checkable=True)
        action.setData(name)
        action.triggered.connect(lambda _checked=False, n=name: window.apply_theme(n))
        window.theme_group.addAction(action)
        window.theme_actions[name] = action
        view.addAction(action)
    view.addSeparator()
    window.find_action = _action(
        window, "&Find in Article\u2026", window.reader.open_find, std.Find
    )
    view.addAction(window.find_action)
    window.next_mention_action = _action(window, "&Next Mention", window.reader.next_mention, "F3")
    window.previous_mention_action = _action(
        window, "&Previous Mention", window.reader.previous_mention, "Shift+F3"
    )
    window.colour_mentions_action = QAction("&Colour Mentions by Type", window, checkable=True)
    window.colour_mentions_action.toggled.connect(window.reader.set_colour_by_type)
    view.addSeparator()
    view.addActions([window.next_mention_action, window.previous_mention_action])
    view.addAction(window.colour_mentions_action)

    bar.addMenu("&Notes").addActions(window.note_actions.actions)

    library_menu = bar.addMenu("&Library")
    for action in window.safety.actions:
        if action is None:
            library_menu.addSeparator()
        else:
            library_menu.addAction(action)

    help_menu = bar.addMenu("&Help")
    window.about_action = _action(window, "&About Fieldreader", window.on_about)
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)
    help_menu.addAction(window.about_action)
