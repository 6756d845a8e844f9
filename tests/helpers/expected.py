"""What the tests expect: the seed article's entities, the keys of a note's JSON."""

#: The keys every note's JSON has (``note list``, ``show``, :meth:`Note.as_json`).
NOTE_JSON_KEYS = frozenset(
    {"id", "article_id", "text", "quote", "start", "end", "created", "updated"}
)

SEED_EXPECTED = {
    ("Democratic Republic of the Congo", "place"),
    ("United States", "place"),
    ("M23", "armed_group"),
    ("Donald Trump", "person"),
    ("Joe Biden", "person"),
    ("Daniel van Dalen", "person"),
    ("Signal Risk", "organization"),
    ("South Africa", "place"),
    ("Ukraine", "place"),
    ("Russia", "place"),
    ("Rwanda", "place"),
    ("China", "place"),
    ("United Nations", "organization"),
    ("Lobito Corridor", "place"),  # infrastructure on a map is a place (see gazetteer.py)
    ("gold", "commodity"),
    ("coltan", "commodity"),
    ("7,000", "figure"),
}
