"""Engines: data schema and validation, text encoders, torch models, training and persistence.

Never imports streamlit or plotly. Submodules are imported explicitly (``engines.data.schema``,
``engines.data.validation``...) so that heavy dependencies such as torch load only when needed.
"""
