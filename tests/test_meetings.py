"""Meetings from the dependency parse of the sentences that tell of them, on texts written here."""

import pytest

from analysis.facts.document import read_document
from analysis.facts.meetings import find_meetings
from analysis.reading.corpus import parse_article


def meetings_of(text: str) -> list[tuple]:
    doc = read_document(parse_article("own", text))
    return [(m.kind, m.participants, m.place, m.evidence) for m in find_meetings(doc)]


def test_a_phone_call_is_a_meeting_of_the_subject_and_whom_he_called():
    text = (
        "Новости\nПрезидент Казахстана Асан Омаров провёл телефонный разговор с президентом Узбекистана "
        "Бахтияром Каримовым.\n"
    )
    assert meetings_of(text) == [("call", ("Асан Омаров", "Бахтияр Каримов"), None, (8, 114))]


def test_an_interview_and_the_commentators_of_talks_are_no_meeting():
    text = (
        "Эксперты о переговорах\nЭксперт Центра стратегических исследований Олег Петров в беседе с RT пояснил, "
        "что переговоры продлятся долго.\nАналитик Иван Сидоров согласился с ним.\n"
    )
    assert meetings_of(text) == []


def test_the_country_of_the_venue_is_the_place_not_a_party():
    text = "Итоги недели\nПереговоры министров обороны Асана Омарова и Бахтияра Каримова прошли в Казахстане.\n"
    assert meetings_of(text) == [("talks", ("Асан Омаров", "Бахтияр Каримов"), "Казахстан", (13, 96))]


def test_a_country_a_talk_is_about_is_not_its_place():
    text = "Новости\nАсан Омаров и Бахтияр Каримов обсудили в Ташкенте положение в Афганистане.\n"
    assert meetings_of(text) == [("talks", ("Асан Омаров", "Бахтияр Каримов"), "Ташкент", (8, 82))]


@pytest.mark.parametrize(
    "sentence, status",
    [
        ("Асан Омаров и Бахтияр Каримов встретились в Ташкенте в мае.", ["held"]),
        ("Асан Омаров и Бахтияр Каримов встретятся в Ташкенте в мае.", ["planned"]),
        ("Асан Омаров и Бахтияр Каримов планируют провести переговоры о поставках техники.", ["planned"]),
        ("Асан Омаров назначил встречу с Бахтияром Каримовым на пятницу.", ["planned"]),
        ("Предстоящие переговоры Асана Омарова и Бахтияра Каримова пройдут в Ташкенте.", ["planned"]),
        # denied, possible, proposed or called off: no meeting
        ("Асан Омаров и Бахтияр Каримов не встречались с прошлого года.", []),
        ("Асан Омаров может встретиться с Бахтияром Каримовым в Ташкенте.", []),
        ("Визит Асана Омарова к Бахтияру Каримову отложили.", []),
        ("Участники поддержали инициативу организации конференции ОДКБ в Минске.", []),  # a session proposed
    ],
)
def test_a_meeting_to_come_is_reported_as_planned_one_denied_or_called_off_not_at_all(sentence, status):
    doc = read_document(parse_article("own", f"Планы\n{sentence}\n"))
    assert [m.status for m in find_meetings(doc)] == status


def test_a_meeting_told_as_planned_and_then_as_held_was_held():
    text = (
        "Новости\nАсан Омаров и Бахтияр Каримов встретятся в Ташкенте.\n"
        "Встреча Асана Омарова и Бахтияра Каримова состоялась в Ташкенте в понедельник.\n"
    )
    meetings = find_meetings(read_document(parse_article("own", text)))
    assert [(m.participants, m.status) for m in meetings] == [(("Асан Омаров", "Бахтияр Каримов"), "held")]


def test_he_is_the_person_named_before():
    text = (
        "Визит в Ташкент\nМинистр обороны Казахстана Асан Омаров прибыл в Ташкент. "
        "Там он провёл переговоры с Бахтияром Каримовым.\n"
    )
    assert meetings_of(text) == [("talks", ("Асан Омаров", "Бахтияр Каримов"), None, (73, 120))]


def test_the_host_country_of_a_visit_is_a_party():
    text = "Новости\nМинистр обороны Казахстана Асан Омаров прибыл с официальным визитом в Узбекистан.\n"
    assert meetings_of(text) == [("visit", ("Асан Омаров", "Узбекистан"), None, (8, 89))]


def test_a_meeting_told_again_is_one_meeting_and_its_people_stand_for_their_countries():
    text = (
        "Новости\nВ Ташкенте состоялась встреча министров обороны Казахстана и Узбекистана. "
        "Министр обороны Казахстана Асан Омаров и министр обороны Узбекистана Бахтияр Каримов провели "
        "переговоры в Ташкенте.\nЭксперт Олег Петров назвал встречу важной.\n"
    )
    assert meetings_of(text) == [("meeting", ("Асан Омаров", "Бахтияр Каримов"), "Ташкент", (8, 197))]


def test_those_who_also_took_part_join_the_meeting_told_last():
    text = (
        "Новости\nВ Астане состоялись переговоры Асана Омарова и Бахтияра Каримова. "
        "Во встрече также приняли участие Олег Петров и Иван Сидоров.\n"
    )
    assert meetings_of(text) == [
        ("talks", ("Асан Омаров", "Бахтияр Каримов", "Олег Петров", "Иван Сидоров"), "Астана", (8, 134))
    ]


def test_a_meeting_with_a_delegation_led_by_someone():
    text = (
        "Новости\nВ Астане состоялась встреча министра обороны Казахстана Асана Омарова с делегацией "
        "Узбекистана во главе с Бахтияром Каримовым, сообщили в пресс-службе министерства.\n"
    )
    assert meetings_of(text) == [("meeting", ("Асан Омаров", "Бахтияр Каримов"), "Астана", (8, 172))]


