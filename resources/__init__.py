"""Data files shipped with Beachhead, read through ``importlib.resources``."""
