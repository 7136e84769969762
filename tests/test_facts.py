"""Facts: meetings, agreements, quotes, dates, amounts, themes, on the seeds and on own articles."""

import pytest

from analysis.facts.deals import deal_kinds
from analysis.facts.document import read_document
from analysis.facts.record import build_facts
from analysis.facts.schema import to_json
from analysis.language.lemmas import lemma
from analysis.lexicon import rows
from analysis.reading.corpus import parse_article

DEAL_NOUNS = {row["lemma"]: row["noun"] for row in rows("deal_words.csv")}

OWN = """Казахстан и Беларусь подписали новое соглашение о военном сотрудничестве
АСТАНА, 14 марта. В Минске состоялась встреча министра обороны Казахстана Руслана Жаксылыкова с министром обороны Беларуси Виктором Хрениным.
По итогам переговоров стороны подписали соглашение о военно-техническом сотрудничестве между Республикой Казахстан и Республикой Беларусь. После его вступления в силу утратит силу ранее подписанное соглашение 2002 года.
«Мы договорились расширить подготовку военных кадров и совместное производство беспилотных аппаратов», - отметил он.
Генеральный секретарь ОДКБ Имангали Тасмагамбетов приветствовал договоренности. «Организация готова поддержать совместные учения двух стран в сентябре», - сказал генеральный секретарь ОДКБ.
Стоимость первого контракта на ремонт вертолетов составит 12,5 млрд тенге, сообщили в пресс-службе Минобороны Казахстана.
"""
NOTHING = "Погода в столице\nВ Астане ожидается солнечная погода, без осадков, ветер слабый.\n"


def facts_of(text: str) -> dict:
    article = parse_article("own", text)
    return to_json(build_facts(read_document(article)))


@pytest.fixture(scope="module")
def own():
    return facts_of(OWN)


def test_a_meeting_with_its_place_and_participants(own):
    assert own["meetings"] == [
        {
            "kind": "meeting",
            "participants": ["Руслан Жаксылыков", "Виктор Хренин"],
            "participant_ids": ["person:руслан_жаксылыков", "person:виктор_хренин"],
            "place": "Минск",
            "date": None,
            "evidence": [91, 214],
            "participant_mentions": [[147, 166], [196, 213]],
            "status": "held",
        }
    ]


def test_a_signed_and_a_superseded_agreement(own):
    found = [(a["kind"], a["title"], a["status"], a["parties"], a["year"]) for a in own["agreements"]]
    assert found == [
        ("agreement", "новое соглашение о военном сотрудничестве", "signed", ["Казахстан", "Беларусь"], None),
        (
            "agreement",
            "соглашение о военно-техническом сотрудничестве между Республикой Казахстан и Республикой Беларусь",
            "signed",
            ["Казахстан", "Беларусь"],
            None,
        ),
        ("agreement", "соглашение 2002 года", "superseded", [], "2002"),
        ("contract", "первый контракт на ремонт вертолетов", None, [], None),
    ]


def test_quotes_attributed_through_a_pronoun_and_a_title(own):
    found = [(q["speaker"], q["cue"], q["text"][:30]) for q in own["quotes"]]
    assert found == [
        ("Виктор Хренин", "отметил он", "Мы договорились расширить подг"),
        ("Имангали Тасмагамбетов", "сказал генеральный секретарь ОДКБ", "Организация готова поддержать "),
    ]


def test_dates_without_a_year_and_amounts_in_tenge(own):
    assert [(d["text"], d["value"]) for d in own["dates"]] == [
        ("14 марта", "--03-14"),
        ("2002 года", "2002"),
        ("сентябре", "--09"),
    ]
    assert own["amounts"] == [
        {"text": "12,5 млрд тенге", "amount": 12500000000, "currency": "KZT", "start": 800, "stop": 815}
    ]


def test_themes_counted_from_the_lexicon(own):
    assert {t["theme"]: t["count"] for t in own["themes"]} == {
        "supply": 2,
        "training": 1,
        "maintenance": 1,
        "production": 1,
        "exercises": 1,
        "it_uav": 1,
        "aviation": 1,
    }


def test_an_article_with_no_facts_has_empty_lists():
    facts = facts_of(NOTHING)
    assert [facts[k] for k in ("meetings", "agreements", "quotes", "dates", "amounts", "themes")] == [[]] * 6


