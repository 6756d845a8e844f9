"""An import's worker reads what language detection needs of a long text, no more."""

from __future__ import annotations

from reader.analysis.languages import GUESS_CHARS, detect_language
from reader.library.draft import Draft
from reader.services.pipeline import complete_draft


def test_a_long_text_is_detected_as_from_its_beginning() -> None:
    """Detection reads the title and the text's first characters only (no copy of the rest):
    the language is the one the whole title and text give."""
    french = (
        "Le gouvernement a annoncé mardi un nouvel accord sur les minerais avec ses voisins, "
        "et les négociations reprendront la semaine prochaine à Kinshasa. "
    )
    english = "The talks resumed on Tuesday in Washington, officials said. "
    for text in (french * 80, french * 20 + english * 200, english * 90):
        assert len(text) > GUESS_CHARS
        draft = complete_draft(Draft(title="Titre", text=text))
        assert draft.language == detect_language(f"Titre\n\n{text}")
    assert complete_draft(Draft(title="Titre", text=french * 80)).language == "fr"
