"""A startup's website: what is accepted, and the one form it is kept in.

A website is typed as people write addresses: ``acme.ai``, ``www.acme.ai/en``,
``https://acme.ai``, ``http://例子.中国``. :func:`normalise_website` keeps it as a full address:
``https://`` put in front when no scheme was typed, the scheme and host in lower case (the
host's full-width letters and ideographic full stops, as a Chinese input method types them,
as the ASCII ones a browser reads them as: ``例子。中国`` is ``例子.中国``), the path, query
and fragment as typed. It refuses what cannot be a web address (words with spaces,
a host without a dot, another scheme such as ``mailto:`` or ``javascript:``, ``http:`` or
``https:`` without its two slashes, a user name or password in the address, a bidirectional
control character that would make the address read as another one), each time with
:data:`EXPECTED` in the message. An empty text is no website.

:func:`found_in` tells whether a part of a website, typed into a filter box the way this rule
takes it, is in a website kept by it.

:func:`shown_website` is the short form a link shows (``acme.ai/en``; ``www.`` left out only
when what follows it is still a name with a dot: ``www.acme`` is shown whole).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit

#: The longest address kept (browsers and spreadsheets take about 2,000 characters).
MAX_LENGTH: Final = 2000
#: What every refusal says is expected.
EXPECTED: Final = "expected a web address such as acme.ai or https://acme.ai"

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LABEL = re.compile(r"^(?!-)[^\W_](?:[\w-]{0,61}[^\W_])?$")
_SEARCHED_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?")
_HOST_END = re.compile(r"[/?#:]")
_SHOWN_PREFIX = re.compile(r"^https?://(?:www\.(?=[^/?#:]*\.))?", re.IGNORECASE)
#: Schemes of addresses that are not web pages, which may hold an "@" (mailto:ir@acme.ai);
#: another word before ":" and "@" is a user name (bo:secret@acme.ai).
_OTHER_SCHEMES: Final = frozenset({"mailto", "javascript", "vbscript", "tel", "sms", "data",
                                   "file", "ftp", "sftp", "ssh", "git", "news", "irc", "xmpp",
                                   "skype", "callto", "magnet", "urn", "about", "blob"})
#: Unicode's bidirectional controls (Bidi_Control): invisible, they reorder what is shown,
#: so that an address can read as another one.
_BIDI_CONTROLS: Final = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                  "\u2066\u2067\u2068\u2069")


def normalise_website(typed: str) -> str:
    """``typed`` as a full ``http``/``https`` address (see the module notes); ``""`` for an
    empty text.

    Raises:
        ValueError: ``typed`` is not a web address; the message names the website, what is
            wrong and what is expected.
    """
    text = typed.strip()
    if not text:
        return ""
    problem = _problem(text)
    if problem is None:
        address = text if "://" in text else f"https://{text.removeprefix('//')}"
        try:
            parts = urlsplit(address)
        except ValueError:  # brackets of an IPv6 address left open
            problem = "its host is not written right"
        else:
            netloc = _host_text(parts.netloc)
            problem = _parts_problem(parts.scheme, netloc)
            if problem is None:
                return parts._replace(scheme=parts.scheme.lower(),
                                      netloc=netloc.lower()).geturl()
    shown = _cut("".join(f"<U+{ord(c):04X}>" if c in _BIDI_CONTROLS else c for c in text))
    raise ValueError(f"the website '{shown}' is not a web address ({problem}); {EXPECTED}")


def _host_text(netloc: str) -> str:
    """The host (and port) as a browser reads it: full-width forms as ASCII (NFKC), every
    ideographic full stop (``。``, ``．``, ``｡``) a dot, an empty port (``acme.ai:``) left
    out."""
    text = unicodedata.normalize("NFKC", netloc).replace("\u3002", ".")
    return text.removesuffix(":")


def _cut(text: str, most: int = 60) -> str:
    """``text`` as a message quotes it: at most ``most`` characters, a longer one cut
    with "…"."""
    return text if len(text) <= most else text[:most - 1] + "…"


def _problem(text: str) -> str | None:
    """What rules ``text`` out before it is taken apart."""
    if len(text) > MAX_LENGTH:
        return f"longer than {MAX_LENGTH} characters"
    if any(c.isspace() for c in text):
        return "it has spaces"
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        return "it has control characters"
    bidi = next((c for c in text if c in _BIDI_CONTROLS), None)
    if bidi is not None:
        return f"it has the invisible character U+{ord(bidi):04X}, {unicodedata.name(bidi)}"
    scheme = _SCHEME.match(text)
    if scheme is not None and "." in scheme.group(1) and "://" not in text:
        scheme = None  # a host and its port: acme.ai:8080
    if scheme is not None and "://" in text and scheme.group(1).lower() not in ("http",
                                                                                  "https"):
        return f"{_cut(scheme.group(1), 20)}: addresses are not web pages"
    if scheme is not None and "://" not in text and scheme.group(1).lower() in ("http",
                                                                                  "https"):
        slashes = len(text[scheme.end():]) - len(text[scheme.end():].lstrip("/"))
        missing = "a slash is" if slashes == 1 else "the slashes are"
        return f"{missing} missing: {scheme.group(1)}: is written {scheme.group(1)}://"
    if scheme is not None and "://" not in text and "@" in re.split(r"[/?#]", text)[0] \
            and scheme.group(1).lower() not in _OTHER_SCHEMES:
        return "it has a user name or password"  # bo:secret@acme.ai
    if scheme is not None and "://" not in text and not text[scheme.end():][:1].isdigit():
        return f"{_cut(scheme.group(1), 20)}: addresses are not web pages"
    return None


def _parts_problem(scheme: str, netloc: str) -> str | None:
    """What is wrong with an address's scheme and host (``None``: nothing)."""
    if not scheme:  # what is before :// is no scheme: =HYPERLINK("https://…")
        return "it does not start with http:// or https://"
    if scheme.lower() not in ("http", "https"):
        return f"{_cut(scheme, 20)}: addresses are not web pages"
    if "@" in netloc:
        return "it has a user name or password"
    host, _, port = netloc.rpartition(":") if not netloc.endswith("]") else (netloc, "", "")
    if not host:
        host, port = netloc, ""
    if port and not (port.isdigit() and 0 < int(port) < 65536):
        return f"'{_cut(port, 20)}' is not a port number"
    if not host:
        return "it has no host name"
    return None if _host_ok(host) else f"'{_cut(host, 40)}' is not a host name"


