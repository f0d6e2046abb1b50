"""Weights from pairwise judgements as a framework takes them: the shares that
:func:`models.analysis.ahp.pairwise` gives, put on the scale of the weights they replace and
rounded, so that applying them changes only what the judgements say."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

#: Applied weights are rounded to this many decimals (ratios change by < 0.01 %).
WEIGHT_DECIMALS = 4


def pairwise_weights(shares: np.ndarray, old: Sequence[float], ids: Sequence[str]
                     ) -> dict[str, float] | None:
    """New weights for ``ids`` in the proportions ``shares``, on the scale of the ``old``
    weights (same mean) and rounded to :data:`WEIGHT_DECIMALS` decimals; ``None`` when they
    give the same proportions as ``old``.

    When the old weights are so small that rounding would flatten the new ones, the new
    weights are put on a mean of 1 instead (weights are relative, so only proportions count).
    """
    share = shares / shares.sum()
    n = len(ids)
    step = 10.0 ** -WEIGHT_DECIMALS
    scale = float(np.mean(old))
    if float(share.min()) * n * scale < 100 * step:
        scale = max(1.0, 100 * step / (float(share.min()) * n))
    new = {i: max(round(float(x) * n * scale, WEIGHT_DECIMALS), step)
           for i, x in zip(ids, share, strict=True)}
    total_new, total_old = sum(new.values()), sum(old)
    if all(abs(new[i] / total_new - o / total_old) < 1e-6
           for i, o in zip(ids, old, strict=True)):
        return None
    return new
