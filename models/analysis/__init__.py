"""Analysis over many assessments: Monte Carlo uncertainty, weight sensitivity, pairwise
(AHP) weights, assessors' gaps and consensus, and the one analysis entry point
(:func:`models.analysis.run.run.analyze_portfolio`) that the command line, the workbook, the
report and the window all use.

May import: :mod:`models.core`, :mod:`models.files`, :mod:`models.engine`, numpy.
"""
