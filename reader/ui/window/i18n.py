"""The window's language: which translation is installed, where it comes from, and its menu.

The interface is written in English and translated through Qt's own system: every visible
string goes through ``tr()`` (or ``QCoreApplication.translate`` with a class's name as the
context), the sources of the translations are ``.ts`` files under ``resources/translations/``
and the app loads the compiled ``.qm`` beside them (``fieldreader_fr.qm``), together with Qt's
own translation of its standard dialogs (``qtbase_fr.qm``: the buttons of a message box, the
file dialog), taken from ``resources/translations/`` if shipped there, else from Qt's folder.
``packaging/translations.py`` brings the ``.ts`` up to date with the code and compiles it.

The language is, first found: ``--lang`` on the command line, ``FIELDREADER_LANG``, the
choice saved in Preferences (``[view] language``), then the system locale. English, or a
language with no translation, installs nothing: the source strings are English. Dates and
numbers follow the same language (:meth:`QLocale.setDefault`), so ``QLocale().toString``
writes ``1 500`` in French.

:class:`LanguageController` offers View › Interface Language: the languages shipped, each
in its own name, and "System Language"; a choice is saved and takes effect the next time
Fieldreader starts (it says so).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from reader.resources import resource_path

__all__ = [
    "ENV_VAR",
    "SETTINGS_KEY",
    "LanguageController",
    "apply_language",
    "available_languages",
    "choose_language",
    "install_translators",
    "language_name",
    "translations_dir",
]

ENV_VAR = "FIELDREADER_LANG"
SETTINGS_KEY = "view/language"
SOURCE_LANGUAGE = "en"

translate = QCoreApplication.translate

#: The translators installed on the application (kept alive here; replaced on a new install).
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Where the compiled translations of the interface are shipped."""
    return resource_path("translations")


def available_languages() -> list[str]:
    """The interface's languages: English (the source) and every shipped translation."""
    found = {
        p.stem.removeprefix("fieldreader_") for p in translations_dir().glob("fieldreader_*.qm")
    }
    return [SOURCE_LANGUAGE, *sorted(found - {SOURCE_LANGUAGE})]


def language_name(code: str) -> str:
    """A language in its own words, capitalised: ``Français``, ``English``, ``Українська``."""
    if code == SOURCE_LANGUAGE:
        return "English"
    name = QLocale(code).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else code


def _normalise(code: str | None) -> str | None:
    """``fr_CD.UTF-8`` → ``fr``; empty or ``C``/``POSIX`` → None."""
    if not code:
        return None
    code = code.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return None if code in ("", "c", "posix") else code


def choose_language(
    requested: str | None = None,
    *,
    settings: QSettings | None = None,
    environ: Mapping[str, str] | None = None,
    system: str | None = None,
) -> str:
    """The interface language to use, as a two- or three-letter code."""
    env = os.environ if environ is None else environ
    saved = settings.value(SETTINGS_KEY, "", str) if settings is not None else ""
    locale = system if system is not None else QLocale.system().name()
    for candidate in (requested, env.get(ENV_VAR), saved, locale):
        code = _normalise(str(candidate) if candidate else None)
        if code:
            return code
    return SOURCE_LANGUAGE


def _load(translator: QTranslator, name: str, language: str, folders: Sequence[Path]) -> bool:
    return any(translator.load(f"{name}_{language}", str(folder)) for folder in folders)


