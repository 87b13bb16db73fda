r"""Typed edits read at their word: clauses -> readings -> shifts the size raters differ.

:class:`EditReader` reads the statements of a profile text that no written profile contains
(the *edits*; the decoder reads the rest as trained). Each clause becomes a :class:`Reading`
(what it is about, direction, strength, confidence, why), which the researcher may correct.
A reading moves the cumulative logits of its target's items by the shift that takes an
average rater as far as raters differ on those items (:mod:`~engines.profiles.reading.sizes`):

.. math::

    \operatorname{logit} P(y \le k \mid x, S \cup E) =
    \operatorname{logit} P_{\text{decoder}}(y \le k \mid x, S) - \delta(x, E),
    \qquad \delta(x, E) = \operatorname{clip}\Big(\sum_{t \ni x} \overline{\delta}_t(E)\Big)

where :math:`\overline{\delta}_t` averages the readings about target ``t`` (several statements
about one theme are one stance, not a sum) and the clip keeps every item within the most
extreme rater's deviation on its targets. Readings with no bearing move nothing. Binary and
ordinal scales (a binary label has one cumulative logit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from engines.profiles.phrasing import split_statements
from engines.profiles.reading.compose import read_stances
from engines.profiles.reading.sizes import Deviations, TargetSize, logit_shift, ordinal_shift
from engines.profiles.reading.topics import Target, Targets

__all__ = ["NO_BEARING", "Reading", "EditReader", "reader_statements"]

NO_BEARING = "none"
"""The target key of a clause that bears on no rating."""

STRENGTHS = ("slight", "plain", "strong")


@dataclass(frozen=True)
class Reading:
    """What one clause of an edit says, in the form the researcher can correct."""

    clause: str
    """The clause as typed."""
    target: str
    """``global``, ``topic:<name>``, ``theme:<k>``, ``word:<w>`` or ``none`` (no bearing)."""
    label: str
    """The target for display ("religion", "everything", "no bearing")."""
    direction: int
    """+1: toward the "more" end of the construct, -1: toward less, 0: no bearing."""
    strength: str = "plain"
    """``slight``, ``plain`` or ``strong``."""
    confidence: float = 1.0
    """How sure the reader is (1: every cue known; lower with typos, borrowing, a lone past)."""
    why: str = ""
    """The cues it rests on."""
    corrected: bool = False
    """Changed by the researcher."""

    @property
    def bears(self) -> bool:
        """Whether the reading moves anything."""
        return self.target != NO_BEARING and self.direction != 0


@dataclass
class EditReader:
    """Reads typed edits into corrected-able readings and moves predictions by their sizes.

    Args:
        targets: what the dataset's edits can be about.
        deviations: raters' residuals, which size every target.
        prior: the average rater's class probabilities ``[n_items, C]`` (no-information).
        values: the value of each class ``[C]``, increasing.
        more: +1 when higher labels mean more of the construct, -1 when lower ones do.
        written: every statement of every written profile (read by the decoder, not here).
        max_statements: edits read per text.
    """

    targets: Targets
    deviations: Deviations
    prior: np.ndarray
    values: np.ndarray
    more: int = 1
    written: frozenset[str] = frozenset()
    max_statements: int = 16
    _read: dict[str, list[Reading]] = field(default_factory=dict, repr=False)
    _deltas: dict[str, tuple[TargetSize, dict[tuple[int, str], float], tuple[float, float]]] = (
        field(default_factory=dict, repr=False)
    )

    def oriented(self, more: int) -> EditReader:
        """This reader for a scale whose "more" end is ``more`` (+1 higher labels, -1 lower)."""
        if more == self.more:
            return self
        dev = self.deviations
        flipped = Deviations(dev.fit, dev.held, dev.item_ids, -dev.values)
        return replace(self, deviations=flipped, more=more, _read={}, _deltas={})

    def edits(self, text: str) -> list[str]:
        """The statements of ``text`` that are in no written profile, in order."""
        return [s for s in split_statements(text) if s not in self.written][: self.max_statements]

    def written_part(self, text: str, edits: Sequence[str]) -> str:
        """``text`` without ``edits`` (and without the bullets left empty): the decoder's input."""
        for s in edits:
            text = re.sub(r"(?<!\S)" + re.escape(s) + r"(?!\S)[ \t]*", "", text, count=1)
        lines = (ln.rstrip() for ln in text.splitlines())
        return "\n".join(ln for ln in lines if split_statements(ln))

    def read(self, edits: Sequence[str]) -> list[Reading]:
        """Every clause of ``edits`` read, in order (memoised per edit).

        The edits are read as one text, so a clause can refer back to an earlier sentence
        ("Racial slurs? Those I object to.").
        """
        text = "\n".join(edits)
        if text not in self._read:
            self._read[text] = self._read_statement(text) if text.strip() else []
        return list(self._read[text])

    def _referent(self, subjects: tuple[str, ...]) -> list[Target] | None:
        """What a pronoun refers to: the latest earlier subject naming a topic or theme.

        Else the latest subject ("I hate it" after "Cilantro tastes like soap": nothing).
        """
        matches = [self.targets.match(s) for s in subjects]
        return next((m for m in matches if m), matches[0])

    def _read_statement(self, statement: str) -> list[Reading]:
        out = []
        for stance in read_stances(statement):
            base = Reading(stance.clause, NO_BEARING, "no bearing", 0, stance.strength,
                           stance.confidence, stance.why)  # fmt: skip
            if stance.context:
                out.append(replace(base, why="context: " + (stance.why or "no stance")))
                continue
            if not stance.polarity:
                out.append(replace(base, why="no stance word"))
                continue
            found = self.targets.match(stance.subject)
            if found == [] and stance.refers and not stance.general:  # "it": an earlier subject
                back = self._referent(stance.refers)
                found = back if back or not stance.subject else found  # narrows, or names
            if found is None:
                why = f"'{stance.subject}' is nothing the items are about"
                rare = self.targets.too_rare(stance.subject)
                if rare:
                    n = self.targets.topic_items[rare[0]]
                    why = f"{rare[0]}: only {n} items of this dataset concern it"
                out.append(replace(base, why=why))
                continue
            for target in found or [self.targets.everything]:
                out.append(replace(base, target=target.key, label=target.label,
                                   direction=stance.polarity))  # fmt: skip
        return out

    def target(self, key: str) -> Target | None:
        """The target of ``key`` (None for no bearing or an unknown key)."""
        return None if key == NO_BEARING else self.targets.by_key(key)

    def sizes(
        self, key: str
    ) -> tuple[TargetSize, dict[tuple[int, str], float], tuple[float, float]]:
        """A target's sizes (label points), their logit shifts and its extreme shifts."""
        if key not in self._deltas:
            target = self.targets.by_key(key)
            if target is None:
                raise KeyError(f"unknown target {key!r}")
            size = self.deviations.size(target.members)
            levels = list(size.levels)
            wanted = [self.more * size.levels[k] for k in levels]
            wanted += [self.more * e for e in size.extremes]
            shifts = logit_shift(self.prior[target.members], self.values, np.asarray(wanted))
            by_level = dict(zip(levels, shifts[: len(levels)], strict=True))
            ext = (float(shifts[-2:].min()), float(shifts[-2:].max()))
            self._deltas[key] = (size, by_level, ext)
        return self._deltas[key]

    def effects(self, readings: Sequence[Reading]) -> np.ndarray:
        """Each reading's cumulative-logit effect on each item, ``[n_items, R]``.

        Readings about one target share its mean shift; where the sum over an item's targets
        passes the most extreme rater, every effect on that item is scaled back. The row sums
        are the total shifts :meth:`shift` applies.
        """
        n = len(self.prior)
        eff = np.zeros((n, len(readings)))
        groups: dict[str, list[int]] = {}
        for j, r in enumerate(readings):
            if r.bears and self.target(r.target) is not None:
                groups.setdefault(r.target, []).append(j)
        lo, hi = np.zeros(n), np.zeros(n)
        for key, members in groups.items():
            target = self.targets.by_key(key)
            _, by_level, (e_lo, e_hi) = self.sizes(key)
            for j in members:
                r = readings[j]
                eff[target.members, j] = by_level.get((r.direction, r.strength), 0.0) / len(members)
            lo[target.members] = np.minimum(lo[target.members], e_lo)
            hi[target.members] = np.maximum(hi[target.members], e_hi)
        total = eff.sum(1)
        clipped = np.clip(total, lo, hi)
        ratio = np.divide(clipped, total, out=np.ones(n), where=np.abs(total) > 1e-12)
        return eff * ratio[:, None]

    def shift(self, probs: np.ndarray, readings: Sequence[Reading]) -> np.ndarray:
        """Class probabilities ``[n_items, C]`` moved by the readings' combined effect."""
        if not any(r.bears for r in readings):
            return probs
        return ordinal_shift(probs, self.effects(readings).sum(1))

    def describe(self, reading: Reading) -> str:
        """What a reading's size corresponds to, in words."""
        if not reading.bears:
            return "moves nothing"
        size, _, _ = self.sizes(reading.target)
        share = {"strong": "10%", "plain": "25%", "slight": "40%"}[reading.strength]
        side = "strictest" if reading.direction > 0 else "most lenient"
        about = "overall" if reading.target == "global" else f"on {reading.label}"
        points = size.levels.get((reading.direction, reading.strength), 0.0)
        text = f"{points:+.2f} points: the {share} {side} raters {about} vs the median"
        if not size.sized_by_data:
            rel = "unknown" if np.isnan(size.reliability) else f"{size.reliability:.2f}"
            text += f"; shrunk: the data cannot size it (split-half reliability {rel})"
        return text


def reader_statements(texts: Sequence[str]) -> frozenset[str]:
    """Every statement of the written profiles ``texts``."""
    return frozenset(s for t in texts for s in split_statements(t))
