"""Test settings shared by every test: Qt offscreen, settings and data folders in temp paths,
and property tests without time limits (machines are shared and noisy: speed belongs in
``bench/``, never in a test's verdict)."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

settings.register_profile("beachhead", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("beachhead")
