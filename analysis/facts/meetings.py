"""Meetings, talks, visits, sessions and calls, with the parties that met, where and when.

A story sentence holding a meeting word (``data/meeting_words.csv``, by lemma: "встреча",
"встретился", "переговоры", "визит", "заседание", "телефонный разговор") is parsed with natasha's
dependency model, and only such sentences are: the parse costs about as much as NER. The
parties are read from the meeting phrase, not from every name in the sentence:

* a meeting verb's subject and its "с кем"/"между кем" ("Омаров встретился с Петровым"), a
  passive's subject and agent ("Омаров был принят Петровым");
* a meeting noun's genitive and its "с"/"между" ("переговоры Омарова и Петрова", "визит
  министра в Казахстан"), and the subject of the verb that tells of it ("Омаров провёл
  телефонный разговор с Петровым", "Омаров прибыл с визитом");
* the host of a visit, a country it goes to ("визит в Казахстан"); otherwise a country named
  with "в"/"на" is where it happened, never a party ("переговоры в Казахстане").

Each party is the person its phrase names ("с министром обороны России Асаном Омаровым" ->
Омаров), else its organisations and countries ("делегации России и Казахстана"); a subject "он"
is the person named last before the sentence, a bare title ("министр") the person the article
gave it. An outlet is never a party ("в беседе с RT" is an interview), nor is a meeting word
governed by a speech verb ("пояснил в беседе"). A plural meeting noun ("регулярные визиты") is
meetings in general. One in the future or planned (``data/meeting_cues.csv``: "планируют
провести", "встретятся", "предстоящий визит") is reported with status ``planned``, else
``held``; one negated, proposed, that may not happen or called off ("может посетить", "визит
отложили") or inside «quoted» words is not reported. It takes two parties to meet.

A sentence telling of a meeting that shares two parties with an earlier one (or one, and the
place) tells more of it: the lead and the body of one report are one
meeting, its evidence running over both. "Во встрече приняли участие X и Y" adds X and Y to the
meeting told last. The place is the city (else the country) named with "в"/"на"; the date is
the first date the sentence states, "сегодня" the day of publication.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from ..language.lemmas import lemma, parse, pos, stem_pattern, words
from ..language.syntax import Token, case_word, children, phrase, subtree
from ..lexicon import rows
from ..vocabulary import ActorKind, MeetingStatus
from .document import Document
from .roles import quotations, role_words
from .schema import Meeting

_PARTY_KINDS = (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.COUNTRY)
_WITH = frozenset({"с", "со", "между"})
_AT = frozenset({"в", "во", "на"})
_SUBJECTS = ("nsubj", "nsubj:pass")
# a party's phrase stops at a clause of its own
_CLAUSES = frozenset({"acl", "acl:relcl", "advcl", "parataxis", "ccomp", "xcomp", "csubj", "punct"})
_PRONOUNS = frozenset({"он", "она"})
_PRONOUN_FORMS = re.compile(r"(?<!\w)(?:он|она)(?!\w)", re.IGNORECASE)
# actors whose names let a sentence tell of a meeting (a city: the host of a visit)
_MAY_MEET = (*_PARTY_KINDS, ActorKind.PLACE)
_NEAR = 8  # tokens from a meeting noun to the "который" of a clause about it ("встреча в Астане, на которой")
# relations from a meeting word up to the words that say whether it took place
_TELLS = frozenset({"obj", "nsubj", "nsubj:pass", "obl", "xcomp", "nmod"})


@cache
def _meeting_words() -> dict[str, str]:
    return {row["lemma"]: row["kind"] for row in rows("meeting_words.csv")}


@cache
def _object_parties() -> dict[str, str]:
    """Meeting verbs whose object is the other party: whom one visits ("yes": anyone) or
    receives ("person": a person only; "принял делегацию", "принял закон" are not meetings)."""
    return {row["lemma"]: row["object"] for row in rows("meeting_words.csv") if row["object"]}


@cache
def _cues(cue: str) -> frozenset[str]:
    return frozenset(row["lemma"] for row in rows("meeting_cues.csv") if row["cue"] == cue)


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
    text = doc.text
    # only sentences with a meeting word and two names (or a name and "он") are parsed: the
    # parse costs as much as NER
    sentences = [
        s
        for s in doc.story_sentences(_candidates())
        if _may_tell(doc, s) and any(lemma(w.text) in _meeting_words() for w in words(text, s.start, s.stop))
    ]
    parses = doc.parses(sentences)
    quoted = quotations(text)
    meetings: list[Meeting] = []
    for sentence, tokens in zip(sentences, parses):
        lemmas = [lemma(t.text) for t in tokens]
        for trigger, word_lemma in enumerate(lemmas):
            kind = _meeting_words().get(word_lemma)
            status = _status(tokens, lemmas, trigger, quoted) if kind else None
            if status is None:
                continue
            pairs = doc.by_sentence.get(sentence.index, [])
            found = _parties(doc, tokens, lemmas, trigger, kind, pairs, sentence.start)
            if _attended(tokens, lemmas, trigger):
                attending = _attending(doc, tokens, lemmas, trigger, pairs, sentence.start)
                if meetings:  # "во встрече в Астане также приняли участие ...": the one told last
                    place = _place(doc, tokens, trigger, pairs, {aid for aid, _ in attending})
                    meetings[-1] = _merge(meetings[-1], [*found, *attending], place, None, doc, sentence)
                    break
                first: dict[str, tuple[int, int]] = {}
                for aid, span in [*found, *attending]:
                    first.setdefault(aid, span)
                found = sorted(first.items(), key=lambda item: item[1])
            if len(found) < 2 and not _body_in_session(doc, kind, found):
                continue
            place = _place(doc, tokens, trigger, pairs, {aid for aid, _ in found})
            date = next((d.value for d in dates if sentence.start <= d.start < sentence.stop), None)
            if date is None and doc.article.published and _today() & set(lemmas):
                date = doc.article.published  # "сегодня состоялась встреча" in an article of that day
            earlier = _same_meeting(doc, meetings, sentence, place, {aid for aid, _ in found})
            if earlier is None:
                meeting = Meeting(kind, (), (), place, date, (sentence.start, sentence.stop), status=status)
                meetings.append(_merge(meeting, found, place, date, doc))
            else:
                # told as held once, it was held: "встреча пройдёт завтра" before its report
                held = MeetingStatus.HELD in (meetings[earlier].status, status)
                meeting = replace(meetings[earlier], status=MeetingStatus.HELD if held else MeetingStatus.PLANNED)
                meetings[earlier] = _merge(meeting, found, place, date, doc, sentence)
            break
    return meetings


def _body_in_session(doc: Document, kind: str, found) -> bool:
    """A session of one body ("заседание Совета министров обороны"): it takes two to meet,
    but a body's members meet in its session."""
    return kind == "session" and len(found) == 1 and doc.by_id[found[0][0]].kind == ActorKind.ORGANIZATION


