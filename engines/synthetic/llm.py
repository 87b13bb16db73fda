"""The LLM generator: a persona plan annotated through the optional LLM backend.

Only an endpoint the operator configured (or a local model folder) is ever called (see
:mod:`engines.text.llm`). Every planned row gets one reply per temperature of the sweep; replies
that cannot be read keep their row with no label and the reason (:func:`generate_with_llm`
returns them, and the caller counts them).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from engines.core import Progress, report
from engines.data.schema import ANNOTATOR_ID, IS_SYNTHETIC, ITEM_ID, LABEL, AnnotationDataset
from engines.synthetic.personas import Strategy, plan_annotations
from engines.synthetic.prompts import Granularity, build_prompt, parse_reply, persona_text
from engines.synthetic.workflow import SyntheticRunConfig, attributes_of, split_rows
from engines.text.llm import LLMBackend

__all__ = ["at_temperature", "by_temperature", "generate_with_llm", "llm_synthetic", "reply_counts"]


def at_temperature(backend: LLMBackend, temperature: float) -> LLMBackend:
    """A copy of ``backend`` sampling at ``temperature``.

    Raises:
        ValueError: The backend has no temperature setting.
    """
    if not dataclasses.is_dataclass(backend) or not hasattr(backend, "temperature"):
        raise ValueError(f"{backend.id} has no temperature to sweep; use a single temperature.")
    return dataclasses.replace(backend, temperature=float(temperature))  # type: ignore[type-var]


def generate_with_llm(
    backend: LLMBackend,
    plan: pd.DataFrame,
    texts: Mapping[str, str],
    task: str,
    classes: Sequence[object],
    attributes: Sequence[str],
    granularity: Granularity = "strong",
    temperatures: Sequence[float] | None = None,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Ask the LLM for every planned (item, persona) row at every temperature.

    Args:
        backend: The configured LLM backend.
        plan: ``item_id, persona_id, annotator_id`` + attributes (see
            :func:`~engines.synthetic.personas.plan_annotations`).
        texts: Item id -> text.
        task: ``offensiveness``, ``politeness``, ``toxicity`` (the seed's prompts) or any other
            task name (a generic prompt over ``classes``).
        classes: The dataset's labels.
        attributes: The demographic columns of a persona.
        granularity: ``strong`` (the individual) or ``weak`` (one group, the attributes taken
            in turn).
        temperatures: The sweep (None: the backend's own temperature only).
        progress: Told ``(done, total, "LLM personas: ...")``.

    Returns:
        ``plan`` rows (once per temperature) with ``label`` (NaN when unreadable),
        ``explanation``, ``problem`` ("" when well formed), ``temperature`` and ``granularity``.
    """
    sweep = [None] if temperatures is None else list(temperatures)
    total = len(plan) * len(sweep)
    frames = []
    for t in sweep:
        model = backend if t is None else at_temperature(backend, t)
        rows = []
        for k, (_, row) in enumerate(plan.iterrows()):
            focus = attributes[k % len(attributes)] if attributes else None
            who = persona_text(row, attributes, granularity, focus)
            reply = parse_reply(model.complete(build_prompt(task, who, texts[str(row[ITEM_ID])],
                                                            classes)), classes)  # fmt: skip
            rows.append((reply.rating, reply.explanation, reply.problem))
            done = len(frames) * len(plan) + k + 1
            if done % 10 == 0 or done == total:
                report(progress, done, total, f"LLM personas: {done} of {total} replies")
        got = pd.DataFrame(rows, columns=[LABEL, "explanation", "problem"], index=plan.index)
        temperature = getattr(model, "temperature", np.nan)
        frames.append(plan.join(got).assign(temperature=temperature, granularity=granularity))
    return pd.concat(frames, ignore_index=True)


def llm_synthetic(
    ds: AnnotationDataset,
    backend: LLMBackend,
    task: str,
    cfg: SyntheticRunConfig | None = None,
    strategy: Strategy = "1x",
    granularity: Granularity = "strong",
    temperatures: Sequence[float] | None = None,
    limit: int = 200,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """LLM persona annotations of training items: a strategy's plan, capped at ``limit`` rows.

    Raises:
        ValueError: The dataset lacks texts or demographic columns, or ``limit < 1``.
    """
    from engines.data.schema import TEXT

    if limit < 1:
        raise ValueError(f"limit must be at least 1, got {limit}")
    cfg = cfg or SyntheticRunConfig()
    attrs = attributes_of(ds, cfg)
    if TEXT not in ds.df.columns:
        raise ValueError("LLM personas need the item texts (a text column).")
    train = split_rows(ds, cfg)[0]
    annotators = train.drop_duplicates(ANNOTATOR_ID)[[ANNOTATOR_ID, *attrs]]
    plan = plan_annotations(train, annotators, attrs, strategy, cfg.seed, cfg.n_clusters,
                            cfg.n_representatives)  # fmt: skip
    if len(plan) > limit:
        plan = plan.sample(limit, random_state=cfg.seed).sort_index()
    texts = ds.items().set_index(ITEM_ID)[TEXT]
    texts.index = texts.index.astype(str)
    out = generate_with_llm(backend, plan, texts.to_dict(), task, list(ds.scale.classes), attrs,
                            granularity, temperatures, progress)  # fmt: skip
    return out.assign(**{IS_SYNTHETIC: 1})


def by_temperature(replies: pd.DataFrame, name: str) -> dict[str, pd.DataFrame]:
    """One synthetic set per temperature of a sweep (``"<name> T=0.8"``; one set: ``name``).

    A persona asked the same item at several temperatures would otherwise count as several
    annotators agreeing with themselves in the audit.
    """
    temps = replies["temperature"].drop_duplicates().tolist()
    if len(temps) <= 1:
        return {name: replies}
    return {f"{name} T={t:g}": replies[replies["temperature"] == t].reset_index(drop=True)
            for t in temps}  # fmt: skip


def reply_counts(replies: pd.DataFrame) -> pd.DataFrame:
    """``reply, n``: how many replies were read and why the others were not."""
    problem = replies["problem"].replace("", "read")
    return problem.value_counts().rename_axis("reply").reset_index(name="n")
