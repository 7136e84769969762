"""Direct quotes and their speakers, on articles written for the tests and on the seeds."""

from pathlib import Path

import pytest

from analysis.facts.document import Document, read_document
from analysis.facts.quotes import find_quotes
from analysis.facts.schema import Quote, to_json
from analysis.language.nlp import pipeline
from analysis.lexicon import rows
from analysis.reading.corpus import load_article, parse_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

OWN = """Казахстан и ОДКБ обсудили военно-техническое сотрудничество
Генеральный секретарь ОДКБ Станислав Зась провел в Астане встречу с министром обороны Казахстана Нурланом Ермекбаевым.
«Мы видим большой потенциал в совместном производстве вооружения и военной техники», — сказал генеральный секретарь ОДКБ.
"Казахстан готов к расширению военно-технического сотрудничества", - отметил Нурлан Ермекбаев.
Официальный представитель МИД России Мария Захарова прокомментировала итоги встречи. Переговоры также провел заместитель министра обороны Казахстана Руслан Жаксылыков.
«Наши заводы готовы выпускать продукцию для союзников», — отметил он.
«Переговоры с Денисом Мантуровым прошли в конструктивной атмосфере», — сказала она.
«Мы продолжим работу над соглашениями», — добавил он.
«Ответ будет дан в ближайшее время», — ответили ему в пресс-службе Минобороны.
"Стороны договорились продолжить консультации в следующем году", - сообщили в пресс-службе Минобороны.
— Мы намерены расширять кооперацию с российскими предприятиями, — добавил Денис Мантуров. — Первые контракты будут подписаны в декабре.
Контракт с «КАМАЗом» планируется подписать после выставки «Армия-2020», сообщили в компании «Газпром нефть».
Репортаж о встрече покажет программа «Служу Отечеству».
Парламент принял закон «Об обороне и Вооруженных Силах Республики Казахстан» в новой редакции.
«Работа будет продолжена в рамках утвержденного плана», — говорится в документе.
Документы включают:
- план военного сотрудничества на 2021 год;
- соглашение о подготовке кадров.
"""

# Two ministers: a bare "министр" names neither, so only the quote after a name has a speaker.
FORMS = """Переговоры министров обороны
Министр обороны Казахстана Руслан Жаксылыков встретился с министром обороны Беларуси Виктором Хрениным.
«Мы подписали план сотрудничества на следующий год», — сказал министр.
«Ждем вас в Астане на следующей неделе», — сказал министр Виктору Хренину.
В документе отмечено, что «стороны будут обмениваться опытом подготовки кадров» в течение трех лет.
«Почему бы и нет?» — спросил министр.
«Мы подписали соглашение с компанией „Казахстан инжиниринг“ о поставках», — сообщил министр.
“Армия должна быть готова к любым вызовам”, — подчеркнул министр.
Встреча прошла в Минске. Министр заявил: "Мы готовы".
«Мы готовы. Работа уже началась», сказал министр и добавил: «Все идет по плану».
Руслан Жаксылыков: «Мы продолжим совместные учения в следующем году».
По словам министра, «сотрудничество будет расширяться».
«Мы хотим сотрудничать с «КАМАЗом», - заявил министр.
«Первая часть цитаты продолжается в следующем абзаце, как принято.
Он сказал, что «КАМАЗ» поставит грузовики.
"""


def quotes_of(article) -> list[Quote]:
    return find_quotes(read_document(article))


@pytest.fixture(scope="module")
def found():
    """Article id -> (article, its quotes), for the test articles and every seed."""
    articles = [parse_article("own", OWN), parse_article("forms", FORMS)]
    articles += [load_article(path) for path in sorted(SEEDS.glob("*.txt"))]
    return {article.id: (article, quotes_of(article)) for article in articles}


def test_speakers_by_name_title_pronoun_and_institution(found):
    _, quotes = found["own"]
    assert [(q.speaker, q.speaker_id, q.cue, q.text) for q in quotes] == [
        (
            "Станислав Зась",
            "person:станислав_зась",
            "сказал генеральный секретарь ОДКБ",
            "Мы видим большой потенциал в совместном производстве вооружения и военной техники",
        ),
        (
            "Нурлан Ермекбаев",
            "person:нурлан_ермекбаев",
            "отметил Нурлан Ермекбаев",
            "Казахстан готов к расширению военно-технического сотрудничества",
        ),
        # the nearest man before the quote; for "она", the nearest woman, past him
        (
            "Руслан Жаксылыков",
            "person:руслан_жаксылыков",
            "отметил он",
            "Наши заводы готовы выпускать продукцию для союзников",
        ),
        (
            "Мария Захарова",
            "person:мария_захарова",
            "сказала она",
            "Переговоры с Денисом Мантуровым прошли в конструктивной атмосфере",
        ),
        # a person named inside an earlier quote is not who "он" points back to
        ("Руслан Жаксылыков", "person:руслан_жаксылыков", "добавил он", "Мы продолжим работу над соглашениями"),
        # "ему" is who was answered: the institution speaks
        (
            "Министерство обороны",
            "organization:министерство_обороны",
            "ответили ему в пресс-службе Минобороны",
            "Ответ будет дан в ближайшее время",
        ),
        (
            "Министерство обороны",
            "organization:министерство_обороны",
            "сообщили в пресс-службе Минобороны",
            "Стороны договорились продолжить консультации в следующем году",
        ),
        (
            "Денис Мантуров",
            "person:денис_мантуров",
            "добавил Денис Мантуров",
            "Мы намерены расширять кооперацию с российскими предприятиями",
        ),
        (
            "Денис Мантуров",
            "person:денис_мантуров",
            "добавил Денис Мантуров",
            "Первые контракты будут подписаны в декабре.",
        ),
        (None, None, "говорится в документе", "Работа будет продолжена в рамках утвержденного плана"),
    ]


