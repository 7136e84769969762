"""Areas of defence cooperation an article covers, counted from a lexicon of phrases.

``data/themes.csv`` lists for each theme the words and phrases that name it ("подготовка
кадров", "ремонт", "беспилотный"); they are matched by lemma, so every form counts
("подготовки военных кадров", "ремонту").
"""

from __future__ import annotations

from functools import cache

from ..language.lemmas import lemma, stem_pattern, words
from ..lexicon import rows
from .schema import Theme


@cache
def _lexicon() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    """Theme labels, and each phrase as lemmas -> its theme."""
    labels, phrases = {}, {}
    for row in rows("themes.csv"):
        labels[row["theme"]] = row["label"]
        phrases[tuple(lemma(w) for w in row["phrase"].split())] = row["theme"]
    return labels, phrases


@cache
def _starts():
    return stem_pattern(phrase[0] for phrase in _lexicon()[1])


def theme_labels() -> dict[str, str]:
    """Every theme of the lexicon and its English label, in the file's order."""
    return dict(_lexicon()[0])


def count_themes(text: str, spans: list[tuple[int, int]]) -> list[Theme]:
    """Themes named inside ``spans`` of ``text``, most frequent first (ties in lexicon order).

    Where phrases overlap, the longest wins ("подготовка военных кадров" is one mention of
    training, not also "подготовка" elsewhere).
    """
    labels, phrases = _lexicon()
    longest = max(map(len, phrases))
    starts = _starts()
    counts = dict.fromkeys(labels, 0)
    for start, stop in spans:
        tokens = [w.text for w in words(text, start, stop) if w.text[:1].isalnum()]
        i = 0
        while i < len(tokens):
            if starts.match(tokens[i]):  # only words that can begin a phrase are looked up
                for size in range(min(longest, len(tokens) - i), 0, -1):
                    theme = phrases.get(tuple(lemma(t) for t in tokens[i : i + size]))
                    if theme:
                        counts[theme] += 1
                        i += size
                        break
                else:
                    i += 1
            else:
                i += 1
    order = list(labels)
    found = [Theme(t, labels[t], n) for t, n in counts.items() if n]
    return sorted(found, key=lambda t: (-t.count, order.index(t.theme)))
