"""Typed access to the user's remembered choices, stored with ``QSettings``.

The composition root decides where settings live (the platform's place, or an ini file in
tests) and hands one :class:`Preferences` to whoever needs it; nothing else creates a
``QSettings`` of its own.

Nothing a user wrote or read is kept here (no titles, search terms or note text): an
encrypted library would leak through its settings otherwise. The last article is kept by
its id alone; reading positions live in the library itself.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from reader.ui.common.theme import DEFAULT_FONT_SIZE, MAX_FONT_SIZE, MIN_FONT_SIZE, THEMES

DEFAULT_BACKUPS_KEPT = 7
MAX_BACKUPS_KEPT = 365
MAX_AUTO_LOCK_MINUTES = 24 * 60


class Preferences:
    """The reader's font size and theme, the last article, the window's layout, the
    automatic backups (on or off, how many kept) and the idle minutes before an encrypted
    library locks itself."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self.settings.value(key, default))
        except (TypeError, ValueError):
            return default

    @property
    def font_size(self) -> int:
        size = self._int("reader/font_size", DEFAULT_FONT_SIZE)
        return min(MAX_FONT_SIZE, max(MIN_FONT_SIZE, size))

    @font_size.setter
    def font_size(self, size: int) -> None:
        self.settings.setValue("reader/font_size", int(size))

    @property
    def theme(self) -> str:
        name = str(self.settings.value("view/theme", "light"))
        return name if name in THEMES else "light"

    @theme.setter
    def theme(self, name: str) -> None:
        self.settings.setValue("view/theme", name)

    @property
    def last_article(self) -> int | None:
        value = self._int("reader/last_article", 0)
        return value or None

    @last_article.setter
    def last_article(self, article_id: int | None) -> None:
        self.settings.setValue("reader/last_article", int(article_id or 0))

    @property
    def auto_backup(self) -> bool:
        """Whether a rotating backup is made each day the app starts (default on)."""
        value = self.settings.value("library/auto_backup", True)
        if isinstance(value, str):
            return value.strip().lower() not in ("false", "0", "no", "off")
        return bool(value)

    @auto_backup.setter
    def auto_backup(self, on: bool) -> None:
        self.settings.setValue("library/auto_backup", bool(on))

    @property
    def backups_kept(self) -> int:
        """How many automatic backups are kept (the oldest beyond are removed)."""
        count = self._int("library/backups_kept", DEFAULT_BACKUPS_KEPT)
        return min(MAX_BACKUPS_KEPT, max(1, count))

    @backups_kept.setter
    def backups_kept(self, count: int) -> None:
        self.settings.setValue("library/backups_kept", int(count))

    @property
    def auto_lock_minutes(self) -> int:
        """Idle minutes after which an encrypted library locks itself (0, the default: never)."""
        minutes = self._int("privacy/auto_lock_minutes", 0)
        return min(MAX_AUTO_LOCK_MINUTES, max(0, minutes))

    @auto_lock_minutes.setter
    def auto_lock_minutes(self, minutes: int) -> None:
        self.settings.setValue(
            "privacy/auto_lock_minutes", min(MAX_AUTO_LOCK_MINUTES, max(0, int(minutes)))
        )

    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The saved ``(geometry, state)`` of the main window, if any."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def save_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)

    def sync(self) -> None:
        self.settings.sync()
