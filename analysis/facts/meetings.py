"""Meetings, talks, visits and sessions, with who took part, where and when.

A sentence of the story that names a meeting (``data/meeting_words.csv``, matched by lemma:
"встреча", "встретился", "переговоры", "визит", "заседание") and at least two participants is
a meeting. Participants are the people the sentence names when there are two or more (the organisations
and countries next to them describe their positions), else its people and organisations, else
its countries ("Казахстан и Россия провели переговоры"); a name inside a person's role phrase
("генеральный директор АО «ТЕХМАШ»") is never a participant. A plural meeting noun
("динамика взаимных визитов") is meetings in general, not one; a negated or future one ("не
планировался", "встретятся") and one inside «quoted» words are not reported as held. The place
is a city the sentence names, the date the first date it states.

A sentence that refers back to a meeting, the meeting noun in an oblique case ("во встрече
также приняли участие ...", "по итогам встречи", "участники встречи"), adds its people to the
article's last meeting instead of starting a new one, and so does a sentence naming a meeting
at the same place as an earlier one (the lead and the body of one report). Once a meeting has
people or organisations, the countries are dropped from its participants.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from ..language.lemmas import lemma, parse, stem_pattern, words
from ..lexicon import rows
from ..vocabulary import ActorKind
from .document import Document
from .schema import Meeting

_PARTIES = (ActorKind.PERSON, ActorKind.ORGANIZATION)
# words right before a meeting word that make it a reference to a meeting already told of
_BACK_REFERENCE = {"в", "во", "на", "по", "ход", "итог", "участник", "рамка", "время"}


@cache
def _meeting_words() -> dict[str, str]:
    return {row["lemma"]: row["kind"] for row in rows("meeting_words.csv")}


@cache
def _candidates():
    return stem_pattern(_meeting_words())


@cache
def _today() -> frozenset[str]:
    return frozenset(row["word"] for row in rows("today_words.csv"))


def find_meetings(doc: Document, dates=()) -> list[Meeting]:
    """The meetings the article's story tells of, in text order.

    ``dates`` are the article's ``DateMention`` records; "сегодня" is the day the article was
    published (as far as it states it). Sentences of a digest of other news are left out.
    """
    text, published = doc.text, doc.article.published
    kinds = _meeting_words()
    by_id = doc.by_id
    role_spans = [(r.start, r.stop) for r in doc.roles]
    grouped = doc.by_sentence
    meetings: list[Meeting] = []
    for sentence in doc.story_sentences(_candidates()):
        tokens = [w for w in words(text, sentence.start, sentence.stop) if w.text[:1].isalnum()]
        lemmas = [lemma(w.text) for w in tokens]
        trigger = next(
            (
                i
                for i, word_lemma in enumerate(lemmas)
                if word_lemma in kinds
                and not _generic(tokens[i].text, word_lemma)
                and not _unreal(tokens, lemmas, i)
                and not _quoted(text, sentence.start, tokens[i].start)
            ),
            None,
        )
        if trigger is None:
            continue
        kind = kinds[lemmas[trigger]]
        found = _participants(grouped.get(sentence.index, []), by_id, role_spans)
        place = next(
            (by_id[aid].name for m, aid in grouped.get(sentence.index, []) if by_id[aid].kind == ActorKind.PLACE), None
        )
        date = next((d.value for d in dates if sentence.start <= d.start < sentence.stop), None)
        if date is None and published and _today() & set(lemmas):
            date = published  # "сегодня состоялась встреча" in an article of that day (partial stays partial)
        back_reference = _refers_back(tokens[trigger].text) or (trigger > 0 and lemmas[trigger - 1] in _BACK_REFERENCE)
        earlier = _same_meeting(meetings, kind, place, back_reference)
        if earlier is not None and back_reference:
            # "во встрече в Астане также приняли участие ...": more people and the place; a date
            # there is another matter's ("по итогам встречи подписали план на 2021 год")
            people = [
                (aid, span)
                for aid, span in found
                if by_id[aid].kind == ActorKind.PERSON and aid not in meetings[earlier].participant_ids
            ]
            if people or (place and not meetings[earlier].place):
                meetings[earlier] = _merge(meetings[earlier], people, place, None, by_id, evidence_stop=sentence.stop)
        elif earlier is not None:
            meetings[earlier] = _merge(meetings[earlier], found, place, date, by_id, evidence_stop=sentence.stop)
        else:
            meeting = _merge(
                Meeting(kind, (), (), place, date, (sentence.start, sentence.stop)), found, place, date, by_id
            )
            if len(meeting.participants) >= 2:
                meetings.append(meeting)
    return meetings


def _generic(word: str, word_lemma: str) -> bool:
    """Meetings in general ("динамика взаимных визитов"): a plural meeting noun, "переговоры" aside."""
    form = parse(word)
    return form is not None and form.tag.POS == "NOUN" and form.tag.number == "plur" and word_lemma != "переговоры"


def _unreal(tokens, lemmas: list[str], i: int) -> bool:
    """A meeting that did not or has not yet happened: negated ("не планировался") or a verb in
    the future ("встретятся")."""
    form = parse(tokens[i].text)
    future = form is not None and form.tag.POS == "VERB" and form.tag.tense == "futr"
    return future or "не" in lemmas[max(0, i - 2) : i]


def _quoted(text: str, start: int, position: int) -> bool:
    """Whether ``position`` is inside «...» opened in its sentence: someone's words, not the report."""
    before = text[start:position]
    return before.count("«") > before.count("»")


