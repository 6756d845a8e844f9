"""The entity sidebar: entities by type, the articles mentioning one, corrections and their
controller.
"""
