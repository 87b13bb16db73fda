"""Issue #12.7: every benchmark number in the README is generated from a stored result.

``python benchmarks/readme.py`` re-runs the benchmarks, stores their JSON in
``benchmarks/results/`` and re-renders the README's generated blocks; this test fails when a
block was edited by hand or its stored result changed without re-rendering.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from benchmarks.readme import RESULTS, RUNS, load_result, render, rewrite

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_benchmark_has_one_generated_block_and_a_stored_result() -> None:
    text = README.read_text()
    for name in RUNS:
        assert text.count(f"<!-- bench:{name} -->") == 1, name
        assert (RESULTS / f"{name}.json").is_file(), name


def test_the_readme_blocks_are_the_rendering_of_the_stored_results() -> None:
    text = README.read_text()
    assert rewrite(text) == text, "run: python benchmarks/readme.py --render"


def test_a_block_shows_the_command_and_the_full_json() -> None:
    for name in RUNS:
        block = render(name, load_result(name))
        assert f"`python benchmarks/run.py {' '.join(RUNS[name])}`" in block
        payload = re.search(r"```json\n(.*)\n```", block, re.S)
        assert payload and json.loads(payload[1]) == load_result(name)
