"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest


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