def _refers_back(word: str) -> bool:
    """A meeting noun in an oblique case ("целью встречи", "участники переговоров") names a
    meeting already told of; one that is the subject or object ("состоялась встреча", "провел
    встречу") tells of it."""
    form = parse(word)
    return form is not None and form.tag.POS == "NOUN" and form.tag.case not in ("nomn", "accs")


def _participants(pairs, by_id, role_spans) -> list[tuple[str, tuple[int, int]]]:
    """Actor ids of the sentence's participants, each with its first mention, in text order."""
    seen: dict[str, tuple[int, int]] = {}
    for mention, aid in pairs:
        kind = by_id[aid].kind
        inside_role = any(start <= mention.start and mention.stop <= stop for start, stop in role_spans)
        if kind in (*_PARTIES, ActorKind.COUNTRY) and not inside_role and aid not in seen:
            seen[aid] = (mention.start, mention.stop)
    if sum(by_id[aid].kind == ActorKind.PERSON for aid in seen) >= 2:  # the others name their positions
        seen = {aid: span for aid, span in seen.items() if by_id[aid].kind == ActorKind.PERSON}
    elif any(by_id[aid].kind in _PARTIES for aid in seen):
        seen = {aid: span for aid, span in seen.items() if by_id[aid].kind in _PARTIES}
    return list(seen.items())


def _same_meeting(meetings: list[Meeting], kind: str, place: str | None, back_reference: bool) -> int | None:
    """The earlier meeting a sentence tells more of: the last one of its kind (else the last one)
    when it refers back, else one at the same place."""
    if not meetings:
        return None
    if back_reference:
        return next((i for i in reversed(range(len(meetings))) if meetings[i].kind == kind), len(meetings) - 1)
    return next((i for i, m in enumerate(meetings) if place and m.place == place), None)


def _merge(meeting: Meeting, found, place, date, by_id, evidence_stop: int = 0) -> Meeting:
    """``meeting`` with the participants ``found`` added (countries dropped once there are people),
    its place and date filled in when it had none, and its evidence running on to ``evidence_stop``
    when a later sentence added to it."""
    pairs = list(zip(meeting.participant_ids, meeting.participant_mentions))
    pairs += [(aid, span) for aid, span in found if aid not in meeting.participant_ids]
    if any(by_id[aid].kind in _PARTIES for aid, _ in pairs):
        pairs = [(aid, span) for aid, span in pairs if by_id[aid].kind in _PARTIES]
    return replace(
        meeting,
        participant_ids=tuple(aid for aid, _ in pairs),
        participants=tuple(by_id[aid].name for aid, _ in pairs),
        participant_mentions=tuple(span for _, span in pairs),
        place=meeting.place or place,
        date=meeting.date or date,
        evidence=(meeting.evidence[0], max(meeting.evidence[1], evidence_stop)),
    )
