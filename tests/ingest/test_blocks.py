"""Tests for reader.ingest.blocks: the one HTML block walker of the importers."""

from __future__ import annotations

import lxml.html
import markdown
import pytest
from lxml import etree

from reader.ingest.blocks import element_blocks, fragment_blocks, norm_space


def _pieces(html: str) -> list[tuple[str, str]]:
    text, blocks = fragment_blocks(html)
    return [(b.kind, text[b.start : b.end]) for b in blocks]


def test_rendered_markdown() -> None:
    html = markdown.markdown("First *paragraph*.\n\n## Background\n\n- one\n- two\n\n> a quote\n")
    assert _pieces(html) == [
        ("p", "First paragraph."),
        ("h2", "Background"),
        ("li", "one"),
        ("li", "two"),
        ("blockquote", "a quote"),
    ]


def test_nested_lists_and_quotes() -> None:
    html = (
        "<ul><li>outer<ul><li>inner</li></ul>tail</li></ul>"
        "<blockquote><p>quoted</p><h3>Quoted heading</h3>loose quote text</blockquote>"
        "<ol><li><p>first para</p><p>second para</p></li></ol>"
    )
    assert _pieces(html) == [
        ("li", "outer"),
        ("li", "inner"),
        ("li", "tail"),
        ("blockquote", "quoted"),
        ("h3", "Quoted heading"),
        ("blockquote", "loose quote text"),
        ("li", "first para"),
        ("li", "second para"),
    ]


def test_line_breaks() -> None:
    html = "<p>one<br>still one<br> <br>\n two<br><br><br>three<br></p>"
    assert _pieces(html) == [("p", "one still one"), ("p", "two"), ("p", "three")]


def test_private_use_characters_are_text() -> None:
    assert _pieces("<p>a\ue000b</p>") == [("p", "a\ue000b")]


def test_preformatted_text_keeps_lines_not_blank_lines() -> None:
    html = "<pre><code>def f():\n\treturn 1\n\n\ndef g():  \n    pass\n</code></pre>"
    assert _pieces(html) == [("pre", "def f():\n    return 1\ndef g():\n    pass")]


def test_loose_text_tables_and_skipped_elements() -> None:
    html = (
        "loose <b>text</b><div>in a div</div><script>var x;</script><style>p{}</style>"
        "<table><tr><td>cell 1</td><td>cell 2</td></tr></table>"
        "<figure><img src=x alt=pic><figcaption>Caption</figcaption></figure>"
        "<nav>Menu</nav><form><label>Name</label><input></form><hr>after<!-- c -->rule"
    )
    assert _pieces(html) == [
        ("p", "loose text"),
        ("p", "in a div"),
        ("p", "cell 1"),
        ("p", "cell 2"),
        ("p", "Caption"),
        ("p", "afterrule"),
    ]


def test_element_blocks_skip_argument() -> None:
    root = lxml.html.fragment_fromstring(
        "<div><p>Body</p><figure><figcaption>Credit</figcaption></figure></div>"
    )
    assert element_blocks(root) == [("p", "Body"), ("p", "Credit")]
    assert element_blocks(root, skip=("figure",)) == [("p", "Body")]


def test_deep_nesting_is_no_problem() -> None:
    root = node = lxml.html.Element("div")
    for _ in range(5000):  # built directly: the parser would stop at 256 levels
        node = etree.SubElement(node, "span")
    node.text = "deep"
    assert element_blocks(root) == [("p", "deep")]


@pytest.mark.parametrize("html", ["", "  \n", "<img src=x>", "<script>x</script>"])
def test_nothing_to_read(html: str) -> None:
    assert fragment_blocks(html) == ("", [])


def test_norm_space() -> None:
    assert norm_space(None) == ""
    assert norm_space(" a\u00a0 b\n\tc\u00add\u200be ") == "a b cde"
