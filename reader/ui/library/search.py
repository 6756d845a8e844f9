"""The library pane's search, run off the GUI thread: what a search found, and its task.

:func:`find_hits` asks the library for ranked matches in articles and notes and for the
source and date line of each (both reads, so a worker thread runs it on its own
connection); what it returns, a :class:`SearchFound`, is plain data the
:class:`~reader.ui.library.models.SearchResultsModel` shows on the GUI thread. When nothing
matched it carries the library's "did you mean" spellings, which :meth:`SearchFound.note`
puts into words. It also counts the articles that matched out of those searched (the
whole library, or the tag filter's), which :meth:`SearchFound.count_line` says for the
status bar while the search is shown (``3 of 14 articles match “minerai”``; at least that
many when the list was cut at :data:`LIMIT`).
:func:`search_task` wraps it in a task for the general pool; a task cancelled before it
started (a newer query replaced it) does not search at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale

from reader.library import Library, SearchHit
from reader.ui.common.text import elide, fill, format_date
from reader.ui.tasks.runner import Task, worker_library

#: At most this many results are listed.
LIMIT = 100
# Characters of the query the status bar's count repeats, at most.
QUERY_SHOWN = 40


def _tr(text: str) -> str:
    return QCoreApplication.translate("SearchFound", text)


@dataclass(frozen=True, slots=True)
class SearchFound:
    """The hits of ``query`` (within ``tag``) best first, the meta line of each, whether
    the query was cut to fit the search's bounds (``terms`` phrases were run), and, when
    nothing matched, the spellings the library's vocabulary suggests; ``total`` articles
    were searched (the library, or those with ``tag``), ``matched`` of them matched
    (counted among the listed hits: at least that many when ``capped``)."""

    query: str
    tag: str | None = None
    hits: tuple[SearchHit, ...] = ()
    meta: tuple[str, ...] = ()
    truncated: bool = False
    terms: int = 0
    suggestions: tuple[str, ...] = ()
    total: int = 0
    matched: int = 0
    capped: bool = False

    def count_line(self) -> str:
        """How many of the searched articles match, for the status bar:
        ``3 of 14 articles match “minerai”`` (the quotes are the language's own)."""
        query = elide(self.query, QUERY_SHOWN)
        total = QLocale().toString(self.total)
        matched = QLocale().toString(self.matched)
        if self.capped:
            line = _tr("At least %1 of %2 articles match \u201c%3\u201d")
            return fill(line, matched, total, query)
        if self.matched == 0:
            if self.total > 1:
                return fill(_tr("None of the %1 articles match \u201c%2\u201d"), total, query)
            return fill(_tr("No article matches \u201c%1\u201d"), query)
        if self.total == 1:
            return fill(_tr("The only article matches \u201c%1\u201d"), query)
        if self.matched == 1:
            return fill(_tr("1 of %1 articles matches \u201c%2\u201d"), total, query)
        if self.matched == self.total:
            return fill(_tr("All %1 articles match \u201c%2\u201d"), total, query)
        return fill(_tr("%1 of %2 articles match \u201c%3\u201d"), matched, total, query)

    def note(self) -> str:
        """What to tell the user about the query itself: that it was cut, or what it may
        have meant ("" when there is nothing to say)."""
        lines = []
        if self.truncated:
            if self.terms == 1:
                lines.append(
                    QCoreApplication.translate("SearchFound", "Long query: searched the first term")
                )
            else:
                lines.append(
                    QCoreApplication.translate(
                        "SearchFound", "Long query: searched the first %n terms", None, self.terms
                    )
                )
        if self.suggestions and not self.hits:
            # the quotes are the language's own (French: « … »)
            quote = QCoreApplication.translate("SearchFound", "\u201c%1\u201d")
            quoted = ", ".join(quote.replace("%1", s) for s in self.suggestions)
            lines.append(
                QCoreApplication.translate("SearchFound", "Did you mean %1?").replace("%1", quoted)
            )
        return "\n".join(lines)

    def suggestion_links(self) -> str:
        """When nothing matched, a line of rich text offering to search for each suggested
        spelling (a link whose address is the spelling); "" when there is none."""
        if not self.suggestions or self.hits:
            return ""
        import html  # read when a search found nothing and offers spellings

        quote = QCoreApplication.translate("SearchFound", "\u201c%1\u201d")
        links = ", ".join(
            f'<a href="{html.escape(s)}">{html.escape(quote.replace("%1", s))}</a>'
            for s in self.suggestions
        )
        return QCoreApplication.translate("SearchFound", "Search for %1").replace("%1", links)


def article_of(hit: SearchHit) -> int | None:
    """The article a hit stands for (a note's article; ``None`` for a free-standing note)."""
    return hit.id if hit.kind == "article" else hit.article_id


def find_hits(library: Library, query: str, tag: str | None = None) -> SearchFound:
    """Search ``library`` for ``query`` (within ``tag``); an empty query finds nothing."""
    if not query:
        return SearchFound(query, tag)
    from reader.library.search import SearchHits  # the search engine is read by the first search

    hits = library.search(query, limit=LIMIT, tag=tag, kinds=("article", "note"))
    total = library.count(tag=tag)
    matched = len({h.id for h in hits if h.kind == "article"})
    articles = [article_of(h) for h in hits]
    summaries = library.summaries([a for a in articles if a is not None])
    meta = []
    for hit, article_id in zip(hits, articles, strict=True):
        s = summaries.get(article_id) if article_id is not None else None
        parts = [] if s is None else [s.source, format_date(s.published, short=True)]
        if hit.kind == "note":
            parts.insert(0, QCoreApplication.translate("SearchFound", "Note"))
        meta.append(" \u00b7 ".join(p for p in parts if p))
    cut = isinstance(hits, SearchHits) and hits.truncated
    terms = hits.terms if isinstance(hits, SearchHits) else 0
    suggested = hits.suggestions if isinstance(hits, SearchHits) else ()
    return SearchFound(
        query,
        tag,
        tuple(hits),
        tuple(meta),
        cut,
        terms,
        suggested,
        total=total,
        matched=min(matched, total),
        capped=len(hits) >= LIMIT and matched < total,
    )


def search_task(library_path: Path, query: str, tag: str | None = None) -> Task:
    """A task (general pool) searching the library at ``library_path`` on its own
    connection; its result is a :class:`SearchFound`, or ``None`` if it was cancelled
    before it began."""

    def work(task: Task) -> SearchFound | None:
        if task.is_cancelled():
            return None
        with worker_library(library_path) as library:
            return find_hits(library, query, tag)

    return Task(
        work,
        QCoreApplication.translate("SearchFound", "Searching for \u201c%1\u201d").replace(
            "%1", elide(query, 40)
        ),
    )
