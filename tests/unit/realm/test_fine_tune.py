"""REALM's fine-tuned-encoder option on CPU (issue #15): the item representation is the
bundled MiniLM's pooled output, it trains, and expertise is still recovered."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from engines.realm import PROFILES, FineTunedItems, Realm, RealmConfig
from engines.realm.simulate import simulate_annotators

pytestmark = pytest.mark.slow

POSITIVE = ["a wonderful", "a delightful", "a brilliant", "an excellent", "a lovely", "a superb"]
NEGATIVE = ["an awful", "a dreadful", "a terrible", "a horrible", "a miserable", "a dismal"]
THINGS = ["film", "meal", "holiday", "concert", "book", "game", "class"]


def _items() -> tuple[list[str], np.ndarray]:
    texts, gold = [], []
    for k, words in enumerate((NEGATIVE, POSITIVE)):
        for w in words:
            for t in THINGS:
                texts.append(f"It was {w} {t}.")
                gold.append(k)
    order = np.random.default_rng(0).permutation(len(texts))
    return [texts[i] for i in order], np.asarray(gold)[order]


def test_pooled_representation_is_the_sentence_encoders_before_normalising() -> None:
    """all-MiniLM-L6-v2 is mean pooling + L2 normalisation: the fine-tuned module, before any
    training, must reproduce the frozen embeddings (masking and per-batch dedup included)."""
    from engines.text import make_encoder

    texts = ["A short one.", "A somewhat longer sentence about a film.", "A short one."]
    items = FineTunedItems(texts, max_length=128).eval()
    with torch.no_grad():
        rep = items(torch.tensor([1, 0, 1, 2])).numpy()
    rep /= np.linalg.norm(rep, axis=1, keepdims=True)
    frozen = make_encoder().encode(texts)
    np.testing.assert_allclose(rep, frozen[[1, 0, 1, 2]], atol=2e-4)


def test_fine_tuned_realm_trains_the_encoder_and_ranks_the_reliable_annotator_first() -> None:
    texts, gold = _items()
    sim = simulate_annotators(gold, 2, PROFILES["one_reliable"], "uniform", "shared", seed=3)
    rows = (sim["item"].to_numpy(), sim["annotator"].to_numpy(), np.zeros(len(sim), np.int64),
            sim["code"].to_numpy())  # fmt: skip
    cfg = RealmConfig(fine_tune=True, hidden=(), max_length=16, encoder_lr=5e-5)
    model = Realm(cfg.with_train(max_epochs=4, lr=1e-2, batch_size=32, seed=0))
    before = {k: v.clone() for k, v in FineTunedItems(texts[:1]).encoder.state_dict().items()}
    model.fit(np.zeros((len(texts), 1)), rows, 2, 3, item_texts=texts)
    after = model.module_.items.encoder.state_dict()
    assert any(not torch.equal(before[k], after[k].cpu()) for k in before)  # it fine-tuned
    e = model.expertise_[:, 0]
    assert e[0] > e[1] + 0.3 and e[0] > e[2] + 0.3, e
    assert (model.predict_proba(np.arange(len(gold))).argmax(1) == gold).mean() > 0.85


def test_fine_tuning_needs_one_text_per_item() -> None:
    cfg = RealmConfig(fine_tune=True)
    rows = tuple(np.zeros(2, np.int64) for _ in range(4))
    with pytest.raises(ValueError, match="one item text per item"):
        Realm(cfg).fit(np.zeros((3, 1)), rows, 2, 1, item_texts=["only one"])
