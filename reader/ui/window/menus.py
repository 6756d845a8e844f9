"""The window's menu bar: File, Edit, View, Notes, Library and Help.

:func:`build_menus` makes the window's own entries (Quit, the panes' toggles, Compare Cases,
Reset Layout, search, zoom, the themes, find and the mentions), keeps them on the window
as its :class:`~reader.ui.window.main_window.MenuActions` (``window.menu_actions``), makes
the window's :class:`~reader.ui.help.controller.HelpController` (``window.help``: Guide,
Keyboard Shortcuts, About) and puts them in the menus with the entries the controllers
offer (``imports.actions``, ``sources.actions``, ``transfers.actions``, the comparison's
undo and redo of its review (stand-ins until the comparison is built on first use, then its
controller's own: :mod:`reader.ui.window.on_demand`), ``notes.actions``, ``safety.actions``,
...).
What an entry does stays with the pane, the controller or the window it calls.

:func:`menu_plan` says which entries go in which menu, as sections (a separator between
two): a new controller's ``.actions`` is one more section in the list of its menu.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from reader.ui.common.pane_chrome import make_action
from reader.ui.common.theme import THEMES, theme_named
from reader.ui.help.controller import HelpController
from reader.ui.window.layouts import compare_dock_closed, library_pane_shown, set_compare_layout
from reader.ui.window.main_window import MainWindow, MenuActions

if TYPE_CHECKING:  # Help › Keyboard Shortcuts reads them when it is opened
    from reader.ui.help.shortcuts import ShortcutGroup

CONTEXT = "Menus"
#: A menu's entries: sections of actions (None inside one is a separator too).
Section = Sequence[QAction | None]


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _pane_toggle(dock: QDockWidget, text: str, shortcut: str) -> QAction:
    action = dock.toggleViewAction()
    action.setText(text)
    action.setShortcut(QKeySequence(shortcut))
    return action


THEME_NAMES = {
    "light": QT_TRANSLATE_NOOP("Menus", "&Light Theme"),
    "dark": QT_TRANSLATE_NOOP("Menus", "&Dark Theme"),
}


def _theme_actions(window: MainWindow) -> tuple[dict[str, QAction], QActionGroup]:
    group = QActionGroup(window)
    themes: dict[str, QAction] = {}
    for name in THEMES:
        action = make_action(window, _tr(THEME_NAMES.get(name, f"{name.title()} Theme")))
        action.setCheckable(True)
        action.setData(name)
        action.triggered.connect(lambda _checked=False, n=name: window.apply_theme(n))
        group.addAction(action)
        themes[name] = action
    return themes, group


def pane_keys() -> list[ShortcutGroup]:
    """The keys panes read themselves (not menu entries), for Help › Keyboard Shortcuts."""
    from reader.ui.compare.tree import review_keys  # the grid's keys: read when asked for
    from reader.ui.help.shortcuts import Shortcut, ShortcutGroup

    return [
        ShortcutGroup(
            _tr("Comparison grid"), tuple(Shortcut(text, key) for key, text in review_keys())
        )
    ]


def quit_keys() -> list[QKeySequence]:
    """The platform's Quit keys (not the multimedia Exit key some list, which no keyboard
    of ours has and which Help would show as a key), else Ctrl+Q (a platform that names
    none, as offscreen)."""
    keys = [
        k
        for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        if k.count() and k[0].key() != Qt.Key.Key_Exit
    ]
    return keys or [QKeySequence("Ctrl+Q")]


def window_actions(window: MainWindow) -> MenuActions:
    """The window's own menu entries, connected to what they do."""
    std = QKeySequence.StandardKey
    reader = window.reader
    themes, theme_group = _theme_actions(window)
    window.help = HelpController(
        window,
        library_path=lambda: window.library.path,
        theme=lambda: theme_named(window.theme_name),
        extra_keys=pane_keys,
    )
    actions = MenuActions(
        quit=make_action(window, _tr("&Quit"), window.close, *quit_keys()),
        library_pane=_pane_toggle(window.library_dock, _tr("&Library Pane"), "Ctrl+Shift+L"),
        entities_pane=_pane_toggle(window.entity_dock, _tr("&Entities Pane"), "Ctrl+Shift+E"),
        notes_pane=_pane_toggle(window.notes_dock, _tr("N&otes Pane"), "Ctrl+Shift+J"),
        compare=make_action(
            window,
            _tr("&Compare Cases"),
            lambda checked=False: set_compare_layout(window, checked),
            "Ctrl+Shift+C",
        ),
        reset_layout=make_action(window, _tr("&Reset Layout"), lambda: window.reset_layout()),
        search=make_action(window, _tr("&Search Library"), window.search_library, "Ctrl+K"),
        zoom_in=make_action(window, _tr("Zoom &In"), reader.zoom_in, "Ctrl+=", std.ZoomIn),
        zoom_out=make_action(window, _tr("Zoom &Out"), reader.zoom_out, std.ZoomOut),
        zoom_reset=make_action(window, _tr("&Actual Size"), reader.zoom_reset, "Ctrl+0"),
        themes=themes,
        theme_group=theme_group,
        find=make_action(window, _tr("&Find in Article\u2026"), reader.open_find, std.Find),
        next_mention=make_action(window, _tr("&Next Mention"), reader.next_mention, "F3"),
        previous_mention=make_action(
            window, _tr("&Previous Mention"), reader.previous_mention, "Shift+F3"
        ),
        colour_mentions=make_action(
            window, _tr("&Colour Mentions by Type"), reader.set_colour_by_type, checkable=True
        ),
        about=window.help.about_action,
        guide=window.help.guide_action,
        shortcuts=window.help.shortcuts_action,
    )
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.compare.setCheckable(True)
    window.compare_dock.visibilityChanged.connect(actions.compare.setChecked)
    window.compare_dock.visibilityChanged.connect(
        lambda visible: compare_dock_closed(window, visible)
    )
    actions.library_pane.triggered.connect(lambda checked: library_pane_shown(window, checked))
    return actions


