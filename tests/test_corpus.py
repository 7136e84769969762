"""The loader: decoding, input formats, page furniture, digests, metadata and unusable files."""

import shutil

import pytest

from analysis import CorpusError, load_corpus
from analysis.reading.corpus import count_articles, iter_corpus, load_article, parse_article
from analysis.reading.formats import MAX_ID_CHARS, safe_id
from analysis.reading.metadata import find_dateline, parse_date
from conftest import ARTICLES, SEEDS

SEED_IDS = [
    "000_884c3e9360fca713",
    "001_7d1e7618c1cc4230",
    "002_739a7ddcb5cf33d2",
    "003_0ddd33c837182fba",
    "004_cfd950fd49b21b71",
]


def article(corpus, article_id):
    return next(a for a in corpus if a.id == article_id)


@pytest.fixture(scope="module")
def own_corpus():
    return load_corpus(ARTICLES)


def test_seed_ids(seed_corpus):
    assert seed_corpus.ids == SEED_IDS
    assert seed_corpus.skipped == ()


def test_text_is_the_decoded_file_and_paragraph_offsets_point_into_it(seed_corpus, own_corpus):
    for a in seed_corpus:
        assert a.text == (SEEDS / f"{a.id}.txt").read_text(encoding="utf-8")
    for a in (*seed_corpus, *own_corpus):
        for paragraph in a.paragraphs:
            assert a.text[paragraph.start : paragraph.stop] == paragraph.text
        for start, stop in a.source_spans:
            assert a.text[start:stop] in (
                "Qaz365.kz",
                "inbusiness.kz",
                "Tengrinews.kz",
                "Казинформу",
                "КАЗИНФОРМ",
                "Sputnik",
                "ТАСС",
                "Vlast.kz",
                "Zakon.kz",
                "КазТАГ",
            )


# --- decoding -------------------------------------------------------------------------------

ENCODED = [
    ("utf-8", "utf-8", b""),
    ("utf-8 with BOM", "utf-8", b"\xef\xbb\xbf"),
    ("cp1251", "cp1251", b""),
    ("koi8_r", "koi8_r", b""),
]


@pytest.mark.parametrize("codec, detected, prefix", [(c, d, p) for c, d, p in ENCODED], ids=[e[0] for e in ENCODED])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_encodings_and_line_ends_decode_to_the_same_text(tmp_path, codec, detected, prefix, newline):
    original = (ARTICLES / "tass_air_defence.txt").read_text(encoding="utf-8")
    data = prefix + original.replace("\n", newline).encode(codec.split()[0])
    (tmp_path / "a.txt").write_bytes(data)
    loaded = load_article(tmp_path / "a.txt")
    assert loaded.text == original  # line ends normalised to \n: offsets count the same in every copy
    assert loaded.encoding == detected
    assert loaded.title == "Россия и Казахстан проведут совместные учения ПВО"


def test_short_koi8_text_is_not_mistaken_for_another_script(tmp_path):
    (tmp_path / "k.txt").write_bytes("Учения ОДКБ\nМинистр обороны посетил учения.".encode("koi8_r"))
    assert load_article(tmp_path / "k.txt").text == "Учения ОДКБ\nМинистр обороны посетил учения."


# --- HTML and JSONL -------------------------------------------------------------------------


def test_html_gives_visible_text_without_scripts_styles_or_site_chrome(own_corpus):
    page = article(own_corpus, "zakon_page")
    assert page.encoding == "windows-1251"
    assert page.title == "Казахстан и Беларусь обсудили ремонт авиатехники"
    assert page.title_source == "metadata"
    for hidden in ("dataLayer", "Нурсултан Назарбаев", "font:", "Главная", "Популярное", "Все права", "JavaScript"):
        assert hidden not in page.text
    assert [p.kind for p in page.paragraphs] == [
        "bare domain",
        "title",
        "date line",
        "body",
        "body",
        "photo credit",
        "body",
    ]
    assert page.paragraphs[3].text.startswith("АСТАНА, 15 октября — Zakon.kz. Министр обороны Казахстана Нурлан")


