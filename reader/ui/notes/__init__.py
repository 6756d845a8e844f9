"""The notes pane: the notes list, the Markdown editor with preview and history, and the
controller joining them to the reader.
"""
