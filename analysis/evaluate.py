"""Measured accuracy: ``python -m analysis.evaluate factru PATH``.

Scores the package's entity mentions, and raw natasha's on the same texts, on a factRuEval-2016
folder with that evaluation's rules (see ``analysis.factru``) and prints precision, recall and
F1 for PER, LOC, ORG and overall; then the package's facts against the gold facts of Track 3:
meetings against Meeting facts (their people: the gold's meetings are meetings of people), the
roles of people against Occupation facts (who, the position, and where: the country, place or
organisation the role names, its words left out of the position, "министр обороны Казахстана"
-> position "министр обороны", where Kazakhstan), and deals, contracts and documents about a
purchase or investment against Deal facts (their parties as participants, and the type their
kind or title tells).

The package's mentions are what ``mentions.csv`` holds for each text run through the loader
and the extractor, typed by the actor they resolve to: people PER, countries, regions and
cities LOC, organisations and outlets ORG. Country adjectives ("российская сторона") are
mentions of a country for the package, but not names, so they are not scored.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from .errors import AnalysisError
from .evaluation.factru import (
    FACT_KINDS,
    TYPES,
    FactruDocument,
    Response,
    Score,
    load_documents,
    score_document,
    score_facts,
)
from .lexicon import rows
from .vocabulary import ActorKind

# factRuEval's types of the package's actors
_KIND_TYPES = {
    ActorKind.PERSON: "PER",
    ActorKind.ORGANIZATION: "ORG",
    ActorKind.MEDIA: "ORG",
    ActorKind.COUNTRY: "LOC",
    ActorKind.PLACE: "LOC",
}


def natasha_mentions(document: FactruDocument) -> list[tuple[str, int, int]]:
    """natasha's NER spans over the whole text, as they come."""
    from .language.nlp import pipeline

    return [(span.type, span.start, span.stop) for span in pipeline().ner_tagger(document.text).spans]


def package_output(document: FactruDocument) -> tuple[list[tuple[str, int, int]], dict[str, list[Response]]]:
    """The package's named mentions of the text, typed by the actor each resolves to, and its
    facts by Track 3 kind, each as (argument, token set of a mention or wording) pairs."""
    from .facts.document import read_document
    from .facts.record import build_facts
    from .language.geo import adjective_place
    from .reading.corpus import parse_article

    article = parse_article(document.name, document.text)
    if article.text != document.text:
        raise AnalysisError(f"{document.name}: the loader changed the text, so offsets would not compare")
    doc = read_document(article)
    mentions = [
        (_KIND_TYPES[doc.by_id[aid].kind], m.start, m.stop)
        for m, aid in zip(doc.mentions, doc.actor_ids)
        if not adjective_place(m.text)
    ]
    record = build_facts(doc)
    facts = {
        # factRuEval's Meeting facts include meetings to come: held and planned ones count
        "meeting": [
            tuple(("participant", document.token_set(*span)) for span in spans)
            for spans in (_people(doc, m) for m in record.meetings)
            if len(spans) >= 2
        ],
        "occupation": _occupations(document, doc),
        "deal": [
            deal
            for deal in (_deal(document, doc, a) for a in record.agreements if _economic(a))
            if any(name == "participant" for name, _ in deal)
        ],
    }
    return mentions, facts


def _people(doc, meeting) -> list[tuple[int, int]]:
    """The mentions of a meeting's people: factRuEval's Meeting facts are meetings of people
    (every participant in its gold is a Person), so countries and bodies are left out there."""
    return [
        span
        for aid, span in zip(meeting.participant_ids, meeting.participant_mentions)
        if doc.by_id[aid].kind == ActorKind.PERSON
    ]


