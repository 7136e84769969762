"""Each notebook executes through papermill on a two-article corpus and shows the expected names."""

import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from analysis import extract_corpus
from analysis.batch.run import NOTEBOOKS_DIR, Job, execute_job
from analysis.params import project_dirs
from conftest import TWO


def outputs_text(notebook: Path) -> str:
    """Everything the executed notebook shows, as one string."""
    nb = nbformat.read(notebook, as_version=4)
    parts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(f"{output.get('ename', '')}: {output.get('evalue', '')}")
            parts.extend(str(v) for k, v in output.get("data", {}).items() if k.startswith("text/"))
    return "\n".join(parts)


def output_kinds(notebook: Path) -> set[str]:
    nb = nbformat.read(notebook, as_version=4)
    return {kind for cell in nb.cells for output in cell.get("outputs", []) for kind in output.get("data", {})}


def run(two_corpus, out, name, notebook=None, **parameters):
    job = Job(
        str(notebook or NOTEBOOKS_DIR / f"{name}.ipynb"),
        name,
        name,
        "test",
        {"corpus_dir": str(two_corpus), "out_dir": str(out), **parameters},
    )
    return execute_job(job, str(out))


@pytest.mark.parametrize(
    "name, parameters, expected, figure",
    [
        (
            "corpus_overview",
            {},
            [
                "001_7d1e7618c1cc4230",
                "Казахстан и Россия подписали договор о военном сотрудничестве",
                "Нурлан Ермекбаев",
                "No file was skipped.",
            ],
            "image/png",
        ),
        (
            "actor_network",
            {"min_weight": 1},
            ["Адильбек Джаксыбеков", "Николай Азаматов", "weighted_degree"],
            "image/png",
        ),
        (
            "fact_sheet",
            {"article_id": TWO[1]},
            [
                "Адильбек Джаксыбеков",
                "Николай Азаматов",
                "Астана",
                "1058eb25fd22b69f7774e4a241018297fbebaf6a24669ebf80b29cc3504c1762",
            ],
            "text/html",
        ),  # its figures are inline SVG
    ],
)
def test_notebook_executes_and_shows_the_names(two_corpus, two_results, name, parameters, expected, figure):
    result = run(two_corpus, two_results.out, name, **parameters)
    assert (result.status, result.error) == ("ok", "")
    executed = two_results.out / "notebooks" / f"{name}.ipynb"
    shown = outputs_text(executed)
    for text in expected:
        assert text in shown
    assert figure in output_kinds(executed)
    page = (two_results.out / "html" / f"{name}.html").read_text(encoding="utf-8")
    assert expected[1] in page
    assert "import analysis" not in page  # code is hidden


def test_fact_sheet_shows_every_kind_of_fact(two_corpus, two_results):
    result = run(two_corpus, two_results.out, "fact_sheet", article_id=TWO[0])
    assert (result.status, result.error) == ("ok", "")
    shown = outputs_text(two_results.out / "notebooks" / "fact_sheet.ipynb")
    for text in (
        "обновленный договор о военном сотрудничестве между Республикой Казахстан и Российской Федерацией",
        "superseded",
        "сообщили в пресс-службе Минобороны",
        "отметил Ермекбаев",
        "1994 года",
        '<mark style="background:#cfe2ff" title="Сергей Шойгу (person)">Сергеем Шойгу</mark>',
        "No sum of money or percentage in this article.",
    ):
        assert text in shown


