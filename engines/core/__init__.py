"""Core wing: the one training loop, its configuration, progress protocol and persistence."""
