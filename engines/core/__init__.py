"""Core wing: the one training loop, its configuration, progress protocol and persistence.

Every engine imports these from here: :class:`TrainConfig` (nested in each engine config as
``.train``), :func:`fit_loop` and :func:`predict_batches`, the :class:`Progress` protocol,
:func:`check_is_fitted`, and :func:`save_model` / :func:`load_model` (safetensors + JSON).
"""

from engines.core.config import DeviceName, TrainConfig, WithTrain
from engines.core.config_io import config_from_dict
from engines.core.device import (
    module_device,
    resolve_device,
    seed_everything,
    thread_count,
    training_threads,
)
from engines.core.estimator import NotFittedError, check_is_fitted
from engines.core.loop import EpochCallback, History, LossFn, fit_loop
from engines.core.persistence import load_config, load_model, save_model
from engines.core.predict import predict_batches
from engines.core.progress import Progress, epoch_reporter, prefixed, report

__all__ = [
    "DeviceName",
    "EpochCallback",
    "History",
    "LossFn",
    "NotFittedError",
    "Progress",
    "TrainConfig",
    "WithTrain",
    "check_is_fitted",
    "config_from_dict",
    "epoch_reporter",
    "fit_loop",
    "load_config",
    "load_model",
    "module_device",
    "predict_batches",
    "prefixed",
    "report",
    "resolve_device",
    "save_model",
    "seed_everything",
    "thread_count",
    "training_threads",
]
