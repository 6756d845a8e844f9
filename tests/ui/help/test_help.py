"""Help: Keyboard Shortcuts from the window's actions, the offline guide, About and licences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

from reader import __version__
from reader.ui.help.about import AboutDialog
from reader.ui.help.guide import GuideDialog, guide_html, guide_path, render_guide
from reader.ui.help.shortcuts import (
    Shortcut,
    ShortcutGroup,
    ShortcutModel,
    ShortcutsDialog,
    plain_text,
    shortcut_groups,
)


def menu_shortcut_actions(window) -> list[QAction]:
    found = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu():
                walk(action.menu())
            elif not action.isSeparator() and not action.shortcut().isEmpty():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def test_every_menu_shortcut_is_listed_by_menu(window):
    dialog = window.help.show_shortcuts()
    groups = {g.title: {s.command: s.keys for s in g.shortcuts} for g in dialog.model.groups}
    listed = [(t, c) for t, items in groups.items() for c in items]
    actions = menu_shortcut_actions(window)
    assert len(actions) >= 20
    for action in actions:
        assert any(c == plain_text(action.text()) for _t, c in listed), action.text()
    assert groups["Edit"]["Undo Review"] == QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    assert groups["View"]["Compare Cases"] == "Ctrl+Shift+C"
    assert groups["File"]["Quit"]
    assert groups["Help"]["Keyboard Shortcuts"] == "Ctrl+/"
    # the keys the comparison grid reads itself
    assert groups["Comparison grid"]["Undo the last review"] == "U"
    assert set(groups["Comparison grid"].values()) == {"A", "R", "M", "U", "Enter"}
    assert dialog.model.count() >= 27
    assert dialog.isVisible()
    dialog.close()


def test_the_shortcut_list_filters(window, qtmodeltester):
    dialog = window.help.show_shortcuts()
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)
    dialog.filter_edit.setText("mention")
    proxy = dialog.proxy
    shown = [
        proxy.index(r, 0, proxy.index(g, 0)).data()
        for g in range(proxy.rowCount())
        for r in range(proxy.rowCount(proxy.index(g, 0)))
    ]
    assert shown == ["Next Mention", "Previous Mention"]
    dialog.filter_edit.setText("ctrl+k")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0, proxy.index(0, 0)).data() == "Search Library"
    dialog.filter_edit.clear()
    assert proxy.rowCount() == len(dialog.model.groups)
    dialog.close()


def test_shortcut_groups_walk_submenus_and_loose_actions(qtbot):
    bar = QMenuBar()
    qtbot.addWidget(bar)
    top = bar.addMenu("&Tools")
    plain = top.addAction("No keys")
    sub = top.addMenu("&More")
    deep = sub.addAction("&Deep && Wide\tX")
    deep.setShortcut(QKeySequence("Ctrl+D"))
    loose = QAction("&Loose", bar)
    loose.setShortcuts([QKeySequence("Alt+L"), QKeySequence("F9")])
    extra = ShortcutGroup("Grid", (Shortcut("Accept", "A"),))
    groups = shortcut_groups(
        bar, [loose, deep], others_title="Window", extra=[extra, ShortcutGroup("Empty", ())]
    )
    assert [g.title for g in groups] == ["Tools", "Window", "Grid"]
    assert groups[0].shortcuts == (Shortcut("Deep & Wide", "Ctrl+D"),)
    assert groups[1].shortcuts == (Shortcut("Loose", "Alt+L, F9"),)
    assert plain.text() == "No keys"
    model = ShortcutModel(groups, ("Command", "Keys"), None)
    assert model.rowCount() == 3
    group = model.index(0, 0)
    assert model.index(0, 1, group).data() == "Ctrl+D"
    assert model.data(group, Qt.ItemDataRole.FontRole).bold()
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Keys"
    dialog = ShortcutsDialog(groups)
    qtbot.addWidget(dialog)
    assert dialog.view.isExpanded(dialog.proxy.index(0, 0))


def test_the_guide_ships_and_loads_nothing(window, qtbot):
    assert guide_path().is_file()
    text = guide_path().read_text(encoding="utf-8")
    assert text.startswith("# Fieldreader guide")
    dialog = window.help.show_guide()
    assert isinstance(dialog, GuideDialog)
    assert dialog.isVisible()
    assert not dialog.isModal()
    shown = dialog.browser.toPlainText()
    assert "Comparing two cases" in shown
    assert "undo the last review" in shown
    assert dialog.browser.refused == []  # nothing was even asked for
    assert window.help.show_guide() is dialog  # asked again: brought forward
    window.apply_theme("dark")
    assert "#dcd8cf" in dialog.browser.document().defaultStyleSheet()
    window.apply_theme("light")
    dialog.close()


def test_the_guide_never_passes_raw_html(tmp_path):
    html = render_guide('# T\n\n<script>alert(1)</script>\n\n<img src="http://x/y.png">\n')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    missing = guide_html(tmp_path / "none.md")
    assert "not included" in missing


def test_about_lists_the_licences(window, qtbot):
    box = window.show_about()
    assert isinstance(box, AboutDialog)
    assert __version__ in box.title_label.text()
    assert str(window.library.path) == box.path_label.text()
    names = [c.name for c in box.model.components]
    assert names[:3] == ["Qt for Python (PySide6) and Qt", "Python", "SQLite"]
    assert "Markdown" in names
    rows = [box.model.index(r).data() for r in range(box.model.rowCount())]
    assert rows[0].startswith("Qt for Python (PySide6) and Qt 6.")
    assert "LGPL-3.0" in rows[0]
    assert any(r.startswith("Markdown ") and "BSD-3-Clause" in r for r in rows)
    # the first is selected: the Qt wheel ships no licence file here, and it says so
    qt = box.model.components[0]
    shown = box.licence_view.toPlainText()
    if qt.text:
        assert shown == qt.text
    else:
        assert "not included" in shown
    markdown_row = names.index("Markdown")
    box.list.setCurrentIndex(box.model.index(markdown_row))
    assert "Copyright" in box.licence_view.toPlainText()
    box.list.setCurrentIndex(box.model.index(names.index("SQLite")))
    assert "public domain" in box.licence_view.toPlainText()
    box.close()
