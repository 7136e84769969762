"""Extraction on the seeds and on articles written for the tests: mentions, people, facts, tables."""

import filecmp
import json

import pytest

from analysis import extract_corpus, load_results
from analysis.facts.document import read_document
from analysis.language.nlp import analyse
from analysis.reading.corpus import load_article, parse_article
from conftest import ARTICLES

LEADS = {
    "000_884c3e9360fca713": {"Имангали Тасмагамбетов", "Денис Мантуров"},
    "001_7d1e7618c1cc4230": {"Нурлан Ермекбаев", "Сергей Шойгу"},
    "002_739a7ddcb5cf33d2": {"Адильбек Джаксыбеков", "Николай Азаматов"},
    "003_0ddd33c837182fba": {"Шайх-Хасан Жазыкбаев", "Денис Мантуров"},
    "004_cfd950fd49b21b71": {"Имангали Тасмагамбетов", "Рустам Минниханов"},
}
FACT_KEYS = [
    "article_id",
    "title",
    "published",
    "sources",
    "persons",
    "organizations",
    "countries",
    "places",
    "meetings",
    "agreements",
    "quotes",
    "dates",
    "amounts",
    "themes",
]


def test_every_mention_is_the_text_at_its_offsets(seed_results):
    assert len(seed_results.mentions) > 150
    for row in seed_results.mentions.itertuples():
        assert seed_results.text(row.article_id)[row.start : row.stop] == row.text


@pytest.mark.parametrize("article_id", sorted(LEADS))
def test_the_people_who_lead_each_seed_are_found_in_the_nominative(seed_results, article_id):
    names = {p["name"] for p in seed_results.facts(article_id)["persons"]}
    assert LEADS[article_id] <= names


def test_surname_and_genitive_forms_are_one_person(seed_results):
    persons = {p["name"]: p["mentions"] for p in seed_results.facts("001_7d1e7618c1cc4230")["persons"]}
    # "Нурлана Ермекбаева", "отметил Ермекбаев", "добавил Нурлан Ермекбаев"
    assert persons["Нурлан Ермекбаев"] == [[479, 497], [1514, 1523], [3947, 3963]]
    assert persons["Сергей Шойгу"] == [[520, 533]]


def test_initials_with_and_without_space_are_one_person(seed_results):
    persons = {p["name"]: len(p["mentions"]) for p in seed_results.facts("002_739a7ddcb5cf33d2")["persons"]}
    # "Адильбека Джаксыбекова", "А.Джаксыбекова", "А. Джаксыбеков"
    assert persons["Адильбек Джаксыбеков"] == 3
    assert not any(name.startswith("А.") or name.startswith("А. ") for name in persons)


def test_a_name_only_in_a_photo_credit_is_not_a_person(seed_results):
    names = {p["name"] for p in seed_results.facts("003_0ddd33c837182fba")["persons"]}
    assert names == {"Шайх-Хасан Жазыкбаев", "Денис Мантуров"}


def test_same_person_is_the_same_actor_across_articles(seed_results):
    actors = seed_results.actors.set_index("actor_id")
    assert actors.at["person:денис_мантуров", "name"] == "Денис Мантуров"
    assert actors.at["person:денис_мантуров", "articles"] == 2
    assert list(seed_results.actors["actor_id"]) == sorted(seed_results.actors["actor_id"])


def test_own_article_people_with_every_variant():
    article = load_article(ARTICLES / "kg_uz_talks.txt")
    analysis = read_document(article)
    actors, ids = analysis.actors, analysis.actor_ids
    people = {}
    for mention, actor_id in zip(analysis.mentions, ids):
        if mention.type == "PER":
            people.setdefault(actor_id, []).append((mention.start, mention.stop, mention.text))
    assert people == {
        "person:бакыт_калыков": [(113, 126, "Бакыт Калыков"), (389, 396, "Калыков"), (417, 427, "Б. Калыков")],
        "person:абдусалом_азизов": [(189, 209, "Абдусаломом Азизовым"), (430, 438, "А.Азизов")],
    }
    assert {a.name for a in actors if a.kind == "person"} == {"Бакыт Калыков", "Абдусалом Азизов"}


