"""Organisations: abbreviations and long forms merged, national bodies with their country."""

from analysis.facts.document import read_document
from analysis.language.nlp import analyse
from analysis.reading.corpus import parse_article


def organizations(text: str) -> list[tuple[str, str, str]]:
    analysis = read_document(parse_article("x", text))
    actors, ids = analysis.actors, analysis.actor_ids
    by_id = {a.actor_id: a for a in actors}
    return [
        (m.text, by_id[aid].name, by_id[aid].country)
        for m, aid in zip(analysis.mentions, ids)
        if by_id[aid].kind == "organization"
    ]


def test_abbreviation_and_long_form_are_one_organisation():
    found = organizations(
        "Генсек ОДКБ посетил Ереван\nГенеральный секретарь Организации Договора о коллективной "
        "безопасности Андрей Сердюков посетил учения. Страны ОДКБ проведут учения осенью."
    )
    assert found == [
        ("ОДКБ", "ОДКБ", ""),
        ("Организации Договора о коллективной безопасности", "ОДКБ", ""),
        ("ОДКБ", "ОДКБ", ""),
    ]


def test_national_bodies_take_the_country_next_to_them():
    found = organizations(
        "Визит министра\nМинистр прибыл в Министерство обороны Республики Казахстан. "
        "Минобороны России и российский МИД прокомментировали визит. "
        "Пресс-служба МО РК сообщила детали."
    )
    assert found == [
        ("Министерство обороны Республики Казахстан", "Министерство обороны Казахстана", "KZ"),
        ("Минобороны России", "Министерство обороны России", "RU"),
        ("российский МИД", "Министерство иностранных дел России", "RU"),
        ("МО РК", "Министерство обороны Казахстана", "KZ"),
    ]
    assert {(name, country) for _, name, country in found} >= {
        ("Министерство обороны Казахстана", "KZ"),
        ("Министерство обороны России", "RU"),
        ("Министерство иностранных дел России", "RU"),
    }


def test_a_national_body_without_a_country_in_reach_stays_unknown():
    assert organizations("Заявление\nКак сообщили в пресс-службе Минобороны, учения завершены.") == [
        ("Минобороны", "Министерство обороны", "")
    ]


def test_seed_ministry_variants_are_one_ministry(seed_results):
    actors = seed_results.actors.set_index("actor_id")
    row = actors.loc["organization:министерство_обороны_казахстана"]
    assert (row["name"], row["country"], row["articles"]) == ("Министерство обороны Казахстана", "KZ", 3)
    mentions = seed_results.mentions
    texts = set(mentions[mentions["actor_id"] == "organization:министерство_обороны_казахстана"]["text"])
    assert {"Министерством обороны Республики Казахстан", "МО РК", "Минобороны Казахстана"} <= texts
    assert "КАМАЗ" in set(actors["name"])  # «КАМАЗом» keeps its capitals


def test_a_body_before_a_place_is_an_organisation_with_that_place():
    found = organizations(
        "Визит министра\nПравительство Казахстана и посольство России в Астане обсудили визит, "
        "о нём сообщили СМИ и акимат Астаны, а также мэрии Москвы и Совет муфтиев России."
    )
    assert found == [
        ("Правительство Казахстана", "Правительство Казахстана", "KZ"),
        ("посольство России", "Посольство России", "RU"),
        ("акимат Астаны", "Акимат Астаны", "KZ"),
        ("мэрии Москвы", "Мэрия Москвы", "RU"),
        ("Совет муфтиев России", "Совет муфтиев России", ""),
    ]


def test_the_place_inside_an_organisation_name_stays_a_mention():
    analysis = analyse(parse_article("x", "Визит\nДелегация Министерства обороны Российской Федерации и ЕС прибыла."))
    assert [(m.text, m.type, m.normal) for m in analysis.mentions] == [
        ("Министерства обороны Российской Федерации", "ORG", "Министерство обороны Российской Федерации"),
        ("Российской Федерации", "LOC", "Российская Федерация"),
        ("ЕС", "ORG", "ЕС"),
    ]


def test_a_body_run_into_the_name_after_it_is_split_off():
    analysis = analyse(
        parse_article("x", "Заявление\nОб этом сказал депутат Мажилиса Айдос Сарым. С министром встретился депутат.")
    )
    assert [(m.text, m.type, m.normal) for m in analysis.mentions] == [
        ("Мажилиса", "ORG", "Мажилис"),
        ("Айдос Сарым", "PER", "Айдос Сарым"),
    ]  # and no person "С"