def _may_tell(doc: Document, sentence) -> bool:
    """Whether a sentence names two actors who may have met, or one and a pronoun standing for
    another: it takes two to meet."""
    named = doc.named(sentence, _MAY_MEET)  # a country inside a role is his, not another party
    if len(named) >= 2:
        return True
    return bool(named) and bool(_PRONOUN_FORMS.search(doc.text, sentence.start, sentence.stop))


def _governor(tokens: list[Token], trigger: int) -> int:
    """The verb that tells of a meeting noun ("провели переговоры", "состоялась встреча"), up
    through the verbs it is the complement of ("планируют провести"), or the trigger itself."""
    at, seen = trigger, {trigger}
    while tokens[at].head not in (-1, *seen) and tokens[at].rel in ("obj", "nsubj", "nsubj:pass", "obl", "xcomp"):
        at = tokens[at].head
        seen.add(at)
        if tokens[at].rel != "xcomp":
            break
    return at


def _status(tokens: list[Token], lemmas: list[str], trigger: int, quoted: list[tuple[int, int]]) -> str | None:
    """Whether the meeting word tells of a meeting held (or under way) or one to come (in the
    future, planned, scheduled: ``planned`` cues of ``meeting_cues.csv``); None for meetings in
    general, ones that did not happen or may not (negated, proposed, called off: ``unreal``
    cues), interviews and words quoted from someone (the author's words inside a quotation,
    «…, — сообщил он на заседании …, — …», are the report's)."""
    word = tokens[trigger].text
    form = parse(word)
    plural = form is not None and form.tag.POS == "NOUN" and form.tag.number == "plur"
    if plural and _meeting_words()[lemmas[trigger]] != "talks":
        return None  # "динамика взаимных визитов"; talks are told in the plural ("переговоры")
    if any(start <= tokens[trigger].start < stop for start, stop in quoted):
        return None
    chain, at = {trigger}, trigger
    # the model's heads may form a loop: a token already on the chain ends it
    while tokens[at].head not in (-1, *chain) and tokens[at].rel in _TELLS:
        at = tokens[at].head
        chain.add(at)
        if tokens[at].rel not in ("xcomp", "obl", "nmod"):
            break
    status = MeetingStatus.HELD
    for i in chain:
        form = parse(tokens[i].text)
        if lemmas[i] in _cues("unreal") or any(lemmas[c] == "не" for c in children(tokens, i, "advmod")):
            return None
        if (form is not None and form.tag.POS == "VERB" and form.tag.tense == "futr") or lemmas[i] in _cues("planned"):
            status = MeetingStatus.PLANNED
    modifiers = {lemmas[c] for c in children(tokens, trigger, "amod")}  # "предстоящие переговоры"
    if modifiers & _cues("unreal"):
        return None
    return MeetingStatus.PLANNED if modifiers & _cues("planned") else status


