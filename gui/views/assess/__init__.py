"""The Assess view: the startup list, the assessment's header, the criteria with an editor for
each, and the live results panel.
"""
