"""The Assess view: the startup list with its sort and filters, the startup's details, the
assessment's header with its scoring progress, the criteria with an editor for each, the round
of independent scoring, the decision and the live results panel.
"""