def _parties(doc: Document, tokens, lemmas, trigger: int, kind: str, pairs, start: int):
    """(actor id, mention span) of each party of the meeting phrase, in text order."""
    heads: list[int] = []
    people_at: list[int] = []
    form = parse(tokens[trigger].text)
    verb = form is not None and form.tag.POS in ("VERB", "INFN", "PRTF", "PRTS", "GRND")
    if verb:
        # the agent of a passive met its subject: "Омаров был принят Петровым"
        heads += children(tokens, trigger, *_SUBJECTS, "obl:agent")
        heads += [i for i in children(tokens, trigger, "obl", "nmod") if case_word(tokens, i) in _WITH]
        if lemmas[trigger] in _object_parties():  # "посетил Казахстан", "принял министра обороны"
            objects = children(tokens, trigger, "obj")
            if _object_parties()[lemmas[trigger]] == "person":
                # one receives a person: "принял участие", "принял закон" tell of no meeting
                received = objects + children(tokens, trigger, "nsubj:pass")  # "был принят Петровым"
                people = [aid for i in received for aid, _ in _actors(doc, tokens, lemmas, i, pairs, start, False)]
                if not any(doc.by_id[aid].kind == ActorKind.PERSON for aid in people):
                    return []
                people_at += objects
            else:
                heads += objects
        if kind == "visit":  # "прибыл в турецкую столицу"
            heads += [i for i in children(tokens, trigger, "obl") if case_word(tokens, i) in _AT]
    else:
        heads += [i for i in children(tokens, trigger, "nmod") if case_word(tokens, i) in (None, *_WITH)]
        # "российско-казахстанские переговоры": a compound adjective names the sides
        heads += [i for i in children(tokens, trigger, "amod") if "-" in tokens[i].text]
        heads += [
            j
            for i in children(tokens, trigger, "nmod")
            if lemmas[i] == "участие" and case_word(tokens, i) in _WITH  # "с участием X"
            for j in children(tokens, i, "nmod")
        ]
        # "встреча ..., на которой присутствовал X", "конференция, участие в которой приняли X",
        # "конференция, по итогам которой X парафировали конвенцию": who acts at it took part
        clause = _relative_clause(tokens, lemmas, trigger)
        heads += [
            j
            for i in {*children(tokens, trigger, "acl:relcl"), *clause[:1]}
            if lemmas[i] in _cues("attend")
            or any(lemmas[c] in _cues("attend") for c in children(tokens, i, "obj"))
            or (clause and i == clause[0] and clause[1])
            for j in children(tokens, i, *_SUBJECTS)
        ]
        governor, rel = _governor(tokens, trigger), tokens[trigger].rel
        # the verb's subject held the meeting ("провёл переговоры", "прибыл с визитом"); its
        # "с кем" met the subject ("состоялась встреча с ..."); a meeting told of as a setting
        # ("тема была главной на встрече") says nothing of who met
        held = rel == "obj" or (rel == "obl" and case_word(tokens, trigger) in _WITH)
        if governor != trigger and (held or rel in _SUBJECTS):
            heads += children(tokens, governor, *_SUBJECTS) if held else []
            heads += [i for i in children(tokens, governor, "obl") if case_word(tokens, i) in _WITH and i != trigger]
        elif governor != trigger and rel == "obl":
            # "Омаров заявил в ходе встречи с Петровым": the person acting at the meeting took
            # part in it; a topic ("тема была главной на встрече") did not
            people_at = children(tokens, governor, *_SUBJECTS)
        if kind == "visit":
            hosts = [i for i in children(tokens, trigger, "nmod") if case_word(tokens, i) in _AT]
            if governor != trigger:
                hosts += [i for i in children(tokens, governor, "obl") if case_word(tokens, i) in _AT]
            heads += hosts
    if kind == "visit":  # "по приглашению Асана Омарова": the host
        invited = [i for i in children(tokens, trigger, "obl", "nmod") if lemmas[i] == "приглашение"]
        heads += [j for i in invited for j in children(tokens, i, "nmod") if case_word(tokens, j) is None]
    found: dict[str, tuple[int, int]] = {}
    for head in sorted(set(heads) | set(people_at)):
        named = _actors(doc, tokens, lemmas, head, pairs, start, visit_host=kind == "visit")
        if not named and case_word(tokens, head) in _WITH:
            named = _led_by(doc, tokens, head, pairs)
        for aid, span in named:
            if head in people_at and head not in heads and doc.by_id[aid].kind != ActorKind.PERSON:
                continue
            # "президента США Асана Омарова": the country names his position, he is the party
            if not doc.in_role(*span):
                found.setdefault(aid, span)
    people = [aid for aid in found if doc.by_id[aid].kind == ActorKind.PERSON]
    if kind == "visit" and len(people) >= 2:  # a visit to a person: his country is no other party
        found = {aid: span for aid, span in found.items() if aid in people}
    return sorted(found.items(), key=lambda item: item[1])


