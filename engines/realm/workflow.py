"""REALM experiments: on a dataset's annotations, and in the simulation lab.

:func:`run_realm` trains REALM and the training baselines on the item-level training split
(early stopping on dev), reads every annotator's expertise, runs the classic aggregators on all
annotations, and scores each classifier on the test items against their majority label.
:func:`run_simulation` replaces the annotators by simulated ones with a known expertise profile
and noise (labels drawn from gold or majority labels) and scores every method against that gold.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from engines.core import Progress, epoch_reporter, prefixed, report
from engines.data.majority import majority_labels
from engines.data.schema import (
    ANNOTATOR_ID,
    GOLD_CODE,
    IS_SYNTHETIC,
    ITEM_ID,
    LABEL_CODE,
    SPLIT,
    TASK,
    TEXT,
    AnnotationDataset,
)
from engines.realm.aggregation import AGGREGATORS, aggregate
from engines.realm.model import Realm, RealmConfig, Rows
from engines.realm.simulate import Mode, Noise, simulate_annotators
from engines.realm.variants import VARIANTS, Variant

__all__ = [
    "RealmResult",
    "RealmRunConfig",
    "SimulationResult",
    "item_texts",
    "run_realm",
    "run_simulation",
]


@dataclass(frozen=True)
class RealmRunConfig:
    """What one experiment runs."""

    variants: tuple[Variant, ...] = VARIANTS
    """Classifiers trained (REALM first)."""
    aggregators: tuple[str, ...] = tuple(AGGREGATORS)
    """Classic aggregators run on every annotation."""
    model: RealmConfig = field(default_factory=RealmConfig)
    """Network and training settings shared by the variants."""
    seed: int = 0
    human_only: bool = True
    """Leave out annotations marked synthetic."""


@dataclass
class RealmResult:
    """Everything the page, the CLI and the benchmark show for a dataset."""

    annotations: pd.DataFrame
    """The annotations used: ``item_id, annotator_id, label_code, split, task, p_label`` where
    ``p_label`` is REALM's ``p_theta`` of the observed label (for expertise intervals)."""
    expertise: pd.DataFrame
    """``annotator_id, task, realm, n``: REALM's learned expertise per annotator and task."""
    skills: pd.DataFrame
    """``annotator_id`` and one skill column per aggregator."""
    accuracy: pd.DataFrame
    """``method, accuracy, n_items, against``: each classifier on the test items' gold labels
    (with a gold column; the oracle is then trained on the training items' gold labels) or
    else their majority labels."""
    n_classes: int
    tasks: tuple[str, ...]
    fit_seconds: dict[str, float]
    models: dict[str, Realm]


def _index(values: pd.Series) -> tuple[np.ndarray, list[str]]:
    codes, names = pd.factorize(values.astype(str), sort=True)
    return codes.astype(np.int64), [str(n) for n in names]


