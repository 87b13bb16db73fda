"""Robustness benchmark: bad and odd inputs against their truth, a large file, a busy machine.

* ``inputs_tried``: hand-written cases (:data:`CASES`: each a file and what must happen) plus
  ``n_generated`` files drawn by :func:`generated_file` (mixed id styles such as ``001`` beside
  ``1``, 19-digit ids, annotators called ``NA``, texts with delimiters and quotes, four
  delimiters, UTF-8/UTF-16, label codes as integers, decimals or decimal commas, duplicated
  pairs) with their generator's counts.
* Each input ends as ``clear_errors`` (a :class:`DataValidationError` with a message, where an
  error is acceptable), ``uncaught`` (any other exception), ``silent_wrong`` (loaded, but its
  numbers of items, annotators or annotations differ from the truth, or loaded where the case
  must fail) or ``ok``.
* ``load_500k_s`` / ``load_500k_peak_mb``: read and validate a generated 500,000-row file in a
  fresh interpreter.
* ``moe_fit_s_quiet`` / ``moe_fit_s_loaded``: DEM-MoE trained on a synthetic dataset (hashing
  embeddings), alone and beside a CPU-bound process on the same cores, with the default of one
  training thread and (``*_torch_threads``) with torch's own count (``PERSPECTIVES_THREADS=0``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass

import numpy as np

from benchmarks.common import run_child


@dataclass(frozen=True)
class Case:
    """One input and what must happen: ``truth`` counts, or None when it must fail clearly."""

    name: str
    data: bytes
    filename: str = "case.csv"
    truth: tuple[int, int, int] | None = None
    """(items, annotators, annotations) it must load with; None: must raise a clear error."""


def _csv(rows: list[list[object]], header: str = "item_id,annotator_id,text,label") -> bytes:
    return (header + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n").encode()


_GRID = [[f"i{i}", f"a{a}", f"post {i}", (i + a) % 5 + 1] for i in range(6) for a in range(3)]

CASES: tuple[Case, ...] = (
    Case("empty file", b""),
    Case("header only", b"item_id,annotator_id,text,label\n"),
    Case("binary garbage", bytes(range(256)) * 4),
    Case("one annotator", _csv([[f"i{i}", "a", f"post {i}", i % 3] for i in range(5)])),
    Case("one class", _csv([[f"i{i}", f"a{a}", "t t", 1] for i in range(3) for a in range(2)])),
    Case("surplus fields", b"item_id,annotator_id,text,label\ni1,a,hi,1,EXTRA\n"),
    Case("duplicate label column", b"item_id,annotator_id,label,text,label\ni1,a,1,hi,2\n"),
    Case("plain grid", _csv(_GRID), truth=(6, 3, 18)),
    Case(
        "ids 001 and 1",
        _csv(
            [
                [i, a, f"post {k}", (k + j) % 5 + 1]
                for k, i in enumerate(["001", "1", "01"])
                for j, a in enumerate(["x", "y"])
            ]
        ),  # fmt: skip
        truth=(3, 2, 6),
    ),
    Case(
        "19-digit ids",
        _csv(
            [
                [str(1234567890123456780 + k), a, f"post {k}", (k + j) % 5 + 1]
                for k in range(4)
                for j, a in enumerate(["x", "y"])
            ]
        ),  # fmt: skip
        truth=(4, 2, 8),
    ),
    Case(
        "annotators NA and None",
        _csv(
            [
                [f"i{i}", a, f"post {i}", (i + j) % 5 + 1]
                for i in range(4)
                for j, a in enumerate(["NA", "None", "null"])
            ]
        ),  # fmt: skip
        truth=(4, 3, 12),
    ),
    Case("a 99 code among 1-5", _csv([*_GRID, ["i0", "a9", "post 0", 99]]), truth=(6, 3, 18)),
    Case(
        "-1 codes among 1-5",
        _csv([*_GRID, *[[f"i{i}", "a0", f"post {i}", -1] for i in range(3)]]),
        truth=(6, 3, 18),
    ),  # fmt: skip
    Case(
        "decimal commas",
        b"item_id;annotator_id;text;label\n"
        + b"".join(
            f"i{i};a{a};post {i};{(i + a) % 4 + 1},5\n".encode() for i in range(5) for a in range(3)
        ),  # fmt: skip
        truth=(5, 3, 15),
    ),
    Case("utf-16", _csv(_GRID).decode().encode("utf-16"), truth=(6, 3, 18)),
    Case(
        "quoted delimiters",
        b"item_id,annotator_id,text,label\n"
        + b"".join(
            f'i{i},a{a},"a, b; c | d ""q""",{(i + a) % 5 + 1}\n'.encode()
            for i in range(4)
            for a in range(3)
        ),  # fmt: skip
        truth=(4, 3, 12),
    ),
    Case(
        "lewidi lists",
        json.dumps(
            {
                str(i): {"text": f"t {i}", "annotators": ["A", "B"], "annotations": [i % 2, 1]}
                for i in range(4)
            }
        ).encode(),
        "d.json",
        truth=(4, 2, 8),
    ),  # fmt: skip
    Case(
        "lewidi without text",
        json.dumps({"1": {"annotators": "A,B", "annotations": "1,0"}}).encode(),
        "d.json",
    ),  # fmt: skip
    Case("deep json", b"[" * 50_000 + b"]" * 50_000, "d.json"),
    Case("json list", b"[1, 2, 3]", "d.json"),
)