def _actors(doc: Document, tokens, lemmas, head: int, pairs, start: int, visit_host: bool):
    """The actors a party's phrase names: its people, else its organisations and countries (an
    outlet never); a pronoun or a bare title stands for a person named before."""
    low, high = phrase(tokens, head, _CLAUSES)
    at = {t.start: i for i, t in enumerate(tokens)}
    inside = [
        (m, aid)
        for m, aid in pairs
        if low <= m.start
        and m.stop <= high
        # "российский коллега" is Russia's, "главреды российских СМИ" are not
        and not (m.start in at and _adjective_of_another(tokens, at[m.start], head, m.stop))
    ]
    kinds = {aid: doc.by_id[aid].kind for _, aid in inside}
    if visit_host and tokens[head].rel in ("nmod", "obl") and case_word(tokens, head) in _AT:
        # the host of a visit is a country: the one named, or the one of the city it goes to
        return [(_country_of(doc, aid) or aid, (m.start, m.stop)) for m, aid in inside if _country_of(doc, aid)]
    people = [(aid, (m.start, m.stop)) for m, aid in inside if kinds[aid] == ActorKind.PERSON]
    if people:
        return people + _unnamed_counterparts(doc, tokens, lemmas, head, pairs)
    bodies = [m for m, aid in inside if kinds[aid] == ActorKind.ORGANIZATION]
    others = [
        (aid, (m.start, m.stop))
        for m, aid in inside
        if kinds[aid] in _PARTY_KINDS
        # a country or body inside an organisation's name is the organisation's: "заседание
        # Совета министров обороны СНГ" is the council's, not the CIS's as well
        and not any(b.start <= m.start and m.stop <= b.stop and b != m for b in bodies)
    ]
    if others and lemmas[head] in role_words():
        # "лидеров Японии и США": the one person the article gave a role in each, if there is one
        return [_holder(doc, aid, span) or (aid, span) for aid, span in others]
    if others:
        return others
    if inside:
        return []
    if lemmas[head] in _PRONOUNS:
        return _named_before(doc, start)
    return _titled(doc, lemmas[head], start)