def run_realm(
    ds: AnnotationDataset,
    item_ids: Sequence[str],
    item_emb: np.ndarray,
    cfg: RealmRunConfig | None = None,
    progress: Progress | None = None,
) -> RealmResult:
    """Train REALM and the baselines on ``ds``; expertise, skills and test accuracy.

    Raises:
        ValueError: Without a train split or annotations without an item embedding.
    """
    cfg = cfg or RealmRunConfig()
    df = ds.df
    if cfg.human_only and IS_SYNTHETIC in df.columns:
        df = df[df[IS_SYNTHETIC] != 1]
    df = df.reset_index(drop=True)
    index = {str(i): k for k, i in enumerate(item_ids)}
    item = df[ITEM_ID].astype(str).map(index)
    if item.isna().any():
        raise ValueError(f"{int(item.isna().sum())} annotations have no item embedding")
    annotator, names = _index(df[ANNOTATOR_ID])
    task, tasks = _index(df[TASK]) if TASK in df.columns else (np.zeros(len(df), np.int64), ["all"])
    codes = df[LABEL_CODE].to_numpy(np.int64)
    rows: Rows = (item.to_numpy(np.int64), annotator, task, codes)
    split = df[SPLIT].to_numpy()
    if not (split == "train").any():
        raise ValueError("REALM needs a train split; make item-level splits on the Data page.")
    texts = item_texts(ds, item_ids) if cfg.model.fine_tune else None
    part = {s: tuple(r[split == s] for r in rows) for s in ("train", "dev", "test")}
    gold = _gold(df, rows[0])
    variants = [*cfg.variants, *(["oracle"] if gold is not None else [])]
    n_classes = len(ds.scale.classes)
    models, seconds = {}, {}
    for k, variant in enumerate(variants):
        model = Realm(replace(cfg.model, variant=variant).with_train(seed=cfg.seed))
        step = prefixed(progress, f"Model {k + 1} of {len(variants)}")
        t0 = time.perf_counter()
        train, val = part["train"], part["dev"] if len(part["dev"][0]) else None
        if variant == "oracle":  # one row per item with a gold label
            train, val = _gold_rows(train, gold), None if val is None else _gold_rows(val, gold)
        model.fit(item_emb, train, n_classes, len(names), len(tasks), val=val,
                  on_epoch_end=epoch_reporter(step, model.name), item_texts=texts)  # fmt: skip
        seconds[variant] = time.perf_counter() - t0
        models[variant] = model
    report(progress, 0, 1, "Classic aggregators")
    skills = pd.DataFrame({ANNOTATOR_ID: names})
    for method in cfg.aggregators:
        out = aggregate(rows[0], annotator, codes, method, seed=cfg.seed)  # type: ignore[arg-type]
        skills[method] = skills.index.map(out.skills).to_numpy(dtype=float)  # index = code
    test_items = np.unique(part["test"][0])
    truth = majority_labels(part["test"][0], part["test"][3]).loc[test_items]
    against = "majority label"
    if gold is not None and gold.reindex(test_items).notna().any():
        truth, against = gold.reindex(test_items).dropna().astype(int), "gold label"
    accuracy = pd.DataFrame(
        [(m.name, float((m.predict_proba(truth.index.to_numpy()).argmax(1) == truth).mean()),
          len(truth), against) for m in models.values()],
        columns=["method", "accuracy", "n_items", "against"],
    )  # fmt: skip
    annotations = df[[ITEM_ID, ANNOTATOR_ID, LABEL_CODE, SPLIT]].copy()
    annotations[TASK] = np.asarray(tasks)[task]
    first = next(iter(models.values()))
    annotations["p_label"] = first.predict_proba(rows[0])[np.arange(len(codes)), codes]
    return RealmResult(
        annotations=annotations,
        expertise=_expertise_table(models.get("realm"), annotator, task, names, tasks),
        skills=skills,
        accuracy=accuracy,
        n_classes=n_classes,
        tasks=tuple(tasks),
        fit_seconds=seconds,
        models=models,
    )


def item_texts(ds: AnnotationDataset, item_ids: Sequence[str]) -> list[str]:
    """The texts of ``item_ids`` in that order (for fine-tuning the encoder).

    Raises:
        ValueError: The dataset has no text column or lacks some of the items.
    """
    if TEXT not in ds.df.columns:
        raise ValueError("Fine-tuning the encoder needs the item texts (a text column).")
    text = ds.items().set_index(ITEM_ID)[TEXT]
    text.index = text.index.astype(str)
    missing = [i for i in map(str, item_ids) if i not in text.index]
    if missing:
        raise ValueError(f"{len(missing)} items have no text, e.g. {missing[0]!r}")
    return text.loc[[str(i) for i in item_ids]].astype(str).tolist()


def _gold(df: pd.DataFrame, item: np.ndarray) -> pd.Series | None:
    """Item row -> gold class code (None without a gold column or any gold label)."""
    if GOLD_CODE not in df.columns or df[GOLD_CODE].isna().all():
        return None
    frame = pd.DataFrame({"item": item, "gold": df[GOLD_CODE].to_numpy()}).dropna()
    return frame.drop_duplicates("item").set_index("item")["gold"].astype(int)


def _gold_rows(rows: Rows, gold: pd.Series) -> Rows:
    """One row per item of ``rows`` that has a gold label, labelled with it."""
    items = np.unique(rows[0])
    items = items[np.isin(items, gold.index)]
    zeros = np.zeros(len(items), np.int64)
    return items, zeros, zeros, gold.loc[items].to_numpy(np.int64)


