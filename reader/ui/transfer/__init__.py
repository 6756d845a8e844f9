"""The File menu's exports and library import, as tasks."""