def _occupations(document: FactruDocument, doc) -> list[Response]:
    """One Occupation per distinct role of a person: who (the mention the role stands next to),
    the position and where, as factRuEval splits a role phrase. The position is the role's
    title: its words up to its last role word before a body's noun and the genitive words that
    complete the title ("министр иностранных дел"; "заместитель руководителя" of "администрации
    президента"); where is the rest, from the first named actor, quoted name or
    organisation noun on ("лидер фракции КПРФ" -> "лидер", "фракции КПРФ"), else an actor named
    before the title, by adjective only for a state's post ("российский президент", not
    "бразильский космонавт"). A role with no where is a profession, not an occupation in
    factRuEval's sense (all but one of the devset's 180 Occupation facts have a where), and is
    left out; a role restated is counted once; titles joined by "и" count one each."""
    from .facts.roles import is_role_word, role_group
    from .language.geo import adjective_place
    from .language.lemmas import lemma, pos, words

    bodies = {lemma(row["word"]) for row in rows("not_entities.csv") if row["kind"] in ("head", "body")}
    pairs = list(zip(doc.mentions, doc.actor_ids))
    located = (ActorKind.COUNTRY, ActorKind.ORGANIZATION, ActorKind.PLACE)
    found: dict[tuple, Response] = {}
    for role in doc.roles:
        person = min(
            (m for m, aid in pairs if aid == role.actor_id),
            key=lambda m: min(abs(m.start - role.stop), abs(role.start - m.stop)),
        )
        if not any(s.start <= role.start < s.stop and s.start <= person.start < s.stop for s in doc.sentences):
            continue  # a title referring back to someone named before: the gold states occupations by name
        named = [
            m for m, aid in pairs if role.start <= m.start and m.stop <= role.stop and doc.by_id[aid].kind in located
        ]
        spans = [w for w in words(document.text, role.start, role.stop) if w.text[:1].isalnum() or w.text[:1] in '«„“"']
        titles = [i for i, w in enumerate(spans) if is_role_word(w.text)]
        # a role word after a body noun names whose body it is ("заместитель руководителя
        # администрации президента": where is "администрации президента")
        body = (
            next(
                (i for i in range(titles[0] + 1, len(spans)) if lemma(spans[i].text.split("-")[-1]) in bodies),
                len(spans),
            )
            if titles
            else len(spans)
        )
        last = max((i for i in titles if i < body), default=len(spans) - 1)
        cut = next(
            (
                i
                for i in range(last + 1, len(spans))
                if spans[i].text[:1] in '«„“"'
                or any(m.start == spans[i].start for m in named)
                or lemma(spans[i].text.split("-")[-1]) in bodies
            ),
            len(spans),
        )
        named_by = cut < len(spans) and (
            spans[cut].text[:1] in '«„“"' or spans[cut].text[:1].isascii() and spans[cut].text[:1].isalpha()
        )
        # "директор радиостанции «Эхо»", "глава компании Dell": the noun a name is given to is where
        if named_by and cut - 1 > last and pos(spans[cut - 1].text) == "NOUN" and not is_role_word(spans[cut - 1].text):
            cut -= 1
        while cut - 1 > last and pos(spans[cut - 1].text) in ("ADJF", "PRTF", "NUMR"):
            cut -= 1  # "глава синодального отдела": the adjective is the body's
        title = [w for w in spans[:cut] if not any(m.start <= w.start < m.stop for m in named)]
        wording = [w.text for w in title]
        where = None
        if cut < len(spans):
            where = document.token_set(spans[cut].start, role.stop)
        elif named and (not adjective_place(named[0].text) or role_group(spans[last].text) in _STATE_GROUPS):
            # "российский президент" serves Russia; "бразильский космонавт" is Brazilian
            where = document.token_set(*_noun_mention(doc, named[0]))
        if where is None:
            continue  # a profession with no body or country ("писатель"): the gold's occupations all have one
        for part in _coordinated(wording):
            arguments = (
                ("who", document.token_set(person.start, person.stop)),
                ("position", " ".join(part)),
                ("where", where),
            )
            found.setdefault((role.actor_id, tuple(lemma(w) for w in part)), arguments)
    return list(found.values())


# the groups of roles (``roles.csv``) that serve a state: a country adjective before one names
# the state served, before another the holder's nationality
_STATE_GROUPS = ("politics", "military")


