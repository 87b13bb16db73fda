"""Optional LLM backends for writing natural-language value profiles of raters.

The default profile writer is offline; this module lets a user opt into an LLM instead. It
builds the value-profiles paper's encoder prompt (Figure A8) from a rater's ratings, sends it
to a backend and parses the bulleted completion. Two backends are provided:

* ``OpenAICompatibleBackend`` posts to ``{base_url}/chat/completions`` of any
  OpenAI-compatible server (vLLM, llama.cpp, Ollama, OpenAI...) using only ``urllib``.
* ``TransformersBackend`` runs a causal LM from a local directory with greedy decoding;
  ``transformers`` is imported lazily and nothing is ever downloaded.

Every failure is raised as ``LLMError`` with a message naming the endpoint or model and what
to check, so callers need to catch a single exception type.
"""

from __future__ import annotations

import http.client
import json
import math
import numbers
import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

API_KEY_ENV = "PERSPECTIVES_LLM_API_KEY"
DEFAULT_TASK = "Rate how offensive this text is."
MAX_TEXT_CHARS = 500
MAX_BULLETS = 12
BACKEND_KINDS = ("openai", "transformers")

ENCODER_PROMPT = (
    "You will be given a response or set of responses from a rater. Given this, output a "
    "bulleted list of values or beliefs that the rater may have. It is okay to be speculative "
    "as long as you are exhaustive. They should be general beliefs that could apply to other "
    "situations as well, instead of hyper-specific to the particulars of this question.\n\n"
    "{ratings}\n\n"
    "Rater values and beliefs:\n-"
)
"""Encoder prompt of the value-profiles paper (Figure A8); ``{ratings}`` is the ratings block."""

GenerateFn = Callable[[str, int], str]
"""A loaded local model: ``(prompt, max_new_tokens) -> completion`` (new text only)."""

_GENERATORS: dict[tuple[str, str], GenerateFn] = {}
"""Loaded ``TransformersBackend`` models, keyed by (resolved model path, device)."""


class LLMError(RuntimeError):
    """Any failure to get a usable completion from an LLM backend."""


@runtime_checkable
class LLMBackend(Protocol):
    """Anything that turns a prompt into a text completion."""

    @property
    def id(self) -> str:
        """A string identifying the model and where it runs."""
        ...

    def complete(self, prompt: str, max_tokens: int = 300) -> str:
        """Return the completion of ``prompt`` (at most ``max_tokens`` new tokens)."""
        ...


# --------------------------------------------------------------------------------------------
# OpenAI-compatible HTTP backend


