"""The desktop window (Qt): window/ composes the panes, common/ and tasks/ serve them all, and
one package per pane or area (library, reader, entities, notes, compare, sources, safety,
transfer) holds its widgets, models and controller.
"""