def test_jsonl_gives_one_article_per_line_and_names_bad_lines(own_corpus):
    first = article(own_corpus, "kaztag_0001")
    assert first.title == "Казахстан закупит у России партию бронетранспортеров"
    assert (first.published, first.url, first.sources) == ("2021-08-24", "https://kaztag.kz/ru/news/0001", ("КазТАГ",))
    second = article(own_corpus, "agencies_00002")  # no id: file stem and line number
    assert (second.title, second.published) == ("Учения ОДКБ пройдут в Кыргызстане", "2022-09-12")
    # an id that is no safe file name is made one: its letters and digits, and a hash of it
    unsafe = article(own_corpus, "bad_id_.._x_56dd283f")
    assert (unsafe.title, unsafe.line) == ("Плохой идентификатор", 3)
    assert [s.reason for s in own_corpus.skipped] == [
        "agencies.jsonl line 4: no 'text' or 'content'; skipped",
        "agencies.jsonl line 5: not valid JSON (Expecting value); skipped",
    ]


# --- page furniture and digests ---------------------------------------------------------------


@pytest.mark.parametrize(
    "article_id, line, kind",
    [
        ("000_884c3e9360fca713", "×", "no words"),
        ("000_884c3e9360fca713", "odkb-csto.org", "bare domain"),
        ("000_884c3e9360fca713", "Лента новостей", "navigation"),
        ("000_884c3e9360fca713", "Все новости →", "navigation"),
        (
            "000_884c3e9360fca713",
            "Подписывайтесь на наш Telegram, там самая оперативная информация. Если есть, что "
            "сообщить, пишите нам в WhatsApp.",
            "share prompt",
        ),
        ("001_7d1e7618c1cc4230", "Опубликовано: 70", "counter"),
        (
            "001_7d1e7618c1cc4230",
            "Казахстан и Россия подписали договор о военном сотрудничестве Фото - Tengrinews.kz",
            "photo credit",
        ),
        ("001_7d1e7618c1cc4230", "Оставить комментарий", "comment prompt"),
        (
            "001_7d1e7618c1cc4230",
            "Оставлять комментарии могут только зарегистрированные пользователи",
            "comment prompt",
        ),
        ("002_739a7ddcb5cf33d2", "None", "placeholder"),
        ("002_739a7ddcb5cf33d2", "Сейчас читают", "navigation"),
        ("003_0ddd33c837182fba", "Фото: Солтан Жексенбеков / Kazinform", "photo credit"),
        ("004_cfd950fd49b21b71", "29 Дек 2014", "date line"),
        ("tass_air_defence", "Фото: Айгуль Серикова / ТАСС", "photo credit"),
        ("tass_air_defence", "Поделиться:", "share prompt"),
        ("tass_air_defence", "Читайте также: Казахстан закупит вертолеты Ми-35М у России", "teaser"),
        ("tass_air_defence", "05.05.2023 10:15", "date line"),
        ("vlast_contract", "Просмотров: 1024", "counter"),
        ("vlast_contract", "Комментарии: 5", "counter"),
        ("kg_uz_talks", "Поделиться", "share prompt"),
    ],
)
def test_page_furniture_is_marked_with_its_reason(seed_corpus, own_corpus, article_id, line, kind):
    a = article((*seed_corpus, *own_corpus), article_id)
    assert {p.kind for p in a.paragraphs if p.text == line} == {kind}


def test_repeated_title_line_is_marked(seed_corpus):
    a = seed_corpus.articles[0]
    assert [p.kind for p in a.paragraphs if p.text == a.title] == ["title", "repeated title"]


@pytest.mark.parametrize(
    "article_id, first_line, lines",
    [
        ("000_884c3e9360fca713", "Напомним, 24 февраля прошлого года", 11),
        ("vlast_contract", "Ранее сообщалось, что Казахстан и Турция", 2),
    ],
)
def test_digest_of_other_news_runs_from_its_opening_to_the_end(seed_corpus, own_corpus, article_id, first_line, lines):
    a = article((*seed_corpus, *own_corpus), article_id)
    digest = [p for p in a.paragraphs if p.kind == "digest"]
    assert digest[0].text.startswith(first_line)
    assert len(digest) == lines
    assert all(p.kind != "body" for p in a.paragraphs if p.start > digest[0].start)