def _unnamed_counterparts(doc: Document, tokens, lemmas, head: int, pairs):
    """The countries of titles joined to a named person without a name of their own: in "Омаров
    и его казахстанский коллега" the colleague stands for Kazakhstan."""
    found = []
    for conjunct in children(tokens, head, "conj"):
        if lemmas[conjunct] not in role_words():
            continue
        low, high = phrase(tokens, conjunct, _CLAUSES)
        inside = [(m, aid) for m, aid in pairs if low <= m.start and m.stop <= high]
        if not any(doc.by_id[aid].kind == ActorKind.PERSON for _, aid in inside):
            found += [(aid, (m.start, m.stop)) for m, aid in inside if doc.by_id[aid].kind == ActorKind.COUNTRY]
    return found


def _adjective_of_another(tokens, index: int, head: int, stop: int) -> bool:
    """A one-word adjective mention ("российских") modifying a word other than the party's head."""
    return tokens[index].stop == stop and tokens[index].rel == "amod" and tokens[index].head != head


def _country_of(doc: Document, aid: str) -> str | None:
    """A country's own id, or the id of the country a city belongs to if the article names it."""
    actor = doc.by_id[aid]
    if actor.kind == ActorKind.COUNTRY:
        return aid
    if actor.kind == ActorKind.PLACE and actor.country:
        return next((a.actor_id for a in doc.actors if a.kind == ActorKind.COUNTRY and a.code == actor.country), None)
    return None


def _holder(doc: Document, aid: str, span: tuple[int, int]):
    """The one person whose roles in the article name country or body ``aid``, with the mention
    ``span`` of it that stands for him here, or None."""
    holders = sorted({person for person, named in _stands_for(doc).items() if aid in named and person != aid})
    return (holders[0], span) if len(holders) == 1 else None


def _led_by(doc: Document, tokens, head: int, pairs):
    """For "с делегацией …" whose phrase names no one, the people the sentence names after it
    ("… во главе с председателем Асаном Омаровым"), outside a parenthetical clause ("сообщили в
    пресс-службе") and role phrases: the parse often loses where such a tail attaches."""
    aside = {tokens[j].start for i, t in enumerate(tokens) if t.rel == "parataxis" for j in subtree(tokens, i)}
    return [
        (aid, (m.start, m.stop))
        for m, aid in pairs
        if doc.by_id[aid].kind == ActorKind.PERSON
        and m.start > tokens[head].start
        and m.start not in aside
        and not doc.in_role(m.start, m.stop)
    ]


def _named_before(doc: Document, start: int):
    """The person named last before ``start``."""
    earlier = [
        (aid, (m.start, m.stop))
        for m, aid in zip(doc.mentions, doc.actor_ids)
        if m.stop <= start and doc.by_id[aid].kind == ActorKind.PERSON
    ]
    return earlier[-1:]


