"""The reader pane: one article as sanitised rich text, with find, highlights and notes drawn
on it.
"""
