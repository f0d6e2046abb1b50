"""What an import read: one :class:`FileResult` per workbook, gathered in an
:class:`ImportReport` (see :mod:`models.workbook.importing.batch`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from models.core.errors import Problem
from models.core.framework import Framework
from models.core.portfolio import Startup


@dataclass
class WorkbookWeights:
    """The weights on a workbook's Framework sheet, which its formulas score with (people edit
    them there), compared with the framework the workbook was read against.

    Attributes:
        pillar_weights: pillar id → weight, for every pillar.
        criterion_weights: criterion id → weight, for every criterion.
        enabled: pillar id → enabled, for every pillar.
        changes: one line per difference, e.g. ``pillar 'niche' weight 1 → 2 (Framework!D2)``;
            empty when the sheet holds the framework's own weights.
    """

    pillar_weights: dict[str, float]
    criterion_weights: dict[str, float]
    enabled: dict[str, bool]
    changes: list[str] = field(default_factory=list)

    def key(self) -> tuple[object, ...]:
        """Equal for two workbooks with the same weights."""
        return (tuple(sorted(self.pillar_weights.items())),
                tuple(sorted(self.criterion_weights.items())),
                tuple(sorted(self.enabled.items())))

    def apply(self, framework: Framework) -> Framework:
        """``framework`` with these weights (identity unchanged: see
        :func:`models.core.framework_identity.successor`)."""
        return framework.with_weights(self.pillar_weights, self.criterion_weights,
                                      self.enabled)


@dataclass
class FileResult:
    """What one file gave.

    Attributes:
        path: the file as the caller named it (used in every problem).
        kind: ``template``, ``export``, or ``None`` when the file was refused early.
        framework: ``(id, version)`` the workbook says it was made for, when it says so.
        startups: the startups read (empty when the file has problems).
        workbook_ids: ids of ``startups`` that the workbook carries (its ``Startup ID``
            column); the others are new.
        origins: assessment id → where it came from (``Assessment`` or ``Scores!A2:O19``).
        weights: the Framework sheet's weights (``None`` without one).
        problems: why the file is refused; empty when it can be imported.
        notes: things worth knowing that do not stop the import (a missing date read as
            today, a score typed as text and so not scored…).
    """

    path: str
    kind: str | None = None
    framework: tuple[str, str] | None = None
    startups: list[Startup] = field(default_factory=list)
    workbook_ids: set[str] = field(default_factory=set)
    origins: dict[str, str] = field(default_factory=dict)
    weights: WorkbookWeights | None = None
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file can be imported."""
        return not self.problems

    @property
    def status(self) -> str:
        """``read`` (good; imported unless another file was refused and ``skip_bad`` is
        false) or ``refused``."""
        return "read" if self.ok else "refused"

    @property
    def assessments(self) -> int:
        """Number of assessments read."""
        return sum(len(s.assessments) for s in self.startups)


@dataclass
class ImportReport:
    """The outcome of :func:`models.workbook.importing.batch.import_workbooks`.

    Attributes:
        framework: the framework the files were read against.
        files: one :class:`FileResult` per path, in the order given.
        skip_bad: whether refused files may be left out (``--skip-bad``).
        lang: the language of the problems and notes (``en`` or ``zh_CN``); the merge's
            notes (:func:`~models.workbook.importing.merge.plan_merge`) are in it too.
    """

    framework: Framework
    files: list[FileResult]
    skip_bad: bool = False
    lang: str = "en"

    @property
    def ok(self) -> bool:
        """True when no file was refused."""
        return all(f.ok for f in self.files)

    @property
    def importable(self) -> bool:
        """True when the good files may be merged: no file refused, or ``skip_bad``."""
        return self.ok or self.skip_bad

    @property
    def imported(self) -> list[FileResult]:
        """The files whose startups are imported (none unless :attr:`importable`)."""
        return [f for f in self.files if f.ok] if self.importable else []

    @property
    def refused(self) -> list[FileResult]:
        """The files with problems."""
        return [f for f in self.files if not f.ok]

    @property
    def startups(self) -> list[Startup]:
        """Every imported startup, file by file (empty when one file was refused and
        ``skip_bad`` is false)."""
        return [s for f in self.imported for s in f.startups]

    @property
    def problems(self) -> list[Problem]:
        """Every problem in every file, file by file."""
        return [p for f in self.files for p in f.problems]

    @property
    def notes(self) -> list[Problem]:
        """Every note of every file that is imported."""
        return [n for f in self.imported for n in f.notes]

    def summary(self) -> str:
        """One line: files read, imported and refused, startups and assessments."""
        imported = self.imported
        n_st = sum(len(f.startups) for f in imported)
        n_as = sum(f.assessments for f in imported)
        text = (f"{len(self.files)} workbook{'s' if len(self.files) != 1 else ''} read: "
                f"{len(imported)} imported ({n_st} startups, {n_as} assessments)")
        if self.refused:
            text += f", {len(self.refused)} refused"
        return text
