"""The homogenisation audit: do synthetic annotators keep the perspectives of human ones?

Every function takes two long tables of the same items, ``human`` and ``synthetic``
(``item_id, annotator_id, label`` + demographic columns), and returns a DataFrame:

* :func:`compute_homogenisation`: Krippendorff's alpha (item-bootstrap 95% interval) and the
  mean normalised label entropy of each source (annotator-personas seed: LLM personas agree far
  more than humans, alpha 0.81 vs 0.35-0.50). Entropy grows with the number of labels an item
  has, so it is compared on matched draws: per item both sources contribute as many labels as
  the smaller of the two has.
* :func:`compute_group_alignment`: per demographic group, how far the synthetic item means of
  the group are from the human ones on shared items (MAE) and how well they follow them
  (Pearson r) (dem-moe seed, Experiment 2).
* :func:`compute_persona_alignment`: per persona, the cosine similarity of its deviations from
  the human item means with each human group's, and whether its closest group on an attribute
  is its own; :func:`compute_prototypical_features` sums that up per attribute against chance
  (the persona seed's "prototypical" features: the attributes a generator actually uses).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.dataset.agreement_bootstrap import bootstrap_alpha_ci
from engines.data.groups import group_label, natural_key

__all__ = [
    "compute_group_alignment",
    "compute_homogenisation",
    "compute_persona_alignment",
    "compute_prototypical_features",
    "matched_entropy",
]


def _numeric(rows: pd.DataFrame) -> pd.DataFrame:
    out = rows.assign(label=pd.to_numeric(rows["label"], errors="coerce"))
    return out.dropna(subset=["label"])


def _entropy(labels: np.ndarray, n_classes: int) -> float:
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return float(-(p * np.log(p)).sum() / np.log(n_classes)) if n_classes > 1 else float("nan")


def matched_entropy(
    human: pd.DataFrame, synthetic: pd.DataFrame, n_classes: int, seed: int = 0
) -> tuple[float, float, int]:
    """Mean normalised entropy of human and synthetic labels on matched draws.

    Per item rated at least twice by both, ``k = min(n_human, n_synthetic)`` labels are drawn
    without replacement from each source. Returns ``(human, synthetic, items used)``.
    """
    rng = np.random.default_rng(seed)
    h = human.groupby(human["item_id"].astype(str))["label"].apply(np.asarray)
    s = synthetic.groupby(synthetic["item_id"].astype(str))["label"].apply(np.asarray)
    out_h, out_s = [], []
    for item in h.index.intersection(s.index):
        k = min(len(h[item]), len(s[item]))
        if k < 2:
            continue
        out_h.append(_entropy(rng.choice(h[item], k, replace=False), n_classes))
        out_s.append(_entropy(rng.choice(s[item], k, replace=False), n_classes))
    if not out_h:
        return float("nan"), float("nan"), 0
    return float(np.mean(out_h)), float(np.mean(out_s)), len(out_h)


def compute_homogenisation(
    human: pd.DataFrame,
    synthetic: pd.DataFrame,
    level: str = "interval",
    classes: Sequence[object] | None = None,
    n_boot: int = 200,
    seed: int = 0,
) -> pd.DataFrame:
    """Agreement and label entropy of each source.

    Returns:
        ``source, annotators, annotations, items, alpha, alpha_low, alpha_high, entropy,
        entropy_items``: one row for ``human``, one for ``synthetic``.
    """
    n_classes = len(classes) if classes is not None else int(
        pd.concat([human["label"], synthetic["label"]]).nunique()
    )  # fmt: skip
    ent_h, ent_s, used = matched_entropy(human, synthetic, n_classes, seed)
    rows = []
    for name, part, ent in (("human", human, ent_h), ("synthetic", synthetic, ent_s)):
        part = part.dropna(subset=["label"])
        values = list(classes) if classes is not None and level != "interval" else None
        alpha, low, high = (
            bootstrap_alpha_ci(part, level, n_boot, seed=seed, values=values)
            if len(part)
            else (np.nan,) * 3
        )
        rows.append((name, part["annotator_id"].nunique(), len(part), part["item_id"].nunique(),
                     alpha, low, high, ent, used))  # fmt: skip
    columns = ["source", "annotators", "annotations", "items", "alpha", "alpha_low",
               "alpha_high", "entropy", "entropy_items"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def _group_means(rows: pd.DataFrame, attribute: str) -> pd.DataFrame:
    """Item x group mean ratings."""
    groups = rows[attribute].map(group_label)
    return rows.groupby([rows["item_id"].astype(str), groups])["label"].mean().unstack()


def compute_group_alignment(
    human: pd.DataFrame, synthetic: pd.DataFrame, attributes: Sequence[str]
) -> pd.DataFrame:
    """Per attribute and group: shared items, MAE and Pearson r of synthetic vs human means.

    Returns:
        ``attribute, group, items, mae, pearson`` (``pearson`` NaN with fewer than 3 items or
        a constant side), groups in natural order.
    """
    human, synthetic = _numeric(human), _numeric(synthetic)
    rows = []
    for a in attributes:
        h, s = _group_means(human, a), _group_means(synthetic, a)
        for g in sorted(set(h.columns) & set(s.columns), key=natural_key):
            both = pd.concat([h[g], s[g]], axis=1, keys=["h", "s"]).dropna()
            r = (
                float(np.corrcoef(both["h"], both["s"])[0, 1])
                if len(both) >= 3 and both["h"].std() > 0 and both["s"].std() > 0
                else float("nan")
            )
            mae = float((both["h"] - both["s"]).abs().mean()) if len(both) else float("nan")
            rows.append((a, g, len(both), mae, r))
    return pd.DataFrame(rows, columns=["attribute", "group", "items", "mae", "pearson"])


def _cosine(a: np.ndarray, b: np.ndarray) -> float:
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    return float(a @ b / (na * nb)) if na > 0 and nb > 0 else float("nan")


def compute_persona_alignment(
    human: pd.DataFrame,
    synthetic: pd.DataFrame,
    attributes: Sequence[str],
    min_items: int = 5,
) -> pd.DataFrame:
    """Per synthetic annotator and attribute: its cosine with its own human group and its best.

    Vectors are deviations from the human item mean over the items both the persona and the
    group rated (at least ``min_items``), so the items' shared severity does not make every
    pair look alike.

    Returns:
        ``annotator_id, attribute, own_group, own_cosine, closest_group, closest_cosine,
        own_is_closest, n_groups``.
    """
    human, synthetic = _numeric(human), _numeric(synthetic)
    item_mean = human.groupby(human["item_id"].astype(str))["label"].mean()
    rows = []
    for a in attributes:
        groups = _group_means(human, a).sub(item_mean, axis=0)
        for persona, part in synthetic.groupby("annotator_id", sort=True):
            own = group_label(part[a].iloc[0])
            mine = part.groupby(part["item_id"].astype(str))["label"].mean()
            mine = (mine - item_mean.reindex(mine.index)).dropna()
            sims = {}
            for g in groups.columns:
                both = pd.concat([mine, groups[g]], axis=1, keys=["p", "g"]).dropna()
                if len(both) >= min_items:
                    sims[g] = _cosine(both["p"].to_numpy(), both["g"].to_numpy())
            sims = {g: v for g, v in sims.items() if np.isfinite(v)}
            if own not in sims or len(sims) < 2:
                continue
            best = max(sims, key=sims.get)
            rows.append((str(persona), a, own, sims[own], best, sims[best], best == own,
                         len(sims)))  # fmt: skip
    columns = ["annotator_id", "attribute", "own_group", "own_cosine", "closest_group",
               "closest_cosine", "own_is_closest", "n_groups"]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def compute_prototypical_features(alignment: pd.DataFrame) -> pd.DataFrame:
    """Per attribute: how often a persona sides with its own human group, against chance.

    Returns:
        ``attribute, personas, own_closest_share, chance, lift, p_value, mean_own_cosine``;
        ``lift`` = share / chance (1: the generator ignores the attribute); ``p_value`` of a
        one-sided binomial test of the matches against the mean chance; sorted by ``lift``.
    """
    from scipy.stats import binomtest

    columns = ["attribute", "personas", "own_closest_share", "chance", "lift", "p_value",
               "mean_own_cosine"]  # fmt: skip
    if alignment.empty:
        return pd.DataFrame(columns=columns)
    out = alignment.groupby("attribute", sort=False).agg(
        personas=("annotator_id", "nunique"),
        own_closest_share=("own_is_closest", "mean"),
        chance=("n_groups", lambda n: float(np.mean(1.0 / n))),
        mean_own_cosine=("own_cosine", "mean"),
    )
    out["lift"] = out["own_closest_share"] / out["chance"]
    hits = alignment.groupby("attribute", sort=False)["own_is_closest"].agg(["sum", "size"])
    out["p_value"] = [
        binomtest(int(hits.loc[a, "sum"]), int(hits.loc[a, "size"]), float(out.loc[a, "chance"]),
                  alternative="greater").pvalue
        for a in out.index
    ]  # fmt: skip
    out = out.reset_index()[columns]
    return out.sort_values("lift", ascending=False, ignore_index=True)
