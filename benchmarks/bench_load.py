"""Load benchmark: dataset open + text encoding, cold vs warm cache, app start, memory.

Measured on POPQUORN offensiveness (1,500 items, 13,036 annotations). Each phase runs in a
fresh interpreter: cold = read + validate + load the MiniLM encoder + encode every item text
into an empty cache (twice: before and after the plain run, averaged); plain = read + validate
+ a plain ``SentenceTransformer.encode`` of the same model folder (the floor the project's
encoding is held to); warm = read + validate + fetch the same embeddings from the disk cache.
train = the Value profiles page's "Train" on the bundled sample (prepare + write profiles + fit),
default decoder with an empty cache and again with the embeddings cached; the statement decoder
the first time (it teaches the edit curriculum) and in a new process (it reads it back).
int8 = the plain encode after ``torch.ao.quantization.quantize_dynamic`` of every linear layer,
with each text's cosine to its fp32 embedding (the app does not offer int8: its cosine misses
the 0.99 bar).
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

_OPEN_AND_PLAIN_ENCODE = """
t0 = time.perf_counter()
from engines.data.load import load_dataset
from engines.text.encoders import bundled_model_path
from sentence_transformers import SentenceTransformer
ds = load_dataset({path!r})
model = SentenceTransformer(str(bundled_model_path()))
emb = model.encode(ds.items()["text"].tolist(), batch_size=64, normalize_embeddings=True)
_report({{"seconds": time.perf_counter() - t0}})
"""
"""The same open, with a plain ``SentenceTransformer.encode`` of the same model folder."""

_INT8_ENCODE = """
import numpy as np, torch
from engines.data.load import load_dataset
from engines.text.encoders import bundled_model_path
from sentence_transformers import SentenceTransformer
texts = load_dataset({path!r}).items()["text"].tolist()
model = SentenceTransformer(str(bundled_model_path()))
fp32 = model.encode(texts, batch_size=64, normalize_embeddings=True)
q = torch.ao.quantization.quantize_dynamic(model, {{torch.nn.Linear}}, dtype=torch.qint8)
t0 = time.perf_counter()
int8 = q.encode(texts, batch_size=64, normalize_embeddings=True)
cos = (fp32 * int8).sum(1)
_report({{"seconds": time.perf_counter() - t0, "cos_min": float(cos.min()),
          "cos_median": float(np.median(cos))}})
"""
"""Plain encode of a dynamically int8-quantised copy, timed after the fp32 pass."""

_PLAIN_ENCODE_ONLY = """
from engines.data.load import load_dataset
from engines.text.encoders import bundled_model_path
from sentence_transformers import SentenceTransformer
texts = load_dataset({path!r}).items()["text"].tolist()
model = SentenceTransformer(str(bundled_model_path()))
model.encode(texts[:64], batch_size=64)
t0 = time.perf_counter()
model.encode(texts, batch_size=64, normalize_embeddings=True)
_report({{"seconds": time.perf_counter() - t0}})
"""
"""The fp32 plain encode alone (model loaded and warmed up): what int8 is compared with."""

_SAMPLE = "sample_data/annotations.csv"

_TRAIN_PROFILES = """
t0 = time.perf_counter()
from dataclasses import replace
from engines.data.load import load_dataset
from engines.profiles import ProfileRunConfig, fit_app_decoder, prepare
from engines.text import EmbeddingCache, embed_with, make_encoder
ds = load_dataset({path!r}, name="Perspectives Lab sample (offensiveness)")
ds.df = ds.df[ds.df["is_synthetic"] == 0].reset_index(drop=True)
t = time.perf_counter()
prep = prepare(ds, embed_with(make_encoder(), EmbeddingCache()))  # $PERSPECTIVES_CACHE_DIR
fit_app_decoder(ds, prep, replace(ProfileRunConfig(), decoder_kind={kind!r}))
_report({{"seconds": time.perf_counter() - t}})
"""
"""The Value profiles page's Train on the sample, after the imports (``kind``: the decoder)."""

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
    plain = run_child(_OPEN_AND_PLAIN_ENCODE.format(path=path), env)
    with tempfile.TemporaryDirectory() as cache:  # cold again, after the plain run
        cold_again = run_child(_OPEN_AND_ENCODE.format(path=path, cache=cache), env)
    cold_s = statistics.mean([cold["seconds"], cold_again["seconds"]])
    int8 = run_child(_INT8_ENCODE.format(path=path), env)
    fp32 = run_child(_PLAIN_ENCODE_ONLY.format(path=path), env)
    app = [run_child(_APP_FIRST_RUN, env) for _ in range(3)]
    with tempfile.TemporaryDirectory() as cache:  # embeddings and curricula, empty at first
        fresh = {**env, "PERSPECTIVES_CACHE_DIR": cache}
        train = {
            name: run_child(_TRAIN_PROFILES.format(path=_SAMPLE, kind=kind), fresh)
            for name, kind in [("cold", "embedding"), ("warm", "embedding"),
                               ("teach", "statements"), ("reuse", "statements")]
        }  # fmt: skip
    warm_s = statistics.median(w["seconds"] for w in warm)
    return {
        "benchmark": "load",
        "dataset": "popquorn_offensiveness",
        "n_texts": cold["n_texts"],
        "embedding_dim": cold["dim"],
        "encode_cold_s": round(cold_s, 3),
        "plain_encode_s": round(plain["seconds"], 3),
        "cold_over_plain": round(cold_s / plain["seconds"], 3),
        "encode_fp32_only_s": round(fp32["seconds"], 3),
        "encode_int8_s": round(int8["seconds"], 3),
        "int8_cosine_min": round(int8["cos_min"], 4),
        "int8_cosine_median": round(int8["cos_median"], 4),
        "encode_warm_s": round(warm_s, 3),
        "warm_speedup": round(cold_s / warm_s, 1),
        "import_app_s": round(statistics.median(a["seconds"] for a in app), 3),
        "profiles_train_cold_s": round(train["cold"]["seconds"], 2),
        "profiles_train_warm_s": round(train["warm"]["seconds"], 2),
        "statements_train_teach_s": round(train["teach"]["seconds"], 2),
        "statements_train_reuse_s": round(train["reuse"]["seconds"], 2),
        "peak_rss_mb": round(max(r["peak_rss_mb"] for r in [cold, *warm, *app]), 1),
        "repeats_warm": repeats,
        "cpu_count": os.cpu_count(),
    }