def _titled(doc: Document, word_lemma: str, start: int):
    """The person named before ``start`` whom the article gave a title starting with this word."""
    titled = {r.actor_id for r in doc.roles if r.start < start and lemma(r.role.split()[0]) == word_lemma}
    earlier = [
        (aid, (m.start, m.stop)) for m, aid in zip(doc.mentions, doc.actor_ids) if m.stop <= start and aid in titled
    ]
    return earlier[-1:]


def _relative_clause(tokens, lemmas, trigger: int) -> tuple[int, bool] | tuple[()]:
    """The verb of a relative clause that follows a meeting noun and whose "который" agrees with
    it ("конференция в Исламабаде, участие в которой приняли …"), found by the words: the parse
    often hangs such a clause on a word inside it; and whether the clause tells what was done
    at the meeting ("на которой", "в ходе которой", "по итогам которой": ``setting`` cues)."""
    which = next((k for k in range(trigger + 1, min(len(tokens), trigger + _NEAR)) if lemmas[k] == "который"), None)
    if which is None or not any(t.text == "," for t in tokens[trigger + 1 : which]):
        return ()
    noun, pronoun = parse(tokens[trigger].text), parse(tokens[which].text)
    if (
        noun is None
        or pronoun is None
        or (noun.tag.gender, noun.tag.number) != (pronoun.tag.gender, pronoun.tag.number)
    ):
        return ()
    verb = next((k for k in range(which + 1, len(tokens)) if pos(tokens[k].text) == "VERB"), None)
    if verb is None:
        return ()
    return verb, lemmas[which - 1] in _cues("setting")


def _attended(tokens, lemmas, trigger: int) -> bool:
    """A meeting noun attended ("во встрече приняли участие", "на переговорах присутствовали")."""
    governor = tokens[trigger].head
    return governor >= 0 and (
        lemmas[governor] in _cues("attend") or any(lemmas[c] in _cues("attend") for c in children(tokens, governor))
    )


def _attending(doc: Document, tokens, lemmas, trigger: int, pairs, start: int):
    """The parties the attending verb's subject names; when the parse finds none there, the
    sentence is a list of who attended: its people outside role phrases."""
    governor = tokens[trigger].head
    found = [
        pair
        for head in children(tokens, governor, *_SUBJECTS)
        for pair in _actors(doc, tokens, lemmas, head, pairs, start, visit_host=False)
    ]
    if found:
        return found
    return [
        (aid, (m.start, m.stop))
        for m, aid in pairs
        if doc.by_id[aid].kind == ActorKind.PERSON and not doc.in_role(m.start, m.stop)
    ]


def _place(doc: Document, tokens, trigger: int, pairs, parties: set[str]) -> str | None:
    """Where the meeting was: a city named with "в"/"на" and the prepositional case ("в Астане",
    "в городе Джидда", not "давление на Астану"), else such a country in the meeting phrase (on
    the meeting word or the verb telling of it: not "обсудили положение в Афганистане"); never a
    party."""
    starts = {t.start: i for i, t in enumerate(tokens)}
    holders = {trigger, _governor(tokens, trigger)}
    cities, countries = [], []
    for m, aid in pairs:
        at = starts.get(m.start)
        if aid in parties or at is None:
            continue
        seen = {at}  # up from a name to the noun it names ("в городе Джидда"), loops aside
        while tokens[at].rel in ("appos", "flat", "flat:name") and tokens[at].head not in (-1, *seen):
            at = tokens[at].head
            seen.add(at)
        form = parse(tokens[at].text)
        if case_word(tokens, at) not in _AT or form is None or form.tag.case not in ("loct", "loc2"):
            continue
        actor = doc.by_id[aid]
        if actor.kind == ActorKind.PLACE:
            cities.append(actor.name)
        elif actor.kind == ActorKind.COUNTRY and tokens[at].head in holders:
            countries.append(actor.name)
    return next(iter(cities + countries), None)