def _expertise_table(
    model: Realm | None, annotator: np.ndarray, task: np.ndarray, names: list[str],
    tasks: list[str],
) -> pd.DataFrame:  # fmt: skip
    counts = np.zeros((len(names), len(tasks)), int)
    np.add.at(counts, (annotator, task), 1)
    rows = []
    for a, name in enumerate(names):
        for t, task_name in enumerate(tasks):
            e = float(model.expertise_[a, t]) if model is not None else float("nan")
            rows.append((name, task_name, e, int(counts[a, t])))
    return pd.DataFrame(rows, columns=[ANNOTATOR_ID, TASK, "realm", "n"])


@dataclass
class SimulationResult:
    """One simulated setting."""

    accuracy: dict[str, float]
    """Method -> test accuracy against gold (classifiers trained on each method's labels)."""
    expertise: pd.DataFrame
    """``annotator, true, realm`` and one column per aggregator's skill."""
    expertise_spearman: float
    """Spearman correlation of REALM's expertise with the true one."""


def run_simulation(
    item_emb: np.ndarray,
    gold: np.ndarray,
    n_classes: int,
    expertise: Sequence[float],
    noise: Noise = "uniform",
    mode: Mode = "shared",
    seed: int = 0,
    model: RealmConfig | None = None,
    test_share: float = 0.2,
    progress: Progress | None = None,
    item_texts: Sequence[str] | None = None,
) -> SimulationResult:
    """Simulate annotators on items with ``gold`` labels and compare every method.

    REALM and noisy training see the simulated annotations of the training items; majority
    vote and Dawid-Skene train the same classifier on their aggregated labels; the oracle on
    gold. Accuracy is measured on held-out items against gold. ``item_texts`` (one per row of
    ``item_emb``) are needed when ``model.fine_tune``.
    """
    from scipy.stats import spearmanr

    gold = np.asarray(gold, dtype=np.int64)
    cfg = model or RealmConfig()
    sim = simulate_annotators(gold, n_classes, tuple(expertise), noise, mode, seed)
    order = np.random.default_rng(seed).permutation(len(gold))
    test = np.sort(order[: int(round(test_share * len(gold)))])
    train_mask = ~np.isin(sim["item"].to_numpy(), test)
    tr = sim[train_mask]
    rows: Rows = (tr["item"].to_numpy(), tr["annotator"].to_numpy(), np.zeros(len(tr), np.int64),
                  tr["code"].to_numpy())  # fmt: skip
    k = len(expertise)
    labels: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    skills = pd.DataFrame({"annotator": np.arange(k), "true": np.asarray(expertise, float)})
    for method in ("majority", "dawid_skene"):
        out = aggregate(rows[0], rows[1], rows[3], method, seed=seed)  # type: ignore[arg-type]
        labels[method] = (out.labels.index.to_numpy(np.int64), out.labels.to_numpy(np.int64))
        skills[method] = skills["annotator"].map(out.skills).to_numpy(dtype=float)
    train_items = np.unique(rows[0])
    labels["oracle"] = (train_items, gold[train_items])
    accuracy, fitted = {}, {}
    plans = [("realm", "realm", rows), ("noisy", "noisy", rows)] + [
        (name, "oracle", (it, np.zeros_like(it), np.zeros_like(it), y))
        for name, (it, y) in labels.items()
    ]
    for n, (name, variant, data) in enumerate(plans):
        step = prefixed(progress, f"Model {n + 1} of {len(plans)}")
        m = Realm(replace(cfg, variant=variant).with_train(seed=seed))  # type: ignore[arg-type]
        m.fit(item_emb, data, n_classes, k, on_epoch_end=epoch_reporter(step, name),
              item_texts=item_texts)  # fmt: skip
        accuracy[name] = float((m.predict_proba(test).argmax(1) == gold[test]).mean())
        fitted[name] = m
    skills["realm"] = fitted["realm"].expertise_[:, 0]
    rho = spearmanr(skills["true"], skills["realm"]).statistic if k > 1 else float("nan")
    return SimulationResult(accuracy, skills, float(rho))
