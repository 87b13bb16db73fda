"""Fixtures shared by every test folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def _one_torch_thread() -> Iterator[None]:
    """Run torch on one intra-op thread for the whole suite (restored at the end).

    The test models are tiny: on a two-core runner a second OpenMP thread mostly waits at
    barriers, and beside another busy process it made toy fits about ten times slower. Being
    session-scoped and autouse, this is set up before every other session fixture.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="session", autouse=True)
def _test_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Caches written by tests (embeddings, taught curricula) go to a folder of the run, never
    the user's; tests that want their own set ``PERSPECTIVES_CACHE_DIR`` themselves.

    Under pytest-xdist the folder is shared by the workers (and the browser tests' server):
    the caches write atomically and verify what they read, so whichever process learns the
    sample first saves the others the work.
    """
    import os

    before = os.environ.get("PERSPECTIVES_CACHE_DIR")
    if before is None:
        root = tmp_path_factory.getbasetemp()
        if os.environ.get("PYTEST_XDIST_WORKER"):
            root = root.parent  # the run's folder, above every worker's own
        (root / "test-cache").mkdir(exist_ok=True)
        os.environ["PERSPECTIVES_CACHE_DIR"] = str(root / "test-cache")
    yield
    if before is None:
        os.environ.pop("PERSPECTIVES_CACHE_DIR", None)


@pytest.fixture(scope="session")
def tiny_transformer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A randomly initialised one-layer BERT (hidden size 32) with MiniLM's tokenizer.

    A local transformers folder, as a researcher would give the cross-encoder: it exercises
    the cross-encoder's wiring (pipeline, page, CLI) about 100x faster than MiniLM on a CPU.
    Whether the cross-encoder *learns* is tested with the real MiniLM in test_cross_encoder.
    """
    import torch
    from transformers import AutoTokenizer, BertConfig, BertModel

    from engines.text.encoders import bundled_model_path

    out = tmp_path_factory.mktemp("tiny-bert")
    tok = AutoTokenizer.from_pretrained(str(bundled_model_path()), local_files_only=True)
    torch.manual_seed(0)
    config = BertConfig(
        vocab_size=tok.vocab_size,
        hidden_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    BertModel(config).save_pretrained(str(out))
    tok.save_pretrained(str(out))
    return out
