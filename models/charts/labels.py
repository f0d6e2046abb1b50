"""Labels of charts laid out for the little room a chart gives them (no matplotlib here)."""

from __future__ import annotations

import textwrap


def spoke_label(label: str, width: int = 12) -> str:
    """A radar spoke's label on short lines: its words wrapped at ``width`` characters, and a
    closing parenthesis (such as a cost pillar's "(100 = least)", see
    :meth:`models.core.framework.Pillar.score_name`) kept whole on a line of its own. Text
    without spaces (Chinese) is not broken inside.

    >>> spoke_label("Incumbent pressure (100 = least)")
    'Incumbent\\npressure\\n(100 = least)'
    """
    name, note = label, ""
    at = max(label.rfind("("), label.rfind("（"))
    if at >= 0 and label.endswith((")", "）")):
        name, note = label[:at].rstrip(), label[at:]
    lines = textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join([*lines, note] if note else lines or [name])