SEED_MEETINGS = {
    "000_884c3e9360fca713": [(["Имангали Тасмагамбетов", "Денис Мантуров"], None, None)],
    "001_7d1e7618c1cc4230": [(["Нурлан Ермекбаев", "Сергей Шойгу"], "Астана", None)],
    "002_739a7ddcb5cf33d2": [(["Адильбек Джаксыбеков", "Николай Азаматов"], "Астана", "--07-10")],
    "004_cfd950fd49b21b71": [
        (
            [
                "Имангали Тасмагамбетов",
                "Рустам Минниханов",
                "Михаил Бочарников",
                "Равиль Зарипов",
                "Сергей Когогин",
                "Ренат Мистахов",
                "Радик Хасанов",
                "Борис Тихомиров",
                "Валерий Пашко",
            ],
            "Астана",
            "2014-12-29",
        )
    ],
}


@pytest.mark.parametrize("article_id", sorted(SEED_MEETINGS))
def test_seed_meetings(seed_results, article_id):
    meetings = seed_results.facts(article_id)["meetings"]
    assert [(m["participants"], m["place"], m["date"]) for m in meetings] == SEED_MEETINGS[article_id]


def test_seed_treaty_signed_and_the_one_it_replaces(seed_results):
    agreements = seed_results.facts("001_7d1e7618c1cc4230")["agreements"]
    found = [(a["title"], a["status"], a["parties"], a["year"]) for a in agreements]
    assert found[:3] == [
        (
            "обновленный договор о военном сотрудничестве между Республикой Казахстан и Российской Федерацией",
            "signed",
            ["Казахстан", "Россия"],
            None,
        ),
        ("договор 1994 года", "superseded", [], "1994"),
        ("программа стратегического партнерства в военной области на трехлетний период", "drafted", [], None),
    ]


def test_seed_quote_speakers(seed_results):
    speakers = {
        aid: [(q["speaker"], q["cue"]) for q in seed_results.facts(aid)["quotes"]]
        for aid in ("000_884c3e9360fca713", "001_7d1e7618c1cc4230", "002_739a7ddcb5cf33d2")
    }
    assert speakers["000_884c3e9360fca713"] == [
        ("Денис Мантуров", "отметил Денис Мантуров"),
        ("Имангали Тасмагамбетов", "сказал генеральный секретарь ОДКБ"),
    ]
    assert speakers["001_7d1e7618c1cc4230"][:3] == [
        ("Министерство обороны", "сообщили в пресс-службе Минобороны"),
        ("Нурлан Ермекбаев", "отметил Ермекбаев"),
        ("Министерство обороны Казахстана", "добавили в Минобороны Казахстана"),
    ]
    assert speakers["001_7d1e7618c1cc4230"][-1] == (None, "говорится в сообщении оборонного ведомства")
    assert speakers["002_739a7ddcb5cf33d2"] == [("Адильбек Джаксыбеков", "отметил он")]


def test_every_fact_points_at_the_text_it_came_from(seed_results):
    checked = 0
    for aid in seed_results.ids:
        text, facts = seed_results.text(aid), seed_results.facts(aid)
        for meeting in facts["meetings"]:
            start, stop = meeting["evidence"]
            assert all(start <= s and e <= stop for s, e in meeting["participant_mentions"])
            checked += 1
        for agreement in facts["agreements"]:
            start, stop = agreement["evidence"]
            first_start, first_stop = agreement["mentions"][0]
            assert start <= first_start and first_stop <= stop
            if agreement["kind"] in deal_kinds():  # a deal: its word, and the title opens with its noun
                word = lemma(text[first_start:first_stop])
                assert agreement["title"].split(":")[0] == DEAL_NOUNS[word]
            else:
                assert any(
                    lemma(text[s:e].split()[-1]) == lemma(agreement["title"].split()[-1])
                    for s, e in agreement["mentions"]
                )  # the title is one of its namings, in the nominative
            checked += 1
        for quote in facts["quotes"]:
            assert text[quote["start"] : quote["stop"]] == quote["text"]
            assert quote["cue_start"] < 0 or text[quote["cue_start"] : quote["cue_stop"]] == quote["cue"]
            checked += 1
        for item in facts["dates"] + facts["amounts"]:
            assert text[item["start"] : item["stop"]] == item["text"]
            checked += 1
    assert checked == 38


def test_a_document_word_that_ends_the_sentence():
    facts = facts_of("Итоги визита\nМинистры обороны двух стран подписали договор. Стороны обсудили план.\n")
    assert [(a["title"], a["status"]) for a in facts["agreements"]] == [("договор", "signed"), ("план", "discussed")]
