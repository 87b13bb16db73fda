"""Value-profile engine: partitions, decoder network, writer, supplied profiles, save/load, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import torch

from engines.data.validation import build_dataset
from engines.profiles.decoder import (
    ROLE,
    DecoderConfig,
    DecoderNet,
    ProfileDecoder,
    partition_fit_eval,
    split_raters,
)
from engines.profiles.workflow import (
    ProfileRunConfig,
    evaluate_representations,
    fit_app_decoder,
    prepare,
    supplied_profiles,
)
from engines.profiles.writer import WriterConfig, ctfidf_keywords, write_profiles
from engines.text.embed import embed_with
from engines.text.encoders import HashingEncoder

FAST = DecoderConfig(max_epochs=40, patience=6, device="cpu")


def _toy(n_raters: int = 40, n_items: int = 60, seed: int = 0) -> pd.DataFrame:
    """Two topics; 'strict' raters rate topic A items high, 'lenient' raters low."""
    rng = np.random.default_rng(seed)
    rows = []
    for r in range(n_raters):
        strict = r % 2 == 0
        for i in rng.choice(n_items, 16, replace=False):
            topic = "religion faith church prayer" if i % 2 else "football match goal team"
            base = 3 if i % 2 else 2
            shift = (1 if strict else -1) if i % 2 else 0
            label = int(np.clip(base + shift + rng.integers(-1, 2) * (rng.random() < 0.2), 1, 5))
            rows.append(
                {
                    "item_id": f"i{i:03d}",
                    "text": f"post {i} about {topic}",
                    "annotator_id": f"r{r:02d}",
                    "label": label,
                    "group": "g1" if r < n_raters // 2 else "g2",
                }
            )
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def toy_ds():
    return build_dataset(_toy(), name="toy")


@pytest.fixture(scope="module")
def prep(toy_ds):
    return prepare(toy_ds, embed_with(HashingEncoder(64)), WriterConfig(n_themes=2))


def test_partition_fit_sizes_follow_the_paper(toy_ds) -> None:
    part = partition_fit_eval(toy_ds.df, seed=3)
    sizes = part.groupby("annotator_id")[ROLE].agg(lambda s: (s == "fit").sum())
    totals = part.groupby("annotator_id").size()
    assert (sizes >= 2).all() and (sizes <= totals - 2).all()
    assert sizes.nunique() > 1  # |fit| is drawn per rater, not fixed
    again = partition_fit_eval(toy_ds.df, seed=3)
    assert again[ROLE].equals(part[ROLE])
    assert not partition_fit_eval(toy_ds.df, seed=4)[ROLE].equals(part[ROLE])


def test_partition_drops_raters_with_too_few_ratings(toy_ds) -> None:
    df = toy_ds.df
    few = df[df.annotator_id == "r00"].head(3)
    part = partition_fit_eval(pd.concat([df[df.annotator_id != "r00"], few]), seed=0)
    assert "r00" not in set(part.annotator_id)
    assert part.attrs["n_dropped_raters"] == 1


def test_split_raters_is_a_seeded_half() -> None:
    raters = [f"r{k}" for k in range(10)]
    a, b = split_raters(raters, 0), split_raters(raters, 1)
    assert len(a) == 5 and a <= set(raters)
    assert a == split_raters(list(reversed(raters)), 0)
    assert a != b


@pytest.mark.parametrize("ordinal", [False, True])
def test_decoder_net_outputs_distributions(ordinal: bool) -> None:
    net = DecoderNet(8, 8, 5, hidden=6, dropout=0.0, ordinal=ordinal)
    logits = net(torch.randn(7, 8), torch.randn(7, 8))
    probs = torch.softmax(logits, -1)
    assert probs.shape == (7, 5)
    torch.testing.assert_close(probs.sum(-1), torch.ones(7))
    if ordinal:  # log-probabilities already normalised
        torch.testing.assert_close(logits.exp().sum(-1), torch.ones(7), atol=1e-4, rtol=0)


def test_ordinal_head_cdf_is_monotone_in_the_score() -> None:
    net = DecoderNet(4, 4, 5, hidden=3, dropout=0.0, ordinal=True)
    with torch.no_grad():
        net.head[-1].bias.fill_(0.0)
        net.head[-1].weight.zero_()
        p_low = torch.softmax(net(torch.zeros(1, 4), torch.zeros(1, 4)), -1)
        net.head[-1].bias.fill_(3.0)  # larger score -> mass moves to higher classes
        p_high = torch.softmax(net(torch.zeros(1, 4), torch.zeros(1, 4)), -1)
    expect = torch.arange(5.0)
    assert float(p_high @ expect) > float(p_low @ expect) + 1.0


def test_ctfidf_keywords_pick_class_specific_terms() -> None:
    docs = ["apple banana apple fruit", "engine wheel engine car", "apple engine"]
    kw = ctfidf_keywords(docs, 2)
    assert kw[0][0] in {"banana", "fruit", "apple"} and "engine" not in kw[0]
    assert kw[1][0] in {"wheel", "car", "engine"} and "apple" not in kw[1]


def test_writer_states_the_planted_direction(toy_ds, prep) -> None:
    profiles = write_profiles(toy_ds.df, toy_ds.df, prep.themes, toy_ds.scale)
    strict = [profiles[f"r{k:02d}"] for k in range(0, 40, 2)]
    lenient = [profiles[f"r{k:02d}"] for k in range(1, 40, 2)]
    assert np.mean(["Sensitive to" in p for p in strict]) > 0.8
    assert np.mean(["Tolerant of" in p for p in lenient]) > 0.8
    assert not any("Sensitive to" in p and "religion" in p for p in lenient)


def test_themes_separate_topics(prep) -> None:
    frame = prep.themes.frame()
    topic = frame.item_id.str[1:].astype(int) % 2
    assert pd.crosstab(frame.theme, topic).gt(0).sum(axis=1).eq(1).all()


def test_profile_decoder_beats_no_information_and_reacts_to_edits(toy_ds, prep) -> None:
    cfg = ProfileRunConfig(seeds=(0, 1), representations=("none", "profile"), decoder=FAST)
    ev = evaluate_representations(toy_ds, prep, cfg)
    loss = ev.losses.groupby("representation")["loss"].mean()
    assert loss["profile"] < loss["none"] - 0.05
    fitted = fit_app_decoder(toy_ds, prep, ProfileRunConfig(decoder=FAST))
    topic_a = fitted.items.item_id.str[1:].astype(int).to_numpy() % 2 == 1
    classes = np.arange(1, 6, dtype=float)
    strict = fitted.predict_text(fitted.profiles["r00"]) @ classes
    lenient = fitted.predict_text(fitted.profiles["r01"]) @ classes
    assert (strict[topic_a] > lenient[topic_a]).mean() > 0.8


def test_save_load_round_trip(toy_ds, prep, tmp_path: Path) -> None:
    fitted = fit_app_decoder(toy_ds, prep, ProfileRunConfig(decoder=FAST))
    fitted.decoder.save(tmp_path / "dec")
    loaded = ProfileDecoder.load(tmp_path / "dec", embed=prep.embed)
    text = fitted.profiles["r02"]
    np.testing.assert_allclose(loaded.predict_for_text(text), fitted.predict_text(text), atol=1e-6)
    assert not list(tmp_path.glob("**/*.pkl")) and not list(tmp_path.glob("**/*.pt"))


def test_supplied_profiles_from_column_or_csv() -> None:
    table = pd.DataFrame(
        {"rater_id": ["a", "a", "b", "c"], "value_profile": ["p1", "p1", "p2", " "]}
    )
    assert supplied_profiles(table) == {"a": "p1", "b": "p2"}
    with pytest.raises(ValueError, match="profile column"):
        supplied_profiles(pd.DataFrame({"rater_id": ["a"], "notes": ["x"]}))


def test_cli_writes_decoder_and_profiles(tmp_path: Path, monkeypatch) -> None:
    from cli import main

    monkeypatch.setenv("PERSPECTIVES_CACHE_DIR", str(tmp_path / "cache"))
    data = tmp_path / "toy.csv"
    _toy(20, 30).to_csv(data, index=False)
    out = tmp_path / "out"
    assert main(["profiles", "--data", str(data), "--out", str(out), "--encoder", "hashing"]) == 0
    profiles = pd.read_csv(out / "profiles.csv")
    assert len(profiles) == 20 and profiles.value_profile.str.startswith("- ").all()
    assert (out / "decoder" / "model.safetensors").exists()
    meta = json.loads((out / "decoder" / "metadata.json").read_text())
    assert meta["representation"] == "profile"
