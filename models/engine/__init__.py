"""Scoring: a framework's arrays, favourability, pillar and overall scores, rules
(postures and deal-breakers), perspectives and the ranking of startups, scenarios, and the
sample portfolio.

May import: :mod:`models.core`, :mod:`models.files`, numpy.
"""
