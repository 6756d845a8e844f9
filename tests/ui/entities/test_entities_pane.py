"""The entity sidebar: models, the text map, highlights, F3, corrections as tasks, navigation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QTextBrowser

from helpers.samples import SAMPLE_COUNT
from reader.app import run_gui
from reader.library.draft import Block, Draft, join_blocks
from reader.services.importing import import_paths
from reader.ui.common.colours import TYPE_LABELS
from reader.ui.common.theme import LIGHT
from reader.ui.entities.models import (
    ENTITY_ID_ROLE,
    ENTITY_TYPE_ROLE,
    EntityTreeModel,
    MentioningArticlesModel,
)
from reader.ui.entities.pane import NO_ENTITIES, EntityPane
from reader.ui.reader.article_html import article_html
from reader.ui.reader.text_map import TextMap, rendered_ranges
from reader.ui.tasks.bus import Area

GOMA = """Rebels press on Goma as cobalt talks go on

The M23 rebels advanced towards Goma on Tuesday, while traders said cobalt prices held \
steady. Donald Trump said a $500bn minerals deal was close.

In Goma, aid workers said M23 fighters controlled the main road north. Trump told reporters \
that the cobalt deal would go ahead.
"""
BUKAVU = """Traders count the cost of the fighting

Shops in Bukavu stayed shut as M23 fighters moved south, residents said. Cobalt exports slowed.
"""
QUIET = """a quiet note

nothing much happened here today, and nobody went anywhere at all.
"""
TASK_MS = 15_000


class Answers:
    """Stands in for the pane's dialogs: answers at once and remembers what was asked."""

    def __init__(self, name: str | None = None, target: str | None = None) -> None:
        self.name, self.target = name, target
        self.asked: list[tuple[str, object]] = []

    def ask_new_name(self, parent, name: str) -> str | None:
        self.asked.append(("name", name))
        return self.name

    def ask_merge_target(self, parent, name: str, candidates: list[str]) -> str | None:
        self.asked.append(("merge", candidates))
        return self.target


def import_text(library, folder: Path, name: str, text: str) -> int:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    (result,) = import_paths(library, [path])
    assert result.status == "added", result.error
    return int(result.id)


@pytest.fixture
def goma(sampled, tmp_path) -> int:
    return import_text(sampled, tmp_path / "in", "goma.txt", GOMA)


@pytest.fixture
def bukavu(sampled, tmp_path) -> int:
    return import_text(sampled, tmp_path / "in", "bukavu.txt", BUKAVU)


def tree_names(model: EntityTreeModel) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for g in range(model.rowCount()):
        group = model.index(g, 0)
        out[group.data()] = [model.index(r, 0, group).data() for r in range(model.rowCount(group))]
    return out