def generated_file(rng: np.random.Generator) -> Case:
    """A random long annotation file and its generator's counts (see the module docstring)."""
    ids = ["1", "01", "001", "1.0", "10", "1234567890123456789", "1234567890123456788", "a1",
           "A1", "item 7", "NA", "None", "nan", "-1", "1e3"]  # fmt: skip
    anns = ["NA", "None", "null", "001", "1", "ann_1", "Ann1", "worker-9", "ß", "0", "n/a"]
    texts = ["a plain post", "with, a comma", 'with "quotes"', "semi; colon", "pipe | here",
             "None", "ünïcödé", "multi\nline post"]  # fmt: skip
    items = list(rng.choice(ids, size=int(rng.integers(2, 7)), replace=False))
    raters = list(rng.choice(anns, size=int(rng.integers(2, 6)), replace=False))
    style = str(rng.choice(["int", "float", "comma"]))
    rows = []
    for _ in range(int(rng.integers(4, 21))):
        item, rater, v = rng.choice(items), rng.choice(raters), int(rng.integers(1, 6))
        label = {"int": str(v), "float": f"{v}.0", "comma": f"{v},0"}[style]
        rows.append([item, rater, f"{texts[ids.index(item) % len(texts)]} #{item}", label])
    delimiter = str(rng.choice([",", ";", "\t", "|"]))
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["item_id", "annotator_id", "text", "label"])
    writer.writerows(rows)
    encoding = str(rng.choice(["utf-8", "utf-8-sig", "utf-16"]))
    truth = (len({r[0] for r in rows}), len({r[1] for r in rows}), len(rows))
    return Case("generated", buf.getvalue().encode(encoding), truth=truth)


def outcome(case: Case) -> str:
    """``ok``, ``clear_error``, ``uncaught`` or ``silent_wrong`` for one input."""
    from engines.data.importers import read_upload
    from engines.data.schema import DataValidationError
    from engines.data.validation import build_dataset

    data = case.data
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else None
    try:
        ds = build_dataset(read_upload(data, case.filename, encoding=encoding))
    except DataValidationError as exc:
        return "clear_error" if str(exc).strip() or exc.issues else "uncaught"
    except Exception:  # noqa: BLE001 - anything else is what this benchmark counts
        return "uncaught"
    got = (ds.n_items, ds.n_annotators, ds.n_annotations)
    return "ok" if case.truth is not None and got == case.truth else "silent_wrong"


_LOAD_LARGE = """
t0 = time.perf_counter()
from engines.data.load import load_dataset
ds = load_dataset({path!r})
_report({{"seconds": time.perf_counter() - t0, "rows": int(ds.n_annotations)}})
"""

