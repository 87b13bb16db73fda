"""Simulated annotators with known expertise (realm seed, section 4.2; our parameters).

Each simulated annotator ``a`` with expertise ``e_a`` gives the true label with probability
``e_a`` and otherwise a noise label; so ``e_a`` is exactly the mixture weight of REALM's
observed-label model when the noise is uniform. Noise types:

* ``"uniform"``: a class drawn uniformly from all ``C`` (REALM's own noise model);
* ``"asymmetric"``: another class, the next one ``(y + 1) mod C`` three times as likely as
  each of the others (a one-directional confusion);
* ``"systematic"``: a fixed shift per annotator, ``(y + k_a) mod C`` with ``k_a`` drawn once
  from ``1 .. C - 1`` (each annotator confuses classes in their own consistent way).

Modes: ``"shared"`` (every annotator labels every item) or ``"exclusive"`` (each item gets one
annotator, drawn uniformly). The seed gives the three expertise profiles in words only; the
numbers in :data:`PROFILES` are ours.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import pandas as pd

__all__ = ["MODES", "NOISES", "PROFILES", "Mode", "Noise", "simulate_annotators"]

Noise = Literal["uniform", "asymmetric", "systematic"]
Mode = Literal["shared", "exclusive"]
NOISES: tuple[Noise, ...] = ("uniform", "asymmetric", "systematic")
MODES: tuple[Mode, ...] = ("shared", "exclusive")
PROFILES: dict[str, tuple[float, ...]] = {
    "one_reliable": (0.9, 0.1, 0.1),
    "two_reliable": (0.9, 0.9, 0.1),
    "spread": (0.9, 0.5, 0.1),
}
"""Expertise of the K = 3 simulated annotators: one reliable and two near-random; two reliable
and one near-random; a spread from high to low."""


def simulate_annotators(
    gold: np.ndarray,
    n_classes: int,
    expertise: tuple[float, ...] | list[float],
    noise: Noise = "uniform",
    mode: Mode = "shared",
    seed: int = 0,
) -> pd.DataFrame:
    """Labels of simulated annotators on items with known labels.

    Args:
        gold: ``[n_items]`` true class codes.
        n_classes: ``C``.
        expertise: One ``e_a`` in ``[0, 1]`` per simulated annotator.
        noise: How a wrong label is chosen.
        mode: Who labels which item.
        seed: Random seed.

    Returns:
        ``item, annotator, code, correct``: one row per simulated annotation (``item`` indexes
        ``gold``; ``correct`` is whether the label was drawn as the true one).

    Raises:
        ValueError: For an expertise outside ``[0, 1]``, an unknown noise or mode, or codes
            outside the classes.
    """
    gold = np.asarray(gold, dtype=np.int64)
    e = np.asarray(expertise, dtype=float)
    if (e < 0).any() or (e > 1).any() or len(e) == 0:
        raise ValueError(f"expertise must be values in [0, 1], got {list(e)}")
    if noise not in NOISES or mode not in MODES:
        raise ValueError(f"noise must be one of {NOISES} and mode one of {MODES}")
    if len(gold) and (gold.min() < 0 or gold.max() >= n_classes):
        raise ValueError(f"gold codes must lie in 0..{n_classes - 1}")
    rng = np.random.default_rng(seed)
    shifts = rng.integers(1, max(n_classes, 2), size=len(e))
    if mode == "shared":
        item = np.tile(np.arange(len(gold)), len(e))
        annotator = np.repeat(np.arange(len(e)), len(gold))
    else:
        item = np.arange(len(gold))
        annotator = rng.integers(0, len(e), size=len(gold))
    truth = gold[item]
    correct = rng.random(len(item)) < e[annotator]
    if noise == "uniform":
        wrong = rng.integers(0, n_classes, size=len(item))
    elif noise == "asymmetric":
        weights = np.r_[3.0, np.ones(max(n_classes - 2, 0))]  # offsets 1, 2, .., C - 1
        offset = 1 + rng.choice(len(weights), size=len(item), p=weights / weights.sum())
        wrong = (truth + offset) % n_classes
    else:
        wrong = (truth + shifts[annotator]) % n_classes
    code = np.where(correct, truth, wrong)
    return pd.DataFrame({"item": item, "annotator": annotator, "code": code, "correct": correct})
