"""Rater representations and their partitions: fit/eval, rater splits, examples as text."""

from __future__ import annotations

import pandas as pd

from engines.profiles.representations import (
    ROLE,
    examples_text,
    first_examples,
    hold_out_raters,
    partition_fit_eval,
    split_raters,
)


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


def test_hold_out_raters_keeps_each_rater_on_one_side(toy_ds) -> None:
    train, val = hold_out_raters(toy_ds.df, seed=0, fraction=0.15)
    assert val is not None and len(train) + len(val) == len(toy_ds.df)
    assert val.annotator_id.nunique() == 6  # round(40 * 0.15)
    assert not set(train.annotator_id) & set(val.annotator_id)
    again, _ = hold_out_raters(toy_ds.df, seed=0, fraction=0.15)
    assert again.index.equals(train.index)
    rows, none = hold_out_raters(toy_ds.df, seed=0, fraction=0.0)
    assert none is None and rows is toy_ds.df


def test_examples_text_writes_each_raters_first_examples() -> None:
    rows = pd.DataFrame(
        {
            "annotator_id": ["b", "a", "a", "a"],
            "text": ["x", "first item", "a much longer second item", "third"],
            "label": [1, 2, 5, 3],
        }
    )
    assert examples_text(rows, max_examples=2, max_chars=8) == {
        "a": '"first it" -> 2\n"a much l" -> 5',
        "b": '"x" -> 1',
    }


def test_first_examples_keeps_each_raters_first_n_rows_in_order() -> None:
    rows = pd.DataFrame({"annotator_id": ["a", "b", "a", "a", "b", "a"], "item_id": list("123456")})
    assert first_examples(rows, 2)["item_id"].tolist() == ["1", "2", "3", "5"]
    assert first_examples(rows, None) is rows
    assert examples_text(rows.assign(text="t", label=1), max_examples=None)["a"].count("\n") == 3


def test_information_preserved_compares_like_with_like(toy_ds, prep, monkeypatch) -> None:
    """Issue #12.1: the profile writer and E_N read the same fit ratings of each rater."""
    import engines.profiles.evaluation as evaluation
    from engines.profiles import ProfileRunConfig, evaluate_representations
    from tests.unit.profiles.toys import fast_decoder

    seen: dict[str, pd.DataFrame] = {}
    real = evaluation.build_representation

    def spy(name, ds, prep_, fit_rows, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        seen[name] = fit_rows
        return real(name, ds, prep_, fit_rows, *args, **kwargs)

    monkeypatch.setattr(evaluation, "build_representation", spy)
    for n in (None, 3):
        cfg = ProfileRunConfig(
            seeds=(0,),
            representations=("none", "profile", "examples"),
            decoder=fast_decoder(max_epochs=2, patience=0),
            n_examples=n,
        )
        ev = evaluate_representations(toy_ds, prep, cfg)
        assert seen["profile"].index.equals(seen["examples"].index)
        counts = seen["examples"].groupby("annotator_id").size()
        assert ev.examples_per_rater.equals(counts)
        part = partition_fit_eval(toy_ds.df, 0)
        all_fit = part[part[ROLE] == "fit"].groupby("annotator_id").size()
        if n is None:  # every fit rating
            assert counts.equals(all_fit)
        else:
            assert counts.equals(all_fit.clip(upper=3))
        summary = ev.examples_summary()
        assert summary["median"] == float(counts.median()) and summary["max"] == counts.max()


def test_the_examples_decoder_pools_every_example_it_is_given(toy_ds, prep) -> None:
    """Issue #12.1: no silent cut at 16 examples inside the decoder."""
    from engines.profiles.decoder import ProfileDecoder
    from engines.profiles.representations import RaterRepresentation
    from tests.unit.profiles.toys import fast_decoder

    rows = toy_ds.df
    # 20 examples for one rater (the toy's raters have 16 ratings each: borrow r01's).
    many = rows[rows["annotator_id"].isin(["r00", "r01"])].head(20).assign(annotator_id="r00")
    assert len(many) == 20
    rep = RaterRepresentation("examples", "examples", examples=many)
    dec = ProfileDecoder(fast_decoder(max_epochs=1, patience=0)).fit(
        prep.item_ids, prep.emb, rows, rep, None, toy_ds.scale.n_classes
    )
    mask = dec.module_.ex_mask[dec.rater_index_["r00"]]
    assert int(mask.sum()) == 20