def _same_meeting(doc: Document, meetings: list[Meeting], sentence, place, parties: set[str]) -> int | None:
    """The earlier meeting a sentence tells more of: the one sharing most parties with it (the
    first of those), two at least, or one and the place; or, in the paragraph the meeting was
    last told in, one party and no person new to it ("визит шефа Пентагона в Ташкент" after the
    talks of the two ministers). A person shares with the countries and bodies of his role
    ("министр обороны России Асан Омаров" and "Россия")."""
    stands = _stands_for(doc)
    best, index = 0, None
    for i, meeting in enumerate(meetings):
        theirs = set().union(*(stands.get(aid, {aid}) for aid in meeting.participant_ids))
        shared = sum(1 for aid in parties if stands.get(aid, {aid}) & theirs)
        same_paragraph = any(
            s.paragraph == sentence.paragraph for s in doc.sentences if s.start < meeting.evidence[1] <= s.stop
        )
        vaguer = all(aid in meeting.participant_ids or doc.by_id[aid].kind != ActorKind.PERSON for aid in parties)
        if (
            shared >= 2 or (shared and ((place and meeting.place == place) or (same_paragraph and vaguer)))
        ) and shared > best:
            best, index = shared, i
    return index


def _stands_for(doc: Document) -> dict[str, set[str]]:
    """Each person's id with the ids of the countries and organisations the role phrases the
    article gives that person name ("председатель генштаба турецкой армии" -> Turkey)."""
    stands: dict[str, set[str]] = {}
    starts = [m.start for m in doc.mentions]  # in text order
    for role in doc.roles:
        inside = range(bisect_left(starts, role.start), bisect_left(starts, role.stop))
        named = {
            doc.actor_ids[i]
            for i in inside
            if doc.mentions[i].stop <= role.stop and doc.by_id[doc.actor_ids[i]].kind in _PARTY_KINDS
        }
        stands.setdefault(role.actor_id, {role.actor_id}).update(named)
    return stands


def _merge(meeting: Meeting, found, place, date, doc: Document, sentence=None) -> Meeting:
    """``meeting`` with the parties ``found`` added (only people once it has two: the countries
    and bodies are theirs), its place and date filled in when it had none, and its evidence
    running on to the end of ``sentence``, a later one telling of it, when that names a party it
    adds or lies in the paragraph the evidence ends in or the next (the evidence is one stretch
    of text: a passing mention far on is not its telling)."""
    pairs = list(zip(meeting.participant_ids, meeting.participant_mentions))
    people = sum(doc.by_id[aid].kind == ActorKind.PERSON for aid in meeting.participant_ids)
    named = {(m.start, m.stop, aid) for m, aid in zip(doc.mentions, doc.actor_ids)}
    for aid, span in found:
        if aid not in dict(pairs) and (people < 2 or doc.by_id[aid].kind == ActorKind.PERSON):
            pairs.append((aid, span))
        elif aid in dict(pairs) and (*dict(pairs)[aid], aid) not in named and (*span, aid) in named:
            # "министра обороны Казахстана" stood for him until a sentence names him
            pairs = [(other, span if other == aid else old) for other, old in pairs]
    # a person stands in for the country or body of his role ("встреча министров обороны
    # Казахстана и России" told again with their names)
    stands = _stands_for(doc)
    people = [aid for aid, _ in pairs if doc.by_id[aid].kind == ActorKind.PERSON]
    represented = {other for aid in people for other in stands.get(aid, ())}
    pairs = [(aid, span) for aid, span in pairs if doc.by_id[aid].kind == ActorKind.PERSON or aid not in represented]
    stop = meeting.evidence[1]
    if sentence is not None:
        last = next((s.paragraph for s in doc.sentences if s.start < stop <= s.stop), sentence.paragraph)
        if sentence.paragraph <= last + 1 or any(span[0] >= sentence.start for _, span in pairs):
            stop = max(stop, sentence.stop)
    return replace(
        meeting,
        participant_ids=tuple(aid for aid, _ in pairs),
        participants=tuple(doc.by_id[aid].name for aid, _ in pairs),
        participant_mentions=tuple(span for _, span in pairs),
        place=meeting.place or place,
        date=meeting.date or date,
        evidence=(meeting.evidence[0], stop),
    )