@pytest.mark.parametrize(
    "sentence, mention, normal",
    [
        ("Президент встретился с Касым-Жомартом Токаевым в Астане.", "Касым-Жомартом Токаевым", "Касым-Жомарт Токаев"),
        ("Визит Нурсултана Назарбаева в Минск завершился.", "Нурсултана Назарбаева", "Нурсултан Назарбаев"),
        ("Он рассказал о встрече с Айгерим Джаксыбековой.", "Айгерим Джаксыбековой", "Айгерим Джаксыбекова"),
        ("Заявление Марии Захаровой прокомментировал министр.", "Марии Захаровой", "Мария Захарова"),
        ("Министр встретился с Садыром Жапаровым и Ильхамом Алиевым.", "Садыром Жапаровым", "Садыр Жапаров"),
        ("Министр встретился с Садыром Жапаровым и Ильхамом Алиевым.", "Ильхамом Алиевым", "Ильхам Алиев"),
        ("Заявление прокомментировал Бахтиёр Курбанов.", "Бахтиёр Курбанов", "Бахтиёр Курбанов"),
        (
            "Делегацию принял министр обороны Беларуси Виктор Хренин, встречу с Виктора Хренина начали.",
            "Виктора Хренина",
            "Виктор Хренин",
        ),
        ("Министр позвонил Виктору Хренину.", "Виктору Хренину", "Виктор Хренин"),
    ],
)
def test_person_names_are_put_into_the_nominative(sentence, mention, normal):
    found = {m.text: m.normal for m in analyse(parse_article("x", sentence)).mentions if m.type == "PER"}
    assert found[mention] == normal


def test_fact_record_has_the_design_schema_and_invents_nothing(seed_results):
    facts = seed_results.facts("004_cfd950fd49b21b71")
    assert list(facts)[: len(FACT_KEYS)] == FACT_KEYS
    assert facts["title"] == "Татарстан и Казахстан расширят сотрудничество в военно-технической сфере"
    for key in ("agreements", "amounts", "sources"):  # the article names none
        assert facts[key] == []
    assert facts["published"] == "2014-12-29"
    person = next(p for p in facts["persons"] if p["name"] == "Рустам Минниханов")
    assert (person["roles"], person["affiliation"]) == (["президент Татарстана"], "RU-TA")
    assert person["mentions"][0] == [340, 361]  # "Рустамом Миннихановым"
    assert {"name": "Казань", "country": "RU", "mentions": [[1636, 1642], [2801, 2807]]} in facts["places"]
    countries = {c["name"]: (c["code"], len(c["mentions"])) for c in facts["countries"]}
    # 7 names ("Татарстан", "РТ", ...) and 3 adjectives ("татарстанскими", ...); 11 + 2 for Kazakhstan
    assert countries == {"Татарстан": ("RU-TA", 10), "Казахстан": ("KZ", 13), "Россия": ("RU", 1)}


def test_one_failing_article_does_not_stop_the_others(tmp_path, monkeypatch):
    import analysis.facts.document

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Учения\nМинистр обороны Бакыт Калыков провел учения.", encoding="utf-8")
    (corpus / "breaks.txt").write_text("Учения\nСергей Петров провел учения.", encoding="utf-8")
    real = analysis.facts.document.analyse

    def analyse_or_fail(article):
        if article.id == "breaks":
            raise RuntimeError("model failure")
        return real(article)

    monkeypatch.setattr(analysis.facts.document, "analyse", analyse_or_fail)
    report = extract_corpus(corpus, tmp_path / "out", progress=False)
    assert report.articles == 1
    assert [(s.path.rsplit("/", 1)[-1], s.reason) for s in report.skipped] == [
        ("breaks.txt", "extraction failed: RuntimeError: model failure")
    ]
    results = load_results(tmp_path / "out")
    assert results.ids == ["good"]
    assert list(results.skipped["file"]) == ["breaks.txt"]
    assert [p["name"] for p in results.facts("good")["persons"]] == ["Бакыт Калыков"]


def test_two_extractions_give_byte_identical_files(two_corpus, tmp_path):
    extract_corpus(two_corpus, tmp_path / "a", progress=False)
    extract_corpus(two_corpus, tmp_path / "b", progress=False)
    for name in (
        "data/articles.csv",
        "data/mentions.csv",
        "data/actors.csv",
        "data/facts/001_7d1e7618c1cc4230.json",
        "network/actors.graphml",
        "network/actors.png",
        "network/actors.svg",
    ):
        assert filecmp.cmp(tmp_path / "a" / name, tmp_path / "b" / name, shallow=False), name


