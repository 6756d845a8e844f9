"""The reader pane: sanitised page, no loads, links, zoom, themes, find, reading position."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest

from reader.library.draft import Draft, join_blocks
from reader.ui.common.preferences import Preferences
from reader.ui.common.safe_browser import ArticleBrowser
from reader.ui.common.text import format_date
from reader.ui.common.theme import DARK, DEFAULT_FONT_SIZE, LIGHT
from reader.ui.reader.article_html import article_html
from reader.ui.reader.pane import ReaderPane

HOSTILE_TEXT, HOSTILE_BLOCKS = join_blocks(
    [
        ("p", 'Intro with <img src="http://example.com/x.png"> markup.'),
        ("h2", "A heading"),
        ("li", "A point"),
    ]
)
HOSTILE = Draft(
    title="<script>alert(1)</script> & co",
    text=HOSTILE_TEXT,
    byline="<b>someone</b>",
    source="Example",
    url="https://example.com/story?a=1&b=2",
    published="2025-03-07",
    blocks=HOSTILE_BLOCKS,
    tags=["drc"],
)


@pytest.fixture
def pane(sampled, settings, qtbot):
    pane = ReaderPane(sampled, Preferences(settings))
    qtbot.addWidget(pane)
    pane.resize(900, 600)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def long_article_id(library) -> int:
    return max(library.article_ids(), key=lambda i: len(library.get(i).text))


def test_article_html_escapes_everything(sampled):
    article = sampled.get(sampled.add_article(HOSTILE))
    markup = article_html(article, LIGHT)
    assert "<script>" not in markup
    assert "&lt;script&gt;" in markup
    assert "<img" not in markup
    assert "&lt;img" in markup
    assert "<b>someone</b>" not in markup
    assert "<h2>A heading</h2>" in markup
    assert "<ul>\n<li>A point</li>\n</ul>" in markup
    assert 'href="https://example.com/story?a=1&amp;b=2"' in markup
    assert "7 March 2025" in markup
    assert format_date("not a date") == "not a date"


def test_pane_shows_title_meta_and_text(pane, sampled):
    article_id = sampled.most_recent_id()
    shown = []
    pane.article_shown.connect(shown.append)
    assert pane.show_article(article_id)
    article = sampled.get(article_id)
    text = pane.browser.toPlainText()
    assert text.startswith(article.title)
    assert "Fieldreader samples · " in text
    assert "Fieldreader sample desk" in text
    assert article.text[article.blocks[0].start : article.blocks[0].end] in text
    assert shown == [article_id]
    assert not pane.show_article(999_999)
    pane.clear()
    assert pane.article is None
    assert "Nothing open" in pane.browser.toPlainText()


def test_browser_refuses_resources_and_never_follows_links(qtbot):
    opened = []
    browser = ArticleBrowser(url_opener=opened.append)
    qtbot.addWidget(browser)
    assert not browser.openLinks()
    assert not browser.openExternalLinks()
    for kind in (
        QTextDocument.ResourceType.ImageResource,
        QTextDocument.ResourceType.StyleSheetResource,
    ):
        assert browser.loadResource(int(kind.value), QUrl("http://example.com/x.png")) is None
    browser.setHtml('<p><a href="https://example.com/">out</a> <img src="file:///etc/hosts"></p>')
    source_before = browser.source()
    browser.anchorClicked.emit(QUrl("https://example.com/"))
    browser.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == [QUrl("https://example.com/")]
    assert browser.source() == source_before
    assert "out" in browser.toPlainText()


def test_zoom_changes_and_remembers_font_size(pane, sampled, settings):
    pane.show_article(sampled.most_recent_id())
    assert pane.font_size == DEFAULT_FONT_SIZE
    base = pane.browser.document().defaultFont().pointSize()
    pane.zoom_in()
    pane.zoom_in()
    assert pane.font_size == DEFAULT_FONT_SIZE + 2
    assert pane.browser.document().defaultFont().pointSize() == base + 2
    assert Preferences(settings).font_size == DEFAULT_FONT_SIZE + 2
    pane.zoom_out()
    assert pane.font_size == DEFAULT_FONT_SIZE + 1
    pane.zoom_reset()
    assert pane.font_size == DEFAULT_FONT_SIZE
    for _ in range(60):
        pane.zoom_out()
    assert pane.font_size >= 8


def test_theme_restyles_the_page(pane, sampled):
    pane.show_article(sampled.most_recent_id())
    pane.set_theme(DARK)
    assert DARK.text in pane.browser.document().defaultStyleSheet()
    assert pane.theme is DARK
    pane.set_theme(LIGHT)
    assert LIGHT.text in pane.browser.document().defaultStyleSheet()


def test_find_counts_highlights_and_closes(pane, sampled, qtbot):
    article_id = long_article_id(sampled)
    pane.show_article(article_id)
    word = "the"
    expected = pane.browser.toPlainText().lower().count(word)
    pane.open_find()
    bar = pane.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, word)
    assert len(bar.matches) == expected > 2
    assert bar.count_label.text() == f"1 of {expected}"
    assert len(pane.browser.extraSelections()) == expected
    QTest.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count_label.text() == f"2 of {expected}"
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.count_label.text() == f"{expected} of {expected}"
    bar.edit.setText("no-such-word-anywhere")
    assert bar.count_label.text() == "No matches"
    QTest.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert pane.browser.extraSelections() == []


def test_a_hidden_pane_schedules_no_write(pane, sampled, qtbot):
    pane.resize(700, 300)
    pane.show_article(long_article_id(sampled))
    bar = pane.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 3)
    assert pane._save_timer.isActive()
    pane.hide()  # a pending position is written at once, not when the timer fires later
    assert not pane._save_timer.isActive()
    assert sampled.get(pane.article_id).reading_position == pytest.approx(1 / 3, abs=0.02)
    bar.setValue(bar.maximum())  # a closed window's scroll bar still moves as it settles
    assert not pane._save_timer.isActive()


def test_reading_position_is_saved_and_restored(pane, sampled, qtbot):
    first = long_article_id(sampled)
    other = next(i for i in sampled.article_ids() if i != first)
    pane.resize(700, 300)
    pane.show_article(first)
    bar = pane.browser.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: abs(sampled.get(first).reading_position - 0.5) < 0.02, timeout=3000)
    bar.setValue(bar.maximum())
    pane.show_article(other)  # switching saves at once
    assert sampled.get(first).reading_position == pytest.approx(1.0)
    pane.show_article(first)
    qtbot.waitUntil(lambda: pane.reading_fraction() > 0.95)
