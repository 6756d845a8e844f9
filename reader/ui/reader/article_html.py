"""An article as the sanitised rich text the reader shows, plus the page's stylesheet.

Every piece of article text goes through :func:`html.escape`; nothing from the file is ever
passed through as markup, so there are no scripts, images or remote loads to worry about.
Each stored block becomes one paragraph of the same length (a line break inside a block
becomes ``<br>``, one character either way), which keeps document positions and the
article's text offsets easy to map onto each other. The header's line of source, date and
byline leaves out what the article lacks: an article with no date shows none (the day it
was imported is not its date).
"""

from __future__ import annotations

import html

from reader.library import Article
from reader.ui.common.text import format_date
from reader.ui.common.theme import Theme

LONG_TITLE = 90  # characters; longer titles are set smaller
HEADING_SCALE = {"h1": 1.4, "h2": 1.22, "h3": 1.1, "h4": 1.0, "h5": 1.0, "h6": 1.0}
SAFE_SCHEMES = ("http://", "https://")


def document_css(theme: Theme, font_size: int, serif: str, sans: str) -> str:
    """The stylesheet for the page at a base ``font_size`` in points."""
    pt = font_size
    px = round(pt * 4 / 3)  # one em in pixels at 96 dpi, for margins
    headings = "\n".join(
        f"h{n} {{ font-size: {pt * HEADING_SCALE[f'h{n}']:.1f}pt; font-weight: 600; "
        f"margin-top: {round(px * 1.3)}px; margin-bottom: {round(px * 0.55)}px; "
        "line-height: 135%; }"
        for n in range(1, 7)
    )
    return f"""
body {{ font-family: '{serif}'; font-size: {pt}pt; color: {theme.text}; }}
p {{ margin-top: 0px; margin-bottom: {round(px * 0.95)}px; line-height: 155%; }}
{headings}
p.title {{ font-size: {pt * 1.9:.1f}pt; font-weight: 600; margin-top: 0px;
            margin-bottom: {round(px * 0.7)}px; line-height: 118%; }}
p.longtitle {{ font-size: {pt * 1.5:.1f}pt; font-weight: 600; margin-top: 0px;
                margin-bottom: {round(px * 0.7)}px; line-height: 122%; }}
p.kicker {{ font-family: '{sans}'; font-size: {max(pt - 3, 7)}pt; color: {theme.muted};
            margin-bottom: {round(px * 0.55)}px; line-height: 100%; }}
p.meta {{ font-family: '{sans}'; font-size: {max(pt - 2, 7)}pt; color: {theme.muted};
          margin-bottom: {round(px * 0.35)}px; line-height: 130%; }}
p.tags {{ font-family: '{sans}'; font-size: {max(pt - 3, 7)}pt;
          margin-top: {round(px * 0.35)}px; margin-bottom: {round(px * 0.35)}px; }}
span.chip {{ background-color: {theme.chip_bg}; color: {theme.chip_fg}; }}
hr {{ margin-top: {round(px * 0.5)}px; margin-bottom: {round(px * 1.3)}px; }}
a {{ color: {theme.accent}; text-decoration: none; }}
li {{ margin-bottom: {round(px * 0.4)}px; line-height: 150%; }}
ul {{ margin-top: 0px; margin-bottom: {round(px * 0.95)}px; }}
blockquote {{ color: {theme.muted}; margin-left: {px * 2}px; margin-right: {px}px;
              font-style: italic; }}
pre {{ font-family: monospace; font-size: {max(pt - 2, 7)}pt; margin-bottom: {px}px;
       background-color: {theme.alternate}; }}
p.empty {{ font-family: '{sans}'; color: {theme.muted}; font-size: {pt}pt; }}
h1.empty {{ font-family: '{sans}'; font-size: {pt * 1.4:.1f}pt; font-weight: 500;
            margin-top: {px * 4}px; }}
"""


def _text(raw: str) -> str:
    return html.escape(raw).replace("\n", "<br>")


def _header(article: Article, theme: Theme) -> list[str]:
    kind = "longtitle" if len(article.title) > LONG_TITLE else "title"
    # a paragraph, not <h1>: Qt scales headings on top of any size the stylesheet gives
    parts = [f'<p class="{kind}">{_text(article.title)}</p>']
    when = format_date(article.published)  # none for an undated article: never the import's
    meta = [m for m in (article.source, when, article.byline) if m]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(html.escape(m) for m in meta)}</p>')
    if article.url:
        shown = html.escape(article.url)
        if article.url.lower().startswith(SAFE_SCHEMES):
            href = html.escape(article.url, quote=True)
            parts.append(f'<p class="meta"><a href="{href}">{shown}</a></p>')
        else:
            parts.append(f'<p class="meta">{shown}</p>')
    if article.tags:
        chips = " ".join(
            f'<span class="chip">\u00a0{html.escape(t)}\u00a0</span>' for t in article.tags
        )
        parts.append(f'<p class="tags">{chips}</p>')
    parts.append(f'<hr style="background-color: {theme.rule}">')
    return parts


def _body(article: Article) -> list[str]:
    text = article.text
    blocks = article.blocks
    if not blocks:  # an article stored without structure: paragraphs at blank lines
        return [f"<p>{_text(p.strip())}</p>" for p in text.split("\n\n") if p.strip()]
    out: list[str] = []
    in_list = False
    for block in blocks:
        piece = text[block.start : block.end]
        if block.kind == "li" and not in_list:
            out.append("<ul>")
            in_list = True
        elif block.kind != "li" and in_list:
            out.append("</ul>")
            in_list = False
        if block.kind == "pre":
            out.append(f"<pre>{html.escape(piece)}</pre>")
        elif block.kind in HEADING_SCALE:
            out.append(f"<{block.kind}>{_text(piece)}</{block.kind}>")
        elif block.kind == "li":
            out.append(f"<li>{_text(piece)}</li>")
        elif block.kind == "blockquote":
            out.append(f"<blockquote>{_text(piece)}</blockquote>")
        else:
            out.append(f"<p>{_text(piece)}</p>")
    if in_list:
        out.append("</ul>")
    return out


def article_html(article: Article, theme: Theme) -> str:
    """The body markup of ``article`` (style it with :func:`document_css`)."""
    return "<body>" + "\n".join([*_header(article, theme), *_body(article)]) + "</body>"


def empty_html(title: str, message: str) -> str:
    """A calm empty state for when no article is open."""
    return (
        f'<body><h1 class="empty">{html.escape(title)}</h1>'
        f'<p class="empty">{html.escape(message)}</p></body>'
    )
