"""Articles per second of the full extraction against natasha NER alone, on the same articles.

    .venv/bin/python benchmarks/extract_speed.py [ARTICLES]

The articles are built from the seeds' and test articles' paragraphs, shuffled into new
articles of 5-25 paragraphs, with paragraphs naming invented people, companies, places and
figures among them, so that the figures are not flattered by repeating a few texts.
Models are loaded before timing; both measurements run in this one process, one core, and
are interleaved article by article (NER alone, then the full extraction), so that a machine
that speeds up or slows down during the run affects both alike.
"""

import random
import resource
import sys
import time
from pathlib import Path

from analysis.batch.extract import extract_article
from analysis.language.nlp import pipeline
from analysis.reading.corpus import parse_article

ROOT = Path(__file__).resolve().parent.parent


# Invented people, companies and places for the varied paragraphs: a large corpus then names
# thousands of different actors, as real news does, instead of the seeds' few dozen again and again.
FIRST = [
    "Айдар",
    "Асхат",
    "Бауыржан",
    "Данияр",
    "Ерлан",
    "Мурат",
    "Нурлан",
    "Руслан",
    "Серик",
    "Талгат",
    "Тимур",
    "Ильдар",
    "Алексей",
    "Андрей",
    "Виктор",
    "Дмитрий",
    "Игорь",
    "Максим",
    "Олег",
    "Павел",
]
LAST = [
    "Абдрахманов",
    "Ахметов",
    "Байжанов",
    "Бекмуратов",
    "Галиев",
    "Жумабеков",
    "Каримов",
    "Касымов",
    "Кенжебаев",
    "Нуркенов",
    "Омаров",
    "Рахимов",
    "Садыков",
    "Сейткалиев",
    "Турсунов",
    "Утегенов",
    "Хасанов",
    "Шарипов",
    "Юсупов",
    "Волков",
    "Козлов",
    "Лебедев",
    "Морозов",
    "Новиков",
    "Павлов",
    "Петров",
    "Смирнов",
    "Соколов",
    "Мусин",
    "Исмаилов",
]
COMPANIES = [
    f"АО «{root}{end}»"
    for root in ("Тех", "Спец", "Авиа", "Радио", "Гидро", "Электро", "Оптик", "Броне")
    for end in ("маш", "прибор", "сервис", "систем")
]
CITIES = (
    "Астане",
    "Алматы",
    "Караганде",
    "Шымкенте",
    "Минске",
    "Бишкеке",
    "Ташкенте",
    "Казани",
    "Москве",
    "Душанбе",
    "Ереване",
    "Новосибирске",
    "Екатеринбурге",
    "Уфе",
)
ROLES = (
    "заместитель министра обороны Казахстана",
    "председатель правления {company}",
    "генеральный директор {company}",
    "командующий Силами воздушной обороны",
    "посол Беларуси в Казахстане",
    "начальник Генерального штаба",
)
SENTENCES = (
    "{name}, {role}, заявил, что стороны продолжат сотрудничество в сфере подготовки кадров.",
    "Как сообщил {name}, в {year} году {company} поставит {count} единиц техники.",
    "В {city} прошли переговоры, в которых приняли участие {name} и {other}.",
    "Соглашение о сотрудничестве подписали {name} и генеральный директор {company} {other}.",
    "Сумма контракта составила {count} млн долларов, сообщил {name}.",
    "По словам {company}, ремонт и модернизация вооружения завершатся к {year} году.",
)


def articles(count: int) -> list[str]:
    """``count`` articles of 5-25 paragraphs of the seeds and test articles, shuffled, with one
    to four paragraphs of invented people, companies, places and figures among them."""
    paragraphs = [
        line
        for folder in (ROOT / "seeds", ROOT / "tests" / "articles")
        for path in sorted(folder.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line) > 40
    ]
    rng = random.Random(11)

    def varied() -> str:
        def sentence() -> str:
            name, other = (f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(2))
            company = rng.choice(COMPANIES)
            return rng.choice(SENTENCES).format(
                name=name,
                other=other,
                company=company,
                role=rng.choice(ROLES).format(company=company),
                city=rng.choice(CITIES),
                year=rng.randint(1995, 2030),
                count=rng.randint(2, 900),
            )

        return " ".join(sentence() for _ in range(rng.randint(2, 3)))

    texts = []
    for _ in range(count):
        chosen = rng.sample(paragraphs, rng.randint(5, 25))
        for _ in range(rng.randint(1, 4)):
            chosen.insert(rng.randint(1, len(chosen)), varied())
        texts.append("\n".join(chosen))
    return texts


def extract(number: int, text: str) -> None:
    """Everything the extraction does for one article, as the workers do it (writing aside)."""
    result = extract_article(parse_article(f"a{number}", text))
    if result.error:
        raise SystemExit(result.error)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    texts = articles(count)
    nlp = pipeline()
    nlp.ner_tagger(texts[0])  # warm up
    extract(0, texts[0])
    ner = full = 0.0
    for number, text in enumerate(texts):
        start = time.perf_counter()
        nlp.ner_tagger(text)
        middle = time.perf_counter()
        extract(number, text)
        ner, full = ner + middle - start, full + time.perf_counter() - middle
    chars = sum(len(t) for t in texts)
    print(f"{count} articles, {chars / count / 1000:.1f} K chars on average")
    print(f"natasha NER alone:  {count / ner:6.1f} articles/s  ({chars / ner / 1000:.0f} K chars/s)")
    print(f"full extraction:    {count / full:6.1f} articles/s  ({chars / full / 1000:.0f} K chars/s)")
    print(f"ratio full / NER:   {ner / full:.2f}")
    print(f"peak memory:        {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
