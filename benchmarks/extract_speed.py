"""Articles per second of the full extraction against natasha NER alone, on the same articles.

    .venv/bin/python benchmarks/extract_speed.py [ARTICLES]

The articles are built from the seeds' and test articles' paragraphs, shuffled into new
articles of 5-25 paragraphs, so that the figures are not flattered by repeating one text.
Models are loaded before timing; both measurements run in this one process, one core, and
are interleaved article by article (NER alone, then the full extraction), so that a machine
that speeds up or slows down during the run affects both alike.
"""

import random
import resource
import sys
import time
from pathlib import Path

from analysis.corpus import parse_article
from analysis.extract import extract_article
from analysis.nlp import pipeline

ROOT = Path(__file__).resolve().parent.parent


def articles(count: int) -> list[str]:
    paragraphs = [line for folder in (ROOT / "seeds", ROOT / "tests" / "articles") for path in sorted(folder.glob("*.txt"))
                  for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 40]
    rng = random.Random(11)
    return ["\n".join(rng.sample(paragraphs, rng.randint(5, 25))) for _ in range(count)]


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
