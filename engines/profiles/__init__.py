"""Value-profiles wing (value-profiles seed): representations, decoders, Algorithms 1 and 2.

A rater is represented by g(r): nothing, demographics, a natural-language value profile
(written offline by :mod:`~engines.profiles.writer`, supplied, or written by an LLM through
:mod:`~engines.profiles.llm_writer`) or in-context examples. A decoder p(y | x, g(r)) predicts
the rater's label distribution for an item: :class:`StatementDecoder` (items attend to each
statement of a profile, CPU; edits act as stated), :class:`ProfileDecoder` (a small network over
one frozen sentence embedding per profile, CPU) or :class:`CrossEncoderDecoder` (a fine-tuned
transformer, GPU). :func:`evaluate_representations` measures the usable information of each
representation over seeded rater splits (Algorithm 1), :func:`greedy_profile_clustering`
picks a few profiles that explain every rater (Algorithm 2), and :func:`fit_app_decoder`
trains the live editor's decoder.

Modules: ``config`` (every setting), ``representations`` (g(r) and the fit/eval partition),
``net`` / ``statement_net`` / ``cross_net`` (torch maths), ``decoder`` /
``statement_decoder`` / ``cross_encoder`` (the estimators), ``phrasing`` and ``curriculum``
(the statement decoder's training language), ``themes`` (item themes),
``workflow`` (prepare, prior, decoder, app decoder), ``evaluation`` (Algorithm 1),
``clustering`` (Algorithm 2), ``writer`` (offline profiles), ``llm_writer`` and ``supplied``.

Names are imported on first access (PEP 562), so ``import engines.profiles`` and its torch-free
modules (``representations``, ``clustering``, ``writer``, ``llm_writer``) do not load torch:
``analysis.profiles`` imports Algorithm 2 from here and must never load torch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engines._lazy import lazy_exports

if TYPE_CHECKING:
    from engines.profiles.app_decoder import FittedProfiles, fit_app_decoder
    from engines.profiles.clustering import (
        ProfileClustering,
        assign_to_profiles,
        build_loss_table,
        cluster_representation,
        greedy_profile_clustering,
    )
    from engines.profiles.config import (
        BASE_REPRESENTATIONS,
        DECODER_KINDS,
        CrossEncoderConfig,
        DecoderConfig,
        DecoderKind,
        ProfileRunConfig,
        StatementConfig,
    )
    from engines.profiles.cross_encoder import CrossEncoderDecoder
    from engines.profiles.curriculum import Curriculum, build_curriculum
    from engines.profiles.decoder import ProfileDecoder
    from engines.profiles.evaluation import Evaluation, evaluate_representations
    from engines.profiles.llm_writer import (
        encoder_prompt,
        format_fit_ratings,
        parse_bullets,
        write_profile_llm,
    )
    from engines.profiles.net import DecoderNet
    from engines.profiles.phrasing import Phrasing, label_adjective, split_statements
    from engines.profiles.representations import (
        ROLE,
        RaterRepresentation,
        demographics_text,
        examples_text,
        partition_fit_eval,
        split_raters,
    )
    from engines.profiles.statement_decoder import StatementDecoder
    from engines.profiles.supplied import supplied_profiles, write_llm_profiles
    from engines.profiles.themes import Themes, find_themes
    from engines.profiles.workflow import (
        Prepared,
        build_representation,
        fit_decoder,
        fit_prior,
        prepare,
        with_seed,
    )
    from engines.profiles.writer import WriterConfig, write_profiles, write_statements

__all__ = [
    "BASE_REPRESENTATIONS",
    "CrossEncoderConfig",
    "CrossEncoderDecoder",
    "Curriculum",
    "DECODER_KINDS",
    "DecoderConfig",
    "DecoderKind",
    "DecoderNet",
    "Evaluation",
    "FittedProfiles",
    "Phrasing",
    "Prepared",
    "ProfileClustering",
    "ProfileDecoder",
    "ProfileRunConfig",
    "ROLE",
    "RaterRepresentation",
    "StatementConfig",
    "StatementDecoder",
    "Themes",
    "WriterConfig",
    "assign_to_profiles",
    "build_curriculum",
    "build_loss_table",
    "build_representation",
    "cluster_representation",
    "demographics_text",
    "encoder_prompt",
    "evaluate_representations",
    "examples_text",
    "find_themes",
    "fit_app_decoder",
    "fit_decoder",
    "fit_prior",
    "format_fit_ratings",
    "greedy_profile_clustering",
    "label_adjective",
    "parse_bullets",
    "partition_fit_eval",
    "prepare",
    "split_raters",
    "split_statements",
    "supplied_profiles",
    "with_seed",
    "write_llm_profiles",
    "write_profile_llm",
    "write_profiles",
    "write_statements",
]

# Public name -> the module that defines it (imported on first access).
_HOMES = {
    "BASE_REPRESENTATIONS": "config",
    "CrossEncoderConfig": "config",
    "CrossEncoderDecoder": "cross_encoder",
    "Curriculum": "curriculum",
    "DECODER_KINDS": "config",
    "DecoderConfig": "config",
    "DecoderKind": "config",
    "DecoderNet": "net",
    "Evaluation": "evaluation",
    "FittedProfiles": "app_decoder",
    "Phrasing": "phrasing",
    "Prepared": "workflow",
    "ProfileClustering": "clustering",
    "ProfileDecoder": "decoder",
    "ProfileRunConfig": "config",
    "ROLE": "representations",
    "RaterRepresentation": "representations",
    "StatementConfig": "config",
    "StatementDecoder": "statement_decoder",
    "Themes": "themes",
    "WriterConfig": "writer",
    "assign_to_profiles": "clustering",
    "build_curriculum": "curriculum",
    "build_loss_table": "clustering",
    "build_representation": "workflow",
    "cluster_representation": "clustering",
    "demographics_text": "representations",
    "encoder_prompt": "llm_writer",
    "evaluate_representations": "evaluation",
    "examples_text": "representations",
    "find_themes": "themes",
    "fit_app_decoder": "app_decoder",
    "fit_decoder": "workflow",
    "fit_prior": "workflow",
    "format_fit_ratings": "llm_writer",
    "greedy_profile_clustering": "clustering",
    "label_adjective": "phrasing",
    "parse_bullets": "llm_writer",
    "partition_fit_eval": "representations",
    "prepare": "workflow",
    "split_raters": "representations",
    "split_statements": "phrasing",
    "supplied_profiles": "supplied",
    "with_seed": "workflow",
    "write_llm_profiles": "supplied",
    "write_profile_llm": "llm_writer",
    "write_profiles": "writer",
    "write_statements": "writer",
}

__getattr__, __dir__ = lazy_exports(__name__, _HOMES, __all__)
