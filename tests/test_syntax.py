"""Dependency parses of several sentences in one pass of natasha's syntax model."""

from analysis.language.nlp import analyse
from analysis.language.syntax import _parser, parse_sentences
from analysis.reading.corpus import parse_article

TEXT = (
    "Переговоры\n"
    "Министр обороны Казахстана Руслан Жаксылыков провёл переговоры с Виктором Хрениным. "
    "Стороны обсудили поставки техники.\n"
    "Затем Хренин встретился с Асаном Омаровым в Астане."
)


def test_sentences_parsed_together_get_the_parse_each_gets_alone():
    analysis = analyse(parse_article("own", TEXT))
    sentences = analysis.sentences[1:]  # the second holds no name: parse_sentences tokenises it
    parsed = parse_sentences(TEXT, sentences)
    alone = [list(_parser().map([[t.text for t in tokens]]))[0] for tokens in parsed]
    assert [len(tokens) for tokens in parsed] == [11, 5, 9]
    for tokens, markup in zip(parsed, alone):
        ids = {token.id: i for i, token in enumerate(markup.tokens)}
        assert [(t.head, t.rel) for t in tokens] == [(ids.get(m.head_id, -1), m.rel) for m in markup.tokens]
    # "Хренин встретился с Асаном Омаровым": the verb is the root, the names its subject and oblique
    last = parsed[2]
    words = [t.text for t in last]
    verb = words.index("встретился")
    assert last[verb].head == -1
    assert (last[words.index("Хренин")].head, last[words.index("Хренин")].rel) == (verb, "nsubj")
    assert (last[words.index("Асаном")].head, last[words.index("Асаном")].rel) == (verb, "obl")
    assert (last[0].start, last[0].text) == (TEXT.index("Затем"), "Затем")
