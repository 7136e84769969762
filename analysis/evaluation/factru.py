"""The factRuEval-2016 gold standard and its Track 1 scoring rules (named-entity mentions).

Re-implements the rules of the evaluation's own scripts (``t1_eval.py -l``) on its data
folders (``book_N.txt``, ``.tokens``, ``.spans``, ``.objects``):

- a mention is the set of the gold tokens that lie wholly inside its span, less one-character
  non-letters glued to a neighbour (quotes, hyphens);
- a gold object is the tokens of all its spans; name tokens weigh 1, descriptors, job titles and
  geographic adjectives 0 (free to include or leave out); objects with no name token
  ("unnamed") and objects strictly inside another (a person inside an organisation) are
  neutral: finding them earns nothing, missing them costs nothing; LocOrg counts as Location;
- a response paired with a gold object of its type earns ``tp / (tp + fp + fn)``: weighted
  name tokens found, every extra token costs 1, missed name tokens cost 1 (punctuation aside);
- precision is the credit over the responses, recall over the gold objects, summed over all
  documents.

Pairs with identical token sets are always matched, as in the original; the others are paired
by a maximum-weight matching of the credits (the original searches the pairings for the best
F1 of the document, which differs only between pairings of equal credit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ..errors import ParameterError
from ..language.lemmas import lemma

TYPES = ("PER", "LOC", "ORG")
FACT_KINDS = ("meeting", "occupation", "deal")
_OBJECT_TYPES = {
    "Person": "PER",
    "Location": "LOC",
    "LocOrg": "LOC",
    "Org": "ORG",
    "Organization": "ORG",
    "Project": None,
}
# span types whose tokens count (weight 1) for an object of each type; all others weigh 0
_NAME_SPANS = {
    "PER": {"name", "surname", "patronymic", "nickname", "none"},
    "LOC": {"loc_name", "org_name", "none"},
    "ORG": {"org_name", "loc_name", "none"},
}
# an object strictly inside another of these types is embedded, and neutral
_PARENTS = {"PER": {"LOC", "ORG"}, "LOC": {"LOC", "ORG"}, "ORG": {"ORG"}}


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    stop: int
    text: str
    ignored: bool  # a one-character non-letter glued to a neighbour: never part of a response

    @property
    def punctuation(self) -> bool:
        return len(self.text) == 1 and not self.text.isalpha()


@dataclass(frozen=True, slots=True)
class GoldMention:
    type: str
    tokens: frozenset[int]
    weights: dict = field(hash=False, compare=False)  # token index -> 1 (name) or 0 (optional)
    neutral: bool = False  # unnamed or embedded in another mention


@dataclass(frozen=True, slots=True)
class GoldArgument:
    """One argument of a gold fact: an entity, as the token sets of every mention of it, or a
    wording (a job span, a deal type), as its alternatives."""

    name: str  # participant, who, where, position, type
    mentions: tuple[frozenset[int], ...] = ()
    wordings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class GoldFact:
    """A Meeting, Occupation or Deal fact of the gold (Track 3)."""

    kind: str  # meeting, occupation, deal
    arguments: tuple[GoldArgument, ...]
    ignored: bool  # marked "Сложность повышенная": neutral, as in the evaluation's default mode


@dataclass(frozen=True, slots=True)
class FactruDocument:
    name: str
    text: str
    tokens: tuple[Token, ...]
    gold: tuple[GoldMention, ...]
    facts: tuple[GoldFact, ...] = ()

    def facts_of(self, kind: str) -> tuple[GoldFact, ...]:
        """The gold facts of one kind (``meeting``, ``occupation``, ``deal``)."""
        return tuple(f for f in self.facts if f.kind == kind)

    def token_set(self, start: int, stop: int) -> frozenset[int]:
        """The indices of the tokens wholly inside ``[start, stop)``, glued punctuation left out."""
        return frozenset(i for i, t in enumerate(self.tokens) if start <= t.start and t.stop <= stop and not t.ignored)


def load_documents(folder: str | Path) -> list[FactruDocument]:
    """Every ``book_N`` of a factRuEval-2016 folder (``devset`` or ``testset``), in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ParameterError(f"factRuEval folder not found: {folder} (pass the devset/ or testset/ folder)")
    names = sorted({p.stem for p in folder.glob("book_*.txt")}, key=lambda n: int(re.sub(r"\D", "", n) or 0))
    if not names:
        raise ParameterError(f"no book_N.txt files in {folder}: pass the devset/ or testset/ folder of factRuEval-2016")
    return [load_document(folder, name) for name in names]


