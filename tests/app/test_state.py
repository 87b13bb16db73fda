"""ui.state: per-session results carry run tokens; derived values are computed once per run."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from ui.state import derived, result_token, session_result, store_result

    calls: list[str] = []

    def compute(value: dict) -> str:
        calls.append(value["name"])
        return value["name"].upper()

    first = {"name": "first"}
    t1 = store_result("res", "fp", first)
    a = derived("res", "fp", "report", 5, compute)
    b = derived("res", "fp", "report", 5, compute)  # memoised: no second call
    c = derived("res", "fp", "report", 10, compute)  # other parameters: computed
    # A retrained result that is equal in every way gets a new token and fresh derived values.
    t2 = store_result("res", "fp", {"name": "first"})
    d = derived("res", "fp", "report", 5, compute)
    st.session_state["out"] = {
        "tokens": (t1, t2, result_token("res", "fp")),
        "values": (a, b, c, d),
        "calls": calls,
        "other_dataset": session_result("res", "other-fp"),
        "missing": derived("nothing", "fp", "report", 5, compute),
    }


def test_results_get_fresh_tokens_and_derived_values_are_memoised_per_token() -> None:
    at = AppTest.from_function(_script)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    out = at.session_state["out"]
    t1, t2, current = out["tokens"]
    assert t1 != t2 and current == t2
    assert out["values"] == ("FIRST", "FIRST", "FIRST", "FIRST")
    assert out["calls"] == ["first", "first", "first"]  # (5), (10), then (5) for the new run
    assert out["other_dataset"] is None
    assert out["missing"] is None
