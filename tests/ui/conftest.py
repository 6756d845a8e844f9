"""The UI tests' fixtures (settings, the sample library, the window), from tests/helpers."""

from helpers.ui_fixtures import sampled, settings, summaries, window

__all__ = ["sampled", "settings", "summaries", "window"]
