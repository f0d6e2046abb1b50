"""The Compare view: the startups ranked under the window's perspective and every assessment
for audit, a 2×2 map of the startups, scenario deltas, and the Uncertainty, Sensitivity and
Gaps tabs.
"""
