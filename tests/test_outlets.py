"""Outlets named as the sources of an article: its sources and kind media, never organisations."""

import pytest

from analysis.facts.document import read_document
from analysis.facts.meetings import find_meetings
from analysis.reading.corpus import parse_article
from analysis.reading.metadata import find_sources


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Об этом пишет газета «Степной вестник».", ["Степной вестник"]),
        ("– сказал в интервью The Steppe Times Асан Омаров.", ["The Steppe Times"]),
        ("Как передаёт «Степной вестник», переговоры начнутся в мае.", ["Степной вестник"]),
        ("– отметил в беседе с «Вестником» Петров.", ["Вестником"]),
        ("– признаётся собеседник The Steppe Times.", ["The Steppe Times"]),
        ("Об этом сообщил телеканал «Степь 24» со ссылкой на источник.", ["Степь 24"]),
        ("Об этом рассказал Bloomberg.", ["Bloomberg"]),  # a known outlet after a verb of speech
        ("«Мы договорились (с Тарагонией. – «Степной вестник») о сроках», – сказал он.", ["Степной вестник"]),
        # after a verb of speech a name no list knows may be the speaker itself
        ("Об этом сообщил «ТЕХМАШ».", []),
        ("Сотрудники агентства ООН по делам беженцев прибыли.", []),
        ("Отчёт детективного агентства «Крол-3» готов.", []),  # an agency, but no news agency
        ("В интервью агентству Bloomberg он уточнил сроки, напоминает CNN.", ["Bloomberg", "CNN"]),
        ("«Мы договорились (с Тарагонией. – Ред.)», – сказал он.", []),
    ],
)
def test_outlets_named_after_a_cue(text, names):
    assert [s.name for s in find_sources(text)] == names
    assert [text[s.start : s.stop] for s in find_sources(text)] == names


def test_cited_outlets_are_sources_never_organisations():
    doc = read_document(
        parse_article(
            "x",
            "Интервью\n«Мы готовы к переговорам», – сказал в интервью газете «Степной вестник» Асан Омаров. "
            "Как передаёт «Степной вестник», переговоры начнутся в мае. Ранее «Степной вестник» писал о "
            "подготовке встречи. Об этом также сообщил Bloomberg.",
        )
    )
    assert doc.article.sources == ("Степной вестник", "Bloomberg")
    kinds = [(m.text, doc.by_id[aid].kind, doc.by_id[aid].name) for m, aid in zip(doc.mentions, doc.actor_ids)]
    assert kinds == [
        ("Степной вестник", "media", "Степной вестник"),
        ("Асан Омаров", "person", "Асан Омаров"),
        ("Степной вестник", "media", "Степной вестник"),
        ("Bloomberg", "media", "Bloomberg"),
    ]  # the third «Степной вестник», with no cue, names the outlet cited and is no organisation


def test_an_outlet_citing_a_meeting_is_no_participant():
    doc = read_document(
        parse_article(
            "x", "Переговоры\nВ Астане Асан Омаров провёл встречу с Петром Смирновым, передаёт «Степной вестник»."
        )
    )
    assert [m.participants for m in find_meetings(doc)] == [("Асан Омаров", "Петр Смирнов")]
    assert doc.article.sources == ("Степной вестник",)
