"""The Compare view: results table, 2×2 map, scenario deltas, and the Uncertainty,
Sensitivity and Gaps tabs.
"""
