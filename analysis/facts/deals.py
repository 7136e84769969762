"""Deals told by a verb or its noun: purchases, sales and supplies, investments, loans, fines and
sanctions.

A story sentence with a deal word (``data/deal_words.csv``, by lemma: "купил", "приобрела",
"закупит", "выкупил", "продал", "поставляет", "экспортирует", "покупка", "поставки", "инвестировал",
"вложил", "кредит", "оштрафовала", "санкции")
and two names is read
with the dependency parse the meetings use. Its parties are the countries, organisations and
people of the deal phrase: the verb's subject (who buys, sells, invests), its object when that
names someone ("купила «ТЕХМАШ»", "купила 5% акций «ТЕХМАШа»"), the seller after "у", the buyer
in the dative ("продал Казахстану"), a destination or origin ("поставки в Казахстан", "из
России"), the target of an investment or of sanctions ("в «Казмаш»", "против России"); for a
noun, its genitive and those words too, and the subject and dative of the verb that tells of it
("объявила о покупке «ТЕХМАШа»", "предоставила Казахстану кредит"); the agent of a passive
("куплена корпорацией «Техмаш»"). A country adjective beside a named company or person is theirs,
no party ("американская корпорация «Техмаш»"), nor is the country of a currency ("за 8 млрд
долларов США"). It takes two parties to deal.

A deal is an ``Agreement`` of kind ``purchase``, ``investment``, ``loan``, ``fine`` or
``sanctions``, titled by its noun and its object as written ("покупка: 5% акций «ТЕХМАШа»"). Its
status comes from the words of ``agreement_status.csv`` on the way up from the deal word
("подписали соглашение о поставках"), else from the tense: done in the past is ``signed``, under
way in the present ``in force`` ("поставляет"), in the future or wished for ``planned``
("закупит", "намерен приобрести"); a negated one ("не будет закупать") is no deal. A country
inside an organisation's name is the organisation's, no party.
"""

from __future__ import annotations

from functools import cache

from ..language.geo import adjective_place
from ..language.lemmas import lemma, parse, stem_pattern, words
from ..language.syntax import Token, case_word, children, phrase
from ..lexicon import rows
from ..vocabulary import ActorKind, AgreementStatus
from .agreements import status_phrases
from .document import Document
from .roles import quotations
from .schema import Agreement

_PARTY_KINDS = (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY)
_SUBJECTS = ("nsubj", "nsubj:pass")
# prepositions that bring a party of a deal: the seller, the destination, the origin, the target
# (of an investment, of sanctions: "против России", "в отношении России")
_PARTY_CASES = frozenset({"у", "в", "во", "из", "с", "со", "против"})
_CLAUSES = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "xcomp", "csubj", "punct"})
_UP = frozenset({"obj", "obl", "nmod", "xcomp", "nsubj", "nsubj:pass"})
_DENIED = "denied"  # a negated deal ("не будет закупать") is none


@cache
def _deal_words() -> dict[str, tuple[str, str]]:
    return {row["lemma"]: (row["kind"], row["noun"]) for row in rows("deal_words.csv")}


@cache
def deal_kinds() -> frozenset[str]:
    """The kinds of agreement a deal is (``purchase``, ``investment``, ``loan``, ``fine``,
    ``sanctions``): told by a verb or its noun, not named as a document."""
    return frozenset(kind for kind, _ in _deal_words().values())


@cache
def _candidates():
    return stem_pattern(_deal_words())


@cache
def _statuses() -> dict[str, str]:
    """The one-word status cues of the agreements (``agreement_status.csv``) by lemma, each with
    its strongest status."""
    found: dict[str, str] = {}
    for cue, status, _ in sorted(status_phrases(), key=lambda item: item[2]):
        if len(cue) == 1:
            found.setdefault(cue[0], status)
    return found


@cache
def _wishes() -> frozenset[str]:
    """Words that put a deal in the future ("намерен приобрести"): the planned cues."""
    return frozenset(phrase for phrase, status in _statuses().items() if status == AgreementStatus.PLANNED)


