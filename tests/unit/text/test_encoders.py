"""Tests for engines.text.encoders (hashing, MiniLM) and engines.text.cache (the disk cache)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

import engines.text
from engines.text.cache import EmbeddingCache, default_cache_dir, text_key
from engines.text.encoders import (
    DEFAULT_MODEL,
    ENCODE_STEP,
    HashingEncoder,
    SentenceTransformerEncoder,
    TextEncoder,
    make_encoder,
)


class CountingEncoder:
    """Wraps an encoder and records every batch it is asked to encode."""

    def __init__(self, inner: TextEncoder, eid: str | None = None):
        self.inner = inner
        self._id = eid or inner.id
        self.calls: list[list[str]] = []

    @property
    def id(self) -> str:
        return self._id

    def encode(self, texts: Sequence[str], progress=None) -> np.ndarray:
        self.calls.append(list(texts))
        return self.inner.encode(texts, progress=progress)


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


# --------------------------------------------------------------------------- hashing encoder


def test_hashing_encoder_shape_dtype_norm_and_determinism() -> None:
    texts = ["the cat sat on the mat", "Stock markets fell sharply today", "ünïcödé text 😀"]
    a = HashingEncoder(dim=64).encode(texts)
    b = HashingEncoder(dim=64).encode(texts)
    assert a.shape == (3, 64) and a.dtype == np.float32
    np.testing.assert_array_equal(a, b)
    np.testing.assert_allclose(np.linalg.norm(a, axis=1), 1.0, rtol=1e-6)
    assert HashingEncoder(dim=128).encode(texts).shape == (3, 128)
    assert isinstance(HashingEncoder(), TextEncoder)


def test_hashing_encoder_similar_wording_is_closer() -> None:
    v = HashingEncoder(256).encode(
        ["the cat sat on the mat", "the cat sat on a mat", "stock markets fell sharply"]
    )
    assert cosine(v[0], v[1]) > 0.7 > cosine(v[0], v[2])


def test_hashing_encoder_id_progress_and_factory() -> None:
    enc = HashingEncoder(32)
    assert enc.id == "hashing-32"
    seen: list[tuple[int, int, str]] = []
    enc.encode(["a b", "c d", "e f"], progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen == [(3, 3, ENCODE_STEP)]
    assert make_encoder("hashing-48").id == "hashing-48"
    assert make_encoder("hashing").id == "hashing-256"
    st = make_encoder()
    assert isinstance(st, SentenceTransformerEncoder) and st.id == "st:all-MiniLM-L6-v2@gt-0.1"


# --------------------------------------------------------------------------- embedding cache


def test_text_key() -> None:
    k = text_key("hashing-8", "hello")
    assert isinstance(k, bytes) and len(k) == 20
    assert text_key("hashing-8", "hello") == k
    assert text_key("hashing-16", "hello") != k
    assert text_key("hashing-8", "hello!") != k


def test_cache_miss_then_hit(tmp_path) -> None:
    enc = CountingEncoder(HashingEncoder(16))
    cache = EmbeddingCache(tmp_path)
    texts = ["one text", "two text", "one text"]
    first = cache.encode(enc, texts)
    assert enc.calls == [["one text", "two text"]]  # duplicates encoded once
    assert first.shape == (3, 16) and first.dtype == np.float32
    np.testing.assert_array_equal(first, HashingEncoder(16).encode(texts))
    second = cache.encode(enc, texts)
    assert len(enc.calls) == 1  # a hit: nothing re-encoded
    np.testing.assert_array_equal(second, first)
    cache.encode(enc, ["two text", "three text"])
    assert enc.calls[-1] == ["three text"]  # only the new text


def test_cache_is_keyed_by_encoder_id(tmp_path) -> None:
    cache = EmbeddingCache(tmp_path)
    a = CountingEncoder(HashingEncoder(16), eid="enc-a")
    b = CountingEncoder(HashingEncoder(16), eid="enc-b")
    cache.encode(a, ["same text"])
    cache.encode(b, ["same text"])
    assert a.calls == [["same text"]] and b.calls == [["same text"]]
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 2
    ids = sorted(p.joinpath("encoder_id.txt").read_text() for p in tmp_path.iterdir())
    assert ids == ["enc-a", "enc-b"]


def test_cache_persists_across_instances(tmp_path) -> None:
    enc = CountingEncoder(HashingEncoder(16))
    # A text whose 20-byte key ends in a NUL byte: such keys must survive the round trip.
    nul = next(t for t in (f"text {i}" for i in range(5000)) if text_key(enc.id, t)[-1] == 0)
    texts = ["alpha beta", "gamma delta", nul]
    first = EmbeddingCache(tmp_path).encode(enc, texts)
    fresh = CountingEncoder(HashingEncoder(16))
    again = EmbeddingCache(tmp_path).encode(fresh, texts)
    assert fresh.calls == []
    np.testing.assert_array_equal(again, first)
    assert not list(tmp_path.rglob("*.tmp"))  # shards are renamed atomically


def test_cache_sees_shards_written_by_another_instance(tmp_path) -> None:
    c1, c2 = EmbeddingCache(tmp_path), EmbeddingCache(tmp_path)
    e1, e2 = CountingEncoder(HashingEncoder(8)), CountingEncoder(HashingEncoder(8))
    c2.encode(e2, ["warm"])  # c2 has loaded its index once
    c1.encode(e1, ["new text"])
    c2.encode(e2, ["new text"])
    assert e2.calls == [["warm"]]


def test_cache_clear(tmp_path) -> None:
    enc = CountingEncoder(HashingEncoder(8))
    cache = EmbeddingCache(tmp_path / "emb")
    cache.encode(enc, ["x y"])
    cache.clear()
    assert not (tmp_path / "emb").exists()
    cache.encode(enc, ["x y"])
    assert len(enc.calls) == 2


def test_cache_progress_on_hit_and_miss(tmp_path) -> None:
    cache = EmbeddingCache(tmp_path)
    enc = HashingEncoder(8)
    seen: list[tuple[int, int, str]] = []
    cache.encode(enc, ["a a", "b b"], progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen == [(2, 2, ENCODE_STEP)]  # forwarded from the encoder on a miss
    seen.clear()
    cache.encode(enc, ["a a", "b b", "a a"], progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen == [(3, 3, ENCODE_STEP)]  # all hits: reported as done at once


def test_cache_empty_input(tmp_path) -> None:
    assert EmbeddingCache(tmp_path).encode(HashingEncoder(8), []).shape[0] == 0


def test_cache_directory_defaults(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "pl"))
    assert default_cache_dir() == tmp_path / "pl"
    assert EmbeddingCache().directory == tmp_path / "pl" / "embeddings"
    monkeypatch.delenv("PERSPECTIVES_CACHE_DIR")
    assert default_cache_dir().parts[-2:] == (".cache", "perspectives-lab")


def test_package_re_exports() -> None:
    """``engines.text`` gathers encoders, cache and embed (tests/test_architecture.py checks
    that importing it loads neither torch nor sentence-transformers)."""
    assert engines.text.EmbeddingCache is EmbeddingCache
    assert engines.text.make_encoder is make_encoder
    assert set(engines.text.__all__) >= {"embed_items", "embed_with", "TextEncoder"}


class FakeST:
    """Stands in for a loaded SentenceTransformer: records each chunk it receives."""

    max_seq_length = 12

    def __init__(self, dim: int = 4):
        self.dim = dim
        self.chunks: list[int] = []
        self.batches: list[list[str]] = []

    def tokenizer(self, texts: list[str], add_special_tokens: bool) -> dict:
        assert add_special_tokens
        return {"input_ids": [[0] * (len(t.split()) + 2) for t in texts]}

    def encode(self, texts, batch_size, normalize_embeddings, convert_to_numpy, show_progress_bar):
        assert normalize_embeddings and convert_to_numpy and not show_progress_bar
        assert batch_size == len(texts)
        self.chunks.append(len(texts))
        self.batches.append(list(texts))
        ids = [float(t.split()[0].removeprefix("t")) for t in texts]  # the text's own index
        return np.array([[i, len(t.split()), 0.5, 0.5][: self.dim] for i, t in zip(ids, texts)])

    def get_sentence_embedding_dimension(self) -> int:
        return self.dim


def test_sentence_transformer_encoder_sorts_globally_and_batches_by_token_budget(tmp_path) -> None:
    """One length order over all texts (longest first), batches of at most ``token_budget``
    padded tokens, vectors back in the order given, progress after batches."""
    enc = SentenceTransformerEncoder(batch_size=4, token_budget=24)
    fake = FakeST()
    enc._st = fake
    texts = [f"t{i} " + "w " * (i % 7) * 2 for i in range(20)]  # 1 to 13 words: 3 to 12 tokens
    seen: list[tuple[int, int]] = []
    out = enc.encode(texts, progress=lambda d, t, w: seen.append((d, t)))
    assert out.dtype == np.float32 and out[:, 0].tolist() == list(range(20))  # order restored
    tokens = [min(len(t.split()) + 2, FakeST.max_seq_length) for b in fake.batches for t in b]
    assert tokens == sorted(tokens, reverse=True)  # one global order, longest first
    for batch in fake.batches:
        width = min(len(batch[0].split()) + 2, FakeST.max_seq_length)
        assert len(batch) <= 4 and (len(batch) * width <= 24 or len(batch) == 1)
    assert sum(fake.chunks) == 20 and len(fake.chunks) > 5  # long texts go in small batches
    assert seen == [(20, 20)]  # reported every 256 texts and at the end
    # Through the cache: only the 5 missing texts are encoded, progress counts over them.
    cache = EmbeddingCache(tmp_path)
    cache.encode(enc, texts[:15])
    fake.chunks.clear()
    seen.clear()
    cache.encode(enc, texts, progress=lambda d, t, w: seen.append((d, t)))
    assert sum(fake.chunks) == 5
    assert seen == [(5, 5)]
    assert enc.encode([]).shape == (0, 4)


def test_sentence_transformer_encoder_ids_and_missing_path(tmp_path) -> None:
    assert SentenceTransformerEncoder(DEFAULT_MODEL).id == "st:all-MiniLM-L6-v2@gt-0.1"
    other = SentenceTransformerEncoder(str(tmp_path / "nope"))
    assert other.id == f"st:{(tmp_path / 'nope').resolve()}"
    with pytest.raises(FileNotFoundError, match="nothing is downloaded"):
        other.encode(["x"])


@pytest.mark.slow
def test_bundled_minilm_loads_offline_and_ranks_paraphrases(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    enc = make_encoder(device="cpu")
    assert enc.dim == 384
    v = enc.encode(["I love this", "I adore this", "The train is late"])
    assert v.shape == (3, 384) and v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert cosine(v[0], v[1]) > cosine(v[0], v[2]) + 0.2
