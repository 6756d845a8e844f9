"""What an import's worker processes share before they start: loading this module warms them.

Importing it fills the caches every worker would otherwise fill on its first files: the
shipped gazetteer, each language's data and compiled rules, the language detector's model,
the stemmers of the search forms, the dateline patterns. Where the system has the
``forkserver`` start method (:func:`reader.services.pipeline.worker_context`) it is loaded
once, in the server the workers are forked from, so every worker starts with all of it at no
cost; elsewhere (Windows) each spawned worker loads it when it starts, in the pool's
initialiser in :mod:`reader.services.pipeline`: about what its first files would have cost
anyway (~0.1 s more, for the languages it may not meet).
"""

from __future__ import annotations

from reader.analysis.entities import Extractor
from reader.analysis.languages import available_languages, detect_language
from reader.ingest.dates import dateline_date
from reader.library.draft import Draft
from reader.library.writer import ahead_of

#: A text that goes through every step (the rules are compiled whatever the words are).
_WARM_TEXT = "Warm-up text written in Paris, France, on 3 March 2020 by Jane Smith of Acme Inc."


def warm() -> None:
    """Fill the caches the reading and extracting steps use, for every language."""
    extractor = Extractor()
    detect_language(_WARM_TEXT)
    for code in available_languages():
        draft = Draft(title=_WARM_TEXT, text=_WARM_TEXT, language=code)
        dateline_date(draft.text, code)
        ahead_of(draft)
        extractor.extract(draft.text, code)


warm()
