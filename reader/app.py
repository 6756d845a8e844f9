"""The composition root of the desktop app: builds everything and wires it together.

:func:`run_gui` creates the ``QApplication`` (organisation and application name
"Fieldreader", which is where ``QSettings`` keeps the user's choices), opens the library,
builds the :class:`~reader.ui.tasks.runner.TaskRunner` and the main window, hands each what it
needs and runs the event loop. Nothing here is a module-level global. On first run (an
empty library) the bundled sample articles are loaded in the background and the status bar
says so.

:func:`build_main_window` is where the window is put together: one
:class:`~reader.ui.tasks.context.UiContext` (the library, the task runner and progress, the
change bus, the message service, the preferences) for everyone; the panes; the window that
docks them (the comparison's pane and controller are built on first use, by
:func:`compare_builder`: the first window never reads the codebooks; the notes pane too, by
:func:`notes_builder`: the first window shows only its tab); the controllers over
the context (every operation tells the change bus what it changed and the message service
what it did); the menus; and :func:`wire`, which joins the
panes to each other's signals and subscribes each pane to the change bus, the reader last,
so a replaced library is listed anew before the reader opens an article from it.

``screenshot=PATH`` renders the window offscreen at 1400x900 with an article open (after
the samples loaded, if they had to be), saves a PNG and returns without an event loop; with
``size=(W, H)`` it renders instead the first-start layout of a screen whose available size
is W x H (the window sized from it, as on a first start; the PNG is the window); the
offscreen platform is chosen automatically when ``QT_QPA_PLATFORM`` is unset. ``entity=NAME``
selects that entity of the article in the sidebar first, so its mentions show highlighted.
``view="notes"`` shows the notes pane with the most recently changed note (of the chosen
article, if one was given) open in the editor and its passage selected in the reader.
``view="compare"`` shows the comparison of two cases (tags ``ukraine`` and ``drc`` on the
samples) beside the reader; a screenshot waits for it and opens its first shared point.

One window per library: without a screenshot,
:class:`~reader.ui.common.single_instance.InstanceLock` claims the library first; a second
start on the same library asks the first window to come forward, says so on stderr and
returns 0. Screenshots skip that check and work on a copy of
the settings, so they never change the user's. After the window is shown, today's rotating
backup is made in the background (Library › Daily Automatic Backups; not for screenshots),
and the :class:`~reader.ui.tasks.watcher.LibraryWatcher` starts looking for what other
programs (the command line) change in the file, so the panes show it.

An encrypted library is unlocked before anything opens it: with the passphrase this process
was given (``--passphrase-file``, ``FIELDREADER_PASSPHRASE``), else the passphrase dialog
(a wrong passphrase is said and asked again; cancelled, the app ends). The
:class:`~reader.ui.privacy.controller.PrivacyController` (a child of the window:
:func:`privacy_of`) holds Encrypt…, Change Passphrase…, Decrypt…, Lock Now and Lock When
Idle… for the Library menu, and the idle lock.

Environment:
    ``FIELDREADER_SETTINGS_DIR``: keep settings in ``Fieldreader.ini`` inside this folder
    instead of the platform's usual place (tests and portable installs use it).
    ``FIELDREADER_QUIT_AFTER_MS``: close the window after this many milliseconds (tests).
    ``FIELDREADER_TEST_EVENTS``: when set, print ``fieldreader-event: ready`` once the window
    is shown and ``fieldreader-event: raised`` when another start called it forward (tests).
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEventLoop,
    QMessageLogContext,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    SignalInstance,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication

from reader import __version__, locations
from reader.library import Library, cipher
from reader.resources import resource_path
from reader.services.views import View
from reader.ui.common.preferences import Preferences
from reader.ui.common.single_instance import (
    ALREADY_OPEN_MESSAGE,
    NOT_RAISED_MESSAGE,
    InstanceLock,
    RaiseWatcher,
)
from reader.ui.common.theme import install_application_style, theme_named, use_readable_style
from reader.ui.entities.controller import EntityController
from reader.ui.entities.pane import EntityPane
from reader.ui.library.manage import ManageController
from reader.ui.library.pane import LibraryPane
from reader.ui.notes.controller import NoteController
from reader.ui.packs.controller import PacksController
from reader.ui.privacy.controller import PrivacyController, passphrase_opens
from reader.ui.reader.pane import ReaderPane
from reader.ui.safety.controller import SafetyController
from reader.ui.sources.controller import SourceController
from reader.ui.tasks.bus import ChangeBus
from reader.ui.tasks.context import UiContext
from reader.ui.tasks.imports import ImportController, SummaryPresenter
from reader.ui.tasks.messages import Messages
from reader.ui.tasks.progress import TaskProgress
from reader.ui.tasks.runner import TaskRunner
from reader.ui.tasks.watcher import LibraryWatcher
from reader.ui.transfer.controller import TransferController
from reader.ui.window.i18n import LanguageController, apply_language
from reader.ui.window.layouts import apply_view, check_view, show_dock
from reader.ui.window.main_window import Controllers, MainWindow, Panes, style_application
from reader.ui.window.on_demand import CompareBuilder
from reader.ui.window.on_demand_notes import NotesBuilder

if TYPE_CHECKING:
    from reader.ui.compare.controller import CompareController
    from reader.ui.compare.pane import ComparePane
    from reader.ui.notes.pane import NotesPane
    from reader.ui.privacy.dialog import PrivacyDialogs
from reader.ui.window.menus import build_menus

ORGANISATION = "Fieldreader"
APPLICATION = "Fieldreader"
SETTINGS_ENV = "FIELDREADER_SETTINGS_DIR"
QUIT_AFTER_ENV = "FIELDREADER_QUIT_AFTER_MS"
TEST_EVENTS_ENV = "FIELDREADER_TEST_EVENTS"
AUTO_BACKUP_DELAY_MS = 4000  # after start-up has settled
SCREENSHOT_SIZE = (1400, 900)
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
SAMPLES_TIMEOUT_MS = 120_000
FONT_SIZE_MS = 2000  # how long "Text size 13 pt" stays
RAISED_MESSAGE = "Fieldreader was started again on this library, so this window came forward."


def make_settings() -> QSettings:
    """The settings store: ``Fieldreader.ini`` in ``$FIELDREADER_SETTINGS_DIR``, else in a
    portable app's data folder, else the platform's usual place."""
    folder = os.environ.get(SETTINGS_ENV)
    path = Path(folder).expanduser() if folder else locations.settings_dir()
    if path is not None:
        path.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path / "Fieldreader.ini"), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


@contextmanager
def settings_copy(source: QSettings) -> Iterator[QSettings]:
    """A throw-away copy of ``source`` (a screenshot reads the user's choices, never
    writes them)."""
    with tempfile.TemporaryDirectory(prefix="fieldreader-settings-") as folder:
        copy = QSettings(str(Path(folder) / "Fieldreader.ini"), QSettings.Format.IniFormat)
        for key in source.allKeys():
            copy.setValue(key, source.value(key))
        try:
            yield copy
        finally:
            copy.sync()  # written now, so nothing is left to write once the folder is gone


#: Qt messages that say nothing to a user (the offscreen platform cannot size windows).
QUIET_QT_MESSAGES = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)


def _on_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    if message in QUIET_QT_MESSAGES:
        return
    print(f"Qt: {message}", file=sys.stderr)


def ensure_application() -> QApplication:
    """The running ``QApplication``, created and named if there is none yet."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        qInstallMessageHandler(_on_qt_message)
        app = QApplication([sys.argv[0] if sys.argv else "fieldreader"])
        app.setStyle("Fusion")  # the same calm look everywhere; palettes apply fully
        install_application_style(app)  # now, before any widget: no widget is styled twice
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("fieldreader")
    icon = QIcon()  # PNG sizes rendered from the SVG source (no SVG support to ship)
    for size in ICON_SIZES:
        png = resource_path("icons", f"fieldreader-{size}.png")
        if png.is_file():
            icon.addFile(str(png))
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def window_stylesheet_template() -> str:
    """The window stylesheet shipped in ``resources/styles`` (empty if missing)."""
    path = resource_path("styles", "fieldreader.qss")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def build_context(
    library: Library, library_path: Path, *, settings: QSettings, tasks: TaskRunner
) -> UiContext:
    """What every pane and controller of the window shares, over an open ``library``."""
    return UiContext(
        library=library,
        library_path=Path(library_path),
        tasks=tasks,
        progress=TaskProgress(),
        bus=ChangeBus(),
        messages=Messages(),
        preferences=Preferences(settings),
    )


