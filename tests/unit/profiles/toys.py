"""Toy data and small shared checks for the value-profiles tests (imported, never collected)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from engines.profiles import DecoderConfig, StatementConfig

STRICT = "Strict: rates every comment as very offensive."
LENIENT = "Lenient: rates no comment as offensive."
TOPICS = ("the weather", "a football match", "the new cafe", "a film", "the bus", "a song")


def fast_decoder(max_epochs: int, patience: int) -> DecoderConfig:
    """The default decoder with a short CPU training loop (the other loop settings kept)."""
    cfg = DecoderConfig()
    return replace(
        cfg, train=replace(cfg.train, max_epochs=max_epochs, patience=patience, device="cpu")
    )


FAST = fast_decoder(max_epochs=40, patience=6)
"""The decoder of the toy runs: 40 epochs at most on the CPU."""


def fast_statements(max_epochs: int = 20, per_topic: int = 8) -> StatementConfig:
    """The statement decoder with a short CPU run and a small curriculum."""
    cfg = StatementConfig(per_topic=per_topic, granularities=(4, 8))
    return replace(
        cfg,
        train=replace(cfg.train, max_epochs=max_epochs, device="cpu"),
        lessons=replace(cfg.lessons, max_epochs=10, device="cpu"),
    )


FAST_STATEMENTS = fast_statements()
"""The statement decoder of the toy runs."""

READER = replace(
    FAST_STATEMENTS,
    lessons=replace(FAST_STATEMENTS.lessons, max_epochs=15, lr=2e-2, batch_size=256),
)
"""The edit reader's curriculum on the toy (small: needs a larger step to be learned)."""


def toy_ratings(n_raters: int = 40, n_items: int = 60, seed: int = 0) -> pd.DataFrame:
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


def profile_determined(
    n_raters: int = 8,
) -> tuple[list[str], list[str], pd.DataFrame, dict[str, str]]:
    """Every item rated by every rater; strict raters give label 2, lenient raters 0."""
    item_ids = [f"i{k}" for k in range(len(TOPICS))]
    texts = [f"A comment about {t}." for t in TOPICS]
    profiles = {f"r{r}": STRICT if r % 2 == 0 else LENIENT for r in range(n_raters)}
    rows = pd.DataFrame(
        [
            {"item_id": i, "annotator_id": r, "label_code": 2 if p == STRICT else 0}
            for r, p in profiles.items()
            for i in item_ids
        ]
    )
    return item_ids, texts, rows, profiles


def planted_table(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """A loss table where candidates 3 and 9 explain two planted halves of the raters."""
    rng = np.random.default_rng(seed)
    n_raters, n_cand = 40, 12
    truth = np.repeat([0, 1], n_raters // 2)
    table = rng.uniform(8.0, 12.0, size=(n_raters, n_cand))
    table[truth == 0, 3] = rng.uniform(1.0, 2.0, n_raters // 2)
    table[truth == 1, 9] = rng.uniform(1.0, 2.0, n_raters // 2)
    return table, truth


def assert_figure(fig: go.Figure, x_title: str | None = None) -> None:
    """A styled figure: data, a title and both axis titles (optionally the x title's text)."""
    assert isinstance(fig, go.Figure)
    assert len(fig.data) > 0
    assert fig.layout.title.text
    assert fig.layout.xaxis.title.text
    assert fig.layout.yaxis.title.text
    if x_title is not None:
        assert fig.layout.xaxis.title.text == x_title
