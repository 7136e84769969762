"""The package's layers: a module imports only from its own layer or the ones below it."""

import ast

import pytest

from conftest import ROOT

PACKAGE = ROOT / "analysis"
# bottom up: the data flow of the README's Layout section
LAYERS = ["base", "reading", "language", "facts", "storage", "network", "report", "evaluation", "batch", "commands"]
TOP_LEVEL = {
    "errors": "base",
    "lexicon": "base",
    "vocabulary": "base",
    "provenance": "base",
    "params": "base",
    "__init__": "base",
    "evaluate": "commands",
    "__main__": "commands",
}


def layer(module: str) -> str:
    """The layer of a dotted module name under ``analysis``."""
    parts = module.split(".")
    assert parts[0] == "analysis", module
    if len(parts) == 1:
        return "base"
    if parts[1] in LAYERS:
        return parts[1]
    assert parts[1] in TOP_LEVEL, f"analysis/{parts[1]} is in no layer: add it to a sub-package or TOP_LEVEL"
    return TOP_LEVEL[parts[1]]


def module_name(path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    return ".".join(relative.parts[:-1] if relative.name == "__init__" else relative.parts)


def imports(path) -> list[tuple[int, str]]:
    """(line, dotted module) of every import of the package in the file, inside functions too."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            if target.split(".")[0] == "analysis":
                # "from .. import x" may name a module: count the module, else the package
                names = (
                    [
                        f"{target}.{a.name}"
                        for a in node.names
                        if (PACKAGE.parent / f"{target}.{a.name}".replace(".", "/")).with_suffix(".py").exists()
                    ]
                    if not node.module
                    else []
                )
                found += [(node.lineno, t) for t in names or [target]]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "analysis"]
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_points_up_the_layers(path):
    own = layer(module_name(path))
    upward = [
        f"line {line}: {target} ({layer(target)})"
        for line, target in imports(path)
        if LAYERS.index(layer(target)) > LAYERS.index(own)
    ]
    assert not upward, f"{path.relative_to(ROOT)} ({own}) imports from above: {upward}"


def test_storage_never_imports_extraction_and_words_never_the_neural_pipeline():
    store = {t for _, t in imports(PACKAGE / "storage" / "store.py")}
    # the schema's records only: reading results never runs language or fact finding
    assert not {t for t in store if t.startswith(("analysis.batch", "analysis.language", "analysis.facts"))} - {
        "analysis.facts.schema"
    }
    lemmas = {t for _, t in imports(PACKAGE / "language" / "lemmas.py")}
    assert "analysis.language.nlp" not in lemmas


def test_the_layer_check_catches_an_upward_import(tmp_path):
    """The check itself: a reading module importing from facts is reported."""
    bad = PACKAGE / "reading" / "_probe_upward.py"
    bad.write_text("def f():\n    from ..facts.actors import resolve_actors\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match=r"imports from above: \['line 2: analysis.facts.actors \(facts\)'\]"):
            test_no_import_points_up_the_layers(bad)
    finally:
        bad.unlink()


def test_every_sub_package_is_a_layer():
    folders = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert set(folders) <= set(LAYERS) and {m.stem for m in PACKAGE.glob("*.py")} <= set(TOP_LEVEL)
