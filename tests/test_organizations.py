"""Organisations: abbreviations and long forms merged, national bodies with their country."""

from analysis.facts.document import read_document
from analysis.language.nlp import Mention, analyse
from analysis.language.organizations import complete_organizations, find_organization
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


def completed(text: str, spans: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``complete_organizations`` over mentions as NER gives them: (text, type, normal), in order."""
    mentions, position = [], 0
    for span, kind, normal in spans:
        start = text.index(span, position)
        mentions.append(Mention(start, start + len(span), span, kind, normal, 0, 0))
        position = start + 1
    return [(m.text, m.type, m.normal) for m in complete_organizations(text, mentions)]


def test_an_abbreviation_in_brackets_names_the_organisation_before_it():
    found = organizations(
        "Итоги выборов\nПо итогам голосования Народно-аграрная партия (НАП) получила большинство мест "
        "в парламенте. Председатель НАП Асан Омаров поблагодарил избирателей."
    )
    assert found == [
        ("Народно-аграрная партия", "Народно-аграрная партия", ""),
        ("НАП", "Народно-аграрная партия", ""),
        ("НАП", "Народно-аграрная партия", ""),
    ]


def test_a_span_ends_before_the_bracket_and_keeps_no_unbalanced_quote():
    text = "Ответственность взяло «Исламское движение Тарагонии» (ИДТ, запрещено в РФ). Боевики ИДТ отступили."
    found = completed(
        text,
        [
            ("Исламское движение Тарагонии» (ИДТ", "ORG", "Исламское движение Тарагонии» (ИДТ"),
            ("РФ", "LOC", "РФ"),
            ("ИДТ", "ORG", "ИДТ"),
        ],
    )
    assert found == [
        ("Исламское движение Тарагонии", "ORG", "Исламское движение Тарагонии"),
        ("ИДТ", "ORG", "Исламское движение Тарагонии"),
        ("РФ", "LOC", "РФ"),
        ("ИДТ", "ORG", "Исламское движение Тарагонии"),
    ]


def test_a_name_in_brackets_after_an_abbreviation_is_its_fuller_name():
    text = "Подразделения НСБ (Национальная служба безопасности) провели учения. Бойцы НСБ вернулись."
    found = completed(
        text,
        [
            ("НСБ", "ORG", "НСБ"),
            ("Национальная служба безопасности", "ORG", "Национальная служба безопасности"),
            ("НСБ", "ORG", "НСБ"),
        ],
    )
    assert [normal for _, _, normal in found] == ["Национальная служба безопасности"] * 3


def test_a_name_defined_with_its_owner_after_the_bracket_runs_on_over_it():
    text = "Специальная наблюдательная миссия (СНМ) ОДКБ направила отчёт. Наблюдатели СНМ вернулись."
    found = completed(
        text,
        [
            ("Специальная наблюдательная миссия (СНМ)", "ORG", "Специальная наблюдательная миссия (СНМ)"),
            ("ОДКБ", "ORG", "ОДКБ"),
            ("СНМ", "ORG", "СНМ"),
        ],
    )
    assert found == [
        ("Специальная наблюдательная миссия (СНМ) ОДКБ", "ORG", "Специальная наблюдательная миссия ОДКБ"),
        ("СНМ", "ORG", "Специальная наблюдательная миссия ОДКБ"),
        ("ОДКБ", "ORG", "ОДКБ"),
        ("СНМ", "ORG", "Специальная наблюдательная миссия ОДКБ"),
    ]


def test_an_abbreviation_of_two_names_is_neither_of_them():
    text = "Блок «Союз фермеров» и «Союз инженеров» (СФ/СИ) победил. Лидеры СФ/СИ довольны."
    found = completed(
        text,
        [
            ("Блок «Союз фермеров", "ORG", "Блок «Союз фермеров"),
            ("Союз инженеров» (СФ/СИ", "ORG", "Союз инженеров» (СФ/СИ"),
            ("СФ/СИ", "ORG", "СФ/СИ"),
        ],
    )
    assert found == [
        ("Союз фермеров", "ORG", "Союз фермеров"),
        ("Союз инженеров", "ORG", "Союз инженеров"),
        ("СФ/СИ", "ORG", "СФ/СИ"),
        ("СФ/СИ", "ORG", "СФ/СИ"),
    ]


def test_a_name_the_text_says_is_also_known_as_is_the_same_organisation():
    found = organizations(
        "Учения\nОтветственность взяла группировка «Чёрный рассвет», также известная как ЧР. Боевики ЧР отступили."
    )
    assert found == [
        ("Чёрный рассвет", "Чёрный рассвет", ""),
        ("ЧР", "Чёрный рассвет", ""),
        ("ЧР", "Чёрный рассвет", ""),
    ]


def test_a_head_word_alone_is_no_organisation_but_runs_on_over_its_genitive_words():
    text = "Совет одобрил решение. Секретариат ОДКБ сообщил, что Лига молодых инженеров и Совета в прессе нет."
    found = completed(
        text,
        [
            ("Совет", "ORG", "Совет"),
            ("Секретариат", "ORG", "Секретариат"),
            ("ОДКБ", "ORG", "ОДКБ"),
            ("Лига", "ORG", "Лига"),
            ("Совета", "ORG", "Совет"),
        ],
    )
    assert found == [
        ("Секретариат ОДКБ", "ORG", "Секретариат ОДКБ"),
        ("ОДКБ", "ORG", "ОДКБ"),
        ("Лига молодых инженеров", "ORG", "Лига молодых инженеров"),
    ]


def test_people_adjectives_and_verbs_taken_for_names_are_no_organisations():
    text = "Специалисты проверили склад. Выступающие спорили. Расплатились быстро. В Чёрном море тихо."
    found = completed(
        text,
        [
            ("Специалисты", "ORG", "Специалисты"),
            ("Выступающие", "ORG", "Выступающие"),
            ("Расплатились", "ORG", "Расплатившиеся"),
            ("Чёрном", "ORG", "Чёрный"),
        ],
    )
    assert found == []


def test_a_national_body_without_its_country_is_the_one_the_article_names_with_a_country():
    one = "Учения\nМинобороны Казахстана провело учения. По данным пресс-службы Минобороны, учения прошли успешно."
    assert organizations(one) == [
        ("Минобороны Казахстана", "Министерство обороны Казахстана", "KZ"),
        ("Минобороны", "Министерство обороны Казахстана", "KZ"),
    ]
    # two countries' ministries: the bare one is the one named last before it, none if none was
    two = one.replace("Минобороны Казахстана провело", "Минобороны Казахстана и Минобороны России провели")
    assert organizations(two)[-1] == ("Минобороны", "Министерство обороны России", "RU")
    first = "Учения\nПо данным Минобороны, учения прошли. Минобороны Казахстана и Минобороны России довольны."
    assert organizations(first)[0] == ("Минобороны", "Министерство обороны", "")


def test_a_known_name_followed_by_other_words_names_another_organisation():
    assert find_organization("Конгресс молодых предпринимателей") is None
    assert find_organization("Совет безопасности ОДКБ") is None
    match = find_organization("Министерства обороны Республики Казахстан")
    assert (match.organization.name, match.country) == ("Министерство обороны", "KZ")


def test_a_quote_opened_after_a_legal_form_is_closed_and_generic_words_in_brackets_are_dropped():
    text = "Контракт подписали ОАО «Завод имени Петрова» и предприятия ОПК (ВПК)."
    found = completed(
        text,
        [("ОАО «Завод имени Петрова", "ORG", "ОАО «Завод имени Петрова"), ("ОПК (ВПК)", "ORG", "ОПК (ВПК)")],
    )
    assert found == [("ОАО «Завод имени Петрова»", "ORG", "ОАО «Завод имени Петрова»")]


def test_an_abbreviation_of_initials_and_a_shorter_name_are_the_longer_name():
    assert organizations(
        "Съезд\nНа съезде Ассоциации горнодобывающих предприятий выступил Асан Омаров. Позже АГП приняла устав."
    ) == [
        ("Ассоциации горнодобывающих предприятий", "Ассоциация горнодобывающих предприятий", ""),
        ("АГП", "Ассоциация горнодобывающих предприятий", ""),
    ]
    assert organizations(
        "Съезд фермеров\nНа съезде Союза фермеров Казахстана выступил Асан Омаров. Позже Союз фермеров принял устав."
    ) == [
        ("Союза фермеров Казахстана", "Союз фермеров Казахстана", ""),
        ("Союз фермеров", "Союз фермеров Казахстана", ""),
    ]


def test_a_name_joined_to_another_by_and_is_not_its_longer_form():
    text = "Ассоциация горняков подписала договор. Эксперты Ассоциации горняков и металлургов проверили его."
    spans = [
        ("Ассоциация горняков", "ORG", "Ассоциация горняков"),
        ("Ассоциации горняков и металлургов", "ORG", "Ассоциация горняков и металлургов"),
    ]
    assert completed(text, spans) == [
        ("Ассоциация горняков", "ORG", "Ассоциация горняков"),
        ("Ассоциации горняков и металлургов", "ORG", "Ассоциация горняков и металлургов"),
    ]


def test_crafts_weapons_and_model_codes_are_no_organisations():
    found = organizations(
        "Спуск фрегата\nФрегат «Сокол» проекта 123 вошёл в состав флота. Позже «Сокола» отправили в море. "
        "Заложены три корабля проекта 456 — «Беркут», «Кречет» и «Орлан». Работы на «Академике Петрове» "
        "и на заводе «ТЕХМАШ» идут. Контракт по С-400 и Су-57 подписан, а «Бишкек-2» обсуждается. "
        "Компания «Сокол-Инвест» довольна."
    )
    assert found == [("ТЕХМАШ", "ТЕХМАШ", ""), ("Сокол-Инвест", "Сокол-Инвест", "")]


def test_common_words_capitalised_at_a_sentence_start_are_no_organisations():
    found = organizations(
        "Учения\nОбеспокоенность действиями ТЕХМАШ выразили в министерстве. Новые сторожевые корабли придут "
        "весной. Народная армия заявила о готовности. Военно-морской флот провёл учения."
    )
    assert found == [
        ("ТЕХМАШ", "ТЕХМАШ", ""),
        ("Народная армия", "Народная армия", ""),
        ("Военно-морской флот", "Военно-морской флот", ""),
    ]


def test_organisation_names_are_put_in_the_nominative_of_their_own_words():
    # a superlative keeps its stem, a word tagged with the wrong gender and an abbreviation with
    # a case ending still get their nominative
    assert organizations("Решение совета\nРешение Высшего совета судей поддержали в Росавиации и в ТЕХМАШе.") == [
        ("Высшего совета судей", "Высший совет судей", ""),
        ("Росавиации", "Росавиация", ""),
        ("ТЕХМАШе", "ТЕХМАШ", ""),
    ]
    # names sharing one plural noun: each is one body, in the singular
    assert organizations("Долги\nСтуденты Тверского и Окского государственных университетов вышли на митинг.") == [
        ("Окского государственных университетов", "Окский государственный университет", "")
    ]


def test_a_name_cut_before_its_by_words_members_or_owner_runs_on_over_them():
    assert organizations(
        "Жалоба\nЖалобу подали в Международную ассоциацию держателей облигаций. Её рассмотрит Северный суд "
        "по правам фермеров. Решение Северного суда здания не касается."
    ) == [
        ("Международную ассоциацию держателей облигаций", "Международная ассоциация держателей облигаций", ""),
        ("Северный суд по правам фермеров", "Северный суд по правам фермеров", ""),
        ("Северного суда", "Северный суд", ""),
    ]
    assert organizations(
        "Управление\nВ Главном управлении Минобороны по работе с верующими сменились начальники. Бывший "
        "командующий Стратегическим командованием Вооружённых сил Казахстана Асан Омаров выступил."
    ) == [
        (
            "Главном управлении Минобороны по работе с верующими",
            "Главное управление Минобороны по работе с верующими",
            "",
        ),
        ("Минобороны", "Министерство обороны", ""),
        (
            "Стратегическим командованием Вооружённых сил Казахстана",
            "Стратегическое командование Вооружённых сил Казахстана",
            "",
        ),
        ("Вооружённых сил Казахстана", "Вооруженные силы Казахстана", "KZ"),
    ]


def test_a_name_run_on_over_and_and_an_abbreviation_is_two_organisations():
    found = organizations(
        "Договор\nМеханизм создали эксперты Ассоциации горняков и ОДКБ. Совбез ООН и Госдеп США обсудили его. "
        "Позже Совет Безопасности ООН и Госдепартамент приняли решение."
    )
    assert found == [
        ("Ассоциации горняков", "Ассоциация горняков", ""),
        ("ОДКБ", "ОДКБ", ""),
        ("Совбез ООН", "Совет Безопасности ООН", ""),
        ("ООН", "ООН", ""),
        ("Госдеп США", "Госдепартамент США", ""),
        ("Совет Безопасности ООН", "Совет Безопасности ООН", ""),
        ("ООН", "ООН", ""),
        ("Госдепартамент", "Госдепартамент США", ""),
    ]


def test_sites_generic_abbreviations_and_authorities_are_no_organisations():
    assert (
        organizations(
            "Лагерь\nВ лагере беженцев «Северный» и на рынке Бишкека «Восток» спокойно. Средства ПВО и СЭЗ "
            "не пострадали, сообщили власти Казахстана."
        )
        == []
    )


def test_a_name_runs_on_over_a_place_in_the_genitive_and_its_arabic_short_form_is_the_same():
    assert organizations(
        "Совет\nБывший председатель Совета старейшин Северной республики Асан Омаров выступил. Боевики "
        "Джамаат аль-Вахда и Джамаат вышли из города. Лидер «Джамаат аль-Вахда» погиб."
    ) == [
        ("Совета старейшин Северной республики", "Совет старейшин Северной республики", ""),
        ("Джамаат аль-Вахда", "Джамаат аль-Вахда", ""),
        ("Джамаат", "Джамаат аль-Вахда", ""),
        ("Джамаат аль-Вахда", "Джамаат аль-Вахда", ""),
    ]


def test_a_country_adjective_before_a_bodys_noun_names_that_countrys_body():
    assert organizations(
        "Визит\nКазахстанское правительство и японский парламент одобрили договор. Российские власти и "
        "молдавская армия молчат. Киргизское министерство не ответило. Договор подписала британская "
        "администрация Кении."
    ) == [
        ("Казахстанское правительство", "Правительство Казахстана", "KZ"),
        ("японский парламент", "Парламент Японии", "JP"),
        ("администрация Кении", "Администрация Кении", "KE"),
    ]


def test_ner_spans_of_common_words_at_a_sentence_start_or_run_on_over_and_are_mended():
    text = (
        "Обеспокоенность действиями ТЕХМАШ выразили в министерстве. Новые сторожевые корабли придут весной. "
        "Народная армия заявила о готовности."
    )
    spans = [
        ("Обеспокоенность", "ORG", "Обеспокоенность"),
        ("ТЕХМАШ", "ORG", "ТЕХМАШ"),
        ("Новые сторожевые корабли", "ORG", "Новые сторожевые корабли"),
        ("Народная армия", "ORG", "Народная армия"),
    ]
    assert completed(text, spans) == [("ТЕХМАШ", "ORG", "ТЕХМАШ"), ("Народная армия", "ORG", "Народная армия")]
    text = "Механизм расследования Ассоциации горняков и ОДКБ создан. Эксперты Союза фермеров и ТЕХМАШ его проверили."
    spans = [
        ("Ассоциации горняков и", "ORG", "Ассоциация горняков и"),
        ("ОДКБ", "ORG", "ОДКБ"),
        ("Союза фермеров и ТЕХМАШ", "ORG", "Союз фермеров и ТЕХМАШ"),
    ]
    assert completed(text, spans) == [
        ("Ассоциации горняков", "ORG", "Ассоциация горняков"),
        ("ОДКБ", "ORG", "ОДКБ"),
        ("Союза фермеров", "ORG", "Союз фермеров"),
        ("ТЕХМАШ", "ORG", "ТЕХМАШ"),
    ]
