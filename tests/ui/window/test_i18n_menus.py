"""The window in French: menus translated, each menu's access keys still unique."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from reader.ui.window.i18n import translations_dir

MNEMONIC = re.compile(r"&([^&])")


def access_key(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def french_texts() -> set[str]:
    """Every French translation the catalogue holds."""
    root = ET.parse(translations_dir() / "fieldreader_fr.ts").getroot()
    return {"".join(t.itertext()) for t in root.iter("translation")}


def clashes(actions: list[QAction], only: set[str] | None = None) -> list[str]:
    """The entries of one menu whose access key another entry of it has already (among the
    texts ``only``, if given: an entry still in English is the catalogue test's concern)."""
    seen: dict[str, str] = {}
    found = []
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        if only is not None and action.text() not in only:
            continue
        key = access_key(action.text())
        if key is None:
            continue
        if key in seen:
            found.append(f"{action.text()!r} and {seen[key]!r}")
        seen.setdefault(key, action.text())
    return found


def menus(menu: QMenu) -> Iterator[QMenu]:
    yield menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from menus(action.menu())


def test_the_menu_bar_is_french_with_unique_access_keys(french, window):
    bar = window.menuBar()
    titles = [a.text() for a in bar.actions()]
    assert titles[:2] == ["&Fichier", "É&dition"]
    assert "&Bibliothèque" in titles
    french = french_texts()
    assert clashes(bar.actions(), french) == []
    for top in bar.actions():
        for menu in menus(top.menu()):
            assert clashes(menu.actions(), french) == [], menu.title()


def test_my_controllers_entries_are_french(french, window):
    texts = {a.text() for a in window.safety.actions if a is not None}
    assert "&Vérifier la bibliothèque…" in texts
    assert window.transfers.export_library_action.text() == "Ex&porter la bibliothèque…"
    assert window.imports.import_files_action.text() == "&Importer des fichiers…"
    assert window.entities.reextract_action.text() == "Réextraire les en&tités"
    assert window.ctx.progress.cancel_button.text() == "Annuler"


def test_the_check_finds_a_clash(qapp: QApplication):
    menu = QMenu()
    for text in ("&Ouvrir", "Ré&duire", "&Ordonner", "Sans touche"):
        menu.addAction(text)
    assert clashes(menu.actions()) == ["'&Ordonner' and '&Ouvrir'"]
    assert clashes(menu.actions(), {"&Ouvrir", "Ré&duire"}) == []
