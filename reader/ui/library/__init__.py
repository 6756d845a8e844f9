"""The library pane: search, tag filter, the article table and ranked search results."""
