"""The main window: its docks and status bar, its menus, and where the docks go."""