def test_no_digest_in_articles_without_one(seed_corpus):
    for article_id in SEED_IDS[1:]:
        assert all(p.kind != "digest" for p in article(seed_corpus, article_id).paragraphs)


def test_an_article_opening_with_earlier_news_is_not_a_digest():
    a = parse_article(
        "x", "Учения ОДКБ завершились\nРанее, в мае, министры обсудили план учений.\nИтоги подвели в Минске."
    )
    assert [p.kind for p in a.paragraphs] == ["title", "body", "body"]


STORY = [
    "Асан Омаров провел переговоры с руководством «ТЕХМАШ» в Астане",
    "Министр обороны Асан Омаров встретился в Астане с генеральным директором компании «ТЕХМАШ» Иваном Петровым.",
    "Стороны обсудили поставки бронетехники «ТЕХМАШ» для армии и ремонт машин на заводе в Астане.",
    "По словам Омарова, первые машины «ТЕХМАШ» поступят в войска в следующем году.",
]
BACKGROUND = [
    "Напомним, ранее Омаров посетил завод «ТЕХМАШ» и осмотрел цех, где собирают бронетехнику.",
    "Тогда Петров показал министру новую бронемашину, которую завод «ТЕХМАШ» готовит к поставкам в армию.",
    "Ранее, в марте, министр Омаров поручил ускорить ремонт бронетехники на заводах страны.",
]
OTHER_NEWS = [
    "Напомним, в Караганде на прошлой неделе открылся новый музей современного искусства.",
    "Футбольный клуб «Восток» выиграл кубок области в серии пенальти.",
    "Синоптики обещают в выходные сильный снегопад и гололед на дорогах.",
    "Цены на бензин в регионах выросли за месяц на три процента.",
]


def test_a_recap_that_continues_the_story_stays_story():
    # "Напомним, ранее Омаров ...", "Ранее, ..." name the story's people and subjects again
    a = parse_article("x", "\n".join(STORY + BACKGROUND))
    assert [p.kind for p in a.paragraphs] == ["title"] + ["body"] * 6
    assert a.warnings == ()


def test_a_trailing_run_of_short_items_on_other_subjects_is_a_digest():
    a = parse_article("x", "\n".join(STORY + OTHER_NEWS))
    assert [p.kind for p in a.paragraphs] == ["title"] + ["body"] * 3 + ["digest"] * 4
    assert a.warnings == (
        "digest of other news is 274 of the 612 characters read (more than a third): check where the story ends",
    )


def test_a_single_closing_recap_paragraph_is_not_judged_a_digest():
    a = parse_article("x", "\n".join(STORY + OTHER_NEWS[:1]))
    assert [p.kind for p in a.paragraphs] == ["title"] + ["body"] * 4


def test_a_digest_up_to_a_third_of_the_text_gives_no_warning(own_corpus):
    a = article(own_corpus, "vlast_contract")
    assert [p.kind for p in a.paragraphs].count("digest") == 2
    assert 3 * a.digest_chars <= sum(p.stop - p.start for p in a.analysed_paragraphs)
    assert a.warnings == ()


