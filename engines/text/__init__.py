"""Text wing: text encoders, the on-disk embedding cache and the optional LLM backends."""
