"""Analysis over many assessments: Monte Carlo uncertainty, weight sensitivity, pairwise
(AHP) weights, assessors' gaps and consensus, and the one analysis entry point
(:func:`models.analysis.run.run_uncertainty`) that the command line, the workbook, the report
and the window all use. :func:`models.analysis.startups.analyze_startups` analyses the
startups ranked under a perspective (one row per startup, the investors resampled by
:mod:`models.analysis.perspective_bands`).

May import: :mod:`models.core`, :mod:`models.files`, :mod:`models.engine`, numpy.
"""
