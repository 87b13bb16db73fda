"""The only non-page package that imports streamlit: the pages' one door to the engines.

* ``state``: session-state keys, per-session results with run tokens, derived values.
* ``cache``: every ``st.cache_data`` / ``st.cache_resource`` in the app.
* ``progress``: a progress bar implementing ``engines.core.Progress``.
* ``widgets``, ``decoder_form``, ``downloads``: reusable widgets.
* ``data``, ``moe``, ``profiles``, ``profile_tables``: one wrapper module per wing, which
  build engine configs from form values, run engines with progress and keep their results.
"""
