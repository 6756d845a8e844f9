"""The Help menu's entries: Keyboard Shortcuts, Guide and About, and the dialogs they open.

A :class:`HelpController` is built over the main window (seen only as a ``QMainWindow``
with callables for what it needs: the library's path, the theme, the extra key groups of
the panes; Keyboard Shortcuts adds the library list's row-menu keys to those) and
exposes :attr:`HelpController.actions` for the Help menu. Each dialog is made once, kept
and brought forward when asked again; none blocks the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMainWindow

from reader import __version__

if TYPE_CHECKING:
    from reader.ui.common.theme import Theme
    from reader.ui.help.about import AboutDialog
    from reader.ui.help.guide import GuideDialog
    from reader.ui.help.shortcuts import ShortcutGroup, ShortcutsDialog


class HelpController(QObject):
    """Keyboard Shortcuts (Ctrl+/), Guide (F1) and About, over ``window``."""

    def __init__(
        self,
        window: QMainWindow,
        *,
        library_path: Callable[[], Path],
        theme: Callable[[], Theme],
        extra_keys: Callable[[], Sequence[ShortcutGroup]] = tuple,
        sqlite_version: str = "",
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library_path = library_path
        self.theme = theme
        self.extra_keys = extra_keys
        self.sqlite_version = sqlite_version
        self.shortcuts_dialog: ShortcutsDialog | None = None
        self.guide_dialog: GuideDialog | None = None
        self.about_dialog: AboutDialog | None = None
        self.shortcuts_action = QAction(self.tr("&Keyboard Shortcuts"), self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        self.guide_action = QAction(self.tr("Fieldreader &Guide"), self)
        self.guide_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = QAction(self.tr("&About Fieldreader"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        #: The Help menu's entries, in order (None: a separator).
        self.actions: list[QAction | None] = [
            self.guide_action,
            self.shortcuts_action,
            None,
            self.about_action,
        ]

    def _present(self, dialog: QDialog) -> QDialog:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    @Slot()
    def show_shortcuts(self) -> ShortcutsDialog:
        """The list of every shortcut, made afresh (menus may have changed since)."""
        from reader.ui.help.shortcuts import ShortcutsDialog, row_menu_keys, shortcut_groups

        if self.shortcuts_dialog is not None:
            self.shortcuts_dialog.deleteLater()
        groups = shortcut_groups(
            self.window.menuBar(),
            self.window.actions(),
            others_title=self.tr("Window"),
            extra=[row_menu_keys(), *self.extra_keys()],
        )
        self.shortcuts_dialog = ShortcutsDialog(groups, self.window)
        self._present(self.shortcuts_dialog)
        return self.shortcuts_dialog

    @Slot()
    def show_guide(self) -> GuideDialog:
        from reader.ui.help.guide import GuideDialog

        if self.guide_dialog is None:
            self.guide_dialog = GuideDialog(self.theme(), self.window)
        self._present(self.guide_dialog)
        return self.guide_dialog

    @Slot()
    def show_about(self) -> AboutDialog:
        """The About box, with the library's path as it is now."""
        from reader.services.licences import components
        from reader.ui.help.about import AboutDialog

        if self.about_dialog is not None:
            self.about_dialog.deleteLater()
        self.about_dialog = AboutDialog(
            __version__,
            self.library_path(),
            components(sqlite_version=self.sqlite_version),
            self.window,
        )
        self._present(self.about_dialog)
        return self.about_dialog

    def set_theme(self, theme: Theme) -> None:
        """Follow the window's theme (the guide's page has its own colours)."""
        if self.guide_dialog is not None:
            self.guide_dialog.set_theme(theme)
