"""Config dataclasses to and from JSON: rebuild a frozen config from ``config.json``.

JSON flattens tuples into lists and nested dataclasses into dicts; :func:`config_from_dict`
undoes both from the class's type hints (e.g. the nested ``TrainConfig`` of every engine).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

__all__ = ["CLASS_KEY", "config_from_dict"]

CLASS_KEY = "class"
"""The ``config.json`` field naming the config class."""

T = TypeVar("T")


def _coerce(value: Any, hint: Any) -> Any:
    """Undo JSON's flattening for one field: lists -> tuples, dicts -> nested dataclasses."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        for arg in typing.get_args(hint):
            if arg is type(None):
                continue
            coerced = _coerce(value, arg)
            if coerced is not value:
                return coerced
        return value
    if isinstance(value, list) and (origin is tuple or hint is tuple):
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(v, args[0]) for v in value)
        if args and len(args) == len(value):
            return tuple(_coerce(v, a) for v, a in zip(value, args))
        return tuple(value)
    if isinstance(value, list) and origin is list:
        (arg,) = typing.get_args(hint) or (Any,)
        return [_coerce(v, arg) for v in value]
    if isinstance(value, dict) and isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return config_from_dict(value, hint)
    return value


def config_from_dict(data: Mapping[str, Any], cls: type[T]) -> T:
    """Rebuild config dataclass ``cls`` from a dict as written to ``config.json``.

    The ``"class"`` key is checked against ``cls.__name__`` and dropped; lists become tuples
    for tuple-typed fields and nested dataclasses are rebuilt; missing fields take defaults.

    Args:
        data: The JSON dict.
        cls: The config dataclass.

    Returns:
        ``cls(**data)``.

    Raises:
        ValueError: The dict names another class, has unknown fields, or fails validation.
    """
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise TypeError(f"{cls!r} is not a dataclass.")
    values = dict(data)
    stored = values.pop(CLASS_KEY, None)
    if stored is not None and stored != cls.__name__:
        raise ValueError(f"The saved config is a {stored}, not a {cls.__name__}.")
    fields = {f.name: f for f in dataclasses.fields(cls) if f.init}
    unknown = sorted(set(values) - set(fields))
    if unknown:
        raise ValueError(f"Unknown {cls.__name__} field(s) in saved config: {unknown}.")
    try:
        hints = typing.get_type_hints(cls)
    except Exception:  # unresolvable annotations: fall back to no coercion
        hints = {}
    kwargs = {k: _coerce(v, hints.get(k, Any)) for k, v in values.items()}
    try:
        return cls(**kwargs)
    except (TypeError, ValueError) as exc:
        raise ValueError(f"Saved config does not fit {cls.__name__}: {exc}") from exc
