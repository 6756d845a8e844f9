"""What every pane shares: theme, colours, roles, wording (and dates), errors, preferences, the
reader's view protocol, the safe text browser, the rich-text row painter, pane chrome and the
one-window lock.
"""
