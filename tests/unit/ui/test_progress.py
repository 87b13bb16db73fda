"""The progress bar's time left: hand-computed rates, and a new run of steps starts over."""

from __future__ import annotations

import pytest

from ui import progress as progress_mod
from ui.progress import ProgressBar, eta_text


@pytest.mark.parametrize(
    ("elapsed", "done", "total", "expected"),
    [
        (10.0, 2, 6, "about 20 s left"),  # 5 s a step, 4 steps left
        (100.0, 1, 3, "about 3 min 20 s left"),  # 200 s
        (3.0, 3, 4, "about 1 s left"),
        (0.5, 1, 100, ""),  # under a second: no estimate yet
        (10.0, 0, 5, ""),  # nothing done: no rate
        (10.0, 5, 5, ""),  # finished
    ],
)
def test_eta_text_is_the_mean_rate_so_far(elapsed, done, total, expected) -> None:
    assert eta_text(elapsed, done, total) == expected


class _Bar:
    def __init__(self) -> None:
        self.texts: list[str] = []

    def progress(self, frac: float, text: str) -> None:
        self.texts.append(text)


def test_progress_bar_times_each_run_of_steps_from_its_own_start(monkeypatch) -> None:
    bar, clock = _Bar(), iter([0.0, 10.0, 20.0, 30.0, 32.0])
    monkeypatch.setattr(progress_mod.st, "progress", lambda frac, text: bar)
    monkeypatch.setattr(progress_mod.time, "perf_counter", lambda: next(clock))
    pb = ProgressBar("Training")  # t = 0
    pb(1, 4, "Seed 1 · epoch")  # t = 10: 10 s a step, 3 left
    pb(2, 4, "Seed 1 · epoch")  # t = 20
    pb(1, 2, "Seed 2 · epoch")  # t = 30: the new run began at 20, 10 s a step, 1 left
    pb(2, 2, "Seed 2 · epoch")  # t = 32: finished, no estimate
    assert bar.texts[0].endswith("about 30 s left")
    assert bar.texts[1].endswith("about 20 s left")
    assert bar.texts[2] == "Training · Seed 2 · epoch 1/2 · about 10 s left"
    assert bar.texts[3] == "Training · Seed 2 · epoch 2/2"
