"""Data wing: the canonical schema, column mapping, importers, validation and splits.

Never imports torch: reading and validating a file stays fast.
"""