def test_quote_forms_and_cues(found):
    _, quotes = found["forms"]
    assert [(q.speaker, q.cue, q.text) for q in quotes if q.speaker is None] == [
        (None, "сказал министр", "Мы подписали план сотрудничества на следующий год"),
        (None, "сказал министр Виктору Хренину", "Ждем вас в Астане на следующей неделе"),  # the addressee
        (None, "", "стороны будут обмениваться опытом подготовки кадров"),  # a clause mid-sentence, no cue next to it
        (None, "спросил министр", "Почему бы и нет?"),
        (None, "сообщил министр", "Мы подписали соглашение с компанией „Казахстан инжиниринг“ о поставках"),
        (None, "подчеркнул министр", "Армия должна быть готова к любым вызовам"),
        (None, "Министр заявил", "Мы готовы"),
        (None, "сказал министр и добавил", "Мы готовы. Работа уже началась"),
        (None, "сказал министр и добавил", "Все идет по плану"),  # the cue never reaches into the quote before
        (None, "По словам министра", "сотрудничество будет расширяться"),
        (None, "заявил министр", "Мы хотим сотрудничать с «КАМАЗом"),  # one mark closes the name and the quote
        (None, "", "Первая часть цитаты продолжается в следующем абзаце, как принято."),
    ]
    assert [(q.speaker, q.cue, q.text) for q in quotes if q.speaker] == [
        ("Руслан Жаксылыков", "Руслан Жаксылыков", "Мы продолжим совместные учения в следующем году")
    ]


def test_marks_and_cues_read_from_the_text_alone():
    """No mentions at all: an inch mark is not a quote mark, an initial's full stop does not end the cue."""
    article = parse_article(
        "bare", 'Поставки\n"Мы получили 5"-дюймовые экраны и готовы работать", - отметил Д. Мантуров.\n'
    )
    assert [(q.text, q.cue, q.speaker) for q in find_quotes(Document(article, (), (), (), ()))] == [
        ('Мы получили 5"-дюймовые экраны и готовы работать', "отметил Д. Мантуров", None)
    ]


@pytest.mark.parametrize(
    "name",
    [
        "КАМАЗ",
        "Армия-2020",
        "Газпром нефть",
        "Об обороне",
        "Казахстан инжиниринг",
        "Служу Отечеству",
        "план военного сотрудничества",
    ],
)
def test_names_titles_and_list_items_are_not_quotes(found, name):
    texts = [q.text for article_id in ("own", "forms") for q in found[article_id][1]]
    assert not [text for text in texts if text.startswith(name)]


def test_a_title_names_the_person_with_that_role_in_the_nominative(found):
    _, quotes = found["004_cfd950fd49b21b71"]
    by_cue = {q.cue: q.speaker_id for q in quotes}
    assert by_cue["заявил министр обороны Казахстана"] == "person:имангали_тасмагамбетов"
    # "к Президенту Татарстана" is the addressee, not the speaker
    assert by_cue["обратился министр обороны к Президенту Татарстана"] == "person:имангали_тасмагамбетов"


SEED_001 = [
    (
        "organization:министерство_обороны",
        "сообщили в пресс-службе Минобороны",
        537,
        838,
        843,
        877,
        "Стороны обсудили текущее",
    ),
    ("person:нурлан_ермекбаев", "отметил Ермекбаев", 1018, 1501, 1506, 1523, "Отношения Казахстана с"),
    (
        "organization:министерство_обороны_казахстана",
        "добавили в Минобороны Казахстана",
        1777,
        2265,
        2270,
        2302,
        "Базовым элементом двустороннего",
    ),
    (None, "добавили в ведомстве", 2746, 3063, 3068, 3088, "Министерство обороны Казахстана"),
    ("person:нурлан_ермекбаев", "добавил Нурлан Ермекбаев", 3646, 3934, 3939, 3963, "Мы высоко ценим"),
    (None, "говорится в сообщении оборонного ведомства", 4249, 4604, 4609, 4651, "Как это предусмотрено"),
]