def build_main_window(
    library: Library,
    library_path: Path,
    *,
    settings: QSettings,
    tasks: TaskRunner,
    present_summary: SummaryPresenter | None = None,
) -> MainWindow:
    """The main window over an open ``library``, every pane and controller built and wired
    (no event loop; tests use this). ``present_summary`` shows an import's summary (default:
    a non-blocking message over the window)."""
    ctx = build_context(library, library_path, settings=settings, tasks=tasks)
    style_application(theme_named(ctx.preferences.theme))  # before any pane is built
    panes = Panes(
        reader=ReaderPane(library, ctx.preferences),
        library=LibraryPane(ctx),
        entities=EntityPane(library),
    )
    window = MainWindow(ctx, panes, stylesheet_template=window_stylesheet_template())
    window.on_demand_compare.builder = compare_builder(window)
    window.on_demand_notes.builder = notes_builder(window)
    notes = window.on_demand_notes
    imports = ImportController(ctx, window, present_summary)
    window.attach(
        Controllers(
            imports=imports,
            entities=EntityController(ctx, panes.entities, panes.reader, window),
            notes=NoteController(ctx, notes, panes.reader, window),  # the pane, once built
            transfers=TransferController(ctx, window, flush=notes.flush),
            sources=SourceController(ctx, imports, window),
            safety=SafetyController(ctx, window, flush=window.flush_edits),
            manage=ManageController(ctx, panes.library, window, flush=window.flush_edits),
            privacy=PrivacyController(ctx, window, flush=window.flush_edits),
            packs=PacksController(ctx, window, flush=window.flush_edits),
        )
    )
    window.watcher = LibraryWatcher(ctx, window)
    build_menus(window)
    window.language = LanguageController(settings, window)
    window.language.add_to(window.view_menu, ctx.messages.status)
    wire(window)
    window.apply_theme(ctx.preferences.theme)
    return window


