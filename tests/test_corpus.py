"""The loader: ids, titles, paragraph offsets, page furniture and files it cannot use."""

import pytest

from analysis import CorpusError, load_corpus
from analysis.corpus import load_article, parse_article

from conftest import ARTICLES, SEEDS

SEED_IDS = ["000_884c3e9360fca713", "001_7d1e7618c1cc4230", "002_739a7ddcb5cf33d2",
            "003_0ddd33c837182fba", "004_cfd950fd49b21b71"]


def test_seed_ids(seed_corpus):
    assert seed_corpus.ids == SEED_IDS
    assert seed_corpus.skipped == ()


@pytest.mark.parametrize("article_id, title", [
    ("000_884c3e9360fca713", "Тасмагамбетов за совместную разработку вооружений в странах ОДКБ"),
    ("001_7d1e7618c1cc4230", "Казахстан и Россия подписали договор о военном сотрудничестве"),
    ("002_739a7ddcb5cf33d2", "Совместная работа послужит расширению взаимовыгодного сотрудничества между "
                             "Казахстаном и Беларусью - министр обороны РК"),
    ("004_cfd950fd49b21b71", "Татарстан и Казахстан расширят сотрудничество в военно-технической сфере"),
])
def test_seed_titles(seed_corpus, article_id, title):
    article = next(a for a in seed_corpus if a.id == article_id)
    assert article.title == title


def test_text_is_the_decoded_file_and_paragraph_offsets_point_into_it(seed_corpus):
    for article in seed_corpus:
        assert article.text == (SEEDS / f"{article.id}.txt").read_text(encoding="utf-8")
        for paragraph in article.paragraphs:
            assert article.text[paragraph.start:paragraph.stop] == paragraph.text


@pytest.mark.parametrize("article_id, line, kind", [
    ("000_884c3e9360fca713", "×", "no words"),
    ("000_884c3e9360fca713", "odkb-csto.org", "bare domain"),
    ("000_884c3e9360fca713", "Лента новостей", "navigation"),
    ("000_884c3e9360fca713", "Все новости →", "navigation"),
    ("001_7d1e7618c1cc4230", "Опубликовано: 70", "counter"),
    ("001_7d1e7618c1cc4230", "Казахстан и Россия подписали договор о военном сотрудничестве Фото - Tengrinews.kz",
     "photo credit"),
    ("001_7d1e7618c1cc4230", "Оставить комментарий", "comment prompt"),
    ("002_739a7ddcb5cf33d2", "None", "placeholder"),
    ("002_739a7ddcb5cf33d2", "Сейчас читают", "navigation"),
    ("003_0ddd33c837182fba", "Фото: Солтан Жексенбеков / Kazinform", "photo credit"),
])
def test_page_furniture_is_marked_not_analysed(seed_corpus, article_id, line, kind):
    article = next(a for a in seed_corpus if a.id == article_id)
    kinds = {p.kind for p in article.paragraphs if p.text == line}
    assert kinds == {kind}
    assert all(p.text != line for p in article.analysed_paragraphs)


def test_repeated_title_line_is_marked(seed_corpus):
    article = seed_corpus.articles[0]
    kinds = [p.kind for p in article.paragraphs if p.text == article.title]
    assert kinds == ["title", "repeated title"]


def test_own_article_title_and_furniture():
    article = load_article(ARTICLES / "kg_uz_talks.txt")
    assert article.id == "kg_uz_talks"
    assert article.title == "Кыргызстан и Узбекистан обсудили военное сотрудничество"
    assert [p.kind for p in article.paragraphs] == ["title", "body", "body", "body", "body", "share prompt"]


def test_utf8_bom_is_dropped_so_offsets_start_at_the_text(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffЗаголовок статьи\nТекст.".encode("utf-8"))
    article = load_article(tmp_path / "bom.txt")
    assert article.text == "Заголовок статьи\nТекст."
    assert article.paragraphs[0].start == 0


def test_files_it_cannot_use_are_skipped_with_a_reason(tmp_path):
    (tmp_path / "good.txt").write_text("Заголовок\nМинистр обороны провел встречу.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(b"\xff\xfe\x00binary\x00\xc3\x28")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "bad name;rm.txt").write_text("Текст", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.ids == ["good"]
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in corpus.skipped}
    assert reasons == {
        "bad name;rm.txt": "file name 'bad name;rm.txt' is not a safe article id (use letters, digits, '_', '-', '.')",
        "empty.txt": "empty file; skipped",
        "latin1.txt": "not UTF-8 text (invalid start byte at byte 0); skipped",
        "notes.pdf": "not an article file (expected .txt)",
    }


def test_missing_folder_is_one_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="corpus folder not found: .*nowhere"):
        load_corpus(tmp_path / "nowhere")


def test_article_without_title_line_uses_its_first_sentence_line():
    article = parse_article("x", "Фото: Иван Иванов / Kazinform\nМинистры обсудили учения.\n")
    assert article.title == "Министры обсудили учения."
    assert [p.kind for p in article.paragraphs] == ["photo credit", "title"]