def test_articles_removed_from_the_corpus_leave_no_stale_files(two_corpus, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in two_corpus.iterdir():
        (corpus / path.name).write_bytes(path.read_bytes())
    extract_corpus(corpus, tmp_path / "out", progress=False)
    (corpus / "002_739a7ddcb5cf33d2.txt").unlink()
    extract_corpus(corpus, tmp_path / "out", progress=False)
    assert sorted(p.name for p in (tmp_path / "out/data/facts").iterdir()) == ["001_7d1e7618c1cc4230.json"]
    assert json.loads((tmp_path / "out/data/extraction.json").read_text())["inputs"] == {
        "001_7d1e7618c1cc4230.txt": "1480082a6988d428f19fd466b3275d721b9b2bc4f80a63e051a8781fce2b5648"
    }


def test_outlets_are_sources_not_actors(seed_results):
    facts = seed_results.facts("002_739a7ddcb5cf33d2")
    assert facts["sources"] == ["Казинформ"]
    assert "Казинформ" not in {p["name"] for p in facts["persons"]}  # "сообщили Казинформу", tagged PER
    assert "КАЗИНФОРМ" not in {o["name"] for o in facts["organizations"]}
    media = seed_results.actors[seed_results.actors["kind"] == "media"]
    assert sorted(media["name"]) == ["Qaz365.kz", "Tengrinews.kz", "Казинформ"]


def test_digest_mentions_stay_out_of_the_story_facts(seed_results):
    facts = seed_results.facts("000_884c3e9360fca713")
    persons = {p["name"] for p in facts["persons"]}
    assert persons == {"Имангали Тасмагамбетов", "Денис Мантуров"}
    assert {"Путин", "Джо Байден", "Мухтар Джакишев"} <= set(facts["digest"]["person"])
    blocks = seed_results.mentions.set_index(["article_id", "text"])["block"]
    assert blocks.loc[("000_884c3e9360fca713", "Джо Байден")] == "digest"


def test_own_html_article_people_and_photo_credit(tmp_path):
    (tmp_path / "corpus").mkdir()
    for name in ("zakon_page.html", "tass_air_defence.txt"):
        (tmp_path / "corpus" / name).write_bytes((ARTICLES / name).read_bytes())
    extract_corpus(tmp_path / "corpus", tmp_path / "out", progress=False)
    results = load_results(tmp_path / "out")
    page = results.facts("zakon_page")
    assert [p["name"] for p in page["persons"]] == ["Нурлан Ермекбаев", "Роман Головченко"]
    assert (page["published"], page["dateline"], page["sources"]) == ("2019-10-15", "Астана", ["Zakon.kz"])
    tass = results.facts("tass_air_defence")
    # "Фото: Айгуль Серикова / ТАСС" is a credit, not a person of the story
    assert [p["name"] for p in tass["persons"]] == ["Александр Фомин", "Руслан Жаксылыков"]
    for row in results.mentions.itertuples():
        assert results.text(row.article_id)[row.start : row.stop] == row.text


def test_offsets_hold_for_windows_1251_files_with_crlf(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = (ARTICLES / "vlast_contract.txt").read_text(encoding="utf-8")
    (corpus / "vlast.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1251"))
    extract_corpus(corpus, tmp_path / "out", progress=False)
    results = load_results(tmp_path / "out")
    assert results.text("vlast") == text
    assert results.articles.iloc[0]["encoding"] == "cp1251"
    rows = list(results.mentions.itertuples())
    assert any(r.text == "Ерлана Жангалиева" for r in rows)
    for row in rows:
        assert text[row.start : row.stop] == row.text
    removed = results.out / "data" / "removed.csv"
    assert removed.read_text(encoding="utf-8").splitlines()[1:] == [
        "vlast,64,80,counter,Просмотров: 1024",
        'vlast,387,478,digest,"Ранее сообщалось, что Казахстан и Турция подписали меморандум о производстве '
        'беспилотников."',
        "vlast,479,543,digest,Турецкая компания TUSAS откроет сборочное производство в Астане.",
        "vlast,544,558,counter,Комментарии: 5",
    ]