def _host_ok(host: str) -> bool:
    """An IP address, or a name of at least two labels whose last is not a number."""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return True
    except ValueError:
        pass
    labels = host.removesuffix(".").split(".")
    return len(labels) >= 2 and all(_LABEL.match(label) for label in labels) and \
        not labels[-1].isdigit()


def shown_website(address: str) -> str:
    """The short form a link shows: ``https://www.acme.ai/en/`` → ``acme.ai/en``."""
    return _SHOWN_PREFIX.sub("", address).rstrip("/")


def found_in(fragment: str, address: str) -> bool:
    """Whether ``fragment``, a part of a website typed as this rule takes one (in any case,
    with full-width letters or ideographic full stops, a host in its own script or in its
    ``xn--`` form, with or without ``https://``, ``www.`` and a closing slash), is in
    ``address``, a website as :func:`normalise_website` keeps it. Nothing of an address
    (``""``, ``www.``, ``https://``) is in none."""
    text = _SEARCHED_PREFIX.sub("", _read(fragment.strip())).rstrip("/")
    return bool(address and text) and any(
        w in kept for w in _spellings(text) if w
        for kept in _spellings(_read(shown_website(address))))


def _read(text: str) -> str:
    """``text`` read as the rule reads a host (:func:`_host_text`), in one case."""
    return _host_text(text).casefold()


@lru_cache(maxsize=4096)
def _spellings(text: str) -> frozenset[str]:
    """``text`` (a website or a part of one) as written, and with its host's ``xn--`` labels
    as the names they stand for (``xn--fiqs8s`` is ``中国``)."""
    end = m.start() if (m := _HOST_END.search(text)) else len(text)
    labels = [_unicode_label(label) for label in text[:end].split(".")]
    return frozenset((text, ".".join(labels) + text[end:]))


def _unicode_label(label: str) -> str:
    """A host's label, an ``xn--`` one decoded (kept as written when it does not decode)."""
    if not label.startswith("xn--"):
        return label
    try:
        return label[4:].encode("ascii").decode("punycode")
    except (UnicodeError, ValueError):
        return label