def _excerpt(text: str, limit: int = 200) -> str:
    """Return ``text`` on one line, cut to ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _server_message(body: bytes) -> str:
    """Extract a readable message from an HTTP error body (OpenAI-style JSON or plain text)."""
    text = body.decode("utf-8", errors="replace")
    try:
        data = json.loads(text)
    except ValueError:
        return _excerpt(text)
    if isinstance(data, dict):
        err = data.get("error", data.get("detail", data.get("message")))
        if isinstance(err, dict) and isinstance(err.get("message"), str):
            return _excerpt(err["message"])
        if isinstance(err, str):
            return _excerpt(err)
    return _excerpt(text)


def _is_timeout(err: object) -> bool:
    """Whether ``err`` (or a URLError's reason) is a socket timeout."""
    return isinstance(err, TimeoutError) or (isinstance(err, str) and "timed out" in err.lower())


@dataclass(frozen=True)
class OpenAICompatibleBackend:
    """Chat-completions client for an OpenAI-compatible server, using only ``urllib``.

    Attributes:
        base_url: API root including the version, e.g. ``http://127.0.0.1:8000/v1``.
        model: Model name the server expects.
        api_key: Bearer token; ``None`` reads ``PERSPECTIVES_LLM_API_KEY`` at call time and an
            empty key sends no ``Authorization`` header.
        timeout_s: Socket timeout for connecting and for each read.
        temperature: Sampling temperature (0 for reproducible profiles).
    """

    base_url: str
    model: str
    api_key: str | None = field(default=None, repr=False)
    timeout_s: float = 60.0
    temperature: float = 0.0

    @property
    def id(self) -> str:
        """Backend id, e.g. ``openai:llama-3@http://127.0.0.1:8000/v1``."""
        return f"openai:{self.model}@{self.base_url}"

    @property
    def url(self) -> str:
        """The chat-completions endpoint."""
        return self.base_url.rstrip("/") + "/chat/completions"

    def _api_key(self) -> str | None:
        key = self.api_key if self.api_key is not None else os.environ.get(API_KEY_ENV)
        key = (key or "").strip()
        return key or None

    def _timeout_message(self, where: str) -> str:
        return (
            f"LLM request timed out: no response within timeout_s={self.timeout_s:g} s from "
            f"{where}. Check that the server is up and not overloaded, or raise timeout_s."
        )

    def complete(self, prompt: str, max_tokens: int = 300) -> str:
        """POST ``prompt`` as a single user message and return the completion text.

        Args:
            prompt: The full prompt.
            max_tokens: Maximum number of tokens to generate.

        Returns:
            The non-empty completion text.

        Raises:
            LLMError: On a bad URL, connection failure, timeout, HTTP status >= 400,
                malformed or unexpected JSON, or an empty completion.
        """
        url = self.url
        where = f"model {self.model!r} at {url}"
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise LLMError(
                f"Invalid LLM base URL {self.base_url!r}: expected something like "
                "'http://127.0.0.1:8000/v1'."
            )
        payload = {
            "model": self.model,
            "messages": [{"role": "user", "content": prompt}],
            "max_tokens": int(max_tokens),
            "temperature": float(self.temperature),
        }
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        key = self._api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        request = urllib.request.Request(
            url, data=json.dumps(payload).encode("utf-8"), headers=headers, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                body = response.read()
        except urllib.error.HTTPError as err:
            try:
                detail = _server_message(err.read() or b"")
            except (OSError, http.client.HTTPException):
                detail = ""
            hint = {
                401: " Check the API key (PERSPECTIVES_LLM_API_KEY).",
                403: " Check the API key (PERSPECTIVES_LLM_API_KEY).",
                404: " Check the base URL (it usually ends in /v1) and the model name.",
            }.get(err.code, " Check the server logs.")
            raise LLMError(
                f"LLM server returned HTTP {err.code} {err.reason} for {where}"
                + (f": {detail}." if detail else ".")
                + hint
            ) from err
        except urllib.error.URLError as err:
            if _is_timeout(err.reason):
                raise LLMError(self._timeout_message(where)) from err
            raise LLMError(
                f"Could not connect to the LLM server at {url} ({err.reason}). Check that the "
                "server is running and that base_url is correct."
            ) from err
        except TimeoutError as err:
            raise LLMError(self._timeout_message(where)) from err
        except (OSError, http.client.HTTPException, ValueError) as err:
            raise LLMError(
                f"LLM request to {url} failed ({type(err).__name__}: {err}). Check that the "
                "server at base_url speaks the OpenAI-compatible API."
            ) from err
        return self._parse(body, where)

    @staticmethod
    def _parse(body: bytes, where: str) -> str:
        """Extract the completion text from a response body."""
        try:
            data = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as err:
            raise LLMError(
                f"LLM server returned malformed JSON for {where}: "
                f"{_excerpt(body.decode('utf-8', errors='replace'))!r}. Check that base_url "
                "points at an OpenAI-compatible API."
            ) from err
        choices = data.get("choices") if isinstance(data, dict) else None
        if not isinstance(choices, list) or not choices or not isinstance(choices[0], dict):
            detail = _server_message(body) if isinstance(data, dict) and "error" in data else ""
            raise LLMError(
                f"Unexpected response from {where}: no 'choices' in the JSON"
                + (f" (server said: {detail})" if detail else f" ({_excerpt(str(data))!r})")
                + ". Check that base_url points at an OpenAI-compatible API."
            )
        first = choices[0]
        message = first.get("message")
        candidates = [
            message.get("content") if isinstance(message, dict) else None,
            first.get("text"),  # /completions-style servers
        ]
        strings = [c for c in candidates if isinstance(c, str)]
        if not strings:
            raise LLMError(
                f"Unexpected response from {where}: choices[0] has neither message.content nor "
                f"text ({_excerpt(json.dumps(first))!r})."
            )
        for content in strings:
            if content.strip():
                return content
        raise LLMError(
            f"LLM returned an empty completion for {where}. Check the model and max_tokens."
        )


# --------------------------------------------------------------------------------------------
# Local transformers backend


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


def make_backend(kind: str, **kwargs: Any) -> LLMBackend:
    """Build a backend by name.

    Args:
        kind: ``"openai"`` (OpenAI-compatible HTTP server) or ``"transformers"`` (local model).
        **kwargs: Fields of ``OpenAICompatibleBackend`` or ``TransformersBackend``.

    Returns:
        The backend.

    Raises:
        ValueError: If ``kind`` is unknown.
    """
    name = kind.strip().lower()
    if name == "openai":
        return OpenAICompatibleBackend(**kwargs)
    if name == "transformers":
        return TransformersBackend(**kwargs)
    raise ValueError(f"Unknown LLM backend {kind!r}; choose one of: {', '.join(BACKEND_KINDS)}.")


# --------------------------------------------------------------------------------------------
# Prompt and parsing


def _format_label(label: object) -> str | None:
    """Render a rating (``4.0`` -> ``4``); ``None`` for missing values."""
    if label is None:
        return None
    if isinstance(label, bool):
        return str(label)
    if isinstance(label, numbers.Integral):
        return str(int(label))
    if isinstance(label, numbers.Real):
        value = float(label)
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() else f"{value:g}"
    text = str(label).strip()
    return text or None


def format_fit_ratings(
    texts: Sequence[str], labels: Sequence[object], task: str = DEFAULT_TASK
) -> str:
    r"""Format a rater's ratings as the prompt's ratings block.

    Each example becomes ``Task: ...\nText: "..."\nRating: 4\n\n``. Whitespace in texts is
    collapsed, texts are cut to 500 characters, and examples with a missing label (``None``
    or NaN) are skipped.

    Args:
        texts: Rated texts.
        labels: The rater's label for each text.
        task: The instruction the rater was given.

    Returns:
        The ratings block.

    Raises:
        ValueError: If lengths differ or no example has a label.
    """
    if len(texts) != len(labels):
        raise ValueError(f"Got {len(texts)} texts but {len(labels)} labels.")
    task = " ".join(str(task).split())
    blocks = []
    for text, label in zip(texts, labels):
        rating = _format_label(label)
        if rating is None:
            continue
        flat = " ".join(str(text).split())
        if len(flat) > MAX_TEXT_CHARS:
            flat = flat[: MAX_TEXT_CHARS - 1].rstrip() + "…"
        blocks.append(f'Task: {task}\nText: "{flat}"\nRating: {rating}\n\n')
    if not blocks:
        raise ValueError("No rated examples to describe (every label is missing).")
    return "".join(blocks)


def encoder_prompt(texts: Sequence[str], labels: Sequence[object], task: str = DEFAULT_TASK) -> str:
    r"""Build the Figure A8 encoder prompt for one rater.

    Args:
        texts: Rated texts.
        labels: The rater's label for each text.
        task: The instruction the rater was given.

    Returns:
        The prompt, ending with ``"Rater values and beliefs:\n-"``.
    """
    ratings = format_fit_ratings(texts, labels, task).rstrip("\n")
    return ENCODER_PROMPT.format(ratings=ratings)


_BULLET = re.compile(r"^\s*(?:(?:[-*•‣▪●◦–—+]+\s*)+|\d{1,3}[.)]\s+)")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def parse_bullets(completion: str) -> list[str]:
    """Parse the completion of ``ENCODER_PROMPT`` into at most 12 value statements.

    The prompt ends with ``-``, so the first line is a bullet without its dash. ``-``, ``*``,
    ``•`` and ``1.`` bullets are accepted and ``**bold**`` is unwrapped; unbulleted header
    lines ending in ``:`` are dropped, as are empty items and case-insensitive duplicates
    (first occurrence kept).

    Args:
        completion: Raw completion text.

    Returns:
        The bullet texts, in order.
    """
    items: list[str] = []
    seen: set[str] = set()
    for line in completion.splitlines():
        unbolded = _BOLD.sub(r"\1", line)
        item = _BULLET.sub("", unbolded, count=1).strip()
        is_header = item == unbolded.strip() and item.endswith(":")
        if not item or is_header:
            continue
        key = " ".join(item.casefold().split())
        if key in seen:
            continue
        seen.add(key)
        items.append(item)
        if len(items) == MAX_BULLETS:
            break
    return items


def write_profile_llm(
    backend: LLMBackend,
    texts: Sequence[str],
    labels: Sequence[object],
    task: str = DEFAULT_TASK,
    max_tokens: int = 300,
) -> str:
    r"""Write a rater's value profile with an LLM.

    Args:
        backend: The LLM backend.
        texts: Texts the rater labelled.
        labels: The rater's labels.
        task: The instruction the rater was given.
        max_tokens: Maximum tokens to generate.

    Returns:
        The profile as ``"- a\n- b"`` bullets.

    Raises:
        LLMError: If the backend fails or no bullet can be parsed from its completion.
    """
    completion = backend.complete(encoder_prompt(texts, labels, task), max_tokens=max_tokens)
    bullets = parse_bullets(completion)
    if not bullets:
        raise LLMError(
            f"Could not parse any bullet points from the completion of {backend.id}: "
            f"{completion[:200]!r}."
        )
    return "\n".join(f"- {b}" for b in bullets)
