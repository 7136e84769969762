"""The gazetteer: countries, regions and cities in every case form, with ISO codes."""

import pytest

from analysis.facts.document import read_document
from analysis.language.geo import adjective_place, compound_places, find_place, genitive
from analysis.reading.corpus import parse_article


@pytest.mark.parametrize(
    "text, name, kind, code, country",
    [
        ("Республики Казахстан", "Казахстан", "country", "KZ", "KZ"),
        ("РК", "Казахстан", "country", "KZ", "KZ"),
        ("Российской Федерацией", "Россия", "country", "RU", "RU"),
        ("РФ", "Россия", "country", "RU", "RU"),
        ("Беларусью", "Беларусь", "country", "BY", "BY"),
        ("Республикой Беларусь", "Беларусь", "country", "BY", "BY"),
        ("Киргизии", "Кыргызстан", "country", "KG", "KG"),
        ("Соединенных Штатах", "США", "country", "US", "US"),
        ("РТ", "Татарстан", "region", "RU-TA", "RU"),
        ("Республики Татарстан", "Татарстан", "region", "RU-TA", "RU"),
        ("Нур-Султане", "Астана", "city", "", "KZ"),
        ("Алма-Ате", "Алматы", "city", "", "KZ"),
        ("Казани", "Казань", "city", "", "RU"),
        # countries only CLDR names, in oblique cases, and their English names
        ("Уругваем", "Уругвай", "country", "UY", "UY"),
        ("Парагвае", "Парагвай", "country", "PY", "PY"),
        ("Paraguay", "Парагвай", "country", "PY", "PY"),
        # CLDR's official long form; geo.csv's abbreviation names the entry
        ("Южно-Африканской Республикой", "ЮАР", "country", "ZA", "ZA"),
        ("ЮАР", "ЮАР", "country", "ZA", "ZA"),
        # a form of state before any country's name (data/state_forms.csv)
        ("Султанате Бруней", "Бруней", "country", "BN", "BN"),
        ("Республикой Уругвай", "Уругвай", "country", "UY", "UY"),
        # cities of CLDR's time zones, with their country
        ("Монтевидео", "Монтевидео", "city", "", "UY"),
        ("Асунсьоне", "Асунсьон", "city", "", "PY"),
        # a city in capitals heads a dateline
        ("МОНТЕВИДЕО", "Монтевидео", "city", "", "UY"),
    ],
)
def test_every_form_finds_its_entry(text, name, kind, code, country):
    place = find_place(text)
    assert (place.name, place.kind, place.code, place.country) == (name, kind, code, country)


@pytest.mark.parametrize(
    "text",
    [
        "Запад",
        "Министерство обороны",
        "ОДКБ",
        "Казахстанская правда",
        # ordinary words that are also (forms of) place names: a pronoun is no "Того"
        "Той",
        "Тем",
        # time-zone cities the dictionary knows first as ordinary words
        "Востоке",
        "Центра",
        # an abbreviation is no country written in capitals ("Чад")
        "ЧАД",
    ],
)
def test_other_names_are_not_places(text):
    assert find_place(text) is None


def test_variants_in_an_article_are_one_country_actor():
    article = parse_article(
        "x",
        "Минобороны РК и Республики Беларусь\n"
        "Министр обороны Республики Казахстан прибыл в Минск. Казахстан и Беларусь "
        "подписали план сотрудничества, сообщили в Минске.",
    )
    analysis = read_document(article)
    actors, ids = analysis.actors, analysis.actor_ids
    by_id = {a.actor_id: a for a in actors}
    found = {
        (m.text, by_id[aid].name, by_id[aid].kind, by_id[aid].code or by_id[aid].country)
        for m, aid in zip(analysis.mentions, ids)
        if by_id[aid].kind in ("country", "place")
    }
    assert found == {
        ("РК", "Казахстан", "country", "KZ"),
        ("Республики Беларусь", "Беларусь", "country", "BY"),
        ("Республики Казахстан", "Казахстан", "country", "KZ"),
        ("Минск", "Минск", "place", "BY"),
        ("Казахстан", "Казахстан", "country", "KZ"),
        ("Беларусь", "Беларусь", "country", "BY"),
        ("Минске", "Минск", "place", "BY"),
    }