def _coordinated(wording: list[str]) -> list[list[str]]:
    """The titles of a role that joins several with "и" ("управляющий директор и совладелец"):
    the evaluation states one Occupation for each."""
    from .facts.roles import is_role_word

    parts, current = [], []
    for word in (*wording, "и"):
        if word == "и" and any(is_role_word(w) for w in current):
            parts.append(current)
            current = []
        else:
            current.append(word)
    return parts if len(parts) > 1 and not current else [wording]


def _noun_mention(doc, mention) -> tuple[int, int]:
    """The mention itself, or for a country adjective ("российский президент") the nearest
    mention of that country by name: the gold's entities are named by nouns."""
    from .language.geo import adjective_place

    if not adjective_place(mention.text):
        return mention.start, mention.stop
    aid = doc.actor_ids[doc.mentions.index(mention)]
    nouns = [m for m, a in zip(doc.mentions, doc.actor_ids) if a == aid and not adjective_place(m.text)]
    nearest = min(nouns, key=lambda m: abs(m.start - mention.start), default=mention)
    return nearest.start, nearest.stop


# factRuEval's deals are economic: its types, by the package's kinds of agreement
_DEAL_TYPES = {
    "purchase": "купля/продажа",
    "investment": "инвестиции",
    "loan": "займ/возвращение займа",
    "fine": "наложение/выплата штрафа",
    "sanctions": "экономические санкции (штраф, эмбарго и т. п.)",
}


_DEAL_STEMS = {
    "purchase": ("покуп", "продаж", "приобрет", "постав", "закуп"),
    "investment": ("инвест",),
    "loan": ("кредит", "займ", "заем"),
    "fine": ("штраф",),
    "sanctions": ("санкц", "эмбарго"),
}


def _economic(agreement) -> bool:
    """A deal in factRuEval's sense: a purchase, sale or investment, a contract, or a document
    about one ("соглашение о покупке"), not a treaty between states."""
    words = agreement.title.lower()
    return agreement.kind in (*_DEAL_TYPES, "contract") or any(
        stem in words for stem in ("сделк", *(stem for stems in _DEAL_STEMS.values() for stem in stems))
    )


def _deal(document: FactruDocument, doc, agreement) -> Response:
    """A Deal response: the agreement's parties, and its type when its kind or title tells it
    ("соглашение о покупке" is a purchase)."""
    parties = tuple(("participant", document.token_set(*span)) for span in _party_mentions(doc, agreement))
    title = agreement.title.lower()
    kind = _DEAL_TYPES.get(agreement.kind) or next(
        (_DEAL_TYPES[kind] for kind, stems in _DEAL_STEMS.items() if any(stem in title for stem in stems)), None
    )
    return (*parties, ("type", kind)) if kind else parties


def _party_mentions(doc, agreement) -> list[tuple[int, int]]:
    """A mention of each party of an agreement: the one nearest its first naming, by name
    rather than by adjective where the text has one (the gold's entities are named by nouns)."""
    from .language.geo import adjective_place

    at = agreement.mentions[0][0] if agreement.mentions else agreement.evidence[0]
    spans = []
    for party in agreement.party_ids:
        named = [m for m, aid in zip(doc.mentions, doc.actor_ids) if aid == party]
        named = [m for m in named if not adjective_place(m.text)] or named
        if named:
            nearest = min(named, key=lambda m: abs(m.start - at))
            spans.append((nearest.start, nearest.stop))
    return spans


def evaluate(
    documents: list[FactruDocument], progress: bool = True
) -> tuple[dict[str, dict[str, Score]], dict[str, Score]]:
    """Mention scores by system ("natasha", "package") and type (PER, LOC, ORG, overall), and the
    package's fact scores by Track 3 kind, summed over documents."""
    totals = {system: {kind: Score() for kind in (*TYPES, "overall")} for system in ("natasha", "package")}
    facts = {kind: Score() for kind in FACT_KINDS}
    for document in tqdm(documents, desc="factRuEval", unit="text", disable=not progress):
        mentions, found = package_output(document)
        for system, responses in (("natasha", natasha_mentions(document)), ("package", mentions)):
            for kind, score in score_document(document, responses).items():
                totals[system][kind] = totals[system][kind] + score
        for kind in FACT_KINDS:
            facts[kind] = facts[kind] + score_facts(document, kind, found[kind])
    return totals, facts