def _remove_installed(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the interface's and Qt's translations for ``language`` on ``app`` (in place of
    any installed before), and make it the locale of dates and numbers.

    Returns the installed translators; an empty list for English or a language with no
    translation shipped (then dates and numbers are written the British way, as the text).
    """
    _remove_installed(app)
    ours = QTranslator(app)
    if language == SOURCE_LANGUAGE or not _load(
        ours, "fieldreader", language, [translations_dir()]
    ):
        ours.deleteLater()
        QLocale.setDefault(QLocale("en_GB"))
        return []  # no interface translation: Qt's dialogs stay in English with it
    QLocale.setDefault(QLocale(language))
    qt = QTranslator(app)
    qt_folders = [
        translations_dir(),
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ]
    if _load(qt, "qtbase", language, qt_folders):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)  # installed last, so searched first: our words win
    _installed.append(ours)
    return list(_installed)


def apply_language(
    app: QCoreApplication, settings: QSettings | None = None, requested: str | None = None
) -> str:
    """Choose the language (see :func:`choose_language`) and install it on ``app``; the
    language in use (``en`` when no translation of the chosen one is shipped)."""
    language = choose_language(requested, settings=settings)
    return language if install_translators(app, language) else SOURCE_LANGUAGE


class LanguageController(QObject):
    """View › Interface Language: the shipped languages and the system's, one checked.

    The choice is saved under :data:`SETTINGS_KEY` ("" for the system's) and applies from
    the next start; ``chosen(code)`` says which was picked, and :meth:`notice` is what the
    window tells the user then.

    Signals:
        chosen(code): the user picked a language ("" for the system's).
    """

    chosen = Signal(str)

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        saved = _normalise(str(settings.value(SETTINGS_KEY, "", str))) or ""
        self.language_actions: dict[str, QAction] = {}
        system = QAction(translate("LanguageController", "&System Language"), self)
        entries = [("", system)]
        for code in available_languages():
            entries.append((code, QAction("&" + language_name(code), self)))
        for code, action in entries:
            action.setCheckable(True)
            action.setChecked(code == saved)
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.language_actions[code] = action
        if not any(a.isChecked() for a in self.language_actions.values()):
            system.setChecked(True)  # a saved language no longer shipped: the system's
        self.menu_title = translate("LanguageController", "Interface &Language")
        self.menu_tip = translate(
            "LanguageController", "The language of the window, from the next start"
        )
        #: What the View menu holds: one submenu, built by :meth:`make_menu`.
        self.actions = list(self.language_actions.values())

    def make_menu(self, parent: QWidget) -> QMenu:
        """The Interface Language submenu (for the View menu, or a Preferences button)."""
        menu = QMenu(self.menu_title, parent)
        menu.setObjectName("languageMenu")
        menu.setToolTipsVisible(True)
        menu.menuAction().setToolTip(self.menu_tip)
        menu.menuAction().setStatusTip(self.menu_tip)
        system = self.language_actions[""]
        menu.addAction(system)
        menu.addSeparator()
        for code, action in self.language_actions.items():
            if code:
                menu.addAction(action)
        return menu

    def add_to(self, menu: QMenu, on_notice: Callable[[str], object]) -> QMenu:
        """Append the submenu to ``menu`` (after a separator); what a choice means is said
        through ``on_notice`` (the status bar)."""
        menu.addSeparator()
        submenu = self.make_menu(menu)
        menu.addMenu(submenu)
        self.chosen.connect(lambda code: on_notice(self.notice(code)))
        return submenu

    def current(self) -> str:
        """The saved choice ("" for the system's language)."""
        return _normalise(str(self.settings.value(SETTINGS_KEY, "", str))) or ""

    def choose(self, code: str) -> None:
        """Save ``code`` ("" for the system's language) as the interface language."""
        if code:
            self.settings.setValue(SETTINGS_KEY, code)
        else:
            self.settings.remove(SETTINGS_KEY)
        self.settings.sync()
        action = self.language_actions.get(code)
        if action is not None:
            action.setChecked(True)
        self.chosen.emit(code)

    def notice(self, code: str) -> str:
        """What to tell the user once ``code`` was chosen (the change needs a restart)."""
        if not code:
            return translate(
                "LanguageController",
                "Fieldreader will follow the system\u2019s language the next time it starts.",
            )
        return translate(
            "LanguageController", "Fieldreader will be in {language} the next time it starts."
        ).format(language=language_name(code))