def notes_builder(window: MainWindow) -> NotesBuilder:
    """How ``window`` builds its notes pane on first use (over its context)."""

    def build() -> NotesPane:
        from reader.ui.notes.pane import NotesPane

        return NotesPane(window.ctx)

    return build


def compare_builder(window: MainWindow) -> CompareBuilder:
    """How ``window`` builds its comparison on first use: the pane over its library, the
    controller over the pane and the reader (the reader's context menu reaches it through
    the window, so the controller's own entry there is taken back)."""

    def build() -> tuple[ComparePane, CompareController]:
        from reader.ui.compare.controller import CompareController
        from reader.ui.compare.pane import ComparePane

        pane = ComparePane(window.library)
        controller = CompareController(window.ctx, pane, window.reader, window)
        extenders = window.reader.menu_extenders
        if controller.extend_reader_menu in extenders:
            extenders.remove(controller.extend_reader_menu)
        return pane, controller

    return build


def privacy_of(window: MainWindow) -> PrivacyController:
    """The window's privacy controller."""
    return window.privacy


def unlock_at_start(library_path: Path, dialogs: PrivacyDialogs | None = None) -> bool:
    """Make sure this process has the passphrase of the library at ``library_path`` when it
    is encrypted, asking with the passphrase dialog if need be; False when cancelled."""
    path = Path(library_path)
    if not cipher.is_encrypted(path) or cipher.remembered(path) is not None:
        return True
    if dialogs is None:
        from reader.ui.privacy.dialog import PrivacyDialogs  # only an encrypted file asks

        dialogs = PrivacyDialogs()
    use_readable_style()  # a dialog before the window: its boxes readable from the start
    passphrase = dialogs.unlock(None, path.name, lambda p: passphrase_opens(path, p))
    if not passphrase:
        return False
    cipher.remember(path, passphrase)
    return True


def wire(window: MainWindow) -> None:
    """Join the panes to each other and to the controllers, and subscribe every pane to the
    change bus (the reader last: a replaced library is listed anew before it opens an
    article from it)."""
    ctx, panes = window.ctx, window.panes
    for pane in (panes.library, panes.entities, window.on_demand_notes, panes.reader):
        ctx.bus.changed.connect(pane.on_changed)
    panes.reader.menu_extenders.append(window.on_demand_compare.extend_reader_menu)
    panes.library.article_activated.connect(window.open_article)
    panes.library.search_result_opened.connect(panes.reader.show_search_result)
    panes.library.search_cleared.connect(panes.reader.clear_search_highlights)
    panes.library.note_activated.connect(window.notes.go_to_note)
    panes.library.count_changed.connect(window.count_label.setText)
    panes.entities.article_activated.connect(window.open_article)
    panes.reader.article_shown.connect(panes.library.select_article)
    panes.reader.article_shown.connect(window.on_article_shown)
    panes.reader.font_size_changed.connect(
        lambda points: ctx.messages.status(f"Text size {points} pt", FONT_SIZE_MS)
    )
    window.notes.note_opened.connect(lambda _note_id: show_dock(window.notes_dock))
    window.compare_dock.visibilityChanged.connect(window.on_demand_compare.on_visibility_changed)
    window.safety.restore_started.connect(window.on_restore_started)
    window.safety.restore_finished.connect(window.on_restore_finished)
    window.count_label.setText(panes.library.count_text)


