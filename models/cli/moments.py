"""Moments on the command line: ``--as-of`` and ``--since`` read as ISO dates or date-times in
local time, and the change log's moments shown in local time.

A date alone means the end of that day for ``--as-of`` (the portfolio as it stood when the
day was over) and its start for ``--since`` (every change made that day and later). A time
without a UTC offset is local time; ``Z`` or an offset (``+08:00``) says otherwise. Every
moment becomes an aware datetime.
"""

from __future__ import annotations

import datetime as dt


def parse_moment(value: str, *, end_of_day: bool) -> dt.datetime:
    """The aware moment ``value`` names (see the module notes).

    Raises:
        ValueError: ``value`` is neither an ISO date nor an ISO date-time.
    """
    text = value.strip()
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        pass
    else:
        return _in_range(dt.datetime.combine(day, dt.time.max if end_of_day else dt.time.min),
                         value)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(_said("not_a_moment", value)) from None
    return _in_range(moment, value)


def _in_range(moment: dt.datetime, value: str) -> dt.datetime:
    """``moment`` made aware (local time when it has no offset), refused when it or its UTC
    time falls outside the years 1 to 9999 (``0001-01-01`` east of Greenwich)."""
    try:
        aware = moment if moment.tzinfo is not None else moment.astimezone()
        aware.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise ValueError(_said("moment_out_of_range", value)) from None
    return aware


def _said(key: str, value: str) -> str:
    """The command line's text ``key`` about ``value``, in the command's language."""
    from models.cli.texts import label
    from models.core.speech import language

    return label(key, language()).format(value=value)


def local_text(moment: dt.datetime) -> str:
    """``moment`` in local time to the second, e.g. ``2025-03-04 17:05:09``."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