#: Where the View menu is in :func:`menu_plan` (File, Edit, View, ...).
EDIT_MENU, VIEW_MENU = 1, 2


def menu_plan(window: MainWindow, actions: MenuActions) -> list[tuple[str, list[Section]]]:
    """Every menu's title and sections, in menu-bar order."""
    return [
        (
            _tr("&File"),
            [
                [*window.imports.actions, *window.sources.actions],
                [window.imports.samples_action, window.entities.reextract_action],
                window.transfers.actions,
                window.packs.actions[:5],
                window.packs.actions[5:],
                [actions.quit],
            ],
        ),
        (_tr("&Edit"), [window.on_demand_compare.actions]),
        (
            _tr("&View"),
            [
                [
                    actions.library_pane,
                    actions.entities_pane,
                    actions.notes_pane,
                    actions.compare,
                    actions.search,
                    actions.reset_layout,
                ],
                [actions.zoom_in, actions.zoom_out, actions.zoom_reset],
                list(actions.themes.values()),
                [actions.find],
                [actions.next_mention, actions.previous_mention, actions.colour_mentions],
            ],
        ),
        (_tr("&Notes"), [window.notes.actions]),
        (_tr("&Library"), [window.manage.actions, window.safety.actions, window.privacy.actions]),
        (_tr("&Help"), [window.help.actions]),
    ]


def add_sections(menu: QMenu, sections: Iterable[Section]) -> None:
    """Fill ``menu`` with ``sections``: a separator between two, and for each ``None``;
    never one first, last or twice in a row."""
    pending = False
    for section in sections:
        for entry in section:
            if entry is None:
                pending = True
                continue
            if pending and menu.actions():
                menu.addSeparator()
            pending = False
            menu.addAction(entry)
        pending = True


def build_menus(window: MainWindow) -> MenuActions:
    """Fill the window's menu bar (its panes and controllers must be attached already) and
    keep its own entries as ``window.menu_actions``."""
    actions = window.menu_actions = window_actions(window)
    bar = window.menuBar()
    menus = []
    for title, sections in menu_plan(window, actions):
        menus.append(bar.addMenu(title))
        add_sections(menus[-1], sections)
    window.view_menu = menus[VIEW_MENU]
    compare, edit_menu = window.on_demand_compare, menus[EDIT_MENU]
    if compare.is_built:
        compare.swap_into(edit_menu)
    else:  # the comparison's own entries replace the stand-ins once it is built
        compare.built.connect(lambda: compare.swap_into(edit_menu))
    return actions
