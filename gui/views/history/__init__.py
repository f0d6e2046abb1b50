"""The history of the chosen startup in the Assess view: its changes (History), two moments or
two assessments compared (Differences), its scores over time (Trend), each a tab beside the
criteria (:mod:`~gui.views.history.tabs`).

* :mod:`~gui.views.history.panel` — the changes, newest first, filtered by text, person and
  kind, for the whole startup or the assessment shown;
* :mod:`~gui.views.history.diff_page` — what changed between two moments or two assessments,
  as a table (:mod:`~gui.views.history.diff_tree`), moments chosen with
  :mod:`~gui.views.history.moments`;
* :mod:`~gui.views.history.trend_page` — the overall and pillar scores over time under the
  window's perspective, on the one chart canvas.

Each is a :class:`~gui.views.history.page.HistoryPage`: it reads the history again at once as
the document changes, only while on screen, and catches up when shown.

The domain behind them is :mod:`models.history`. A document without a workspace has no
history: the tabs say so.

May import: Qt, :mod:`gui.document`, :mod:`gui.tables`, :mod:`gui.widgets`, :mod:`models`.
"""
