"""Set-up files agree with each other; notebooks are committed clean and paired."""

import json
import tomllib

import jupytext
import pytest
import yaml
from packaging.requirements import Requirement

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def normalised(requirements):
    return sorted(str(Requirement(r)) for r in requirements)


def test_environment_yml_lists_the_pyproject_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "conda-forge" in env["channels"]
    assert "python=3.11" in env["dependencies"]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip  # the package itself
    wanted = project["dependencies"] + project["optional-dependencies"]["test"]
    assert normalised(r for r in pip if r != "-e .") == normalised(wanted)


def test_setuptools_stays_below_81_for_pymorphy2():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    setuptools = next(Requirement(r) for r in project["dependencies"] if r.startswith("setuptools"))
    assert not setuptools.specifier.contains("81.0") and setuptools.specifier.contains("65.5.0")


def test_there_are_six_notebooks():
    assert [p.stem for p in NOTEBOOKS] == [
        "actor_dossier",
        "actor_network",
        "corpus_overview",
        "fact_sheet",
        "facts_table",
        "timeline",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_with_ids_and_one_parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(not c["outputs"] and c["execution_count"] is None for c in code)
    ids = [c.get("id") for c in nb["cells"]]
    assert all(ids) and len(set(ids)) == len(ids)
    tagged = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
    assert len(tagged) == 1 and tagged[0] is code[0]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_and_its_paired_script_agree(path):
    script = jupytext.read(path.with_suffix(".py"))
    notebook = jupytext.read(path)
    assert [(c.cell_type, c.source) for c in script.cells] == [(c.cell_type, c.source) for c in notebook.cells]


def test_generated_folders_are_ignored():
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "/output/" in ignored and "/.venv/" in ignored
