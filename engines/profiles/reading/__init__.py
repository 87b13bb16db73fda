"""Typed profile edits read as people write them, and sized by what raters do (issue #25).

:mod:`.parse` reads clauses into stances (negation scope, hedges, comparatives, typos) and
:mod:`.compose` reads them together (contrast, reference, change over time); :mod:`.topics`
ties a stance's subject to what the dataset's items are about (or to nothing); :mod:`.sizes`
sizes a stance from raters' own deviations; :mod:`.reader` turns edits into correctable
readings and moves predictions. Torch-free.
"""

from engines.profiles.reading.clauses import split_clauses
from engines.profiles.reading.compose import read_stances
from engines.profiles.reading.parse import Stance
from engines.profiles.reading.reader import NO_BEARING, EditReader, Reading, reader_statements
from engines.profiles.reading.sizes import Deviations, TargetSize, logit_shift, ordinal_shift
from engines.profiles.reading.topic_words import TOPICS
from engines.profiles.reading.topics import Target, Targets

__all__ = [
    "NO_BEARING",
    "TOPICS",
    "Deviations",
    "EditReader",
    "Reading",
    "Stance",
    "Target",
    "TargetSize",
    "Targets",
    "logit_shift",
    "ordinal_shift",
    "read_stances",
    "reader_statements",
    "split_clauses",
]