def load_document(folder: Path, name: str) -> FactruDocument:
    """One document with its gold mentions.

    As in the original loader, a document whose objects name a type the evaluation does not
    know (``Facility`` occurs once in the testset) has no gold mentions at all.
    """
    text = (folder / f"{name}.txt").read_text(encoding="utf-8-sig")
    raw = [line.split() for line in _lines(folder / f"{name}.tokens")]
    spans_at = [(int(start), int(start) + int(length)) for _, start, length, *_ in raw]
    tokens = []
    for i, (_, start, length, *_) in enumerate(raw):
        start, stop = int(start), int(start) + int(length)
        word = text[start:stop]
        glued = (i > 0 and spans_at[i - 1][1] == start) or (i + 1 < len(raw) and spans_at[i + 1][0] == stop)
        tokens.append(Token(start, stop, word, len(word) == 1 and not word.isalpha() and glued))
    index = {row[0]: i for i, row in enumerate(raw)}
    spans, span_texts = {}, {}
    for line in _lines(folder / f"{name}.spans"):
        span_id, kind, start, length, first, count = line.split("#")[0].split()[:6]
        spans[span_id] = (kind, [index[first] + k for k in range(int(count))])
        span_texts[span_id] = text[int(start) : int(start) + int(length)]
    try:
        gold = _gold(folder / f"{name}.objects", spans)
    except KeyError:
        gold = ()
    return FactruDocument(name, text, tuple(tokens), gold, _facts(folder, name, spans, span_texts))


def _lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]


def _gold(path: Path, spans: dict) -> tuple[GoldMention, ...]:
    found = []
    for line in _lines(path):
        _, kind, *span_ids = line.split("#")[0].split()
        tag = _OBJECT_TYPES[kind]  # KeyError: a type the evaluation does not know
        if tag is None:
            continue
        weights: dict[int, int] = {}
        for span_id in span_ids:
            span_kind, token_ids = spans[span_id]
            for t in token_ids:
                weights[t] = max(weights.get(t, 0), int(span_kind in _NAME_SPANS[tag]))
        found.append(GoldMention(tag, frozenset(weights), weights))
    return tuple(
        GoldMention(
            g.type,
            g.tokens,
            g.weights,
            neutral=not any(g.weights.values())
            or any(o.type in _PARENTS[g.type] and g.tokens < o.tokens for o in found),
        )
        for g in found
    )


# arguments that qualify a fact rather than take part in it: the default mode drops them
_QUALIFIERS = ("Модальность", "Фаза")
_DIFFICULT = "Сложность"


