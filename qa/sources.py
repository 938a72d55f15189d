"""How newsqa names a source to a reader or to the model: one place for the "unknown" metadata rules.

Outlets are named from metadata only: the outlet when known, else the article's title, else the document id
with "outlet unknown" (never a file name, never a guess).

    >>> display_name("unknown", "International Business Times UK", "seed-000")
    'International Business Times UK'
    >>> display_name("unknown", "unknown", "seed-003")
    'seed-003 (outlet unknown)'
"""

from __future__ import annotations

import re

UNKNOWN = "unknown"


def is_known(value: str | None) -> bool:
    """False for missing, empty and "unknown" metadata values."""
    return bool(value) and value.strip().lower() != UNKNOWN


def display_name(title: str | None, source: str | None, doc_id: str) -> str:
    """A source's name for citations, cards and prompts: "Outlet: Title", the outlet, the title, or the id."""
    if is_known(source) and is_known(title):
        return f"{source}: {title}"
    if is_known(source):
        return str(source)
    if is_known(title):
        return str(title)
    return f"{doc_id} (outlet unknown)"


def source_label(title: str | None, source: str | None, doc_id: str) -> str:
    """How a sentence names a source ("According to <label>, ..."): the outlet, else the titled article, else
    the article by id."""
    if is_known(source):
        return str(source)
    if is_known(title):
        return f"the article “{title}”"
    return f"the article {doc_id} (outlet unknown)"


def header(title: str | None, source: str | None, doc_id: str, published: str | None) -> str:
    """The one-line head of a passage or citation: name and, when known, the publication date."""
    name = display_name(title, source, doc_id)
    return f"{name}, {published}" if is_known(published) else name


def strip_own_attribution(text: str, title: str | None, source: str | None, published: str | None,
                          doc_id: str = "") -> str:
    """`text` without an attribution to the cited article itself ("According to <its outlet>, X" -> "X"), so the
    rest is checked against the article's words: the outlet's name is metadata, not article text. Names that are
    unknown are not stripped."""
    names = [re.escape(n) for n in (source, title) if is_known(n)]
    if doc_id:  # how headers and sentences name it: "seed-003 (outlet unknown)", "the article seed-003 (...)"
        names.append(re.escape(display_name(title, source, doc_id)))
        names.append(re.escape(source_label(title, source, doc_id)))
    if not names:
        return text
    name = rf"(?:the\s+)?(?:{'|'.join(names)})(?:\s*,?\s*\(?\s*{re.escape(published)}\s*\)?)?" if is_known(published) \
        else rf"(?:the\s+)?(?:{'|'.join(names)})"
    out = re.sub(rf"^\s*(?:according\s+to|as\s+reported\s+by|per)\s+{name}\s*,?\s*", "", text, flags=re.I)
    out = re.sub(rf"^\s*{name}\s*,?\s+(?:reports|reported|says|said|writes|wrote)(?:\s+that)?\s+", "", out,
                 flags=re.I)
    out = re.sub(rf",?\s*(?:according\s+to|as\s+reported\s+by|reports|reported)\s+{name}\s*(?=[.!?]?\s*$)", "", out,
                 flags=re.I)
    # "<outlet> described ISIS as a militant group that ..." is the article's own description: "ISIS is a ..."
    if m := re.match(rf"^\s*{name}\s+(?:describes|described|characteri[sz]es|characteri[sz]ed|portrays|portrayed)"
                     rf"\s+(?P<what>.+?)\s+as\s+(?P<rest>.+)$", out, flags=re.I):
        what = m.group("what")
        last = what.split()[-1]
        plural = last.islower() and last.endswith("s") and not last.endswith("ss")  # "the militants", not "ISIS"
        out = f"{what} {'are' if plural else 'is'} {m.group('rest')}"
    out = out.strip()
    if out == text.strip() or not re.search(r"[A-Za-z]", out):
        return text
    return out[0].upper() + out[1:]


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) with a host, else None: a source link is never a javascript: or data: URL."""
    from urllib.parse import urlparse

    if not url:
        return None
    try:
        parsed = urlparse(url.strip())
    except ValueError:
        return None
    return url.strip() if parsed.scheme in ("http", "https") and parsed.netloc else None
