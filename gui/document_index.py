"""The document's lookups by id: each startup and assessment of the portfolio by its id, each
startup's position, and how many there are, kept up to date by the document's edits one
startup or assessment at a time (:mod:`gui.document_edits`), so that finding what an edit
touches, or counting for the status bar, costs the same in a portfolio of 10 or 10,000
startups. Qt-free."""

from __future__ import annotations

from models.core.portfolio import Assessment, Portfolio, Startup


class PortfolioIndex:
    """Startups and assessments by id, and startups' positions (see the module notes).

    A startup's position is worked out again, once, the first time one is asked for after
    startups were inserted or removed (:meth:`moved`); other edits leave positions alone.
    """

    def __init__(self, portfolio: Portfolio) -> None:
        self._portfolio = portfolio
        self._startups: dict[str, Startup] = {}
        self._assessments: dict[str, tuple[Startup, Assessment]] = {}
        self._positions: dict[str, int] | None = None
        self.rebuild(portfolio)

    def rebuild(self, portfolio: Portfolio) -> None:
        """Index every startup and assessment of ``portfolio`` afresh."""
        self._portfolio = portfolio
        self._startups = {s.id: s for s in portfolio.startups}
        self._assessments = {a.id: (s, a) for s in portfolio.startups for a in s.assessments}
        self._positions = None

    # -- lookups ----------------------------------------------------------------------------
    def startup(self, startup_id: str) -> Startup:
        """The startup with this id; ``KeyError`` if none."""
        return self._startups[startup_id]

    def position(self, startup_id: str) -> int:
        """The startup's position in the portfolio; ``KeyError`` if none."""
        if self._positions is None:
            self._positions = {s.id: i for i, s in enumerate(self._portfolio.startups)}
        return self._positions[startup_id]

    def assessment(self, assessment_id: str) -> tuple[Startup, Assessment]:
        """(startup, assessment) for an assessment id; ``KeyError`` if none."""
        return self._assessments[assessment_id]

    def owner(self, assessment_id: str) -> Startup | None:
        """The startup an assessment belongs to (``None``: no such assessment)."""
        pair = self._assessments.get(assessment_id)
        return pair[0] if pair is not None else None

    def counts(self) -> tuple[int, int]:
        """How many startups and assessments the portfolio holds."""
        return len(self._portfolio.startups), len(self._assessments)

    # -- edits ------------------------------------------------------------------------------
    def added_startup(self, startup: Startup) -> None:
        """``startup`` (with its assessments) was inserted."""
        self._startups[startup.id] = startup
        for a in startup.assessments:
            self._assessments[a.id] = (startup, a)
        self._positions = None

    def removed_startup(self, startup: Startup) -> None:
        """``startup`` (with its assessments) was removed."""
        self._startups.pop(startup.id, None)
        for a in startup.assessments:
            self._assessments.pop(a.id, None)
        self._positions = None

    def added_assessment(self, startup: Startup, assessment: Assessment) -> None:
        """``assessment`` was inserted into ``startup``."""
        self._assessments[assessment.id] = (startup, assessment)

    def removed_assessment(self, assessment_id: str) -> None:
        """The assessment with this id was removed."""
        self._assessments.pop(assessment_id, None)