PAGE = [
    ("Омаров обсудил с Петровым поставки бронетехники", "title"),
    ("Министр обороны Асан Омаров провел переговоры с директором «ТЕХМАШ» Иваном Петровым.", "body"),
    # a related-article box: marker, headline, lead cut off with "..."
    (" Также по теме ", "teaser"),
    (" Петров рассказал о планах «ТЕХМАШ» на будущий год ", "teaser"),
    (
        " Генеральный директор «ТЕХМАШ» Иван Петров рассказал, какие машины завод выпустит в будущем году. "
        "По его словам... ",
        "teaser",
    ),
    ("Стороны договорились о поставках двадцати бронемашин.", "body"),
    # a photo: caption, agency, photographer
    (" Асан Омаров и Иван Петров в Астане ", "photo caption"),
    (" Reuters ", "photo credit"),
    (" © Сергей Иванов ", "photo credit"),
    ("«Мы готовы начать поставки уже весной», — сказал Петров.", "body"),
    # a credit without a caption: the sentence above it is story
    ("Омаров поблагодарил компанию за работу.", "body"),
    ("© Пресс-служба «ТЕХМАШ»", "photo credit"),
    ("Новые бронемашины на выставке в Астане", "photo caption"),
    ("Фото: Олег Сидоров", "photo credit"),
    ("Позже Петров написал об этом в соцсети.", "body"),
    ("Поставки начнутся весной, министр доволен.", "body"),
    # the signature of an embedded post and its date
    ("— Иван Петров (@ivan_petrov) ", "post signature"),
    ("13 сентября 2023 г.", "post signature"),
    # a caption over two lines, a source line above the photographer
    ("Асан Омаров и Иван Петров", "photo caption"),
    ("на заводе «ТЕХМАШ» в Астане", "photo caption"),
    (" Facebook ", "photo credit"),
    (" © Олег Сидоров ", "photo credit"),
    ("Омаров оценил новые машины.", "body"),
    ("Бронемашина «ТЕХМАШ» на полигоне", "photo caption"),
    ("Reuters © Сергей Иванов", "photo credit"),
    ("Испытания прошли успешно.", "body"),
    ("pic.twitter.com/AbCdEf12", "post link"),
    ("Публикация от Асан Омаров (@asan_omarov) ", "post signature"),
    ("Сен 14 2023 в 9:15 PDT", "post signature"),
    ("На страницу галереи", "navigation"),
    # legal footnotes, one on a line and one cut over four lines
    ("* «Черное знамя» — террористическая организация, запрещенная в России.", "legal note"),
    ("* «Черное знамя», «Северный легион»", "legal note"),
    ("(ЧЗ)", "legal note"),
    (" — ", "no words"),
    ("террористические группировки, запрещённые на территории России.", "legal note"),
]


def test_furniture_of_news_pages_is_marked_also_by_the_lines_around_it():
    a = parse_article("x", "\n".join(line for line, _ in PAGE))
    assert [(p.text, p.kind) for p in a.paragraphs] == [(line.strip(), kind) for line, kind in PAGE]


def test_cut_lines_and_sentences_around_credits_and_markers_stay_story():
    lines = [
        "Омаров обсудил с Петровым поставки бронетехники",
        "Министр обороны Асан Омаров провел переговоры с директором «ТЕХМАШ» Иваном Петровым.",
        "Омаров поблагодарил компанию за работу.",
        "Reuters",
        "Об этом Петров сообщил в своем аккаунте в",  # a line cut at a link, no caption
        "Facebook",
        "и добавил, что поставки начнутся весной.",
        "Читайте также",
        "Поставки бронетехники начнутся весной.",  # a sentence, not a headline
        "Также по теме",
        "Омаров в Астане",  # a short headline heads no box of its own
        "Итоги встречи",
        "— Иван Петров (@ivan_petrov)",
        "13 сентября 2023 г.",
        "2024 год станет важным",  # the post's date signs no further line
    ]
    a = parse_article("x", "\n".join(lines))
    assert [p.kind for p in a.paragraphs] == [
        "title",
        "body",
        "body",
        "photo credit",
        "body",
        "body",
        "body",
        "teaser",
        "body",
        "teaser",
        "teaser",
        "body",
        "post signature",
        "post signature",
        "body",
    ]


def test_a_sub_title_and_the_agency_signing_the_article_stay_story():
    # the first paragraph is no caption, and an agency alone under it is the article's source
    lines = [
        "Омаров признал успех переговоров",
        "Министр Асан Омаров рассказал о поставках бронетехники «ТЕХМАШ»",
        "ТАСС",
        "Об этом министр сообщил журналистам в Астане.",
    ]
    a = parse_article("x", "\n".join(lines))
    assert [p.kind for p in a.paragraphs] == ["title", "body", "body", "body"]


# --- metadata ---------------------------------------------------------------------------------

