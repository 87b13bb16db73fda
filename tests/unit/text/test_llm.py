"""LLM backends against a real local HTTP stub server (no real LLM is loaded).

The profile writer on top of them (engines.profiles.llm_writer) is used end to end here;
its prompt and parsing alone are tested in tests/unit/profiles/test_llm_writer.py.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from engines.profiles.llm_writer import format_fit_ratings, write_profile_llm
from engines.text import llm, llm_local
from engines.text.llm import (
    LLMBackend,
    LLMError,
    OpenAICompatibleBackend,
    make_backend,
)
from engines.text.llm_local import TransformersBackend

pytestmark = pytest.mark.timeout(10)

TEXTS = ["You people are all idiots.", "What a lovely morning."]
LABELS = [4, 0]


def _chat_body(content: str) -> bytes:
    return json.dumps(
        {"id": "x", "object": "chat.completion", "choices": [{"message": {"content": content}}]}
    ).encode()


@dataclass
class Stub:
    """What the stub server returns and what it received."""

    base_url: str = ""
    status: int = 200
    body: bytes = field(default_factory=lambda: _chat_body("Values honesty\n- Dislikes insults"))
    delay_s: float = 0.0
    location: str | None = None
    requests: list[dict[str, Any]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)


@pytest.fixture
def stub(monkeypatch: pytest.MonkeyPatch) -> Iterator[Stub]:
    monkeypatch.delenv(llm.API_KEY_ENV, raising=False)
    state = Stub()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            state.requests.append(
                {"path": self.path, "headers": dict(self.headers.items()), "body": json.loads(raw)}
            )
            if state.delay_s:
                state.release.wait(state.delay_s)
            try:
                self.send_response(state.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(state.body)))
                if state.location:
                    self.send_header("Location", state.location)
                self.end_headers()
                self.wfile.write(state.body)
            except OSError:
                pass  # the client gave up (timeout test)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.base_url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _backend(stub: Stub, **kwargs: Any) -> OpenAICompatibleBackend:
    return OpenAICompatibleBackend(base_url=stub.base_url, model="test-model", **kwargs)


# ---------------------------------------------------------------------------- success path


def test_write_profile_llm_posts_prompt_and_returns_bullets(stub: Stub) -> None:
    backend = _backend(stub)
    profile = write_profile_llm(backend, TEXTS, LABELS)

    assert profile == "- Values honesty\n- Dislikes insults"
    assert len(stub.requests) == 1
    req = stub.requests[0]
    assert req["path"] == "/v1/chat/completions"
    body = req["body"]
    assert body["model"] == "test-model"
    assert body["max_tokens"] == 300
    assert body["temperature"] == 0.0
    assert [m["role"] for m in body["messages"]] == ["user"]
    prompt = body["messages"][0]["content"]
    assert "Rater values and beliefs:" in prompt
    assert prompt.endswith("Rater values and beliefs:\n-")
    assert format_fit_ratings(TEXTS, LABELS).rstrip("\n") in prompt
    assert 'Text: "You people are all idiots."\nRating: 4' in prompt


def test_authorization_header_sent_only_with_api_key(stub: Stub) -> None:
    _backend(stub).complete("hi")
    _backend(stub, api_key="sk-secret").complete("hi")

    first, second = (r["headers"] for r in stub.requests)
    assert "Authorization" not in first
    assert second["Authorization"] == "Bearer sk-secret"


def test_operator_key_goes_to_operator_endpoints_only(
    stub: Stub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue #11.13: a URL a page user typed never receives PERSPECTIVES_LLM_API_KEY."""
    monkeypatch.setenv(llm.API_KEY_ENV, "sk-from-env")
    monkeypatch.delenv(llm.ENDPOINTS_ENV, raising=False)
    _backend(stub).complete("hi")  # typed: not an operator endpoint
    assert "Authorization" not in stub.requests[0]["headers"]
    monkeypatch.setenv(llm.ENDPOINTS_ENV, f"http://other:1/v1, {stub.base_url}/")
    _backend(stub).complete("hi")
    assert stub.requests[1]["headers"]["Authorization"] == "Bearer sk-from-env"
    _backend(stub, api_key="sk-typed").complete("hi")  # a typed key is the key sent
    assert stub.requests[2]["headers"]["Authorization"] == "Bearer sk-typed"
    assert "sk-from-env" not in repr(_backend(stub))


