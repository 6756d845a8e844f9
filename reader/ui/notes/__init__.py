"""The notes pane: the notes list, the Markdown editor with its live preview, its Private
toggle and its history, the remembered splits, the export dialogs' Include Private choice,
and the controller joining them to the reader.
"""
