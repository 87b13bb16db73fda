"""The embedding cache survives faults (issue #11.15-16): bad shards, unwritable folders."""

from __future__ import annotations

import stat
from pathlib import Path

import numpy as np
import pytest

from engines.text import EmbeddingCache, HashingEncoder

TEXTS = ["first text", "second text", "third text"]


def _shard(cache: EmbeddingCache, enc: HashingEncoder) -> Path:
    return next(cache._folder(enc.id).glob("shard-*.npz"))


def _fresh_read(directory: Path, enc: HashingEncoder) -> tuple[EmbeddingCache, np.ndarray]:
    cache = EmbeddingCache(directory)
    with pytest.warns(UserWarning, match="could not be used"):
        vecs = cache.encode(enc, TEXTS)
    return cache, vecs


@pytest.mark.parametrize("fault", ["garbage", "truncated", "nan", "shape"])
def test_a_bad_shard_is_set_aside_and_its_texts_encoded_again(tmp_path: Path, fault: str) -> None:
    enc = HashingEncoder(16)
    good = EmbeddingCache(tmp_path).encode(enc, TEXTS)
    shard = _shard(EmbeddingCache(tmp_path), enc)
    if fault == "garbage":
        shard.write_bytes(b"not a zip file at all")
    elif fault == "truncated":
        shard.write_bytes(shard.read_bytes()[:40])
    else:
        with np.load(shard) as z:
            keys, vecs = z["keys"], z["vectors"].copy()
        if fault == "nan":
            vecs[1, 3] = np.nan
        else:
            vecs = vecs[:, :, None]
        np.savez(shard.open("wb"), keys=keys, vectors=vecs)
    cache, vecs = _fresh_read(tmp_path, enc)
    np.testing.assert_allclose(vecs, good, atol=1e-6)  # recomputed, not the bad values
    assert any(shard.name in n for n in cache.notes)
    assert not shard.exists() and shard.with_name(f".bad-{shard.name}").exists()
    assert len(list(cache._folder(enc.id).glob("shard-*.npz"))) == 1  # the new one


def test_an_unwritable_folder_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    cache = EmbeddingCache(blocker / "cache")
    enc = HashingEncoder(16)
    with pytest.warns(UserWarning, match="cannot be written"):
        first = cache.encode(enc, TEXTS)
    assert cache.in_memory and "kept in memory" in cache.notes[0]
    np.testing.assert_allclose(cache.encode(enc, TEXTS), first)  # served from memory


def test_cache_files_are_private_to_the_user(tmp_path: Path) -> None:
    cache = EmbeddingCache(tmp_path / "cache")
    enc = HashingEncoder(16)
    cache.encode(enc, TEXTS)
    shard = _shard(cache, enc)
    assert stat.S_IMODE(shard.stat().st_mode) == 0o600
    assert stat.S_IMODE(shard.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