def test_seed_quotes_with_straight_marks(found):
    article, quotes = found["001_7d1e7618c1cc4230"]
    assert [
        (q.speaker_id, q.cue, q.start, q.stop, q.cue_start, q.cue_stop, " ".join(q.text.split()[:3])) for q in quotes
    ] == SEED_001
    assert quotes[1].speaker == "Нурлан Ермекбаев"
    # the straight-quoted «АрМИ-2020» inside the third quote does not cut it
    assert quotes[2].text.endswith("в качестве страны-организатора в 2021 году")


SEED_SPEAKERS = {
    "000_884c3e9360fca713": [
        ("отметил Денис Мантуров", "person:денис_мантуров"),
        ("сказал генеральный секретарь ОДКБ", "person:имангали_тасмагамбетов"),
    ],  # the digest's quote ("на что депутат Мажилиса ... сказал") is other news: not the story's
    "002_739a7ddcb5cf33d2": [("отметил он", "person:адильбек_джаксыбеков")],
    "003_0ddd33c837182fba": [
        (
            "приветствовал участников заместитель министра обороны Казахстана Шайх-Хасан Жазыкбаев",
            "person:шайх-хасан_жазыкбаев",
        ),
        (
            "сказал первый заместитель председателя Правительства Российской Федерации Денис Мантуров",
            "person:денис_мантуров",
        ),
        (
            "сказал первый заместитель председателя Правительства Российской Федерации Денис Мантуров",
            "person:денис_мантуров",
        ),  # the speech resumes after the cue: ". — Подходы ..."
        ("отметил Д. Мантуров", "person:денис_мантуров"),
    ],
    "004_cfd950fd49b21b71": [
        ("заявил министр обороны Казахстана", "person:имангали_тасмагамбетов"),
        ("отметил Имангали Тасмагамбетов", "person:имангали_тасмагамбетов"),
        ("обратился министр обороны к Президенту Татарстана", "person:имангали_тасмагамбетов"),
        ("уверен Р.Минниханов", "person:рустам_минниханов"),
        ("отметил Рустам Минниханов", "person:рустам_минниханов"),
    ],
}


@pytest.mark.parametrize("article_id", sorted(SEED_SPEAKERS))
def test_seed_speakers(found, article_id):
    _, quotes = found[article_id]
    assert [q.cue for q in quotes] == [cue for cue, _ in SEED_SPEAKERS[article_id]]
    for quote, (_, speaker_id) in zip(quotes, SEED_SPEAKERS[article_id]):
        assert quote.speaker_id == speaker_id


def test_dash_speech_stops_at_its_attribution(found):
    _, quotes = found["003_0ddd33c837182fba"]
    assert quotes[1].text.endswith("упрощенные механизмы обучения студентов на льготных условиях")
    assert quotes[2].text.startswith("Подходы к совместной работе")


@pytest.mark.parametrize(
    "article_id",
    [
        "own",
        "forms",
        "000_884c3e9360fca713",
        "001_7d1e7618c1cc4230",
        "002_739a7ddcb5cf33d2",
        "003_0ddd33c837182fba",
        "004_cfd950fd49b21b71",
    ],
)
def test_offsets_point_into_the_article_text(found, article_id):
    article, quotes = found[article_id]
    assert quotes
    for quote in quotes:
        assert article.text[quote.start : quote.stop] == quote.text
        if quote.cue:
            assert article.text[quote.cue_start : quote.cue_stop] == quote.cue
        else:
            assert (quote.cue_start, quote.cue_stop) == (-1, -1)
    assert all(a.stop <= b.start for a, b in zip(quotes, quotes[1:]))  # in text order, never overlapping


def test_quote_as_json(found):
    quote = found["002_739a7ddcb5cf33d2"][1][0]
    assert to_json(quote) == {
        "speaker": "Адильбек Джаксыбеков",
        "speaker_id": "person:адильбек_джаксыбеков",
        "text": quote.text,
        "start": 785,
        "stop": 1004,
        "cue": "отметил он",
        "cue_start": 1009,
        "cue_stop": 1019,
    }
    assert list(to_json(quote)) == ["speaker", "speaker_id", "text", "start", "stop", "cue", "cue_start", "cue_stop"]


@pytest.mark.parametrize("name", ["speech_verbs.csv", "speech_pronouns.csv"])
def test_data_words_are_lemmas(name):
    """Words are matched by lemma: a row that is not one would never match."""
    vocab = pipeline().morph_vocab
    for row in rows(name):
        assert vocab.parse(row["lemma"])[0].normal.replace("ё", "е") == row["lemma"], row
