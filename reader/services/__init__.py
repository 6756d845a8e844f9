"""The use cases the window and the command line share, Qt-free: importing, sources,
samples, extraction, framing and comparison, maintenance (see each module).
"""