def find_deals(doc: Document, agreements: list[Agreement] = ()) -> list[Agreement]:
    """The deals the article's story tells of, in text order; a deal word inside the title of
    one of ``agreements`` ("соглашение о покупке …") is that document's, not a deal of its own."""
    titled = [span for agreement in agreements for span in agreement.mentions]
    text = doc.text
    # only sentences with a deal word and two names outside people's roles are parsed
    sentences = [
        s
        for s in doc.story_sentences(_candidates())
        if len(doc.named(s, _PARTY_KINDS)) >= 2
        and any(lemma(w.text) in _deal_words() for w in words(text, s.start, s.stop))
    ]
    found = []
    quoted = quotations(text)  # someone's words, not the report
    for sentence, tokens in zip(sentences, doc.parses(sentences)):
        lemmas = [lemma(t.text) for t in tokens]
        pairs = doc.may_be_parties(sentence.index)
        for trigger, word_lemma in enumerate(lemmas):
            at = tokens[trigger].start
            if (
                word_lemma not in _deal_words()
                or any(start <= at < stop for start, stop in quoted)
                or any(start <= at < stop for start, stop in titled)
            ):
                continue
            parties = _parties(doc, tokens, trigger, pairs)
            status = _status(tokens, lemmas, trigger)
            if len(parties) < 2 or status == _DENIED:
                continue
            kind, noun = _deal_words()[word_lemma]
            found.append(
                Agreement(
                    kind=kind,
                    title=_title(text, tokens, trigger, noun),
                    status=status,
                    parties=tuple(doc.by_id[aid].name for aid in parties),
                    party_ids=tuple(parties),
                    year=None,
                    evidence=(sentence.start, sentence.stop),
                    mentions=((tokens[trigger].start, tokens[trigger].stop),),
                )
            )
            break
    return found


def _verb(word: str) -> bool:
    form = parse(word)
    return form is not None and form.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")


def _parties(doc: Document, tokens: list[Token], trigger: int, pairs) -> list[str]:
    """The actor ids the deal phrase names, in text order."""
    heads = [i for i in children(tokens, trigger) if _is_party(tokens, i)]
    if not _verb(tokens[trigger].text) and tokens[trigger].head >= 0:
        governor = tokens[trigger].head
        if tokens[trigger].rel in ("obj", "obl", "nmod") and _verb(tokens[governor].text):
            # "объявила о покупке"; "предоставила Казахстану кредит": the subject and the dative;
            # "наложил на «Казмаш» штраф": on whom
            heads += children(tokens, governor, *_SUBJECTS, "iobj")
            heads += [i for i in children(tokens, governor, "obl") if case_word(tokens, i) == "на"]
    named = [(m, aid) for m, aid in pairs if doc.by_id[aid].kind in _PARTY_KINDS]
    # a country inside an organisation's name ("Министерство обороны Казахстана") is the body's
    outer = [
        (m, aid) for m, aid in named if not any(o.start <= m.start and m.stop <= o.stop and o != m for o, _ in named)
    ]
    found: dict[str, int] = {}
    for head in heads:
        low, high = phrase(tokens, head, _CLAUSES)
        inside = [(m, aid) for m, aid in outer if low <= m.start and m.stop <= high]
        # "американская компания Blekko": the country of a named company or person is theirs
        owned = any(doc.by_id[aid].kind != ActorKind.COUNTRY for _, aid in inside)
        for m, aid in inside:
            if not (owned and doc.by_id[aid].kind == ActorKind.COUNTRY and adjective_place(m.text)):
                found.setdefault(aid, m.start)
    return sorted(found, key=found.get)


def _is_party(tokens: list[Token], index: int) -> bool:
    """A dependent of the deal word that may name a party: its subject, object, a dative or
    genitive, the agent of a passive, or a phrase with "у", "в", "из", "с"."""
    rel = tokens[index].rel
    if rel in (*_SUBJECTS, "obj", "iobj", "obl:agent"):  # the agent of a passive: "куплена «Техмашем»"
        return True
    return rel in ("obl", "nmod") and case_word(tokens, index) in (None, *_PARTY_CASES)


def _title(text: str, tokens: list[Token], trigger: int, noun: str) -> str:
    """The deal's noun and what it is of, as written ("покупка: 5% акций «ТЕХМАШа»")."""
    objects = [i for i in children(tokens, trigger, "obj", "nmod") if case_word(tokens, i) is None]
    if not objects:
        return noun
    low, high = phrase(tokens, objects[0], _CLAUSES)
    words_of = text[low:high].split(",")[0].strip()  # a list stops at its first item
    if words_of.count("«") > words_of.count("»"):
        words_of += "»"  # the closing mark is punctuation to the parse
    return f"{noun}: {words_of}"


def _status(tokens: list[Token], lemmas: list[str], trigger: int) -> str | None:
    """Status from the cue words up from the deal word, else from its verb's tense; ``_DENIED``
    when negated."""
    chain, at = [trigger], trigger
    while tokens[at].head not in (-1, *chain) and tokens[at].rel in _UP:
        at = tokens[at].head
        chain.append(at)
    if any(lemmas[c] == "не" for i in chain for c in children(tokens, i, "advmod")):
        return _DENIED
    for i in chain:
        if lemmas[i] in _statuses():
            return _statuses()[lemmas[i]]
    verb = next((i for i in chain if _verb(tokens[i].text)), None)
    if verb is None:
        return None
    form = parse(tokens[verb].text)
    if form.tag.tense == "futr" or lemmas[verb] in _wishes():
        return AgreementStatus.PLANNED
    if form.tag.tense == "past" or form.tag.POS == "PRTS":
        return AgreementStatus.SIGNED
    return AgreementStatus.IN_FORCE if form.tag.tense == "pres" else None  # "поставляет": under way
