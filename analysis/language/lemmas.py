"""Words of a text with their dictionary readings (pymorphy, through natasha's vocabulary).

Every stage that reads phrases rather than names (roles, meetings, agreements, themes) looks
words up here, so each word form is parsed once per process.
"""

from __future__ import annotations

import os
import re
from functools import cache, lru_cache
from typing import NamedTuple

from natasha import MorphVocab

_WORD = re.compile(r"[\w«»\"'.-]+|[^\w\s]")


class Word(NamedTuple):
    """A word or punctuation mark of a text, with its offsets (a tuple: finders make hundreds
    of thousands, at a third of a dataclass's cost)."""

    start: int
    stop: int
    text: str


def words(text: str, start: int = 0, stop: int | None = None) -> list[Word]:
    """The words and punctuation marks of ``text[start:stop]``, offsets into ``text``.

    Quotes, dots and hyphens stay attached to a word («ТЕХМАШ», "им.Кирова"), as in names.
    """
    stop = len(text) if stop is None else stop
    return [Word(m.start() + start, m.end() + start, m.group()) for m in _WORD.finditer(text[start:stop])]


@cache
def morph_vocab() -> MorphVocab:
    """The process's morphological dictionary (pymorphy's, through natasha), without the neural
    models: stages that only look words up (lexicons, gazetteer, notebooks' English labels) use it
    without loading those, and the neural pipeline shares it."""
    return MorphVocab()


@lru_cache(maxsize=200_000)
def readings(word: str) -> tuple:
    """Every dictionary reading of ``word`` (case-insensitive), most likely first."""
    return tuple(morph_vocab().parse(word.lower()))


def parse(word: str):
    """The most likely dictionary reading of ``word`` (case-insensitive), or None."""
    forms = readings(word)
    return forms[0] if forms else None


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of ``word``, lowercased, ё as е; quotes and dots around it ignored."""
    core = word.strip("«»\"'.")
    form = parse(core) if core else None
    return form.normal.replace("ё", "е") if form else core.lower()


def pos(word: str) -> str | None:
    """The part of speech (OpenCorpora tags: NOUN, ADJF, VERB, PRTF, ...) of ``word``'s best reading."""
    core = word.strip("«»\"'.")
    form = parse(core) if core[:1].isalnum() else None
    return form.tag.POS if form else None


_GENDERS = {"masc": "Masc", "femn": "Fem", "neut": "Neut"}


@lru_cache(maxsize=50_000)
def nominative(word: str, gender: str | None = None) -> str:
    """Singular nominative of ``word``, agreeing with ``gender`` ("российским" -> "российский")."""
    form = parse(word)
    feats = {"Nom", "Sing"} | ({_GENDERS[gender]} if gender in _GENDERS else set())
    inflected = (form.inflect(feats) or form.inflect({"Nom", "Sing"})) if form else None  # UD feature names
    if not inflected:
        return word.lower()
    # pymorphy spells ё; keep the text's е where it wrote one ("обновленный", not "обновлённый")
    return inflected.word if "ё" in word.lower() else inflected.word.replace("ё", "е")


def gender(word: str) -> str | None:
    form = parse(word)
    return form.tag.gender if form else None


def stem_pattern(lemmas) -> re.Pattern:
    """A case-insensitive pattern for the words that may be forms of ``lemmas`` (their first
    letters), to skip dictionary look-ups for the many words that cannot be. A stem is the part
    every form of the lemma begins with ("купить" -> "куп", as "куплена" begins), at most five
    letters; three letters of the lemma where its forms share fewer ("идти", "шёл")."""
    stems = sorted({_stem(lemma) for lemma in lemmas}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s).replace("е", "[её]") for s in stems) + ")", re.IGNORECASE)


def _stem(lemma: str) -> str:
    form = parse(lemma)
    forms = sorted({f.word.replace("ё", "е") for f in form.lexeme}) if form else []
    shared = os.path.commonprefix(forms) if forms and lemma.replace("ё", "е") in forms else ""
    return (shared if len(shared) >= 3 else lemma.replace("ё", "е")[:3])[:5]