def test_fact_sheet_of_an_article_without_facts_says_so(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "weather.txt").write_text(
        "Погода в столице\nВ Астане ожидается солнечная погода, без осадков.\n<script>alert(1)</script>\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    extract_corpus(corpus, out, progress=False)  # a notebook given an out_dir reads results, never makes them
    result = run(corpus, out, "fact_sheet", article_id="weather")
    assert (result.status, result.error) == ("ok", "")
    shown = outputs_text(out / "notebooks" / "fact_sheet.ipynb")
    for text in (
        "No person is named in this article.",
        "No meeting is reported in this article.",
        "No agreement, treaty, plan or contract is named in this article.",
        "No direct quote in this article.",
        "No date is stated in this article.",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
    ):
        assert text in shown
    assert "<script>alert(1)</script>" not in shown


def test_unknown_article_id_fails_with_one_clear_message(two_corpus, two_results, tmp_path):
    result = run(two_corpus, two_results.out, "fact_sheet", article_id="../../etc/passwd")
    assert result.status == "failed"
    assert result.error.startswith("ParameterError: unknown article_id '../../etc/passwd': use one of the 2 ids in ")
    # the failed notebook is kept with its error for inspection
    assert "ParameterError" in outputs_text(two_results.out / "notebooks" / "fact_sheet.ipynb")


def test_bad_parameter_value_is_named(two_corpus, two_results):
    result = run(two_corpus, two_results.out, "actor_network", min_weight="heavy")
    assert result.status == "failed"
    assert result.error == "ParameterError: parameter min_weight must be a whole number >= 1, got 'heavy'"


def test_country_level_network_in_english(two_corpus, two_results):
    result = run(two_corpus, two_results.out, "actor_network", level="countries", labels="en", window="paragraph")
    assert (result.status, result.error) == ("ok", "")
    shown = outputs_text(two_results.out / "notebooks" / "actor_network.ipynb")
    assert "Kazakhstan" in shown and "Russia" in shown and "Belarus" in shown and "eigenvector" in shown


def test_ego_network_of_one_actor(two_corpus, two_results):
    result = run(two_corpus, two_results.out, "actor_network", ego="Сергей Шойгу", kinds="person,country")
    assert (result.status, result.error) == ("ok", "")
    assert "Нурлан Ермекбаев" in outputs_text(two_results.out / "notebooks" / "actor_network.ipynb")


@pytest.mark.parametrize(
    "parameters, error",
    [
        ({"window": "page"}, "parameter window must be one of sentence, paragraph, article; got 'page'"),
        ({"level": "planets"}, "parameter level must be one of actors, countries; got 'planets'"),
        ({"labels": "de"}, "parameter labels must be one of ru, en; got 'de'"),
        (
            {"kinds": "person,media"},
            "parameter kinds must list some of person, organization, country, place; got 'person,media'",
        ),
    ],
)
def test_bad_network_parameters_are_named_with_the_allowed_values(two_corpus, two_results, parameters, error):
    result = run(two_corpus, two_results.out, "actor_network", **parameters)
    assert (result.status, result.error) == ("failed", f"ParameterError: {error}")


def test_a_kernel_name_the_machine_lacks_does_not_break_the_run(two_corpus, two_results, tmp_path):
    nb = nbformat.read(NOTEBOOKS_DIR / "fact_sheet.ipynb", as_version=4)
    nb.metadata["kernelspec"] = {"name": "no-such-kernel", "display_name": "Gone", "language": "python"}
    copy = tmp_path / "fact_sheet.ipynb"
    nbformat.write(nb, copy)
    result = run(two_corpus, two_results.out, "fact_sheet_ghost", notebook=copy, article_id=TWO[0])
    assert (result.status, result.error) == ("ok", "")


def test_papermill_cli_runs_a_fact_sheet(two_corpus, two_results, tmp_path):
    papermill = shutil.which("papermill", path=str(Path(sys.executable).parent))
    executed = tmp_path / "x.ipynb"
    done = subprocess.run(
        [
            papermill,
            str(NOTEBOOKS_DIR / "fact_sheet.ipynb"),
            str(executed),
            "-p",
            "article_id",
            TWO[1],
            "-p",
            "out_dir",
            str(two_results.out),
            "-p",
            "corpus_dir",
            str(two_corpus),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Адильбек Джаксыбеков" in outputs_text(executed)


def test_notebook_defaults_find_the_project_from_a_subfolder(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "notebooks").mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")  # where JupyterLab starts a notebook's kernel
    assert project_dirs() == (tmp_path / "seeds", tmp_path / "output")
    assert project_dirs("/data/articles", "") == (Path("/data/articles"), tmp_path / "output")


def test_stored_results_are_read_not_re_extracted(two_corpus, two_results, tmp_path):
    """Notebooks on existing results must not load the NLP models: they read the tables."""
    code = (
        "import sys, analysis; r = analysis.open_results(sys.argv[1], sys.argv[2]); "
        "from analysis.language.nlp import pipeline; print(len(r.ids), pipeline.cache_info().currsize)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(two_results.out), str(two_corpus)], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["2", "0"]


def test_the_fact_sheet_loads_no_models_and_no_pandas_matplotlib_or_networkx(two_corpus, two_results):
    """The sheet's code, run as the kernel would, reads its article's record and imports none of
    the heavy libraries (they would cost more than the kernel's start)."""
    nb = nbformat.read(NOTEBOOKS_DIR / "fact_sheet.ipynb", as_version=4)
    cells = [c.source for c in nb.cells if c.cell_type == "code" and "parameters" not in c.metadata.get("tags", [])]
    code = (
        f"article_id, corpus_dir, out_dir = {TWO[1]!r}, {str(two_corpus)!r}, {str(two_results.out)!r}\n"
        + "\n".join(cells)
        + "\nimport sys\n"
        "heavy = {'natasha', 'pandas', 'matplotlib', 'networkx', 'analysis.language.lemmas', 'analysis.facts.document'}\n"
        "print(facts.article_id, sorted(heavy & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.split() == [TWO[1], "[]"], done.stderr[-2000:]


def test_english_labels_look_words_up_without_loading_the_models(two_results):
    """Labels for English-language figures need the dictionary, not the neural models."""
    code = (
        "import sys; from analysis import load_results; "
        "from analysis.network.graph import actor_graph, english_labels; "
        "labels = english_labels(actor_graph(load_results(sys.argv[1]))); "
        "from analysis.language.nlp import pipeline; print(labels['country:kz'], pipeline.cache_info().currsize)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(two_results.out)], capture_output=True, text=True, timeout=120
    )
    assert done.stdout.split() == ["Kazakhstan", "0"], done.stderr[-2000:]


def test_overview_lists_metadata_removed_lines_and_skipped_files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("002_739a7ddcb5cf33d2.txt", "004_cfd950fd49b21b71.txt"):
        shutil.copyfile(Path(__file__).resolve().parent.parent / "seeds" / name, corpus / name)
    (corpus / "empty.txt").write_bytes(b"")
    extract_corpus(corpus, tmp_path / "out", progress=False)
    result = run(corpus, tmp_path / "out", "corpus_overview")
    assert (result.status, result.error) == ("ok", "")
    shown = outputs_text(tmp_path / "out" / "notebooks" / "corpus_overview.ipynb")
    for text in (
        "--07-10",
        "2014-12-29",
        "Казинформ",
        "Астана",
        "placeholder",
        "date line",
        "empty.txt",
        "empty file; skipped",
    ):
        assert text in shown


def test_fact_sheet_lists_digest_names_apart_from_the_story(seed_results):
    result = run(
        Path(__file__).resolve().parent.parent / "seeds",
        seed_results.out,
        "fact_sheet",
        article_id="000_884c3e9360fca713",
    )
    assert (result.status, result.error) == ("ok", "")
    shown = outputs_text(seed_results.out / "notebooks" / "fact_sheet.ipynb")
    # the people table comes first and holds the story's people; the digest's come after it
    assert "Имангали Тасмагамбетов" in shown.split("Джо Байден", 1)[0]
    assert "Qaz365.kz, inbusiness.kz" in shown
