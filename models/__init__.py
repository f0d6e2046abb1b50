"""Beachhead's domain: framework, portfolio, scoring, storage and command line.

Nothing in this package imports Qt; the desktop application lives in ``gui``.
"""

__version__ = "0.1.0"
