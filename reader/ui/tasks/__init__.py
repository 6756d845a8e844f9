"""Background work and the window's shared services: the task runner and launcher, progress,
the change bus, the message service, the context, the controllers' base and the imports.
"""
