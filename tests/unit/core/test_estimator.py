"""Tests for engines.core.estimator: ``check_is_fitted`` and ``NotFittedError``."""

from __future__ import annotations

import pytest

from engines.core import NotFittedError, check_is_fitted


class Toy:
    """A minimal estimator: the constructor stores a config, ``fit`` sets ``weights_``."""

    def __init__(self, config: object = None) -> None:
        self.config = config
        self._cache = None  # private attributes never count as fitted

    def fit(self) -> Toy:
        self.weights_ = [1.0]
        return self


def test_not_fitted_error_is_a_runtime_error_naming_the_class() -> None:
    with pytest.raises(NotFittedError, match=r"This Toy is not fitted yet: call fit\(\.\.\.\)"):
        check_is_fitted(Toy())
    assert issubclass(NotFittedError, RuntimeError)


def test_passes_once_a_trailing_underscore_attribute_is_set() -> None:
    check_is_fitted(Toy().fit())


def test_explicit_attribute_names() -> None:
    toy = Toy().fit()
    check_is_fitted(toy, "weights_")
    check_is_fitted(toy, ("weights_",))
    with pytest.raises(NotFittedError):
        check_is_fitted(toy, "model_")
    with pytest.raises(NotFittedError):
        check_is_fitted(toy, ("weights_", "model_"))  # every name must be set
    toy.model_ = None  # present but None still counts as not fitted
    with pytest.raises(NotFittedError):
        check_is_fitted(toy, "model_")
