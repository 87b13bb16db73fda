"""Toy annotation tables for the dataset wing's tests (builders, not fixtures)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

NAN = float("nan")

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: 4 observers x 12
# units with missing values. Unit 12 has a single value and is not pairable (n = 40 values).
KRIPPENDORFF_2011 = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, NAN, NAN, NAN],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, NAN, 3],
    "C": [NAN, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, NAN],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
}


def long_table(reliability: dict[str, list[float]]) -> pd.DataFrame:
    """A reliability matrix (observer -> values per unit) as a long table, NaN = missing."""
    rows = [
        {"item_id": f"u{u + 1}", "annotator_id": obs, "label": v}
        for obs, vals in reliability.items()
        for u, v in enumerate(vals)
        if not (isinstance(v, float) and math.isnan(v))
    ]
    return pd.DataFrame(rows)


def units_frame(units: list[list[object]]) -> pd.DataFrame:
    """Per-unit value lists as a long table (unit k -> item_id k, annotators a0, a1...)."""
    rows = [
        {"item_id": u, "annotator_id": f"a{j}", "label": v}
        for u, vals in enumerate(units)
        for j, v in enumerate(vals)
    ]
    return pd.DataFrame(rows, columns=["item_id", "annotator_id", "label"])


def naive_alpha(units: list[list[float]], level: str, values: list[float] | None = None) -> float:
    """Textbook alpha by explicit pair enumeration (slow, for cross-checking only)."""
    units = [[v for v in u if v == v] for u in units]  # drop NaN
    units = [u for u in units if len(u) >= 2]
    vals = sorted({v for u in units for v in u}) if values is None else list(values)
    index = {v: i for i, v in enumerate(vals)}
    o = np.zeros((len(vals), len(vals)))
    for u in units:
        m = len(u)
        for i in range(m):
            for j in range(m):
                if i != j:
                    o[index[u[i]], index[u[j]]] += 1.0 / (m - 1)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n < 2:
        return NAN

    def delta(c: int, k: int) -> float:
        if level == "nominal":
            return float(c != k)
        if level == "interval":
            return (vals[c] - vals[k]) ** 2
        lo, hi = min(c, k), max(c, k)
        return (sum(n_c[g] for g in range(lo, hi + 1)) - (n_c[c] + n_c[k]) / 2) ** 2

    d_o = sum(o[c, k] * delta(c, k) for c in range(len(vals)) for k in range(len(vals)))
    d_e = sum(n_c[c] * n_c[k] * delta(c, k) for c in range(len(vals)) for k in range(len(vals)))
    if d_e == 0:
        return NAN
    return 1.0 - (n - 1) * d_o / d_e


def random_units(rng: np.random.Generator, n_units: int, n_values: int) -> list[list[float]]:
    """``n_units`` units of 0 to 5 values drawn from ``1..n_values``."""
    units = []
    for _ in range(n_units):
        m = int(rng.integers(0, 6))
        units.append([float(v) for v in rng.integers(1, n_values + 1, size=m)])
    return units


def synthetic(rng: np.random.Generator, noise: str, n_items: int = 600) -> pd.DataFrame:
    """5 annotators per item on a 1-5 scale: ``random`` labels, or ``agree`` (15% flipped)."""
    n_ann = 5
    items = np.repeat(np.arange(n_items), n_ann)
    annotators = np.tile(np.arange(n_ann), n_items)
    if noise == "random":
        labels = rng.integers(1, 6, size=items.size)
    else:
        truth = rng.integers(1, 6, size=n_items)
        flip = rng.random(items.size) < 0.15
        labels = np.where(flip, rng.integers(1, 6, size=items.size), truth[items])
    return pd.DataFrame({"item_id": items, "annotator_id": annotators, "label": labels})


def planted(shift: float, seed: int = 0) -> pd.DataFrame:
    """40 annotators x 30 items; 'group' shifts ratings by ``shift``, 'noise' by nothing."""
    rng = np.random.default_rng(seed)
    rows = []
    for a in range(40):
        group = "A" if a % 2 else "B"
        noise = ["x", "y"][(a // 2) % 2]  # balanced against group
        for i in range(30):
            y = i % 5 + (shift if group == "A" else 0.0) + rng.normal(0, 0.3)
            rows.append((f"i{i}", f"u{a}", y, group, noise))
    return pd.DataFrame(rows, columns=["item_id", "annotator_id", "label", "group", "noise"])


def people_table() -> pd.DataFrame:
    """13 annotators x 2 items: gender f (6), m (5), x (2); age young/old alternating."""
    genders = ["f"] * 6 + ["m"] * 5 + ["x"] * 2
    rows = []
    for a, g in enumerate(genders):
        for i in range(2):
            # f rates 1 and 2, m rates 3 and 4, x rates 5 and 5
            label = {"f": 1 + i, "m": 3 + i, "x": 5}[g]
            rows.append((f"i{i}", f"u{a}", float(label), g, ["young", "old"][a % 2]))
    return pd.DataFrame(rows, columns=["item_id", "annotator_id", "label", "gender", "age"])
