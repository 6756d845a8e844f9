"""The window's menu bar: File, View, Notes, Library and Help.

:func:`build_menus` makes the window's own entries (Quit, the panes' toggles, Compare Cases,
Reset Layout, search, zoom, the themes, find and the mentions, About), keeps them on the
window as its :class:`~reader.ui.window.main_window.MenuActions` (``window.menu_actions``)
and puts them in the menus with the entries the controllers offer (``imports.actions``,
``sources.actions``, ``transfers.actions``, ``notes.actions``, ``safety.actions``, ...).
What an entry does stays with the pane, the controller or the window it calls.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget

from reader.ui.common.pane_chrome import make_action
from reader.ui.common.theme import THEMES
from reader.ui.window.layouts import set_compare_layout
from reader.ui.window.main_window import MainWindow, MenuActions


def _pane_toggle(dock: QDockWidget, text: str, shortcut: str) -> QAction:
    action = dock.toggleViewAction()
    action.setText(text)
    action.setShortcut(QKeySequence(shortcut))
    return action


def _theme_actions(window: MainWindow) -> tuple[dict[str, QAction], QActionGroup]:
    group = QActionGroup(window)
    themes: dict[str, QAction] = {}
    for name in THEMES:
        action = make_action(window, f"{name.title()} Theme")
        action.setCheckable(True)
        action.setData(name)
        action.triggered.connect(lambda _checked=False, n=name: window.apply_theme(n))
        group.addAction(action)
        themes[name] = action
    return themes, group


def window_actions(window: MainWindow) -> MenuActions:
    """The window's own menu entries, connected to what they do."""
    std = QKeySequence.StandardKey
    reader = window.reader
    themes, theme_group = _theme_actions(window)
    actions = MenuActions(
        quit=make_action(window, "&Quit", window.close, std.Quit),
        library_pane=_pane_toggle(window.library_dock, "&Library Pane", "Ctrl+Shift+L"),
        entities_pane=_pane_toggle(window.entity_dock, "&Entities Pane", "Ctrl+Shift+E"),
        notes_pane=_pane_toggle(window.notes_dock, "N&otes Pane", "Ctrl+Shift+J"),
        compare=make_action(
            window,
            "&Compare Cases",
            lambda checked=False: set_compare_layout(window, checked),
            "Ctrl+Shift+C",
        ),
        reset_layout=make_action(window, "&Reset Layout", lambda: window.reset_layout()),
        search=make_action(window, "&Search Library", window.search_library, "Ctrl+K"),
        zoom_in=make_action(window, "Zoom &In", reader.zoom_in, "Ctrl+=", std.ZoomIn),
        zoom_out=make_action(window, "Zoom &Out", reader.zoom_out, std.ZoomOut),
        zoom_reset=make_action(window, "&Actual Size", reader.zoom_reset, "Ctrl+0"),
        themes=themes,
        theme_group=theme_group,
        find=make_action(window, "&Find in Article\u2026", reader.open_find, std.Find),
        next_mention=make_action(window, "&Next Mention", reader.next_mention, "F3"),
        previous_mention=make_action(
            window, "&Previous Mention", reader.previous_mention, "Shift+F3"
        ),
        colour_mentions=make_action(
            window, "&Colour Mentions by Type", reader.set_colour_by_type, checkable=True
        ),
        about=make_action(window, "&About Fieldreader", window.show_about),
    )
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    actions.compare.setCheckable(True)
    window.compare_dock.visibilityChanged.connect(actions.compare.setChecked)
    return actions


def build_menus(window: MainWindow) -> MenuActions:
    """Fill the window's menu bar (its panes and controllers must be attached already) and
    keep its own entries as ``window.menu_actions``."""
    actions = window.menu_actions = window_actions(window)
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([*window.imports.actions, *window.sources.actions])
    file_menu.addSeparator()
    file_menu.addActions([window.imports.samples_action, window.entities.reextract_action])
    file_menu.addSeparator()
    file_menu.addActions(window.transfers.actions)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    view = bar.addMenu("&View")
    view.addActions([actions.library_pane, actions.entities_pane, actions.notes_pane])
    view.addActions([actions.compare, actions.search])
    view.addAction(actions.reset_layout)
    view.addSeparator()
    view.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_reset])
    view.addSeparator()
    view.addActions(list(actions.themes.values()))
    view.addSeparator()
    view.addAction(actions.find)
    view.addSeparator()
    view.addActions([actions.next_mention, actions.previous_mention, actions.colour_mentions])

    bar.addMenu("&Notes").addActions(window.notes.actions)

    library_menu = bar.addMenu("&Library")
    for action in window.safety.actions:
        if action is None:
            library_menu.addSeparator()
        else:
            library_menu.addAction(action)

    bar.addMenu("&Help").addAction(actions.about)
    return actions
