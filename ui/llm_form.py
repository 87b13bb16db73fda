"""The LLM endpoint widget: operator-configured endpoints, or a typed URL with its own key.

The operator configures endpoints in the environment (``PERSPECTIVES_LLM_ENDPOINTS``, key in
``PERSPECTIVES_LLM_API_KEY``) or in ``.streamlit/secrets.toml``::

    [llm]
    endpoints = ["http://127.0.0.1:8000/v1"]
    api_key = "..."

The operator's key goes only to those endpoints; a URL a page user types is used only with a
key typed in the same session (:class:`engines.text.llm.OpenAICompatibleBackend`).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from engines.text.llm import operator_endpoints
from ui.profiles import LLMSettings

__all__ = ["PROFILE_SENT", "TYPED", "llm_endpoint_choice", "llm_settings", "secret_endpoints"]

TYPED = "Type a URL (with its own key)"


def secret_endpoints() -> tuple[list[str], str | None]:
    """Endpoints and key from ``[llm]`` in ``.streamlit/secrets.toml`` (none without it)."""
    try:
        section: Any = st.secrets.get("llm", {})
    except Exception:  # no secrets file: streamlit raises on access
        return [], None
    urls = [str(u).strip().rstrip("/") for u in section.get("endpoints", []) if str(u).strip()]
    key = section.get("api_key")
    return urls, (str(key) if key else None)


PROFILE_SENT = (
    "With the LLM source, each rater's rated texts and their ratings are sent to this "
    "endpoint (the paper's encoder prompt) to write the rater's profile; nothing is sent "
    "otherwise."
)


def llm_endpoint_choice(sent: str = PROFILE_SENT) -> tuple[str, str | None]:
    """The chosen base URL and the key to send with it (None: the operator's, server-side).

    ``sent`` tells the reader what goes to the endpoint.
    """
    secret_urls, secret_key = secret_endpoints()
    options = [*operator_endpoints(), *secret_urls, TYPED]
    choice = st.selectbox(
        "LLM endpoint",
        options,
        key="vp_llm_endpoint",
        help="Endpoints the operator configured (PERSPECTIVES_LLM_ENDPOINTS or "
        "[llm] endpoints in .streamlit/secrets.toml), or a URL you type with your own key.",
    )
    st.caption(sent)
    if choice in secret_urls:
        return choice, secret_key
    if choice != TYPED:
        return choice, None
    c1, c2 = st.columns(2)
    url = c1.text_input(
        "LLM base URL", "", key="vp_llm_url", placeholder="http://127.0.0.1:8000/v1"
    )
    key = c2.text_input(
        "API key for this URL",
        "",
        type="password",
        key="vp_llm_key",
        help="Required: the operator's key is only ever sent to the operator's endpoints.",
    )
    return url.strip(), key


def llm_settings(
    sent: str = PROFILE_SENT, task: str = "Rate how offensive this text is."
) -> LLMSettings:
    """The LLM source's fields: endpoint (and key), model, timeout and task description."""
    url, key = llm_endpoint_choice(sent)
    c1, c2 = st.columns(2)
    model = c1.text_input("LLM model", "", key="vp_llm_model")
    timeout = c2.number_input("LLM timeout (s)", 1, 600, 60, key="vp_llm_timeout")
    task = st.text_input("Task description (LLM prompt)", task, key="vp_task")
    return LLMSettings(url, model, float(timeout), task, key)
