"""Architecture boundaries of DESIGN.md section 1, enforced mechanically."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _modules(package: str) -> list[str]:
    return [
        ".".join(p.relative_to(ROOT).with_suffix("").parts)
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


def test_engines_and_analysis_never_import_streamlit() -> None:
    loaded = _loaded_after_import(_modules("engines") + _modules("analysis"))
    assert "streamlit" not in loaded


def test_engines_never_import_plotly() -> None:
    loaded = _loaded_after_import(_modules("engines"))
    assert "plotly" not in loaded


def test_no_page_or_package_source_imports_streamlit_outside_ui() -> None:
    offenders = []
    for package in ("engines", "analysis", "benchmarks", "sample_data"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                if any(n.split(".")[0] == "streamlit" for n in names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_analysis_does_not_import_torch_modules() -> None:
    loaded = _loaded_after_import(_modules("analysis"))
    assert "torch" not in loaded


def test_core_engine_modules_import_lazily() -> None:
    """Schema, validation and importers load without torch or sentence-transformers."""
    loaded = _loaded_after_import(
        [
            "engines.schema",
            "engines.mapping",
            "engines.validation",
            "engines.importers",
            "engines.encoders",
        ]
    )
    assert "torch" not in loaded
    assert "sentence_transformers" not in loaded