def click(view, index: QModelIndex) -> None:
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def entity_selections(window) -> list[tuple[int, int]]:
    return [
        (s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in window.reader.browser._layers.get("entity", [])
    ]


# -- the text map ------------------------------------------------------------------------
def rendered(article) -> QTextDocument:
    browser = QTextBrowser()
    browser.setHtml(article_html(article, LIGHT))
    document = browser.document()
    document.setParent(None)
    return document


def mapped_text(document: QTextDocument, span: tuple[int, int]) -> str:
    raw = document.toRawText()
    return raw[span[0] : span[1]].replace("\u2028", "\n").replace("\u2029", "\n")


def test_text_map_round_trips_every_block(sampled, qapp):
    text, blocks = join_blocks(
        [
            ("h2", "A heading  with two spaces"),
            ("p", "Line one\nline two &amp; <b>not bold</b>"),
            ("li", "First point"),
            ("li", "Second point"),
            ("pre", "code  line\n    indented"),
            ("blockquote", "A quote"),
            ("p", "Tabs\there and  double   spaces."),
        ]
    )
    odd = sampled.add_article(Draft(title="Odd", text=text, blocks=blocks, tags=["x"]))
    flat = sampled.add_article(Draft(title="Flat", text="First para.\n\n  Second para.  "))
    checked = 0
    for article_id in [*sampled.article_ids(), odd, flat]:
        article = sampled.get(article_id)
        document = rendered(article)
        text_map = TextMap.build(article, document)
        for start, end in rendered_ranges(article):
            piece = article.text[start:end].strip()
            lead = len(article.text[start:end]) - len(article.text[start:end].lstrip())
            span = text_map.range_to_document(start + lead, start + lead + len(piece))
            assert span is not None
            shown = mapped_text(document, span)
            if "  " in piece or "\t" in piece:  # collapsed in a paragraph
                assert shown.split() == piece.split()
            else:
                assert shown == piece
            back = text_map.range_to_text(*span)
            assert back == (start + lead, start + lead + len(piece))
            for offset in range(start + lead, start + lead + len(piece)):
                position = text_map.to_document(offset)
                if position is not None:
                    assert text_map.to_text(position) == offset
            checked += 1
    assert checked > 20
    assert text_map.to_document(-5) is None
    assert text_map.range_to_document(3, 3) is None


def test_text_map_maps_mentions_onto_their_surface(sampled, goma, qapp):
    article = sampled.get(goma)
    document = rendered(article)
    text_map = TextMap.build(article, document)
    for info in sampled.article_entities(goma):
        for start, end in info.mentions:
            span = text_map.range_to_document(start, end)
            assert span is not None
            assert mapped_text(document, span) == article.text[start:end]


def test_text_map_of_blocks_it_cannot_find(qapp):
    from reader.library.records import Article

    article = Article(
        id=1, uid="u", title="T", byline=None, source=None, url=None, published=None,
        imported="2025-01-01", language=None, format="txt", text="hello world", sha256="",
        reading_position=0.0, blocks=(Block("p", 0, 11),),
    )  # fmt: skip
    document = QTextDocument()
    document.setPlainText("something else entirely")
    assert TextMap.build(article, document).segments == []


# -- the models --------------------------------------------------------------------------
def test_entity_tree_model_passes_modeltester(sampled, goma, qtmodeltester):
    model = EntityTreeModel(sampled)
    qtmodeltester.check(model)  # empty
    model.load(goma)
    qtmodeltester.check(model)
    names = tree_names(model)
    assert names["Person"] == ["Donald Trump"]
    assert names["Armed group"] == ["M23"]
    assert names["Place"] == ["Goma"]
    assert names["Commodity"] == ["cobalt"]
    assert names["Figure"] == ["$500bn"]
    assert list(names) == [TYPE_LABELS[t] for t in TYPE_LABELS if TYPE_LABELS[t] in names]
    group = model.index(list(names).index("Armed group"), 0)
    m23 = model.index(0, 0, group)
    assert model.index(0, 1, group).data() == "2"
    assert m23.data(ENTITY_TYPE_ROLE) == "armed_group"
    assert not (model.flags(group) & Qt.ItemFlag.ItemIsSelectable)
    assert "2 mentions in this article" in m23.data(Qt.ItemDataRole.ToolTipRole)
    trump = model.find_name("trump")  # an alias
    assert trump == model.find_name("Donald Trump")
    assert len(model.mentions_of(trump)) == 2
    model.set_filter("GOM")
    qtmodeltester.check(model)
    assert tree_names(model) == {"Place": ["Goma"]}
    model.load(goma, "library")
    qtmodeltester.check(model)
    assert "Goma" in tree_names(model)["Place"]
    assert model.listed_count > 20
    model.set_filter("")
    assert model.mentions_of(trump)  # the open article's mentions, whatever the scope
    with pytest.raises(ValueError, match="unknown scope"):
        model.load(goma, "galaxy")


def test_mentioning_articles_model_passes_modeltester(sampled, goma, bukavu, qtmodeltester):
    model = MentioningArticlesModel(sampled)
    qtmodeltester.check(model)
    (m23,) = [i.id for i in sampled.article_entities(goma) if i.name == "M23"]
    model.set_entity(m23, exclude=goma)
    qtmodeltester.check(model)
    ids = [model.article_id(r) for r in range(model.rowCount())]
    assert bukavu in ids
    assert goma not in ids
    row = ids.index(bukavu)
    assert model.index(row, 0).data() == "Traders count the cost of the fighting"
    assert model.index(row, 1).data() == "1"
    model.set_entity(None)
    assert model.rowCount() == 0


# -- the sidebar in the window -----------------------------------------------------------
def entities_changed(window, qtbot):
    """Wait for the change bus to say that entities changed (a correction landed)."""
    return qtbot.waitSignal(
        window.ctx.bus.changed,
        timeout=TASK_MS,
        check_params_cb=lambda change: change.touches(Area.ENTITIES),
    )


def open_goma(window, goma) -> EntityPane:
    window.open_article(goma)
    return window.entity_pane


def test_dock_menus_and_seed_like_article(window, goma):
    assert window.entity_dock.objectName() == "entitiesDock"
    assert window.dockWidgetArea(window.entity_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert window.menu_actions.entities_pane.isChecked()
    assert window.menu_actions.next_mention.shortcut().toString() == "F3"
    assert window.menu_actions.previous_mention.shortcut().toString() == "Shift+F3"
    pane = open_goma(window, goma)
    names = tree_names(pane.tree_model)
    for label, name in [
        ("Person", "Donald Trump"),
        ("Armed group", "M23"),
        ("Place", "Goma"),
        ("Commodity", "cobalt"),
        ("Figure", "$500bn"),
    ]:
        assert name in names[label]
    assert pane.stack.currentWidget() is pane.tree
    assert pane.tree.isExpanded(pane.tree_model.index(0, 0))


def test_clicking_an_entity_highlights_its_mentions_and_f3_walks_them(window, sampled, goma):
    pane = open_goma(window, goma)
    article = sampled.get(goma)
    index = pane.tree_model.entity_index(pane.tree_model.find_name("M23"))
    click(pane.tree, index)
    assert pane.current_entity_id == index.data(ENTITY_ID_ROLE)
    selections = window.reader.browser.extraSelections()
    assert len(selections) == 2
    assert [s.cursor.selectedText() for s in selections] == ["M23"] * 2
    text_map = window.reader.highlights.text_map
    mentions = pane.mentions_of(pane.current_entity_id)
    assert entity_selections(window) == [text_map.range_to_document(s, e) for s, e in mentions]
    assert all(article.text[s:e] == "M23" for s, e in mentions)
    highlights = window.reader.highlights
    assert highlights.current == 0
    assert "M23: mention 1 of 2" in window.statusBar().currentMessage()
    window.menu_actions.next_mention.trigger()
    assert highlights.current == 1
    assert "mention 2 of 2" in window.statusBar().currentMessage()
    window.menu_actions.next_mention.trigger()
    assert highlights.current == 0  # wraps
    window.menu_actions.previous_mention.trigger()
    assert highlights.current == 1
    # the current mention is drawn more strongly than the others
    selections = window.reader.browser.extraSelections()
    backgrounds = [s.format.background().color().name() for s in selections]
    assert backgrounds[1] == LIGHT.accent != backgrounds[0]


def test_the_current_mention_is_scrolled_into_view(window, sampled, tmp_path):
    long_text = "A long story\n\n" + "\n\n".join(
        f"Paragraph {i} says little of note, and then says it again at length." for i in range(80)
    )
    article_id = import_text(
        sampled, tmp_path / "long", "long.txt", long_text + "\n\nM23 fighters came at the end.\n"
    )
    window.open_article(article_id)
    bar = window.reader.browser.verticalScrollBar()
    bar.setValue(0)
    assert window.entity_pane.select_entity_named("M23")
    assert bar.value() > bar.maximum() // 2


def test_colour_by_type_draws_every_mention(window, sampled, goma):
    open_goma(window, goma)
    total = sum(i.count for i in sampled.article_entities(goma))
    assert window.reader.browser._layers.get("types", []) == []
    window.menu_actions.colour_mentions.setChecked(True)
    types = window.reader.browser._layers["types"]
    assert len(types) == total
    window.menu_actions.themes["dark"].trigger()
    assert len(window.reader.browser._layers["types"]) == total
    window.menu_actions.colour_mentions.setChecked(False)
    assert window.reader.browser._layers["types"] == []


def test_find_and_entity_highlights_coexist(window, goma, qtbot):
    pane = open_goma(window, goma)
    pane.select_entity_named("Goma")
    window.menu_actions.find.trigger()
    qtbot.keyClicks(window.reader.find_bar.edit, "cobalt")
    found = window.reader.browser.toPlainText().lower().count("cobalt")
    assert len(window.reader.browser.extraSelections()) == found + 2
    window.reader.find_bar.close_bar()
    assert len(window.reader.browser.extraSelections()) == 2


def test_filter_scope_and_empty_state(window, sampled, goma, tmp_path):
    pane = open_goma(window, goma)
    pane.select_entity_named("Donald Trump")
    trump = pane.current_entity_id
    pane.filter_edit.setText("trum")
    assert tree_names(pane.tree_model) == {"Person": ["Donald Trump"]}
    assert pane.current_entity_id == trump
    pane.filter_edit.setText("zzz")
    assert pane.stack.currentWidget() is pane.empty_label
    assert "zzz" in pane.empty_label.text()
    pane.filter_edit.clear()
    pane.set_scope("library")
    assert pane.scope == "library"
    assert pane.tree_model.shown_count > 20
    assert pane.current_entity_id == trump
    pane.set_scope("article")
    quiet = import_text(sampled, tmp_path / "q", "quiet.txt", QUIET)
    window.open_article(quiet)
    assert pane.stack.currentWidget() is pane.empty_label
    assert pane.empty_label.text() == NO_ENTITIES
    assert window.reader.browser.extraSelections() == []


def test_other_articles_list_opens_one_and_keeps_the_entity(window, goma, bukavu, qtbot):
    pane = open_goma(window, goma)
    assert pane.select_entity_named("M23")
    m23 = pane.current_entity_id
    rows = [pane.others_model.article_id(r) for r in range(pane.others_model.rowCount())]
    assert bukavu in rows
    assert goma not in rows
    assert pane.others_label.text().startswith("Also in ")
    index = pane.others_model.index(rows.index(bukavu), 0)
    pane.others.setCurrentIndex(index)
    pane.others.setFocus()
    QTest.keyClick(pane.others, Qt.Key.Key_Return)
    assert window.reader.article_id == bukavu
    assert pane.current_entity_id == m23
    assert [s.cursor.selectedText() for s in window.reader.browser.extraSelections()] == ["M23"]
    rows = [pane.others_model.article_id(r) for r in range(pane.others_model.rowCount())]
    assert goma in rows
    assert bukavu not in rows


def test_hide_through_the_pane_refreshes_tree_and_reader(window, goma, qtbot):
    pane = open_goma(window, goma)
    pane.select_entity_named("$500bn")
    with entities_changed(window, qtbot):
        pane.hide_entity(pane.current_entity_id)
    assert "Figure" not in tree_names(pane.tree_model)
    assert pane.current_entity_id is None
    assert window.reader.browser.extraSelections() == []
    assert "no longer an entity" in window.statusBar().currentMessage()


def test_merge_and_rename_through_the_pane_keep_the_selection(window, sampled, goma, qtbot):
    pane = open_goma(window, goma)
    pane.dialogs = Answers(target="M23")
    pane.select_entity_named("Goma")
    with entities_changed(window, qtbot):
        pane.on_merge_requested()
    (kind, candidates) = pane.dialogs.asked[0]
    assert kind == "merge"
    assert "M23" in candidates
    assert "Goma" not in candidates
    names = tree_names(pane.tree_model)
    assert "Place" not in names or "Goma" not in names["Place"]
    info = pane.tree_model.info(pane.current_entity_id)
    assert info.name == "M23"
    assert info.count == 4
    assert len(window.reader.browser.extraSelections()) == 4
    assert window.reader.article_id == goma
    pane.dialogs = Answers(name="Mouvement du 23 mars")
    with entities_changed(window, qtbot):
        pane.on_rename_requested()
    assert pane.tree_model.info(pane.current_entity_id).name == "Mouvement du 23 mars"
    with entities_changed(window, qtbot):
        pane.retype_entity(pane.current_entity_id, "organization")
    assert tree_names(pane.tree_model)["Organisation"] == ["Mouvement du 23 mars"]
    assert pane.tree_model.info(pane.current_entity_id).type == "organization"
    assert ("retype", "Mouvement du 23 mars", "organization") in sampled.correction_rows()


def test_context_menu_offers_the_corrections(window, goma):
    pane = open_goma(window, goma)
    entity_id = pane.tree_model.find_name("cobalt")
    menu = pane.context_menu(entity_id)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["Rename\u2026", "Change Type", "Merge Into\u2026", "Not an Entity"]
    types = menu.actions()[1].menu().actions()
    assert [a.text() for a in types] == list(TYPE_LABELS.values())
    commodity = types[list(TYPE_LABELS).index("commodity")]
    assert commodity.isChecked()
    assert not commodity.isEnabled()
    menu.deleteLater()


def test_failed_correction_is_reported(window, goma, qtbot):
    pane = open_goma(window, goma)
    with qtbot.waitSignal(window.ctx.messages.error_shown, timeout=TASK_MS) as blocker:
        pane.correction_requested.emit("merge", "Nobody At All", "M23")
    assert "no entity called" in blocker.args[0]
    assert "no entity called" in window.statusBar().currentMessage()


def test_mark_selection_as_entity_from_the_reader(window, sampled, goma, qtbot):
    open_goma(window, goma)
    article = sampled.get(goma)
    start = article.text.index("aid workers")
    span = window.reader.highlights.text_map.range_to_document(start, start + len("aid workers"))
    cursor = QTextCursor(window.reader.browser.document())
    cursor.setPosition(span[0])
    cursor.setPosition(span[1], QTextCursor.MoveMode.KeepAnchor)
    window.reader.browser.setTextCursor(cursor)
    assert window.reader.selected_text() == "aid workers"
    menu = window.reader.context_menu(QPoint(10, 10))
    (mark,) = [a for a in menu.actions() if a.text().startswith("Mark \u201caid workers\u201d")]
    organisation = mark.menu().actions()[list(TYPE_LABELS).index("organization")]
    with entities_changed(window, qtbot):
        organisation.trigger()
    menu.deleteLater()
    pane = window.entity_pane
    assert "aid workers" in tree_names(pane.tree_model)["Organisation"]
    assert pane.tree_model.info(pane.current_entity_id).name == "aid workers"
    window.reader.browser.setTextCursor(QTextCursor(window.reader.browser.document()))
    assert not window.reader.mark_selection("person")


def test_reextract_runs_as_a_task_with_progress(window, goma, qtbot):
    pane = open_goma(window, goma)
    pane.select_entity_named("cobalt")
    with entities_changed(window, qtbot):
        window.entities.reextract_action.trigger()
        assert window.progress.isVisible()
        assert window.progress.current.writes_library
    message = window.statusBar().currentMessage()
    assert f"extracted again from {SAMPLE_COUNT + 1} articles" in message
    assert pane.tree_model.info(pane.current_entity_id).name == "cobalt"
    assert not window.progress.isVisible()


def test_screenshot_with_an_entity_selected(
    sampled, goma, library_path, tmp_path, qapp, monkeypatch
):
    monkeypatch.setenv("FIELDREADER_SETTINGS_DIR", str(tmp_path / "settings"))
    shot = tmp_path / "entity.png"
    assert run_gui(library_path, screenshot=shot, article_id=goma, entity="M23") == 0
    assert shot.is_file()
    missing = tmp_path / "missing.png"
    assert run_gui(library_path, screenshot=missing, article_id=goma, entity="Nobody") == 1
    assert not missing.exists()


def test_merge_dialog_completes_names(window, qtbot):
    from reader.ui.entities.pane import merge_dialog

    dialog, edit = merge_dialog(window, "Goma", ["M23", "Donald Trump", "Mouvement du 23 mars"])
    qtbot.addWidget(dialog)
    completer = edit.completer()
    completer.setCompletionPrefix("23")
    found = [completer.completionModel().index(r, 0).data() for r in range(2)]
    assert found == ["M23", "Mouvement du 23 mars"]
    assert "Goma" in dialog.findChild(QLabel).text()


def test_library_scope_entity_missing_from_the_article(window, sampled, goma, bukavu):
    pane = open_goma(window, goma)
    pane.set_scope("library")
    assert pane.select_entity_named("Bukavu")
    assert "not mentioned in this article" in window.statusBar().currentMessage()
    assert window.reader.browser.extraSelections() == []
    window.open_article(bukavu)  # the library list stays; the entity stays chosen
    assert pane.tree_model.info(pane.current_entity_id).name == "Bukavu"
    assert [s.cursor.selectedText() for s in window.reader.browser.extraSelections()] == ["Bukavu"]


# -- expanders drawn from images (issue 19) ----------------------------------------------
def restyled(tree, parity: str) -> None:
    from reader.ui.entities.expanders import ROWS_PROPERTY

    tree.setProperty(ROWS_PROPERTY, parity)
    tree.style().unpolish(tree)
    tree.style().polish(tree)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_tree_draws_its_expanders_from_images_as_the_style_did(window, goma, qtbot, theme):
    from reader.ui.common.theme import use_readable_style
    from reader.ui.entities.expanders import ROWS_PROPERTY, row_parity

    window.apply_theme(theme)
    pane = open_goma(window, goma)
    tree = pane.tree
    assert pane.shows_expanders()
    assert not pane.expanders_need_style()
    assert not window.bring_readable_style()  # no style hook asked for before a paint
    assert pane.styleSheet().count("::branch:has-children:") == 8  # 4 states, 2 parities
    group = pane.tree_model.index(0, 0)
    assert tree.sizeHintForRow(0) == tree.visualRect(group).height()
    assert tree.property(ROWS_PROPERTY) == row_parity(tree.sizeHintForRow(0))
    tree.collapse(pane.tree_model.index(1, 0))
    qtbot.wait(10)
    with_images = tree.viewport().grab().toImage()
    use_readable_style()
    restyled(tree, "")  # no rule for it: the readable style draws them instead
    qtbot.wait(10)
    assert tree.viewport().grab().toImage() == with_images
    window.apply_theme("light")


def test_a_wrong_guess_of_the_rows_parity_is_corrected(window, goma, bukavu, qtbot):
    from reader.ui.entities.expanders import ROWS_PROPERTY

    pane = open_goma(window, goma)
    tree = pane.tree
    right = tree.property(ROWS_PROPERTY)
    qtbot.wait(10)
    before = tree.viewport().grab().toImage()
    restyled(tree, "odd" if right == "even" else "even")
    qtbot.wait(10)
    assert tree.viewport().grab().toImage() != before  # half a pixel off
    window.open_article(bukavu)
    window.open_article(goma)
    assert tree.property(ROWS_PROPERTY) == right
    qtbot.wait(10)
    assert tree.viewport().grab().toImage() == before


def test_without_images_the_readable_style_draws_the_expanders(window, goma, monkeypatch):
    from reader.ui.entities import expanders

    monkeypatch.setattr(expanders, "cache_folder", lambda: None)
    window.apply_theme("dark")  # the pane's sheet made anew: no images to be had
    pane = open_goma(window, goma)
    assert pane.shows_expanders()
    assert pane.expanders_need_style()
    assert "::branch" not in pane.styleSheet()
    assert window.bring_readable_style()
    pane.set_article(None)
    assert not pane.shows_expanders()
    assert not pane.expanders_need_style()
    monkeypatch.undo()
    window.apply_theme("light")
    assert not window.entity_pane.expanders_need_style()