def _facts(folder: Path, name: str, spans: dict, span_texts: dict) -> tuple[GoldFact, ...]:
    """The document's Meeting, Occupation and Deal facts: entity arguments resolved through
    ``.coref`` to their mentions, span arguments to their text, strings as they are."""
    objects = {}
    for line in _lines(folder / f"{name}.objects"):
        object_id, _, *span_ids = line.split("#")[0].split()
        objects[object_id] = frozenset(t for span_id in span_ids for t in spans[span_id][1])
    entities = {}
    coref = folder / f"{name}.coref"
    for block in coref.read_text(encoding="utf-8-sig").split("\n\n") if coref.is_file() else []:
        head = block.strip().splitlines()[0].split() if block.strip() else []
        if head:
            entities[head[0]] = tuple(objects[o] for o in head[1:] if o in objects)
    facts = folder / f"{name}.facts"
    found = []
    for block in facts.read_text(encoding="utf-8-sig").split("\n\n") if facts.is_file() else []:
        lines = [line.strip() for line in block.strip().splitlines()]
        kind = lines[0].split()[-1].lower() if lines else ""
        if kind not in FACT_KINDS:
            continue
        arguments = []
        for line in lines[1:]:
            label, _, value = line.partition(" ")
            if label in (*_QUALIFIERS, _DIFFICULT) or not value:
                continue
            argument = "position" if label == "Job" else label.lower()
            if value.startswith("obj"):
                arguments.append(GoldArgument(argument, mentions=entities.get(value.split()[0][3:], ())))
            elif value.startswith("span"):
                ids = [alternative.split()[0].removeprefix("span") for alternative in value.split("|")]
                arguments.append(GoldArgument(argument, wordings=tuple(span_texts[i] for i in ids if i in span_texts)))
            else:
                arguments.append(GoldArgument(argument, wordings=tuple(v.strip() for v in value.split("|"))))
        found.append(GoldFact(kind, tuple(arguments), ignored=any(line.startswith(_DIFFICULT) for line in lines)))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Score:
    """Credit earned, responses counted, gold mentions counted; precision, recall and F1 from them."""

    credit: float = 0.0
    responses: int = 0
    gold: int = 0
    response_credit: float | None = None  # when responses earn otherwise than gold (facts), else ``credit``

    def __add__(self, other: Score) -> Score:
        return Score(
            self.credit + other.credit,
            self.responses + other.responses,
            self.gold + other.gold,
            self.earned + other.earned,
        )

    @property
    def earned(self) -> float:
        return self.credit if self.response_credit is None else self.response_credit

    @property
    def precision(self) -> float:
        return self.earned / self.responses if self.responses else 1.0

    @property
    def recall(self) -> float:
        return self.credit / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def credit(gold: GoldMention, response: frozenset[int], tokens: tuple[Token, ...]) -> float:
    """What a response earns against a gold mention of its type."""
    tp = sum(gold.weights[t] for t in response & gold.tokens)
    fn = sum(gold.weights[t] for t in gold.tokens - response if not tokens[t].punctuation)
    fp = len(response - gold.tokens)
    if tp + fp + fn == 0:
        return _jaccard(gold.tokens, response)
    return tp / (tp + fp + fn)


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def score_document(document: FactruDocument, responses: list[tuple[str, int, int]]) -> dict[str, Score]:
    """Scores by type and ``overall`` of one document's responses ``(type, start, stop)``."""
    sets = [(kind, document.token_set(start, stop)) for kind, start, stop in responses]
    sets = [(kind, s) for kind, s in sets if s]
    pairs = _match(document, sets)
    scores = {}
    for kind in (*TYPES, "overall"):
        wanted = set(TYPES) if kind == "overall" else {kind}
        matched_gold = {g for g, _ in pairs}
        matched_responses = {r for _, r in pairs}
        counted = [(g, r) for g, r in pairs if document.gold[g].type in wanted and not document.gold[g].neutral]
        tp = sum(credit(document.gold[g], sets[r][1], document.tokens) for g, r in counted)
        unmatched_responses = sum(1 for r, (k, _) in enumerate(sets) if k in wanted and r not in matched_responses)
        unmatched_gold = sum(
            1
            for g, m in enumerate(document.gold)
            if m.type in wanted
            and not m.neutral
            and g not in matched_gold
            and not _sibling_counts(document.gold, g, matched_gold)
        )
        scores[kind] = Score(tp, len(counted) + unmatched_responses, len(counted) + unmatched_gold)
    return scores


def _sibling_counts(gold: tuple[GoldMention, ...], g: int, matched: set[int]) -> bool:
    """Whether another gold mention with the same tokens stands for unmatched ``g``: one that
    was matched, else (neither matched) an earlier one of the same type or an organisation."""
    mention = gold[g]
    for o, other in enumerate(gold):
        if o == g or other.tokens != mention.tokens or other.type not in _PARENTS[mention.type] | {mention.type}:
            continue
        if (
            o in matched
            or (other.type == mention.type and o < g)
            or (other.type != mention.type and other.type == "ORG")
        ):
            return True
    return False


