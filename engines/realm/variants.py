"""The REALM variants and their names in tables (torch-free, for the analysis floor)."""

from __future__ import annotations

from typing import Literal

__all__ = ["VARIANTS", "VARIANT_NAMES", "Variant"]

Variant = Literal["realm", "noisy", "majority", "oracle"]
VARIANTS: tuple[Variant, ...] = ("realm", "noisy", "majority")
"""The variants trained on observed labels (``oracle`` needs a gold column)."""
VARIANT_NAMES: dict[str, str] = {
    "realm": "REALM",
    "noisy": "Noisy (CE on every label)",
    "majority": "Majority vote",
    "oracle": "Oracle (gold labels)",
}
"""How each variant is named in tables."""
