"""What every pane shares: theme, colours, roles, dates, wording, errors, preferences, the
reader's view protocol, the safe text browser, pane chrome and the one-window lock.
"""
