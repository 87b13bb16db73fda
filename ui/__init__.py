"""The only non-page package that imports streamlit: state, caching, progress and widgets."""