def format_table(totals: dict[str, dict[str, Score]]) -> str:
    """A Markdown table of F1 (and precision / recall) per system and type."""
    lines = ["| system | PER | LOC | ORG | overall |", "|---|---|---|---|---|"]
    for system, scores in totals.items():
        cells = [
            f"{scores[k].f1:.3f} ({scores[k].precision:.3f} / {scores[k].recall:.3f})" for k in (*TYPES, "overall")
        ]
        lines.append(f"| {system} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\nF1 (precision / recall)."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.evaluate", description=__doc__.split("\n\n")[0])
    tracks = parser.add_subparsers(dest="track", required=True)
    factru = tracks.add_parser("factru", help="entity mentions on a factRuEval-2016 folder")
    factru.add_argument("path", help="the devset/ or testset/ folder of factRuEval-2016")
    news = tracks.add_parser("news", help="persons, organisations, countries and digest on real news with gold")
    news.add_argument("path", help="the folder of articles (e.g. ../shared/data/news-dev)")
    news.add_argument("--gold", default=None, help="folder of gold annotations (default: the package's news-dev gold)")
    args = parser.parse_args(argv)
    if args.track == "news":
        return _news(args.path, args.gold)
    try:
        documents = load_documents(args.path)
        totals, facts = evaluate(documents)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"factRuEval-2016 {Path(args.path).name}: {len(documents)} texts, "
        f"{sum(len(d.gold) for d in documents)} gold mentions (LocOrg as Location)"
    )
    print(format_table(totals))
    print("\nFacts (Track 3):\n\n| fact | gold | found and counted | precision | recall | F1 |")
    print("|---|---|---|---|---|---|")
    for kind, score in facts.items():
        gold = sum(len(d.facts_of(kind)) for d in documents)
        print(
            f"| {kind.capitalize()} | {gold} | {score.responses} | {score.precision:.3f} | "
            f"{score.recall:.3f} | {score.f1:.3f} |"
        )
    return 0


def evaluate_news(corpus: str | Path, gold: dict[str, dict], progress: bool = True) -> tuple[dict, list[str]]:
    """Summed tallies by kind over the articles of ``corpus`` that have gold, and the gold ids
    with no article there."""
    from .evaluation.news import Tally, score_article
    from .facts.document import read_document
    from .facts.record import build_facts
    from .reading.corpus import load_article

    totals: dict[str, Tally] = {}
    missing = []
    for article_id in tqdm(sorted(gold), desc="news", unit="article", disable=not progress):
        path = Path(corpus) / f"{article_id}.txt"
        if not path.is_file():
            missing.append(article_id)
            continue
        article = load_article(path)
        for kind, tally in score_article(article, build_facts(read_document(article)), gold[article_id]).items():
            totals[kind] = totals.get(kind, Tally()) + tally
    return totals, missing


def _news(corpus: str, gold_dir: str | None) -> int:
    from .evaluation.news import GOLD, load_gold

    try:
        if not Path(corpus).is_dir():
            raise AnalysisError(f"no folder of articles at {corpus}: pass the folder the gold was made for")
        gold = load_gold(gold_dir or GOLD)
        totals, missing = evaluate_news(corpus, gold)
    except AnalysisError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(
        f"news: {len(gold) - len(missing)} articles with gold in {corpus}"
        + (f" ({len(missing)} gold ids have no article there)" if missing else "")
    )
    print("| kind | precision | recall | right | wrong | missed |\n|---|---|---|---|---|---|")
    for kind, tally in totals.items():
        print(
            f"| {kind} | {tally.precision:.3f} | {tally.recall:.3f} | {tally.correct} | {tally.wrong} | "
            f"{tally.missed} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