def test_leaders_named_by_their_countries_are_the_people_the_article_gave_those_roles():
    text = (
        "Новости\nПремьер-министр Узбекистана Бахтияр Каримов прилетел в Астану. Президент Казахстана Асан "
        "Омаров выступил на форуме.\nВ Астане прошли переговоры лидеров Казахстана и Узбекистана.\n"
    )
    assert meetings_of(text) == [("talks", ("Асан Омаров", "Бахтияр Каримов"), "Астана", (124, 184))]


def test_the_host_of_a_visit_to_a_city_is_its_country_named_in_the_article():
    text = (
        "Новости\nУзбекистан и Казахстан расширяют сотрудничество. Министр обороны Казахстана Асан Омаров "
        "прибыл с визитом в Ташкент.\n"
    )
    assert meetings_of(text) == [("visit", ("Асан Омаров", "Узбекистан"), None, (57, 123))]


def test_a_visit_at_someones_invitation_is_a_visit_to_him():
    text = "Новости\nАсан Омаров побывал в Ташкенте по приглашению Бахтияра Каримова.\n"
    assert meetings_of(text) == [("visit", ("Асан Омаров", "Бахтияр Каримов"), "Ташкент", (8, 72))]


def test_who_was_present_at_the_meeting_took_part():
    text = "Новости\nВ Астане состоялась встреча Асана Омарова и Бахтияра Каримова, на которой присутствовал Олег Петров.\n"
    assert meetings_of(text) == [("meeting", ("Асан Омаров", "Бахтияр Каримов", "Олег Петров"), "Астана", (8, 108))]


def test_a_country_adjective_of_another_word_is_no_party():
    assert meetings_of("Новости\nАсан Омаров встретился с главными редакторами российских СМИ.\n") == []


@pytest.mark.parametrize(
    "sentence, participants",
    [
        ("В Астане прошли российско-казахстанские переговоры по военной технике.", ("Россия", "Казахстан")),
        ("Узбекско-китайская встреча прошла в Ташкенте.", ("Узбекистан", "Китай")),  # NER's name at the head
        ("Министры провели казахстанско-турецкие переговоры в Анкаре.", ("Казахстан", "Турция")),
    ],
)
def test_a_compound_country_adjective_names_the_sides_of_talks(sentence, participants):
    assert [m[1] for m in meetings_of(f"Новости\n{sentence}\n")] == [participants]


def test_who_took_part_in_or_acted_at_a_meeting_told_in_a_clause_after_it():
    text = (
        "Новости\nКонференция в Бишкеке, участие в которой приняли депутаты из Казахстана, Кыргызстана и "
        "Таджикистана, завершилась.\nВ 1995 году в Ташкенте состоялась встреча, по итогам которой представители "
        "Узбекистана и Туркменистана подписали протокол.\nВ Астане прошла встреча, о которой сообщили Казахстан и "
        "Кыргызстан.\n"
    )
    assert [(m.kind, m.participants) for m in find_meetings(read_document(parse_article("own", text)))] == [
        ("session", ("Казахстан", "Кыргызстан", "Таджикистан")),
        ("meeting", ("Узбекистан", "Туркменистан")),
    ]  # who reported a meeting ("о которой сообщили") did not take part


@pytest.mark.parametrize(
    "sentence, participants",
    [
        ("Вчера в Минске прошло заседание Совета министров обороны СНГ.", ("Совет министров обороны СНГ",)),
        (  # the members of the organisation a body serves are part of its name
            "Вчера в Минске прошло заседание Совета министров обороны государств – участников СНГ.",
            ("Совет министров обороны государств – участников СНГ",),
        ),
        (
            "Асан Омаров провёл переговоры с Министерством обороны Казахстана.",
            ("Асан Омаров", "Министерство обороны Казахстана"),
        ),
    ],
)
def test_a_body_meets_in_its_session_and_the_country_in_its_name_is_no_party(sentence, participants):
    assert [m[1] for m in meetings_of(f"Новости\n{sentence}\n")] == [participants]


@pytest.mark.parametrize(
    "sentence, participants",
    [
        (
            "Президент Казахстана Асан Омаров принял министра обороны Кыргызстана Бакыта Исаева.",
            [("Асан Омаров", "Бакыт Исаев")],
        ),
        ("Асан Омаров и Бакыт Исаев приняли участие в параде.", []),
        ("Сенат Казахстана принял Кыргызстан в члены ассоциации.", []),  # one receives a person
        # in the passive the agent received the subject
        ("Накануне Асан Омаров был принят Бакытом Исаевым в Бишкеке.", [("Асан Омаров", "Бакыт Исаев")]),
        ("Закон был принят парламентом Казахстана в 2019 году.", []),
    ],
)
def test_one_receives_a_person(sentence, participants):
    assert [m[1] for m in meetings_of(f"Новости\n{sentence}\n")] == participants


def test_a_talk_with_someone_is_a_meeting_a_talk_with_the_press_is_not():
    text = "Новости\nАсан Омаров пообщался с Бакытом Исаевым в Бишкеке.\nАсан Омаров пообщался с журналистами.\n"
    assert [(m.kind, m.participants) for m in find_meetings(read_document(parse_article("own", text)))] == [
        ("meeting", ("Асан Омаров", "Бакыт Исаев"))
    ]


def test_a_colleague_joined_to_a_named_person_without_a_name_stands_for_his_country():
    text = "Новости\nМинистр обороны России Иван Петров и его казахстанский коллега провели переговоры в Москве.\n"
    assert [(m.kind, m.participants) for m in find_meetings(read_document(parse_article("own", text)))] == [
        ("talks", ("Иван Петров", "Казахстан"))
    ]
