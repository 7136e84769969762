"""Actor dossiers: which actor a parameter names, with one message listing the candidates when
it names several or none; the batch renders those of the most mentioned actors."""

import csv

import pytest
from test_notebooks import outputs_text, run

from analysis.errors import ParameterError
from analysis.report.dossier import find_actor, most_mentioned, page_name


@pytest.fixture(scope="module")
def actors(two_results):
    with open(two_results.out / "data" / "actors.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_an_actor_is_found_by_id_name_or_part_of_a_name(actors):
    assert find_actor(actors, "person:сергей_шойгу") == "person:сергей_шойгу"
    assert find_actor(actors, "сергей шойгу") == "person:сергей_шойгу"
    assert find_actor(actors, "Шойгу") == "person:сергей_шойгу"


def test_a_name_of_several_or_none_lists_the_candidates(actors):
    with pytest.raises(ParameterError) as several:
        find_actor(actors, "ов")
    assert str(several.value) == (
        "parameter actor 'ов' names 2 actors: Адильбек Джаксыбеков (person:адильбек_джаксыбеков); "
        "Николай Азаматов (person:николай_азаматов); pass one of these ids"
    )
    with pytest.raises(ParameterError) as misspelt:
        find_actor(actors, "Шайгу")
    assert str(misspelt.value) == (
        "parameter actor 'Шайгу' names no actor of data/actors.csv; did you mean: Сергей Шойгу (person:сергей_шойгу)"
    )
    with pytest.raises(ParameterError, match="names no actor of data/actors.csv: use an actor id or name"):
        find_actor(actors, "Зюганов")


def test_the_most_mentioned_actors_and_their_page_names(actors):
    assert most_mentioned(actors, 5) == [
        "country:kz",
        "country:ru",
        "country:by",
        "organization:министерство_обороны_казахстана",
        "place:астана",
    ]
    assert (
        page_name("person:денис_мантуров")
        == "actor_dossier_person_denis_manturov_" + page_name("person:денис_мантуров").rsplit("_", 1)[1]
    )
    assert page_name("person:денис_мантуров") != page_name("person:денис мантуров")


def test_dossier_notebook_shows_roles_meetings_and_quotes(two_corpus, two_results):
    result = run(two_corpus, two_results.out, "actor_dossier", actor="Ермекбаев")
    assert (result.status, result.error) == ("ok", "")
    shown = outputs_text(two_results.out / "notebooks" / "actor_dossier.ipynb")
    for expected in ("person:нурлан_ермекбаев", "министр обороны Казахстана", "Сергей Шойгу", "Tengrinews"):
        assert expected in shown


@pytest.mark.parametrize(
    "parameters, message",
    [
        ({"actor": "ов"}, "ParameterError: parameter actor 'ов' names 2 actors"),
        ({"actor": "Зюганов"}, "ParameterError: parameter actor 'Зюганов' names no actor"),
        ({"top_n": -1}, "ParameterError: parameter top_n must be a whole number >= 1, got -1"),
    ],
)
def test_dossier_refuses_bad_parameters_with_one_message(two_corpus, two_results, parameters, message):
    result = run(two_corpus, two_results.out, "actor_dossier", **parameters)
    assert result.status == "failed" and result.error.startswith(message), result.error
