"""Architecture boundaries of DESIGN.md section 1 and ARCHITECTURE.md, enforced mechanically.

Imports run one way: pages -> ui -> analysis -> engines, and cli -> analysis -> engines. The
static checks walk every module's syntax tree, so an import hidden inside a function counts
as much as one at the top of the file.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# package -> top-level names it must never import (at any depth of the module).
FORBIDDEN = {
    "engines": {"analysis", "ui", "cli", "pages", "streamlit", "plotly"},
    "analysis": {"ui", "cli", "pages", "streamlit"},
    "ui": {"cli", "pages"},
    "cli": {"ui", "pages", "streamlit"},
    "pages": {"engines", "cli"},
}
WINGS = ("data", "text", "core", "moe", "profiles")


def imported_names(path: Path) -> list[tuple[int, str]]:
    """``(line, dotted module)`` of every import in ``path``, including those in functions."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(root: Path, package: str, forbidden: set[str]) -> list[str]:
    """``file:line imports module`` for every import of a forbidden top-level package."""
    out = []
    for path in sorted((root / package).rglob("*.py")):
        for line, name in imported_names(path):
            if name.split(".")[0] in forbidden:
                out.append(f"{path.relative_to(root)}:{line} imports {name}")
    return out


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_run_one_way(package: str) -> None:
    assert violations(ROOT, package, FORBIDDEN[package]) == []


def test_a_function_level_climb_is_caught(tmp_path: Path) -> None:
    """A planted ``engines -> analysis`` import inside a function fails the check."""
    wing = tmp_path / "engines" / "moe"
    wing.mkdir(parents=True)
    (wing / "planted.py").write_text(
        "def score():\n    from analysis.moe.specialisation import compute_expert_usage\n"
    )
    (wing / "clean.py").write_text("import numpy as np\n\ndef f():\n    import torch\n")
    assert violations(tmp_path, "engines", FORBIDDEN["engines"]) == [
        "engines/moe/planted.py:2 imports analysis.moe.specialisation"
    ]


def test_engines_and_analysis_have_the_same_wings() -> None:
    """One wing per method on every floor (core, text and data are engine-only floors; the
    dataset overview and the report, which gathers every wing's results, analysis-only)."""
    engine_wings = {p.name for p in (ROOT / "engines").iterdir() if (p / "__init__.py").exists()}
    analysis_wings = {p.name for p in (ROOT / "analysis").iterdir() if (p / "__init__.py").exists()}
    assert set(WINGS) <= engine_wings
    assert analysis_wings - {"dataset", "report"} <= engine_wings
    assert {"moe", "profiles"} <= analysis_wings


def test_every_module_stays_small() -> None:
    """No module over ~300 lines (ARCHITECTURE.md): split by concept instead."""
    long = [
        f"{p.relative_to(ROOT)} ({n} lines)"
        for package in ("engines", "analysis", "ui", "cli", "pages")
        for p in sorted((ROOT / package).rglob("*.py"))
        if (n := len(p.read_text().splitlines())) > 330
    ]
    assert long == []


def _modules(package: str) -> list[str]:
    return [
        ".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        for p in sorted((ROOT / package).rglob("*.py"))
        if p.name != "__main__.py"
    ]


def _loaded_after_import(modules: list[str]) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "print('\\n'.join(sorted(k.split('.')[0] for k in sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(out.stdout.split())


def test_engines_and_analysis_never_load_streamlit() -> None:
    loaded = _loaded_after_import(_modules("engines") + _modules("analysis"))
    assert "streamlit" not in loaded


def test_engines_never_load_plotly() -> None:
    loaded = _loaded_after_import(_modules("engines"))
    assert "plotly" not in loaded


def test_analysis_does_not_load_torch() -> None:
    loaded = _loaded_after_import(_modules("analysis"))
    assert "torch" not in loaded


def test_data_and_text_wings_import_lazily() -> None:
    """Schema, validation, importers and encoders load without torch or sentence-transformers."""
    loaded = _loaded_after_import(_modules("engines/data") + ["engines.text.encoders"])
    assert "torch" not in loaded
    assert "sentence_transformers" not in loaded


def test_every_export_is_declared() -> None:
    """Every public top-level function or class of a package module is listed in ``__all__``."""
    missing = []
    for package in ("engines", "analysis", "cli"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.name.startswith("_"):
                continue
            tree = ast.parse(path.read_text())
            exported = set()
            for node in tree.body:
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
                ):
                    exported = {ast.literal_eval(e) for e in node.value.elts}
            public = {
                n.name
                for n in tree.body
                if isinstance(n, ast.FunctionDef | ast.ClassDef) and not n.name.startswith("_")
            }
            missing += [f"{path.relative_to(ROOT)}: {n}" for n in sorted(public - exported)]
    assert missing == []
