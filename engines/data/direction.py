"""Which end of a label scale means "more" of the construct (more offensive, more abusive).

Most scales run up (1 = not offensive ... 5 = very offensive), some run down (ConvAbuse:
1 = not abusive ... -3 = very abusive). Every reading of a profile edit needs to know which.
:func:`infer_more` guesses it from where the ratings pile up: on harm labels most content is
harmless, so the end that holds most ratings is the "none" end and "more" is the other. The
researcher confirms or changes it (Data page, ``--more-is`` in the CLI); the answer is kept on
the dataset as ``AnnotationDataset.more``.
"""

from __future__ import annotations

import numpy as np

from engines.data.schema import LABEL_CODE, AnnotationDataset, format_label

__all__ = ["PILE_UP", "infer_more", "scale_direction"]

PILE_UP = 2.0
"""How many times more ratings one end must hold than the other to mark it the "none" end."""


def infer_more(ds: AnnotationDataset) -> tuple[int, str]:
    """``(+1 or -1, why)``: +1 when higher labels mean more of the construct."""
    classes = ds.scale.classes
    if not ds.scale.is_numeric or len(classes) < 2:
        return 1, "the labels have no order; read as listed"
    counts = np.bincount(ds.df[LABEL_CODE].to_numpy(int), minlength=len(classes))
    low, high = int(counts[0]), int(counts[-1])
    lo_name, hi_name = format_label(classes[0]), format_label(classes[-1])
    share = lambda c: f"{c / max(counts.sum(), 1):.0%}"  # noqa: E731
    if high > PILE_UP * max(low, 1) and counts.argmax() == len(classes) - 1:
        return -1, (
            f"most ratings sit at the top of the scale ({hi_name}: {share(high)}, "
            f"{lo_name}: {share(low)}): read as the 'none' end, so lower labels mean more"
        )
    if low > PILE_UP * max(high, 1):
        return 1, (
            f"most ratings sit at the bottom of the scale ({lo_name}: {share(low)}, "
            f"{hi_name}: {share(high)}): read as the 'none' end, so higher labels mean more"
        )
    return 1, "neither end holds most ratings; read as higher labels mean more"


def scale_direction(ds: AnnotationDataset) -> int:
    """The dataset's direction: the researcher's choice (``ds.more``) or :func:`infer_more`."""
    more = getattr(ds, "more", None)
    return int(more) if more in (1, -1) else infer_more(ds)[0]
