"""MC-STL for pairwise preferences (mc-stl seed, section 2.4).

A forward pass scores one item under the annotation's value clusters, ``r(x, S) = o(f(x, S))``;
the probability that ``x_i`` is preferred over ``x_j`` is ``sigmoid((r(x_i, S) - r(x_j, S)) /
t_S)`` with a learned temperature per cluster (:meth:`~engines.mcstl.net.MCSTLNet.
preference_logit`). Loss: the Bradley-Terry cross-entropy + ``lambda_2 sum_k ||v_k||^2 / N``.
"""

from __future__ import annotations

import numpy as np
import torch
from torch import Tensor
from torch.nn import functional as F

from engines.core import EpochCallback, check_is_fitted, fit_loop, predict_batches, seed_everything
from engines.mcstl.model import MCSTLConfig
from engines.mcstl.net import MCSTLNet

__all__ = ["MCSTLPreference"]


class MCSTLPreference:
    """Bradley-Terry preference model with value-cluster embeddings and temperatures.

    Args:
        config: Network and training settings (``variant="no_info"`` drops the clusters).

    Attributes:
        module_: The fitted :class:`~engines.mcstl.net.MCSTLNet`.
        history_: The training loop's history.
    """

    def __init__(self, config: MCSTLConfig | None = None):
        self.config = config or MCSTLConfig()

    def fit(
        self,
        item_emb: np.ndarray,
        first: np.ndarray,
        second: np.ndarray,
        membership: np.ndarray,
        prefers_first: np.ndarray,
        val: tuple[np.ndarray, ...] | None = None,
        on_epoch_end: EpochCallback | None = None,
    ) -> MCSTLPreference:
        """Train on pairs ``(first item, second item, membership, 1 if first preferred)``."""
        cfg = self.config
        membership = np.asarray(membership, np.float32).reshape(len(first), -1)
        use = cfg.variant == "mcstl" and membership.shape[1] > 0
        seed_everything(cfg.train.seed)
        self.module_ = MCSTLNet(
            torch.as_tensor(np.asarray(item_emb, np.float32)),
            membership.shape[1] if use else 0, 1, cfg.hidden, cfg.dropout,
        )  # fmt: skip
        n_train, lam2 = len(first), float(cfg.lambda_l2)

        def loss(module: MCSTLNet, batch: tuple[Tensor, ...]) -> dict[str, Tensor]:
            a, b, member, y = batch
            bt = F.binary_cross_entropy_with_logits(module.preference_logit(a, b, member), y)
            l2 = module.values.pow(2).sum() / n_train
            return {"loss": bt + lam2 * l2, "bt": bt}

        train = _tensors(first, second, membership, prefers_first)
        val_t = None if val is None else _tensors(*val)
        self.history_ = fit_loop(self.module_, train, val_t, cfg.train, loss,
                                 on_epoch_end=on_epoch_end)  # fmt: skip
        self.module_.eval()
        return self

    def predict_proba(
        self, first: np.ndarray, second: np.ndarray, membership: np.ndarray
    ) -> np.ndarray:
        """``[N]`` probability that the first item of each pair is preferred."""
        check_is_fitted(self, "module_")
        a, b, member = _tensors(first, second, membership)
        logits = predict_batches(self.module_, (a, b, member),
                                 fn=lambda m, batch: m.preference_logit(*batch))  # fmt: skip
        return torch.sigmoid(logits).numpy()

    @property
    def temperatures_(self) -> np.ndarray:
        """``[K]`` learned per-cluster temperatures ``t_k``."""
        check_is_fitted(self, "module_")
        return self.module_.log_temperature.detach().exp().cpu().numpy()


def _tensors(*arrays: np.ndarray) -> tuple[Tensor, ...]:
    first, second, membership = arrays[:3]
    out = [
        torch.tensor(np.asarray(first, dtype=np.int64)),
        torch.tensor(np.asarray(second, dtype=np.int64)),
        torch.tensor(np.asarray(membership, np.float32).reshape(len(first), -1)),
    ]
    if len(arrays) > 3:
        out.append(torch.tensor(np.asarray(arrays[3], np.float32)))
    return tuple(out)
