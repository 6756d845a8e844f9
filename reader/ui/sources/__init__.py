"""Import from URL, Read Later and Feeds: their dialogs, models, tasks and controller."""
