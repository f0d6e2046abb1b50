"""Interface languages: English (the source strings) and Simplified Chinese.

Beachhead's own strings are translated by a ``QTranslator`` loaded from
``resources/translations/beachhead_zh_CN.qm`` (built from the ``.ts`` source by
``pyside6-lrelease``; ``make translations`` does it), Qt's standard buttons and dialogs by Qt's
own ``qtbase_zh_CN.qm``. English is the source strings' language, but a count's words take their
plural forms ("%n startup(s)": "1 startup", "2 startups") from ``beachhead_en.qm``, built the
same way from a ``.ts`` that holds only those. The language's locale (en_US, zh_CN) is the
default while it is installed, so a count written ``%Ln`` reads "10,000 startups" (spin boxes
hide the thousands separator, dates have formats of their own: neither changes). The
framework's texts (criterion names, rubric levels, …) carry both languages themselves and are
picked with :func:`models.core.framework.text` and :func:`language`.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("beachhead")

#: The interface languages, with the name each is shown under in the View ▸ Language menu.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文"}

_current = "en"
_installed: list[QTranslator] = []


def system_language() -> str:
    """The language the system locale asks for: ``zh_CN`` for any Chinese locale, else ``en``."""
    return "zh_CN" if QLocale.system().name().lower().startswith("zh") else "en"


def choose_language(requested: str | None, remembered: str | None) -> str:
    """The language to start in: the command line's ``--lang``, else the remembered setting,
    else the system locale."""
    for lang in (requested, remembered):
        if lang in LANGUAGES:
            return lang
    return system_language()


def language() -> str:
    """The interface language now installed (``en`` or ``zh_CN``)."""
    return _current


def list_separator(lang: str | None = None) -> str:
    """What separates the items of a list of names in ``lang`` (default: the interface
    language): ``", "`` in English, the enumeration comma ``"、"`` in Chinese."""
    return "、" if (lang or _current) == "zh_CN" else ", "


def interface_locale(lang: str) -> QLocale:
    """How numbers are written in ``lang``'s interface: the default locale while it is
    installed, so a count's ``%Ln`` reads "10,000 startups" (en_US; zh_CN: "10,000 家")."""
    if lang == "zh_CN":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def number(n: int) -> str:
    """``n`` written as the interface language writes numbers ("10,000"), as a count's
    ``%Ln`` is."""
    return QLocale().toString(n)


def qm_path(lang: str) -> Path | None:
    """The built translation file of Beachhead's own strings for ``lang`` (for ``en``, the
    plural forms), if there is one."""
    try:
        path = Path(str(resources.files("resources.translations") / f"beachhead_{lang}.qm"))
    except (ModuleNotFoundError, TypeError):
        path = Path(__file__).resolve().parent.parent / "resources" / "translations" / \
            f"beachhead_{lang}.qm"
    return path if path.is_file() else None


def install_language(lang: str, app: QCoreApplication | None = None) -> bool:
    """Install the translators for ``lang`` on ``app`` (the running application by default),
    replacing any installed before. Returns False when Beachhead's translation file is missing
    (the interface then stays in English, counts read "2 startup(s)"; a warning goes to the
    log)."""
    global _current
    app = app or QCoreApplication.instance()
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; expected one of {list(LANGUAGES)}")
    if app is not None:
        for translator in _installed:
            app.removeTranslator(translator)
    _installed.clear()
    _current = lang
    QLocale.setDefault(interface_locale(lang))
    ok = True
    own = QTranslator()
    path = qm_path(lang)
    if path is not None and own.load(str(path)):
        _installed.append(own)
    else:
        log.warning("no translation file for %s (run 'make translations' to build it)", lang)
        ok = False
    qt = QTranslator()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en" and qt.load(f"qtbase_{lang}", qt_dir):
        _installed.append(qt)
    if app is not None:
        for translator in _installed:
            app.installTranslator(translator)
    return ok