def test_redirects_are_refused_so_the_key_never_follows(
    stub: Stub, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An operator endpoint that redirects elsewhere gets an error, not a forwarded header."""
    monkeypatch.setenv(llm.API_KEY_ENV, "sk-from-env")
    monkeypatch.setenv(llm.ENDPOINTS_ENV, stub.base_url)
    stub.status = 307
    stub.body = b"{}"
    stub.location = stub.base_url.replace("/v1", "/elsewhere/v1")  # would be followed by urllib
    with pytest.raises(LLMError, match="307"):
        _backend(stub).complete("hi")
    assert len(stub.requests) == 1


def test_completions_style_text_fallback(stub: Stub) -> None:
    stub.body = json.dumps({"choices": [{"text": " Cares about fairness"}]}).encode()
    assert _backend(stub).complete("hi", max_tokens=7) == " Cares about fairness"
    assert stub.requests[0]["body"]["max_tokens"] == 7


def test_backend_id_and_protocol(stub: Stub) -> None:
    backend = make_backend("openai", base_url=stub.base_url, model="m")
    assert isinstance(backend, OpenAICompatibleBackend)
    assert isinstance(backend, LLMBackend)
    assert backend.id == f"openai:m@{stub.base_url}"
    local = make_backend("Transformers", model_path="/nowhere")
    assert isinstance(local, TransformersBackend)
    assert local.id == "transformers:/nowhere@cpu"


# ---------------------------------------------------------------------------- failures


def test_http_500_raises_llm_error_with_server_message(stub: Stub) -> None:
    stub.status = 500
    stub.body = json.dumps({"error": {"message": "CUDA out of memory"}}).encode()
    with pytest.raises(LLMError) as info:
        _backend(stub).complete("hi")
    message = str(info.value)
    assert "500" in message
    assert "CUDA out of memory" in message
    assert "test-model" in message


def test_http_error_with_plain_text_body(stub: Stub) -> None:
    stub.status = 404
    stub.body = b"Not Found: no such route"
    with pytest.raises(LLMError, match=r"404.*Not Found: no such route.*base URL"):
        _backend(stub).complete("hi")


def test_timeout_raises_llm_error(stub: Stub) -> None:
    stub.delay_s = 3.0
    start = time.monotonic()
    with pytest.raises(LLMError, match="timed out") as info:
        _backend(stub, timeout_s=0.5).complete("hi")
    assert time.monotonic() - start < 2.5
    assert "timeout_s=0.5" in str(info.value)
    assert stub.base_url in str(info.value)


def test_malformed_json_raises_llm_error(stub: Stub) -> None:
    stub.body = b"<html>not json</html>"
    with pytest.raises(LLMError, match="malformed JSON") as info:
        _backend(stub).complete("hi")
    assert "not json" in str(info.value)
    assert not isinstance(info.value.__cause__, LLMError)


def test_json_without_choices_raises_llm_error(stub: Stub) -> None:
    stub.body = json.dumps({"object": "list", "data": []}).encode()
    with pytest.raises(LLMError, match="no 'choices'"):
        _backend(stub).complete("hi")


@pytest.mark.parametrize(
    "payload",
    [
        {"choices": []},
        {"choices": ["oops"]},
        {"choices": [{"message": {"role": "assistant"}}]},
        [1, 2, 3],
    ],
)
def test_unexpected_shapes_raise_llm_error(stub: Stub, payload: object) -> None:
    stub.body = json.dumps(payload).encode()
    with pytest.raises(LLMError, match="Unexpected response"):
        _backend(stub).complete("hi")


def test_empty_completion_raises_llm_error(stub: Stub) -> None:
    stub.body = _chat_body("   \n")
    with pytest.raises(LLMError, match="empty completion"):
        _backend(stub).complete("hi")


def test_unparseable_completion_raises_llm_error_quoting_it(stub: Stub) -> None:
    stub.body = _chat_body("Here are the values:\n\n")
    with pytest.raises(LLMError, match="Could not parse any bullet") as info:
        write_profile_llm(_backend(stub), TEXTS, LABELS)
    assert "Here are the values:" in str(info.value)


def test_connection_refused_raises_llm_error_naming_url() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    base_url = f"http://127.0.0.1:{port}/v1"
    with pytest.raises(LLMError, match="Could not connect") as info:
        OpenAICompatibleBackend(base_url=base_url, model="m", timeout_s=2.0).complete("hi")
    assert f"{base_url}/chat/completions" in str(info.value)


def test_invalid_base_url_raises_llm_error() -> None:
    with pytest.raises(LLMError, match="Invalid LLM base URL"):
        OpenAICompatibleBackend(base_url="file:///etc", model="m").complete("hi")


# ---------------------------------------------------------------------------- transformers


def test_transformers_missing_path_raises_llm_error(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(LLMError, match="does not exist") as info:
        TransformersBackend(model_path=str(missing)).complete("hi")
    assert str(missing) in str(info.value)


def test_transformers_backend_uses_cached_loader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loads: list[tuple[str, str]] = []
    calls: list[tuple[str, int]] = []

    def fake_loader(model_path: str, device: str) -> llm_local.GenerateFn:
        loads.append((model_path, device))

        def generate(prompt: str, max_new_tokens: int) -> str:
            calls.append((prompt, max_new_tokens))
            return " Values kindness\n- Values kindness\n* Distrusts authority"

        return generate

    monkeypatch.setattr(llm_local, "_load_generator", fake_loader)
    monkeypatch.setattr(llm_local, "_GENERATORS", {})
    backend = TransformersBackend(model_path=str(tmp_path), max_new_tokens=50)

    assert write_profile_llm(backend, TEXTS, LABELS) == "- Values kindness\n- Distrusts authority"
    backend.complete("again", max_tokens=10)
    TransformersBackend(model_path=str(tmp_path), max_new_tokens=50).complete("third")

    assert loads == [(str(tmp_path.resolve()), "cpu")]
    assert calls[0][0].endswith("Rater values and beliefs:\n-")
    assert [n for _, n in calls] == [50, 10, 50]


def test_transformers_loader_failure_becomes_llm_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_loader(model_path: str, device: str) -> llm_local.GenerateFn:
        raise OSError("no config.json in directory")

    monkeypatch.setattr(llm_local, "_load_generator", broken_loader)
    monkeypatch.setattr(llm_local, "_GENERATORS", {})
    with pytest.raises(LLMError, match="no config.json") as info:
        TransformersBackend(model_path=str(tmp_path)).complete("hi")
    assert str(tmp_path) in str(info.value)


def test_make_backend_unknown_kind_lists_options() -> None:
    with pytest.raises(ValueError, match="openai, transformers") as info:
        make_backend("anthropic-magic")
    assert "anthropic-magic" in str(info.value)
