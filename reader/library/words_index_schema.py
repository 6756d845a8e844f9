"""The original-word index, lean and written directly (migration 14).

``articles_fts`` (title, text; accents folded, no stemming; :mod:`reader.library.search_schema`)
is not what the search runs on: the stemmed index is. Fieldreader asks it two things, both
in :mod:`reader.library.search_suggest`: its vocabulary with each word's article count
(``articles_fts_vocab``: ``term``, ``doc``) and how the text writes one word (a snippet of a
one-word match). Neither needs the position of every word in every article, which is most
of what an FTS5 index stores, so this step builds it again as ``detail=none``: for each
word, only the articles that hold it (1.3 MB instead of 5.8 MB for 10,000 Reuters
articles). Its snippets still work (FTS5 finds the positions again in the article's text),
and so do Datasette's and sqlite-utils' searches of the table by words; what another
program can no longer ask of this one index is a quoted phrase of several words, ``NEAR``
with positions or a column filter (the stemmed index answers all three for Fieldreader).

Its insert trigger ``articles_ai`` now stands aside while ``search_fts_writer`` holds a row.
Fieldreader's import writer (:class:`reader.library.writer.ArticleWriter`) puts a row there
around each new article's insert, inside its own write transaction, and inserts the words
into ``articles_fts`` itself, a batch's together before its transaction ends; no other
connection ever sees a row there (and a rolled-back transaction takes it away too). An
FTS5 insert made by a trigger runs inside the statement's savepoint, where FTS5 writes its
pending words out as a new segment: each article became a segment of its own to be merged
again (see the writer's notes for what that cost). Every other program's insert goes
through the trigger as before; updates and deletes are unchanged. A row left behind by a
bug would set the trigger aside for everyone: :func:`reader.library.maintenance.check`
reports it as the index out of step, and ``repair`` removes it.

The step runs in the migration's transaction (about 0.3 s for 10,000 articles). The old
index's pages go to the free list, which the next compaction (``VACUUM``) gives back.
"""

from __future__ import annotations

from reader.library.handle import Connection

__all__ = ["HOLD_TABLE", "INDEX_SQL", "is_lean", "migrate"]

#: ``articles_fts`` as this step builds it (the same columns, content and tokenizer).
INDEX_SQL = """CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content="articles", content_rowid="id",
    tokenize="unicode61 remove_diacritics 2",
    detail=none
)"""
#: Holds a row only inside a transaction whose writer indexes its new articles itself.
HOLD_TABLE = "search_fts_writer"
_VOCAB_SQL = "CREATE VIRTUAL TABLE articles_fts_vocab USING fts5vocab(articles_fts, row)"
_HOLD_SQL = f"CREATE TABLE {HOLD_TABLE} (id INTEGER PRIMARY KEY)"
_TRIGGER_SQL = f"""CREATE TRIGGER articles_ai AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM {HOLD_TABLE})
BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END"""


def is_lean(db: Connection) -> bool:
    """Whether the file's ``articles_fts`` keeps no word positions (``detail=none``)."""
    row = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    return row is not None and "detail=none" in "".join(str(row[0]).lower().split())


def migrate(db: Connection) -> None:
    """Build ``articles_fts`` again as ``detail=none`` from the articles, with its
    vocabulary table, and give its insert trigger the writer's hold (inside the
    migration's transaction)."""
    if not is_lean(db):
        db.execute("DROP TABLE IF EXISTS articles_fts_vocab")
        db.execute("DROP TABLE IF EXISTS articles_fts")
        db.execute(INDEX_SQL)
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
        db.execute(_VOCAB_SQL)
    db.execute(f"DROP TABLE IF EXISTS {HOLD_TABLE}")
    db.execute(_HOLD_SQL)
    db.execute("DROP TRIGGER IF EXISTS articles_ai")
    db.execute(_TRIGGER_SQL)
