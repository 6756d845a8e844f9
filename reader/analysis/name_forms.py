"""Small helpers of the name rules: the word before a name, the type an apposition gives,
the short forms of people's and organisations' names, and whether a commodity's name is
one in its context ("gold medal" is not gold).

Owns :func:`previous_word`, :func:`appositive_type`, :func:`person_short_forms`,
:func:`org_short_form` and :func:`commodity_in_context`; used by
:mod:`reader.analysis.name_rules` (which re-exports them) and
:mod:`reader.analysis.entities`. Every word list is the language's data.
"""

from __future__ import annotations

import re

from reader.analysis.gazetteer import Gazetteer
from reader.analysis.languages import Language, load_language
from reader.analysis.name_patterns import compiled as _compiled

_PREV_WORD = re.compile(r"([^\W\d_][\w-]*)\.?[\s,]*$")
_NEXT_WORD = re.compile(r"[\s-]+(\w+)")


#: Read on the reversed text: spaces and commas, one full stop, then the reversed word up to
#: its first letter (the longest run of word characters and hyphens that ends with a letter).
_WORD_BACKWARDS = re.compile(r"[\s,]*\.?((?:[\w-]*[^\W\d_])?)")


def previous_word(before: str) -> str:
    """The word ``before`` ends with, past spaces, commas and one full stop ("" if none).

    What ``([^\\W\\d_][\\w-]*)\\.?[\\s,]*$`` would capture first, found from the end
    instead of by trying every position: the run of word characters and hyphens there,
    from its first letter (one match on the reversed text).
    """
    m = _WORD_BACKWARDS.match(before[::-1])
    return m.group(1)[::-1] if m is not None else ""


def appositive_type(after: str, language: Language | None = None) -> str | None:
    """The type an apposition gives the name before it: ", an analyst at" -> person."""
    lang = language if language is not None else load_language("en")
    c = _compiled(lang)
    m = c.appositive.match(after)
    if m is None:
        return None
    if m.group(1):
        return "person"
    bare = m.lastindex is not None and m.lastindex >= 3 and m.group(3) is not None
    phrase = m.group(3) if bare else m.group(2)
    if phrase is None or c.speech.search(phrase):  # "Leiria, the ... agency said"
        return None
    cut = c.appositive_cut.search(phrase)
    if cut:
        phrase = phrase[: cut.start()]
    for mark in ("’s ", "'s ", "s’ ", "s' "):  # "the club's first assistant coach"
        if mark in phrase:
            phrase = phrase.rsplit(mark, 1)[1]
    phrase = phrase.lower()
    if c.appositive_armed.search(phrase):
        return "armed_group"
    words = phrase.split()
    if bare:  # no article: only "X, chercheuse à ..." or "X, consultant belge"
        words = words[:1]
    for word in reversed(words):
        for w in (word, word[:-1] if word.endswith("s") else word):
            if w in lang.roles:
                return "person"
            for type_, heads in lang.appositive_heads.items():
                if w in heads:
                    return type_
    return None


def person_short_forms(name: str) -> list[str]:
    """What a person's name shortens to: "van Dalen" (and "Van Dalen"), "Dalen", "Kayikwamba
    Wagner"."""
    words = name.split()
    if len(words) < 2:
        return []
    forms = [words[-1]]
    for i, w in enumerate(words[1:], start=1):
        if w[:1].islower():
            forms.append(" ".join(words[i:]))
            break
    else:
        if len(words) >= 3:
            forms.append(" ".join(words[-2:]))
    if len(words) >= 3 and " ".join(words[1:]) not in forms:  # "Nunes da Silva"
        forms.append(" ".join(words[1:]))
    # A particle starts a sentence in capitals: "Van der Berg's agent", "Al-Amin's trial".
    forms += [f[0].upper() + f[1:] for f in forms if f[:1].islower()]
    return [f for f in forms if len(f) >= 3 and not f.endswith(".")]


def org_short_form(name: str, gazetteer: Gazetteer, language: Language | None = None) -> str | None:
    """What an organisation's name shortens to: "Castleford" for "Castleford Athletic"."""
    lang = language if language is not None else load_language("en")
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in lang.org_heads:
        words.pop()
    if len(words) == len(name.split()) or len(words) > 2:
        return None
    form = " ".join(words)
    if len(form) < 3 or words[0].lower() in lang.compass or gazetteer.lookup(form) is not None:
        return None
    if gazetteer.is_demonym(words[0]) or words[0] in lang.demonyms:
        return None
    if len(words) == 1 and (
        gazetteer.is_common(form) or gazetteer.is_first_name(form) or form.lower() in lang.common
    ):
        return None
    return form


def commodity_in_context(
    text: str, start: int, end: int, name: str, language: Language | None = None
) -> bool:
    """False for "gold medal", "iron out", "tear gas", "cooking oil"; French "Or, ..."."""
    lang = language if language is not None else load_language("en")
    not_before = lang.commodity_not_before.get(name)
    if not_before:
        m = _NEXT_WORD.match(text, end, end + 20)
        if m and m.group(1).lower() in not_before:
            return False
    not_after = lang.commodity_not_after.get(name)
    if not_after:
        m = _PREV_WORD.search(text, max(0, start - 20), start)
        if m and m.group(1).lower() in not_after:
            return False
    only_after = lang.commodity_after_only.get(text[start:end].lower())
    if only_after:
        before = text[max(0, start - 8) : start].lower()
        if not any(before.endswith((w, w + " ")) for w in only_after):
            return False
    return True