METADATA = {
    # article id: (title source, published, dateline, sources)
    "000_884c3e9360fca713": ("title line", "", "", ("Qaz365.kz", "inbusiness.kz")),
    "001_7d1e7618c1cc4230": ("title line", "", "", ("Tengrinews.kz",)),
    "002_739a7ddcb5cf33d2": ("title line", "--07-10", "Астана", ("Казинформ",)),
    "003_0ddd33c837182fba": ("lead sentence", "", "", ()),
    "004_cfd950fd49b21b71": ("title line", "2014-12-29", "", ()),
    "kg_uz_talks": ("title line", "--03-14", "Бишкек", ("Sputnik",)),
    "tass_air_defence": ("title line", "2023-05-05", "Москва", ("ТАСС",)),
    "vlast_contract": ("title line", "", "", ("Vlast.kz",)),
    "zakon_page": ("metadata", "2019-10-15", "Астана", ("Zakon.kz",)),
    "no_title_lead": ("lead sentence", "", "", ()),
    "english_only": ("title line", "", "", ()),
}


@pytest.mark.parametrize("article_id", sorted(METADATA))
def test_metadata(seed_corpus, own_corpus, article_id):
    a = article((*seed_corpus, *own_corpus), article_id)
    assert (a.title_source, a.published, a.dateline, a.sources) == METADATA[article_id]


def test_article_without_a_title_is_labelled_by_its_lead_sentence_and_says_so(seed_corpus, own_corpus):
    a = article(seed_corpus, "003_0ddd33c837182fba")
    assert a.title == (
        "На встрече подведут итоги предыдущего заседания в Бишкеке и определят приоритетные "
        "направления сотрудничества на 2026 год."
    )
    b = article(own_corpus, "no_title_lead")
    assert b.title == "Делегация Вооруженных сил Узбекистана прибыла в Алматы для участия в командно-штабных учениях."
    assert b.warnings == ("no title line: labelled by its lead sentence",)
    assert [p.kind for p in b.paragraphs] == ["body", "body"]


@pytest.mark.parametrize(
    "text, iso",
    [
        ("29 Дек 2014", "2014-12-29"),
        ("10 июля", "--07-10"),
        ("05.05.2023 10:15", "2023-05-05"),
        ("Опубликовано: 12 марта 2024, 10:00", "2024-03-12"),
        ("Дата публикации: 3 января 2021 г.", "2021-01-03"),
        ("2021-08-24T09:00:00+06:00", "2021-08-24"),
        ("пятница, 7 November 2025", "2025-11-07"),
    ],
)
def test_dates_keep_the_parts_the_text_gives(text, iso):
    assert parse_date(text).iso == iso


@pytest.mark.parametrize("text", ["Опубликовано: 70", "2026 год", "32 мая 2020", "Министр прибыл 5 мая"])
def test_non_dates_are_not_dates(text):
    assert parse_date(text) is None


@pytest.mark.parametrize(
    "line, place, iso, outlet",
    [
        ("АСТАНА. 10 июля. КАЗИНФОРМ - Сегодня в Астане", "Астана", "--07-10", "Казинформ"),
        ("БИШКЕК, 14 марта — Sputnik. Министр обороны", "Бишкек", "--03-14", "Sputnik"),
        ("МОСКВА, 5 мая. /ТАСС/. Заместитель министра", "Москва", "--05-05", "ТАСС"),
        ("НУР-СУЛТАН. КАЗИНФОРМ - Сегодня министр", "Нур-Султан", None, "Казинформ"),
        ("АЛМАТЫ, 3 января 2020 г. Министр обороны", "Алматы", "2020-01-03", None),
    ],
)
def test_datelines(line, place, iso, outlet):
    found = find_dateline(line)
    assert (found.place, found.date.iso if found.date else None, found.outlet) == (place, iso, outlet)


def test_a_sentence_in_capitals_is_no_dateline():
    assert find_dateline("ОДКБ провела учения в Таджикистане.") is None


# --- files it cannot use -----------------------------------------------------------------------


