"""Lazy re-exports for wing packages (PEP 562), so importing a wing stays light.

A wing's ``__init__`` lists each public name's home module; the name is imported from there
on first use. ``import engines.moe`` then loads neither torch nor optuna, which lets the
analysis floor use a torch-free module of a wing (e.g. ``engines.moe.usage``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping, Sequence
from importlib import import_module
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, homes: Mapping[str, str], exported: Sequence[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``, importing ``name`` from ``homes[name]``.

    Args:
        package: The package's ``__name__``.
        homes: Public name -> module of the package that defines it (without the package).
        exported: The package's ``__all__``.
    """

    def __getattr__(name: str) -> Any:
        home = homes.get(name)
        if home is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(f"{package}.{home}"), name)
        setattr(sys.modules[package], name, value)  # later look-ups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *exported})

    return __getattr__, __dir__
