"""A local causal LM as an LLM backend (``transformers``, greedy decoding, no downloads).

``transformers`` and ``torch`` are imported only when a model is first used; loaded models are
kept per (model path, device) for the process.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from engines.text.llm import LLMError, _excerpt

__all__ = ["GenerateFn", "TransformersBackend"]

GenerateFn = Callable[[str, int], str]
"""A loaded local model: ``(prompt, max_new_tokens) -> completion`` (new text only)."""

_GENERATORS: dict[tuple[str, str], GenerateFn] = {}
"""Loaded ``TransformersBackend`` models, keyed by (resolved model path, device)."""


def _load_generator(model_path: str, device: str) -> GenerateFn:
    """Load a local causal LM and return a greedy ``(prompt, max_new_tokens) -> text`` function.

    Args:
        model_path: Existing local model directory (never downloaded).
        device: Torch device, e.g. ``cpu`` or ``cuda``.

    Returns:
        A function returning only the newly generated text.
    """
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_path, local_files_only=True)
    model = AutoModelForCausalLM.from_pretrained(model_path, local_files_only=True)
    model.to(device)
    model.eval()
    pad_id = tokenizer.pad_token_id
    if pad_id is None:
        pad_id = tokenizer.eos_token_id

    def generate(prompt: str, max_new_tokens: int) -> str:
        inputs = tokenizer(prompt, return_tensors="pt").to(device)
        with torch.inference_mode():
            out = model.generate(
                **inputs,
                max_new_tokens=max_new_tokens,
                do_sample=False,
                pad_token_id=pad_id,
            )
        new_tokens = out[0, inputs["input_ids"].shape[1] :]
        return str(tokenizer.decode(new_tokens, skip_special_tokens=True))

    return generate


@dataclass(frozen=True)
class TransformersBackend:
    """A local causal LM run with ``transformers`` (greedy decoding, no downloads).

    The model is loaded on first use and cached per (model path, device) for the process.

    Attributes:
        model_path: Local model directory (config, tokenizer and weights).
        max_new_tokens: Upper bound on generated tokens, whatever ``max_tokens`` asks.
        device: Torch device, ``cpu`` by default.
    """

    model_path: str
    max_new_tokens: int = 300
    device: str = "cpu"

    @property
    def id(self) -> str:
        """Backend id, e.g. ``transformers:/models/qwen@cpu``."""
        return f"transformers:{self.model_path}@{self.device}"

    def _generator(self) -> GenerateFn:
        path = Path(self.model_path).expanduser()
        if not path.is_dir():
            raise LLMError(
                f"Local LLM model directory {self.model_path!r} does not exist. Point "
                "model_path at a downloaded model folder (models are never downloaded here)."
            )
        key = (str(path.resolve()), self.device)
        if key not in _GENERATORS:
            try:
                _GENERATORS[key] = _load_generator(key[0], self.device)
            except ImportError as err:
                raise LLMError(
                    f"Cannot load local LLM {self.model_path!r}: transformers/torch is not "
                    f"installed ({err})."
                ) from err
            except Exception as err:  # any loader failure, reported uniformly
                raise LLMError(
                    f"Could not load local LLM from {self.model_path!r} on {self.device!r} "
                    f"({type(err).__name__}: {_excerpt(str(err))}). Check that the folder holds "
                    "a causal language model with its tokenizer."
                ) from err
        return _GENERATORS[key]

    def complete(self, prompt: str, max_tokens: int = 300) -> str:
        """Greedily continue ``prompt`` and return only the new text.

        Args:
            prompt: The full prompt.
            max_tokens: Maximum number of new tokens (capped at ``max_new_tokens``).

        Returns:
            The non-empty completion text.

        Raises:
            LLMError: If the model is missing, fails to load or generate, or returns nothing.
        """
        generate = self._generator()
        try:
            text = generate(prompt, max(1, min(int(max_tokens), self.max_new_tokens)))
        except Exception as err:  # any generation failure
            raise LLMError(
                f"Local LLM {self.model_path!r} failed to generate "
                f"({type(err).__name__}: {_excerpt(str(err))})."
            ) from err
        if not isinstance(text, str) or not text.strip():
            raise LLMError(
                f"Local LLM {self.model_path!r} returned an empty completion. Check the model "
                "and max_new_tokens."
            )
        return text