def show_recent_note(window: MainWindow, article_id: int | None = None) -> int | None:
    """Open the most recently changed note (of ``article_id``, if given) at its passage."""
    notes = window.library.notes(article_id=article_id)
    if not notes:
        return None
    recent = max(notes, key=lambda n: (n.updated, n.id))
    window.notes.go_to_note(recent.id, select=False)
    return recent.id


def show_comparison(window: MainWindow) -> bool:
    """Compare the pane's cases now (waiting for it) and open an example of the evidence."""
    task = window.compare.refresh()
    if task is None:
        return False
    wait_for(task.finished)
    pane = window.compare_pane
    if pane.model.result is None:
        return False
    for dim_id, _label in pane.model.dimensions():  # the first point both cases make
        if pane.model.evidence(dim_id, "a") and pane.model.evidence(dim_id, "b"):
            pane.tree.setFocus()
            return pane.select_evidence(dim_id, "a", 0)
    return True


def wait_for(signal: SignalInstance, timeout_ms: int = SAMPLES_TIMEOUT_MS) -> None:
    """Run a local event loop until ``signal`` fires (or ``timeout_ms`` passes)."""
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()


def resume_collection() -> None:
    """Collect garbage again: the launcher pauses Python's collector while the window is
    built (:func:`reader.__main__.open_window`; the start makes many objects and frees few,
    and the collections it set off cost it about 2%, issue 19)."""
    gc.enable()


def settle(app: QApplication, rounds: int = 5) -> None:
    """Let layouts, deferred scrolls and repaints finish."""
    for _ in range(rounds):
        app.processEvents()


def save_screenshot(window: MainWindow, path: Path) -> bool:
    """Render ``window`` into a PNG at ``path``; True when it was written."""
    image = QImage(window.size(), QImage.Format.Format_ARGB32)
    image.fill(window.palette().window().color())
    window.render(image)
    path.parent.mkdir(parents=True, exist_ok=True)
    return image.save(str(path), "PNG")


