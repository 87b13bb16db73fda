"""Benchmarks: speed and quality on real data, printed as JSON (never timed unit tests)."""
