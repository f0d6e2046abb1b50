"""The headless command line (``beachhead score|analyze|export|...``): argument parsing,
commands and text tables. Never imports Qt.

May import: everything else in :mod:`models`.
"""