def test_every_kind_of_bad_file_is_named_and_the_rest_load(tmp_path):
    shutil.copyfile(ARTICLES / "kg_uz_talks.txt", tmp_path / "good.txt")
    shutil.copyfile(ARTICLES / "kg_uz_talks.txt", tmp_path / "good_copy.txt")
    shutil.copyfile(ARTICLES / "english_only.txt", tmp_path / "english.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad name;rm.txt").write_text("Учения\nТекст статьи.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ["bad_name_rm_46023bd6", "english", "good"]  # a file name is never a reason to skip
    assert article(corpus, "english").warnings == (
        "no Cyrillic letters: processed, but the language models are for Russian",
    )
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in corpus.skipped}
    assert reasons == {
        "blank.txt": "empty file; skipped",
        "empty.txt": "empty file; skipped",
        "good_copy.txt": "same text as article good; skipped as a duplicate",
        "image.txt": "binary or undecodable data, not text in a known encoding; skipped",
        "notes.pdf": "not an article file (expected .txt, .html, .htm, .jsonl); skipped",
    }


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found: .*nowhere"):
        load_corpus(tmp_path / "nowhere")


# --- reading a corpus one article at a time -------------------------------------------------


def test_files_are_read_only_as_their_articles_are_taken(tmp_path):
    (tmp_path / "a.txt").write_text("Учения ОДКБ\nВ Кыргызстане прошли учения.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Старый заголовок\nСтарый текст.\n", encoding="utf-8")
    articles = iter_corpus(tmp_path)
    assert next(articles).title == "Учения ОДКБ"
    (tmp_path / "b.txt").write_text("Новый заголовок\nНовый текст.\n", encoding="utf-8")
    assert [a.title for a in articles] == ["Новый заголовок"]


def test_a_missing_folder_is_reported_before_anything_is_read(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found: .*nowhere"):
        iter_corpus(tmp_path / "nowhere")


def test_jsonl_lines_read_one_at_a_time_are_the_same_in_any_line_end_or_encoding(own_corpus, tmp_path):
    plain = (ARTICLES / "agencies.jsonl").read_text(encoding="utf-8")
    (tmp_path / "agencies.jsonl").write_bytes(b"\xef\xbb\xbf" + plain.replace("\n", "\r\n").encode("utf-8"))
    crlf = load_corpus(tmp_path)
    (tmp_path / "agencies.jsonl").write_bytes(plain.encode("cp1251"))
    cp1251 = load_corpus(tmp_path)
    expected = [(a.id, a.title, a.text, a.line) for a in own_corpus if a.path.endswith("agencies.jsonl")]
    assert len(expected) == 3
    assert [(a.id, a.title, a.text, a.line) for a in crlf] == expected
    assert [(a.id, a.title, a.text, a.line) for a in cp1251] == expected
    assert [a.encoding for a in cp1251] == ["cp1251"] * 3
    assert (
        [s.reason for s in crlf.skipped] == [s.reason for s in cp1251.skipped] == [s.reason for s in own_corpus.skipped]
    )
    (tmp_path / "agencies.jsonl").write_bytes(b"\n  \n")
    assert [s.reason for s in load_corpus(tmp_path).skipped] == ["empty file; skipped"]


def test_count_articles_counts_what_iter_corpus_gives(tmp_path):
    assert count_articles(ARTICLES) == len(list(iter_corpus(ARTICLES))) == 11
    (tmp_path / "empty.jsonl").write_bytes(b"")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    shutil.copyfile(ARTICLES / "agencies.jsonl", tmp_path / "agencies.jsonl")
    assert count_articles(tmp_path) == len(list(iter_corpus(tmp_path))) == 7


@pytest.mark.parametrize(
    "name, article_id",
    [
        ("001_ok-id.v2", "001_ok-id.v2"),  # safe names stay as they are
        ("копия статьи", "копия_статьи_a4b66b0c"),
        ("копия статьи (2)", "копия_статьи_2_b915e41f"),  # distinct from the first
        ("abc\n", "abc_edeaaff3"),  # a line end is no part of an id
        ("...", "article_ab5df625"),
    ],
)
def test_any_file_name_gives_a_safe_stable_id(name, article_id):
    assert safe_id(name) == article_id
    assert len(safe_id("Очень длинное название статьи " * 8)) <= MAX_ID_CHARS


def test_a_download_with_spaces_and_brackets_in_its_name_is_read(tmp_path):
    (tmp_path / "копия статьи (2).txt").write_text("Учения\nАсан Омаров провёл учения.", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ["копия_статьи_2_b915e41f"] and not corpus.skipped
    assert corpus.articles[0].path.endswith("копия статьи (2).txt")  # the original name is kept
