"""The Assess view: the startup list, the criterion editor and the live results panel.
"""