def test_country_adjectives_are_mentions_of_the_country():
    text = (
        "Российская сторона выделила квоты казахстанским военным.\n"
        "Министр встретился с российским коллегой в Российской Федерации."
    )
    analysis = read_document(parse_article("x", text))
    found = [(m.start, m.stop, m.text, aid) for m, aid in zip(analysis.mentions, analysis.actor_ids)]
    assert found == [
        (0, 10, "Российская", "country:ru"),
        (34, 47, "казахстанским", "country:kz"),
        (78, 88, "российским", "country:ru"),
        (100, 120, "Российской Федерации", "country:ru"),
    ]


@pytest.mark.parametrize(
    "word, code",
    [
        ("уругвайскими", "UY"),  # derived: Уругвай + ский
        ("эквадорской", "EC"),
        ("боливийского", "BO"),  # Боливия - ия + ийский
        ("новозеландских", "NZ"),  # irregular, from geo.csv
        ("американский", "US"),  # derived from the variant "Америка"
        ("римский", None),  # cities have no adjectives
        ("центральной", None),
    ],
)
def test_country_adjectives_are_derived_from_the_names(word, code):
    place = adjective_place(word)
    assert (place.code if place else None) == code


def test_countries_and_cities_new_to_the_gazetteer_in_an_article():
    text = (
        "Визит в Монтевидео\n"
        "Министр обороны Уругвая Асан Омаров прибыл в Асунсьон. Стороны обсудили "
        "уругвайскую помощь Парагваю. Того же мнения придерживается Петров."
    )
    analysis = read_document(parse_article("x", text))
    by_id = {a.actor_id: a for a in analysis.actors}
    found = [
        (m.text, by_id[aid].name, by_id[aid].kind, by_id[aid].code or by_id[aid].country)
        for m, aid in zip(analysis.mentions, analysis.actor_ids)
        if by_id[aid].kind in ("country", "place")
    ]
    assert found == [
        ("Монтевидео", "Монтевидео", "place", "UY"),
        ("Уругвая", "Уругвай", "country", "UY"),
        ("Асунсьон", "Асунсьон", "place", "PY"),
        ("уругвайскую", "Уругвай", "country", "UY"),
        ("Парагваю", "Парагвай", "country", "PY"),
    ]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Казахстан", "Казахстана"),
        ("Южная Корея", "Южной Кореи"),  # every word of the name agrees
        ("Соединённые Штаты Америки", "Соединённых Штатов Америки"),  # a complement after the noun stays
        ("Республика Корея", "Республики Корея"),
        ("США", "США"),
    ],
)
def test_a_place_name_in_the_genitive_for_a_national_bodys_name(name, expected):
    assert genitive(name) == expected


def test_a_body_of_a_country_with_a_two_word_name_takes_its_genitive():
    doc = read_document(parse_article("x", "Учения\nМинобороны Южной Кореи сообщило об учениях.\n"))
    assert [a.name for a in doc.actors if a.kind == "organization"] == ["Министерство обороны Южной Кореи"]


@pytest.mark.parametrize(
    "word, found",
    [
        ("российско-казахстанские", [(0, 9, "RU"), (10, 23, "KZ")]),
        ("Кыргызско-узбекско-таджикской", [(0, 9, "KG"), (10, 18, "UZ"), (19, 29, "TJ")]),
        ("военно-технические", []),  # not every part a country
        ("российско-военные", []),
    ],
)
def test_each_part_of_a_compound_country_adjective_is_a_country(word, found):
    assert [(start, stop, place.code) for start, stop, place in compound_places(word)] == found