_FIT_MOE = """
import numpy as np, pandas as pd
from engines.data.validation import build_dataset
from engines.moe import MoERunConfig, run_comparison
from engines.text import HashingEncoder
rng = np.random.default_rng(0)
rows = [(f"i{{i}}", f"a{{a}}", f"post {{i}} topic {{i % 7}}", int(rng.integers(1, 6)),
         ["young", "old"][a % 2], ["f", "m", "x"][a % 3]) for i in range(400) for a in range(30)]
cols = ["item_id", "annotator_id", "text", "label", "age", "gender"]
ds = build_dataset(pd.DataFrame(rows, columns=cols))
items = ds.items()
emb = HashingEncoder(128).encode(items["text"].tolist())
t0 = time.perf_counter()
cfg = MoERunConfig(models=("moe",), max_epochs={epochs})
run_comparison(ds, items["item_id"].tolist(), emb, cfg)
_report({{"seconds": time.perf_counter() - t0}})
"""


def _large_file(path: str, n_rows: int = 500_000) -> None:
    rng = np.random.default_rng(0)
    items = rng.integers(0, n_rows // 100, n_rows)
    raters = rng.integers(0, 2000, n_rows)
    labels = rng.integers(1, 6, n_rows)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("item_id,annotator_id,text,label,gender\n")
        for i, a, y in zip(items, raters, labels, strict=True):
            fh.write(f"{i:06d},r{a},post number {i} about things,{y},{'fm'[a % 2]}\n")


def _busy() -> subprocess.Popen:
    """A CPU-bound process on the same cores (one per core)."""
    code = "while True: pass"
    return subprocess.Popen([sys.executable, "-c", code])


def run(n_generated: int = 400, seed: int = 0, moe_epochs: int = 5) -> dict:
    """Run the robustness benchmark and return its JSON-ready result."""
    rng = np.random.default_rng(seed)
    inputs = [*CASES, *(generated_file(rng) for _ in range(n_generated))]
    counts = {"ok": 0, "clear_error": 0, "uncaught": 0, "silent_wrong": 0}
    wrong = []
    for case in inputs:
        result = outcome(case)
        if result == "clear_error" and case.truth is not None and case.name != "generated":
            result = "silent_wrong"  # a hand-written case with a truth must load
        counts[result] += 1
        if result in ("uncaught", "silent_wrong"):
            wrong.append(case.name)
    env = {k: v for k, v in os.environ.items() if k != "PERSPECTIVES_THREADS"}
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "large.csv")
        _large_file(path)
        large = run_child(_LOAD_LARGE.format(path=path), env)
    torch_threads = {**env, "PERSPECTIVES_THREADS": "0"}
    code = _FIT_MOE.format(epochs=moe_epochs)
    quiet, quiet_t = run_child(code, env), run_child(code, torch_threads)
    busy = [_busy() for _ in range(max(1, (os.cpu_count() or 2) // 2))]
    try:
        time.sleep(0.5)
        loaded, loaded_t = run_child(code, env), run_child(code, torch_threads)
    finally:
        for p in busy:
            p.kill()
    return {
        "benchmark": "robustness",
        "inputs_tried": len(inputs),
        "hand_written": len(CASES),
        "clear_errors": counts["clear_error"],
        "ok": counts["ok"],
        "uncaught": counts["uncaught"],
        "silent_wrong": counts["silent_wrong"],
        "failing_cases": sorted(set(wrong)),
        "load_500k_s": round(large["seconds"], 2),
        "load_500k_peak_mb": round(large["peak_rss_mb"], 1),
        "moe_fit_s_quiet": round(quiet["seconds"], 2),
        "moe_fit_s_loaded": round(loaded["seconds"], 2),
        "moe_fit_s_quiet_torch_threads": round(quiet_t["seconds"], 2),
        "moe_fit_s_loaded_torch_threads": round(loaded_t["seconds"], 2),
        "competing_processes": len(busy),
        "cpu_count": os.cpu_count(),
    }
