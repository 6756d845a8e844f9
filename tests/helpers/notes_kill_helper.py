"""Run by ``test_ui_notes_kill``: the real window, a note typed into, then left running.

Usage: ``python tests/notes_kill_helper.py LIBRARY TEXT``. It opens the newest article,
selects a passage, adds a note on it (as Ctrl+Shift+N does), types ``TEXT`` into the editor
with ``QTest.keyClicks``, prints ``TYPED <note id>`` and runs the event loop until killed.
Nothing saves the note but the editor's own autosave.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this folder comes first on the path, and its http.py would hide the
# standard library's http (which the window imports): look here last.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.append(sys.path.pop(0))

from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from reader.app import build_main_window, ensure_application, make_settings
from reader.library import Library
from reader.ui.tasks.runner import TaskRunner


def main(library_path: Path, text: str) -> int:
    app = ensure_application()
    library = Library.open(library_path)
    window = build_main_window(library, library_path, settings=make_settings(), tasks=TaskRunner())
    window.persist_layout = False
    window.resize(1200, 800)
    window.show()
    article_id = library.most_recent_id()
    assert article_id is not None
    assert window.open_article(article_id)
    reader = window.reader
    block = next(b for b in reader.article.blocks if b.kind == "p")
    mapped = reader.highlights.text_map.range_to_document(block.start, block.start + 20)
    cursor = QTextCursor(reader.browser.document())
    cursor.setPosition(mapped[0])
    cursor.setPosition(mapped[1], QTextCursor.MoveMode.KeepAnchor)
    reader.browser.setTextCursor(cursor)
    window.notes.add_note_action.trigger()
    editor = window.notes_pane.editor
    QTest.keyClicks(editor.text_edit, text)
    print(f"TYPED {editor.note_id}", flush=True)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), sys.argv[2]))
