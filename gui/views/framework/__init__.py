"""The Framework view: weights by direct entry or pairwise comparison, and the framework
read as text.
"""
