"""The history of a workspace told to people: what its change log says, in words, and how a
startup's scores moved.

* :mod:`~models.history.describe` — one :class:`~models.history.describe.ChangeRow` per
  change: when, who, which startup and assessment, what in words, the value before and after
  as display text, the comment (English or Simplified Chinese), for the window's History
  panel and ``beachhead history``;
* :mod:`~models.history.names` — what the history names things by (startups, assessments,
  criteria, values), including items the changes removed;
* :mod:`~models.history.diff` — a startup between two moments (its view under a perspective,
  each assessment, assessments added and removed) or two of its assessments compared: levels,
  confidences, rationales, overall and pillar scores, postures and deal-breakers that
  appeared or vanished; :mod:`~models.history.sides` — what each side of a comparison shows;
* :mod:`~models.history.trend` — a startup's overall and pillar scores through time under a
  perspective, one point per moment they changed, from its own changes taken back one by one;
* :mod:`~models.history.log` — what is read from the workspace besides its portfolio (the
  framework replacements and framework versions);
* :mod:`~models.history.texts` — the words, in both languages.

The change log itself, and the portfolio as of a moment, are :mod:`models.store`'s.

May import: :mod:`models.engine`, :mod:`models.store`, :mod:`models.files`,
:mod:`models.core`, numpy.
"""
