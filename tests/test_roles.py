"""Roles and affiliations: the position phrase before a name, in the nominative."""

import pytest

from analysis.facts.roles import role_before


@pytest.mark.parametrize(
    "before, role",
    [
        ("В Нур-Султане состоялась встреча министра обороны Казахстана ", "министр обороны Казахстана"),
        ("Министр встретился с российским коллегой ", "российский коллега"),
        ("Генеральный секретарь ОДКБ ", "генеральный секретарь ОДКБ"),
        ("В делегацию вошел генеральный директор ОАО «КАМАЗ» ", "генеральный директор ОАО «КАМАЗ»"),
        (
            "Во встрече участвовал Чрезвычайный и Полномочный посол России в Казахстане ",
            "полномочный посол России в Казахстане",
        ),
        ("Заявление сделала официальный представитель МИД России ", "официальный представитель МИД России"),
        ("министром промышленности и торговли России, председателем МКВЭС ОДКБ ", "председатель МКВЭС ОДКБ"),
        (
            "Делегацию встретил командующим Силами воздушной обороны Казахстана ",
            "командующий Силами воздушной обороны Казахстана",
        ),
    ],
)
def test_role_phrase_before_a_name_in_the_nominative(before, role):
    found = role_before(before, 0, len(before))
    assert found.text == role
    assert found.stop == len(before.rstrip())  # the evidence runs up to the name


@pytest.mark.parametrize("before", ["Министр встретился с ", "Об этом рассказал ", "В Астане прибыл "])
def test_no_role_when_none_is_given(before):
    assert role_before(before, 0, len(before)) is None


EXPECTED = {
    ("001_7d1e7618c1cc4230", "Нурлан Ермекбаев"): (["министр обороны Казахстана"], "KZ"),
    ("001_7d1e7618c1cc4230", "Сергей Шойгу"): (["российский коллега"], "RU"),
    ("000_884c3e9360fca713", "Имангали Тасмагамбетов"): (["генеральный секретарь ОДКБ"], "ОДКБ"),
    ("003_0ddd33c837182fba", "Шайх-Хасан Жазыкбаев"): (["заместитель министра обороны Казахстана"], "KZ"),
    ("004_cfd950fd49b21b71", "Имангали Тасмагамбетов"): (["министр обороны Казахстана"], "KZ"),
    ("004_cfd950fd49b21b71", "Михаил Бочарников"): (["полномочный посол России в Казахстане"], "RU"),
    ("004_cfd950fd49b21b71", "Сергей Когогин"): (["генеральный директор ОАО «КАМАЗ»"], "ОАО «КАМАЗ»"),
}


@pytest.mark.parametrize("article_id, name", sorted(EXPECTED))
def test_seed_roles_and_affiliations(seed_results, article_id, name):
    person = next(p for p in seed_results.facts(article_id)["persons"] if p["name"] == name)
    assert (person["roles"], person["affiliation"]) == EXPECTED[(article_id, name)]


def test_one_person_keeps_a_role_per_article(seed_results):
    roles = (seed_results.out / "data" / "roles.csv").read_text(encoding="utf-8").splitlines()
    tasmagambetov = [line.split(",")[:4] for line in roles if "person:имангали_тасмагамбетов" in line]
    assert tasmagambetov == [
        ["000_884c3e9360fca713", "person:имангали_тасмагамбетов", "генеральный секретарь ОДКБ", "ОДКБ"],
        ["004_cfd950fd49b21b71", "person:имангали_тасмагамбетов", "министр обороны Казахстана", "KZ"],
    ]


def roles_in(text: str) -> dict[str, tuple[str, str | None]]:
    from analysis.facts.document import read_document
    from analysis.reading.corpus import parse_article

    doc = read_document(parse_article("own", text))
    return {doc.by_id[r.actor_id].name: (r.role, r.affiliation) for r in doc.roles}


def test_roles_set_off_after_a_name_in_any_case():
    found = roles_in(
        "Переговоры в Минске\n"
        "В Минске Руслан Жаксылыков провел переговоры с Виктором Хрениным, министром обороны Беларуси. "
        "В переговорах участвовал Владимир Пономарев (начальник Генерального штаба Беларуси). "
        "Айдос Сарым — депутат Мажилиса — назвал переговоры успешными."
    )
    assert found == {
        "Виктор Хренин": ("министр обороны Беларуси", "BY"),
        "Владимир Пономарев": ("начальник Генерального штаба Беларуси", "Генеральный штаб Беларуси"),
        "Айдос Сарым": ("депутат Мажилиса", "Мажилис"),
    }


def test_a_role_that_leads_up_to_the_next_name_is_that_persons():
    found = roles_in(
        "Визит\nНа заводе побывали Денис Мантуров, генеральный директор ОАО «КАМАЗ» Сергей Когогин "
        "и Марат Бекетаев, который прибыл позже."
    )
    assert found == {"Сергей Когогин": ("генеральный директор ОАО «КАМАЗ»", "ОАО «КАМАЗ»")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Об этом заявил эксперт Института стратегических исследований Асан Омаров.",
            {"Асан Омаров": ("эксперт Института стратегических исследований", "Институт стратегических исследований")},
        ),
        ("В Астану прибыл госсекретарь США Иван Петров.", {"Иван Петров": ("госсекретарь США", "US")}),
        ("Учениями руководил генерал-майор Олег Смирнов.", {"Олег Смирнов": ("генерал-майор", None)}),
        (
            "Доклад представил спецпредставитель генсека ООН Иван Кларк.",
            {"Иван Кларк": ("спецпредставитель генсека ООН", "ООН")},
        ),
        ("Его поддержал постпред России при ООН Олег Смирнов.", {"Олег Смирнов": ("постпред России при ООН", "RU")}),
        ("Как отметил политолог Марат Жаксыбеков, решение принято.", {"Марат Жаксыбеков": ("политолог", None)}),
        (
            "С заявлением выступил лидер партии «Вперёд» Алия Бекова.",
            {"Алия Бекова": ("лидер партии «Вперёд»", "Вперёд")},
        ),
    ],
)
def test_diplomatic_military_party_and_expert_titles_are_roles(sentence, expected):
    assert roles_in(sentence) == expected
