"""Optional LLM-written summaries of rationale clusters (mc-stl seed, appendix A.3).

Never required: the cluster summary table reads without them. The prompt is the seed's; the
backend is the app's optional OpenAI-compatible one (:mod:`engines.text.llm`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from engines.text.llm import LLMBackend

__all__ = ["summarise_clusters", "summary_prompt"]


def summary_prompt(rationales: Sequence[str], limit: int = 60) -> str:
    """The seed's appendix A.3 prompt for one cluster (its first ``limit`` distinct rationales)."""
    listed = "\n".join(f"- {r}" for r in list(dict.fromkeys(rationales))[:limit])
    head = "You are a helpful assistant.\nSummarize the core theme in given set of text items:"
    return f"{head}\n{listed}"


def summarise_clusters(
    rationales: Mapping[str, Sequence[str]],
    backend: LLMBackend,
    progress: Callable[[int, int, str], None] | None = None,
    max_tokens: int = 120,
) -> dict[str, str]:
    """Cluster name -> the backend's summary of its rationales (blank rationales left out).

    ``progress`` follows :class:`engines.core.Progress` (this module stays torch-free, so it
    does not import ``engines.core``).

    Raises:
        engines.text.llm.LLMError: When the backend fails (the caller reports it).
    """
    out = {}
    for k, (name, texts) in enumerate(rationales.items()):
        if progress is not None:
            progress(k, len(rationales), f"Summarising {name}")
        written = [t for t in texts if str(t).strip()]
        out[name] = backend.complete(summary_prompt(written), max_tokens).strip() if written else ""
    if progress is not None:
        progress(len(rationales), len(rationales), "Summaries written")
    return out
