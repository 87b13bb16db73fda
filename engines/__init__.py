"""Engines: the methods themselves, one wing per method on top of three shared floors.

* ``engines.data``: schema, column mapping, importers, validation, splits, subgroups.
* ``engines.text``: text encoders, the embedding cache, the route to item embeddings, LLMs.
* ``engines.core``: the one training loop and its config, progress protocol, persistence.
* ``engines.moe``: DEM-MoE (dem-moe seed), its baselines, the comparison and the search.
* ``engines.profiles``: value profiles (value-profiles seed): writers, decoders, workflows.

Never imports streamlit, plotly or ``analysis`` (not even inside a function). Heavy libraries
(torch, sentence-transformers, optuna) load only with the wings that need them.
"""
