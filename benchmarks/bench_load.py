"""Load benchmark: dataset open + text encoding, cold vs warm cache, app start, memory.

Measured on POPQUORN offensiveness (1,500 items, 13,036 annotations). Each phase runs in a
fresh interpreter: cold = read + validate + load the MiniLM encoder + encode every item text
into an empty cache; warm = read + validate + fetch the same embeddings from the disk cache.
"""

from __future__ import annotations

import os
import statistics
import tempfile

from benchmarks.common import POPQUORN, require, run_child

_OPEN_AND_ENCODE = """
t0 = time.perf_counter()
from engines.data.load import load_dataset
from engines.text import EmbeddingCache, SentenceTransformerEncoder
ds = load_dataset({path!r})
emb = EmbeddingCache({cache!r}).encode(SentenceTransformerEncoder(), ds.items()["text"].tolist())
_report({{"seconds": time.perf_counter() - t0, "n_texts": int(emb.shape[0]),
          "dim": int(emb.shape[1])}})
"""

_APP_FIRST_RUN = """
t0 = time.perf_counter()
from streamlit.testing.v1 import AppTest
at = AppTest.from_file("app.py", default_timeout=120).run()
assert not at.exception, at.exception
_report({"seconds": time.perf_counter() - t0})
"""


def run(repeats: int = 5) -> dict:
    """Run the load benchmark and return its JSON-ready result."""
    path = str(require(POPQUORN))
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    with tempfile.TemporaryDirectory() as cache:
        code = _OPEN_AND_ENCODE.format(path=path, cache=cache)
        cold = run_child(code, env)
        warm = [run_child(code, env) for _ in range(repeats)]
    app = [run_child(_APP_FIRST_RUN, env) for _ in range(3)]
    warm_s = statistics.median(w["seconds"] for w in warm)
    return {
        "benchmark": "load",
        "dataset": "popquorn_offensiveness",
        "n_texts": cold["n_texts"],
        "embedding_dim": cold["dim"],
        "encode_cold_s": round(cold["seconds"], 3),
        "encode_warm_s": round(warm_s, 3),
        "warm_speedup": round(cold["seconds"] / warm_s, 1),
        "import_app_s": round(statistics.median(a["seconds"] for a in app), 3),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in [cold, *warm, *app]), 1),
        "repeats_warm": repeats,
        "cpu_count": os.cpu_count(),
    }
