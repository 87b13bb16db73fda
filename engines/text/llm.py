"""Optional LLM backends: a prompt in, a text completion out.

The default profile writer is offline; these let a user opt into an LLM instead (the prompt
and its parsing are :mod:`engines.profiles.llm_writer`). Two backends are provided:

* ``OpenAICompatibleBackend`` posts to ``{base_url}/chat/completions`` of any
  OpenAI-compatible server (vLLM, llama.cpp, Ollama, OpenAI...) using only ``urllib``.
* ``TransformersBackend`` (in :mod:`engines.text.llm_local`) runs a causal LM from a local
  directory with greedy decoding; ``transformers`` is imported lazily and nothing is ever
  downloaded.

Every failure is raised as ``LLMError`` with a message naming the endpoint or model and what
to check, so callers need to catch a single exception type.
"""

from __future__ import annotations

import http.client
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

__all__ = [
    "ENDPOINTS_ENV",
    "operator_endpoints",
    "API_KEY_ENV",
    "BACKEND_KINDS",
    "LLMBackend",
    "LLMError",
    "OpenAICompatibleBackend",
    "make_backend",
]

API_KEY_ENV = "PERSPECTIVES_LLM_API_KEY"
ENDPOINTS_ENV = "PERSPECTIVES_LLM_ENDPOINTS"
"""Comma-separated base URLs the operator configured: the only ones that get the operator's key."""


def operator_endpoints() -> tuple[str, ...]:
    """The operator's LLM base URLs (``PERSPECTIVES_LLM_ENDPOINTS``), without trailing ``/``."""
    raw = os.environ.get(ENDPOINTS_ENV, "")
    return tuple(u.strip().rstrip("/") for u in raw.split(",") if u.strip())


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Refuse redirects: a request (and its Authorization header) goes where it was sent."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: ANN001, D102
        raise urllib.error.HTTPError(
            req.full_url, code, f"redirect to {newurl} refused", headers, fp
        )


_OPENER = urllib.request.build_opener(_NoRedirects)
BACKEND_KINDS = ("openai", "transformers")


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
        api_key: Bearer token typed by the user for this endpoint; ``None`` uses the
            operator's ``PERSPECTIVES_LLM_API_KEY``, but only when ``base_url`` is one of the
            operator's endpoints (``PERSPECTIVES_LLM_ENDPOINTS``): the operator's key never goes
            to a URL a page user typed. An empty key sends no ``Authorization`` header.
            Redirects are refused, so the header never follows one.
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
        if self.api_key is not None:
            key = self.api_key
        elif self.base_url.strip().rstrip("/") in operator_endpoints():
            key = os.environ.get(API_KEY_ENV)
        else:
            key = None
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
            with _OPENER.open(request, timeout=self.timeout_s) as response:
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
        from engines.text.llm_local import TransformersBackend

        return TransformersBackend(**kwargs)
    raise ValueError(f"Unknown LLM backend {kind!r}; choose one of: {', '.join(BACKEND_KINDS)}.")
