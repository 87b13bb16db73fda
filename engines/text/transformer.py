"""Local transformers for fine-tuning: the model folder, offline loading and mean pooling.

Shared by the wings that fine-tune an encoder (the value-profile cross-encoder, REALM's
fine-tuned item classifier). Nothing is downloaded: ``DEFAULT_MODEL`` is the bundled
all-MiniLM-L6-v2, anything else must be a local folder. Imports torch and transformers only
when called.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engines.text.encoders import DEFAULT_MODEL, bundled_model_path

if TYPE_CHECKING:
    from torch import Tensor, nn

__all__ = ["load_transformer", "model_folder", "offline", "pool"]


def offline() -> None:
    """Keep Hugging Face libraries from reaching the network (models are local folders)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")


def model_folder(model: str = DEFAULT_MODEL) -> Path:
    """The local folder of ``model`` (the bundled MiniLM for ``DEFAULT_MODEL``).

    Raises:
        FileNotFoundError: The folder does not exist (nothing is downloaded).
    """
    path = bundled_model_path() if model == DEFAULT_MODEL else Path(model)
    if not path.exists():
        raise FileNotFoundError(
            f"Model directory {path} does not exist; give a local transformers folder "
            "(nothing is downloaded)."
        )
    return path


def load_transformer(model: str = DEFAULT_MODEL) -> tuple[Any, nn.Module]:
    """``(fast tokenizer, encoder)`` of a local transformers model, offline."""
    path = str(model_folder(model))
    offline()
    from transformers import AutoModel, AutoTokenizer

    return (
        AutoTokenizer.from_pretrained(path, local_files_only=True),
        AutoModel.from_pretrained(path, local_files_only=True),
    )


def pool(states: Tensor, mask: Tensor) -> Tensor:
    """Mean of the token states under ``mask`` (zero vector for an empty mask).

    Shapes: ``states [B, T, d]``, ``mask [B, T]`` -> ``[B, d]``.
    """
    w = mask.unsqueeze(-1).to(states.dtype)
    return (states * w).sum(1) / w.sum(1).clamp(min=1.0)
