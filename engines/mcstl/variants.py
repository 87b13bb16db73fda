"""The MC-STL variants and their names in tables (torch-free, for the analysis floor)."""

from __future__ import annotations

from typing import Literal

__all__ = ["VARIANTS", "VARIANT_NAMES", "Variant"]

Variant = Literal["mcstl", "no_info", "majority"]
VARIANTS: tuple[Variant, ...] = ("mcstl", "no_info", "majority")
VARIANT_NAMES: dict[str, str] = {
    "mcstl": "MC-STL",
    "no_info": "∅ (no clusters)",
    "majority": "Maj(Y)",
}
"""How each variant is named in tables (the rows of the seed's Table 1)."""
