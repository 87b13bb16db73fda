"""Scale benchmark (issue #26): how each step grows with the number of annotations.

Generated annotation tables of 10k, 100k and 500k rows (2M with ``--with-2m``; it needs ~8 GB)
keep ten ratings per item and twenty per annotator, with two demographic columns. Each size
runs in a fresh interpreter (its own peak memory) and times:

* ``load_s``: read and validate the CSV (``engines.data.load.load_dataset``);
* ``overview_s``: every table of the Overview page;
* ``moe_epoch_s``: one DEM-MoE epoch at the default settings (hashed item vectors), with its
  ``moe_rows_per_s``;
* ``realm_intervals_s``: REALM's expertise intervals (200 item resamples) over every row;
* ``decoder_fit_s``: the value-profile decoder and edit reader (hashed vectors), and
  ``edit_ms``: one new sentence typed into a profile.

``exponents`` are the slopes of log time over log rows between consecutive sizes (1 is
linear). ``annotators`` times one DEM-MoE epoch over 100k rows shared by 200, 10k and 50k
annotators: its exponent over annotators should be near 0 (flat).
"""

from __future__ import annotations

import math
import os
import tempfile

from benchmarks.common import run_child

SIZES = (10_000, 100_000, 500_000)
ANNOTATOR_COUNTS = (200, 10_000, 50_000)

_TABLE = """
import numpy as np, pandas as pd
def table(n, n_annotators=None):
    rng = np.random.default_rng(0)
    n_items = max(n // 10, 10)
    n_ann = n_annotators or max(n // 20, 10)
    item = rng.integers(0, n_items, n)
    ann = rng.integers(0, n_ann, n)
    words = np.array("swearing religion politics jokes weather football music cats".split())
    text = [f"post {{i}} on {{words[i % 8]}} and {{words[(i // 8) % 8]}}" for i in range(n_items)]
    return pd.DataFrame({{
        "item_id": [f"i{{i}}" for i in item], "annotator_id": [f"a{{a}}" for a in ann],
        "text": np.asarray(text, dtype=object)[item], "label": rng.integers(1, 6, n),
        "gender": np.array(["f", "m", "x"])[ann % 3],
        "age": np.array(["<30", "30-50", ">50"])[(ann // 3) % 3],
    }})
"""

_SIZE_CHILD = (
    _TABLE
    + """
import time
n = {n}
path = {path!r}
table(n).to_csv(path, index=False)
out = {{"rows": n}}
def timed(key, fn, *args, **kwargs):
    t = time.perf_counter()
    value = fn(*args, **kwargs)
    out[key] = time.perf_counter() - t
    return value
from engines.data.load import load_dataset
ds = timed("load_s", load_dataset, path)
from analysis.dataset.overview import build_overview_tables
timed("overview_s", build_overview_tables, ds, human_only=False)
from engines.text import HashingEncoder
items = ds.items()
emb = HashingEncoder(128).encode(items["text"].tolist())
from engines.moe import DemMoE, MoEConfig
from dataclasses import replace
cfg = replace(MoEConfig(), train=replace(MoEConfig().train, max_epochs=1))
t = time.perf_counter()
DemMoE(cfg).fit(ds.df, items["item_id"].tolist(), emb, ["gender", "age"])
out["moe_epoch_s"] = time.perf_counter() - t
out["moe_rows_per_s"] = n / out["moe_epoch_s"]
from analysis.realm import compute_expertise_intervals
rng = np.random.default_rng(1)
frame = ds.df[["item_id", "annotator_id"]].assign(p_label=rng.random(len(ds.df)))
timed("realm_intervals_s", compute_expertise_intervals, frame, 5)
if {decoder}:
    from engines.profiles import ProfileRunConfig, fit_app_decoder, prepare
    from engines.text import embed_with
    t = time.perf_counter()
    prep = prepare(ds, embed_with(HashingEncoder(128)))
    fitted = fit_app_decoder(ds, prep, ProfileRunConfig())
    out["decoder_fit_s"] = time.perf_counter() - t
    rater = sorted(fitted.profiles)[0]
    timed("edit_s", fitted.predict_text, fitted.profiles[rater] + "\\n- Swearing bothers me.")
    out["edit_ms"] = out.pop("edit_s") * 1000
_report(out)
"""
)

_ANNOTATOR_CHILD = (
    _TABLE
    + """
import time
from engines.data.validation import build_dataset
from engines.text import HashingEncoder
from engines.moe import DemMoE, MoEConfig
from dataclasses import replace
ds = build_dataset(table(100_000, {annotators}))
items = ds.items()
emb = HashingEncoder(128).encode(items["text"].tolist())
cfg = replace(MoEConfig(), train=replace(MoEConfig().train, max_epochs=1))
t = time.perf_counter()
DemMoE(cfg).fit(ds.df, items["item_id"].tolist(), emb, ["gender", "age"])
_report({{"annotators": {annotators}, "moe_epoch_s": time.perf_counter() - t}})
"""
)

_TIMED = ("load_s", "overview_s", "moe_epoch_s", "realm_intervals_s", "decoder_fit_s")


def _exponent(a: dict, b: dict, key: str, size_key: str) -> float | None:
    if key not in a or key not in b or a[key] <= 0:
        return None
    return round(math.log(b[key] / a[key]) / math.log(b[size_key] / a[size_key]), 2)


def run(with_2m: bool = False, decoder_up_to: int = 500_000) -> dict:
    """Run the scale benchmark and return its JSON-ready result."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    sizes = [*SIZES, *((2_000_000,) if with_2m else ())]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            code = _SIZE_CHILD.format(n=n, path=os.path.join(tmp, f"{n}.csv"),
                                      decoder=n <= decoder_up_to)  # fmt: skip
            r = run_child(code, env)
            results.append({k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()})
    exponents = {
        key: [_exponent(a, b, key, "rows") for a, b in zip(results, results[1:])] for key in _TIMED
    }
    annotators = [run_child(_ANNOTATOR_CHILD.format(annotators=k), env) for k in ANNOTATOR_COUNTS]
    annotators = [{k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}
                  for r in annotators]  # fmt: skip
    return {
        "benchmark": "scale",
        "sizes": results,
        "exponents": exponents,
        "annotators": annotators,
        "annotator_exponents": [
            _exponent(a, b, "moe_epoch_s", "annotators") for a, b in zip(annotators, annotators[1:])
        ],
        "note_2m": None if with_2m else "2M rows skipped (run with --with-2m; ~8 GB)",
        "cpu_count": os.cpu_count(),
    }