def run_gui(
    library_path: Path,
    *,
    screenshot: Path | None = None,
    article_id: int | None = None,
    view: str = View.LIBRARY,
    entity: str | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    """Start the desktop app on ``library_path``; return the exit code.

    ``article_id`` opens that article (default: the last one read, else the newest);
    ``view`` is ``library``, ``reader``, ``notes`` or ``compare``; ``screenshot`` saves a
    1400x900 PNG and exits; with ``size`` (width, height: a screen's available size) the
    PNG shows the first-start layout on such a screen (``size`` needs ``screenshot``);
    ``entity`` selects the entity of that name in the sidebar (its mentions highlighted).
    """
    view = check_view(view)
    path = Path(library_path)
    if size is not None:
        if screenshot is None:
            raise ValueError("a screen size is for a screenshot: give one too")
        if len(size) != 2 or min(size) < 1:
            raise ValueError(f"not a screen size: {'x'.join(map(str, size))}")
    if screenshot is not None:
        if not os.environ.get("QT_QPA_PLATFORM") and QApplication.instance() is None:
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = ensure_application()
        with settings_copy(make_settings()) as settings:
            return _run(app, path, settings, None, article_id, view, entity, Path(screenshot), size)
    instance = InstanceLock(path)
    if not instance.acquire():  # another window has this library: call it forward
        asked = instance.request_raise(article_id)
        print(ALREADY_OPEN_MESSAGE if asked else NOT_RAISED_MESSAGE, file=sys.stderr)
        return 0 if asked else 1
    try:
        app = ensure_application()
        return _run(app, path, make_settings(), instance, article_id, view, entity, None)
    finally:
        instance.release()


def _run(
    app: QApplication,
    library_path: Path,
    settings: QSettings,
    instance: InstanceLock | None,
    article_id: int | None,
    view: str,
    entity: str | None,
    screenshot: Path | None,
    size: tuple[int, int] | None = None,
) -> int:
    apply_language(app, settings)  # before any dialog, the passphrase's included
    if screenshot is not None and cipher.is_encrypted(library_path):
        if cipher.remembered(library_path) is None:
            print(f"fieldreader: {cipher.ENCRYPTED_MESSAGE}", file=sys.stderr)
            return 1
    elif not unlock_at_start(library_path):
        return 0  # the user chose not to open it
    library = Library.open(library_path)
    tasks = TaskRunner()
    window = build_main_window(library, library_path, settings=settings, tasks=tasks)
    try:
        if screenshot is not None:
            return _screenshot(app, window, screenshot, article_id, view, entity, size)
        window.restore_layout()
        window.show()
        if view != View.LIBRARY:  # once the first-start layout is laid out, so that the
            settle(app, 2)  # view keeps a whole layout to give back when it is left
            apply_view(window, view)
        window.imports.load_samples_if_empty()
        window.packs.sync_at_start()
        _open_requested(window, article_id)
        if entity:
            _select_entity(window, entity)
        if view == View.NOTES:
            show_recent_note(window, article_id)
        if instance is not None and instance.held:
            watcher = RaiseWatcher(instance.request_path, window)
            watcher.raise_requested.connect(lambda request: bring_forward(window, request))
        window.safety.schedule_auto_backups(AUTO_BACKUP_DELAY_MS)
        window.watcher.start()
        _test_hooks(app, window)
        window.bring_readable_style()  # before the first paint, if that shows an expander
        resume_collection()
        return app.exec()
    finally:
        window.watcher.stop()
        tasks.shutdown()
        window.close()
        window.deleteLater()
        settle(app, 2)
        library.close()


def bring_forward(window: MainWindow, request: dict[str, object] | None = None) -> None:
    """Show, raise and activate ``window`` (another start asked for it), opening the
    article it named, if any."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    article = (request or {}).get("article")
    if isinstance(article, int) and article:
        window.open_article(article)
    window.ctx.messages.status(RAISED_MESSAGE)
    if os.environ.get(TEST_EVENTS_ENV):
        print("fieldreader-event: raised", flush=True)


def _test_hooks(app: QApplication, window: MainWindow) -> None:
    """What end-to-end tests ask for through the environment (see the module docstring)."""
    try:
        quit_after = int(os.environ.get(QUIT_AFTER_ENV, "0"))
    except ValueError:
        quit_after = 0
    if quit_after > 0:
        QTimer.singleShot(quit_after, window.close)
        QTimer.singleShot(quit_after, app.quit)
    if os.environ.get(TEST_EVENTS_ENV):
        print("fieldreader-event: ready", flush=True)


def _open_requested(window: MainWindow, article_id: int | None) -> bool:
    if article_id is not None and window.library.get(article_id) is None:
        window.ctx.messages.status(f"There is no article with id {article_id}.", 10_000)
        window.reader.open_initial()
        return False
    window.reader.open_initial(article_id)
    return True


def _select_entity(window: MainWindow, name: str) -> bool:
    if window.entity_pane.select_entity_named(name):
        return True
    window.ctx.messages.status(f"This article mentions no entity called {name!r}.", 10_000)
    return False


def _screenshot(
    app: QApplication,
    window: MainWindow,
    path: Path,
    article_id: int | None,
    view: str,
    entity: str | None = None,
    size: tuple[int, int] | None = None,
) -> int:
    window.persist_layout = False
    window.readable_style_after_paint = False  # the picture asks, below, if it needs it
    if size is None:
        window.resize(*SCREENSHOT_SIZE)
    else:  # the first start on a screen of that size
        window.reset_layout(QSize(*size))
    apply_view(window, view)
    window.show()
    task = window.imports.load_samples_if_empty()
    if task is not None:
        wait_for(task.finished)
    if article_id is None and view == View.NOTES:  # the article of the latest note
        notes = window.library.notes()
        article_id = max(notes, key=lambda n: (n.updated, n.id)).article_id if notes else None
    if article_id is None:  # a picture shows the newest article, whatever was read last
        article_id = window.library.most_recent_id()
    if article_id is not None and not _open_requested(window, article_id):
        print(f"fieldreader: no article with id {article_id}", file=sys.stderr)
        return 1
    settle(app)
    if entity and not _select_entity(window, entity):
        print(f"fieldreader: no entity called {entity!r} in the article", file=sys.stderr)
        return 1
    if view == View.NOTES:
        apply_view(window, view)  # the docks can be sized now that the window is shown
        if show_recent_note(window, article_id) is None:
            show_recent_note(window)
        settle(app)
    if view == View.COMPARE:
        apply_view(window, view)  # the docks can be sized now that the window is shown
        settle(app)
        if not show_comparison(window):
            print("fieldreader: there is nothing to compare", file=sys.stderr)
            return 1
        settle(app)
    window.bring_readable_style()  # as the window draws it, if an expander is shown
    if not save_screenshot(window, path):
        print(f"fieldreader: could not write {path}", file=sys.stderr)
        return 1
    return 0
