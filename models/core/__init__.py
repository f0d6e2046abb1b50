"""The domain's nouns: the framework (pillars, criteria, rules, scenarios), the portfolio
(startups, assessments, scores; what a startup's website may be: :mod:`~models.core.website`),
the consensus view of a round of independent scoring, input problems, the rounding rule for
shown numbers, the form a count takes in words (:mod:`~models.core.counts`) and the language
messages are said in (:mod:`~models.core.speech`).

May import: the standard library and pydantic only; nothing else of Beachhead's.
"""
