"""The three views of the main window: Assess, Compare and Framework.

May import: Qt, every other package of :mod:`gui`, and :mod:`models`.
"""