def _match(document: FactruDocument, sets: list[tuple[str, frozenset[int]]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, response index) of the same type: identical token sets first."""
    pairs, used_gold, used_responses = [], set(), set()
    for r, (kind, tokens) in enumerate(sets):
        for g, gold in enumerate(document.gold):
            if g not in used_gold and gold.type == kind and gold.tokens == tokens:
                pairs.append((g, r))
                used_gold.add(g)
                used_responses.add(r)
                break
    graph = nx.Graph()
    for r, (kind, tokens) in enumerate(sets):
        if r in used_responses:
            continue
        for g, gold in enumerate(document.gold):
            if g not in used_gold and gold.type == kind and gold.tokens & tokens:
                # credit decides; overlap breaks ties (and pairs neutral gold, which earns nothing)
                weight = credit(gold, tokens, document.tokens) + 1e-3 * _jaccard(gold.tokens, tokens)
                graph.add_edge(("g", g), ("r", r), weight=weight)
    for a, b in nx.max_weight_matching(graph):
        (_, g), (_, r) = sorted([a, b])
        pairs.append((g, r))
    return sorted(pairs)


# a response fact: (argument name, the token set of an entity's mention or a wording) pairs
Response = tuple[tuple[str, frozenset[int] | str], ...]


def score_facts(document: FactruDocument, kind: str, responses: list[Response]) -> Score:
    """Track 3 score of one document's responses of one kind (``meeting``, ``occupation``,
    ``deal``).

    A response argument matches a gold one of the same name when its tokens overlap a mention
    of that entity, or its wording is that span's or string's (see ``same_wording``). Each
    response goes to the gold fact it matches most arguments of (none if it matches none); a
    gold fact with its responses earns ``n / (n + extra + missing)`` over the pooled arguments,
    halved for the part of the gold argument pairs no single response joins when several
    responses split it; every response earns its group's credit. Gold facts marked difficult are
    neutral. The evaluation searches every assignment for the best F1 of the document; taking
    each response's best match differs only where responses compete for one gold fact.
    """
    gold_facts = document.facts_of(kind)
    groups: dict[int, list[int]] = {}
    unassigned = 0
    for r, response in enumerate(responses):
        shared = [(len(_matched(gold, response)), -i, i) for i, gold in enumerate(gold_facts)]
        best = max(shared, default=(0, 0, -1))
        if best[0] == 0:
            unassigned += 1
        else:
            groups.setdefault(best[2], []).append(r)
    credit_gold = credit_responses = 0.0
    counted_responses = unassigned
    for g, members in groups.items():
        gold = gold_facts[g]
        if gold.ignored:
            continue
        quality = _group_quality(gold, [responses[r] for r in members])
        credit_gold += quality
        credit_responses += quality * len(members)
        counted_responses += len(members)
    gold_count = sum(not f.ignored for f in gold_facts)
    # precision counts response credit, recall gold credit, as the original's two tp figures
    return Score(credit_gold, counted_responses, gold_count, credit_responses)


def _matches(gold: GoldArgument, name: str, value: frozenset[int] | str) -> bool:
    if gold.name != name:
        return False
    if isinstance(value, frozenset):
        return any(value & m for m in gold.mentions)
    return any(same_wording(value, w) for w in gold.wordings)


def _matched(gold: GoldFact, response: Response) -> dict[int, list[int]]:
    """Gold argument index -> the indices of the response arguments that match it (each
    response argument matches the first gold argument it can, as in the original)."""
    found: dict[int, list[int]] = {}
    for a, (name, value) in enumerate(response):
        g = next((i for i, arg in enumerate(gold.arguments) if _matches(arg, name, value)), None)
        if g is not None:
            found.setdefault(g, []).append(a)
    return found


def _group_quality(gold: GoldFact, responses: list[Response]) -> float:
    matched: dict[int, set[int]] = {}  # gold argument -> responses that match it
    extra = 0
    for r, response in enumerate(responses):
        hits = _matched(gold, response)
        extra += len(response) - sum(len(a) for a in hits.values())
        for g in hits:
            matched.setdefault(g, set()).add(r)
    n, missing = len(matched), len(gold.arguments) - len(matched)
    arguments = n / (n + extra + missing) if n + extra + missing else 0.0
    if len(responses) == 1:
        return arguments
    found = sorted(matched)
    pairs = [(a, b) for i, a in enumerate(found) for b in found[i + 1 :]]
    joined = sum(bool(matched[a] & matched[b]) for a, b in pairs) / len(pairs) if pairs else 1.0
    return (arguments + joined * arguments) / 2


def same_wording(response: str, gold: str) -> bool:
    """Whether two wordings of a job or a deal type agree: at most two edits apart once case,
    ё/е and quote marks are set aside (the evaluation's rule), or the same words up to their
    inflection (the evaluation compares job spans also in a normalised form, "министра
    обороны" = "министр обороны"; the lemmas stand in for its list of those forms)."""
    a, b = _plain(response), _plain(gold)
    if _edits(a, b) <= 2:
        return True
    return [lemma(w) for w in a.split()] == [lemma(w) for w in b.split()]


def _plain(wording: str) -> str:
    return " ".join(re.sub(r"[«»“”„\"]", '"', wording.lower().replace("ё", "е")).split())


def _edits(a: str, b: str) -> int:
    """Levenshtein distance."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(current[j - 1] + 1, previous[j] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]
