"""The estimator contract every engine follows (scikit-learn's, as Crowd-Kit uses it).

The constructor stores a frozen config and nothing else; ``fit(...)`` returns ``self`` and
sets attributes ending in ``_``; ``predict``-like methods call :func:`check_is_fitted` first,
so an unfitted model fails with a message rather than an ``AttributeError``.
"""

from __future__ import annotations

__all__ = ["NotFittedError", "check_is_fitted"]


class NotFittedError(RuntimeError):
    """A prediction or save was asked of an estimator that has not been fitted."""


def check_is_fitted(estimator: object, attributes: str | tuple[str, ...] = ()) -> None:
    """Raise :class:`NotFittedError` unless ``estimator`` has its fitted attributes.

    Args:
        estimator: The engine.
        attributes: Fitted attribute names to look for; by default any attribute whose name
            ends in ``_`` (and does not start with ``_``) counts.

    Raises:
        NotFittedError: Naming the estimator's class and the call to make first.
    """
    names = (attributes,) if isinstance(attributes, str) else tuple(attributes)
    if names:
        fitted = all(getattr(estimator, n, None) is not None for n in names)
    else:
        fitted = any(k.endswith("_") and not k.startswith("_") for k in vars(estimator))
    if not fitted:
        name = type(estimator).__name__
        raise NotFittedError(f"This {name} is not fitted yet: call fit(...) before using it.")
