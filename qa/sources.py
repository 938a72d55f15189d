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


def web_brand(url: str | None) -> str:
    """The brand word of a web address: "nytimes" for https://www.nytimes.com/..., "" when unknown."""
    from urllib.parse import urlsplit

    host = urlsplit(url or "").hostname or ""
    parts = [p for p in host.split(".") if p and p != "www"]
    if len(parts) >= 3 and len(parts[-1]) == 2 and parts[-2] in {"co", "com", "org", "net", "ac", "gov"}:
        parts = parts[:-2]  # ibtimes.co.uk -> ibtimes
    elif len(parts) >= 2:
        parts = parts[:-1]
    return parts[-1].lower() if parts else ""


def outlet_names(source: str | None, url: str | None = None) -> list[str]:
    """Ways a question or a sentence may name an outlet the metadata records: its name; without a leading "The";
    without a short regional qualifier ("International Business Times" for "International Business Times UK",
    as people name an edition's parent); its web brand ("ibtimes" for ibtimes.co.uk) and the brand with the
    qualifier ("IBTimes UK"). Empty for an unknown outlet."""
    if not is_known(source):
        return []
    name = " ".join(str(source).split())
    bare = re.sub(r"^the\s+", "", name, flags=re.I)
    names = [name, bare]
    words = bare.split()
    qualifier = words[-1] if len(words) >= 2 and len(words[-1]) <= 3 and words[-1].isupper() else ""
    if qualifier and len(words) >= 3:  # "Sky News UK" -> "Sky News"; never down to one word ("BBC" of "BBC UK")
        names.append(" ".join(words[:-1]))
    brand = web_brand(url)
    if len(brand) >= 3:
        names.append(brand)
        if qualifier:
            names.append(f"{brand} {qualifier}")
    return list(dict.fromkeys(names))


def strip_own_attribution(text: str, title: str | None, source: str | None, published: str | None,
                          doc_id: str = "", url: str | None = None) -> str:
    """`text` without an attribution to the cited article itself ("According to <its outlet>, X" -> "X"), so the
    rest is checked against the article's words: the outlet's name is metadata, not article text. The outlet may
    be named in any of its `outlet_names`. Names that are unknown are not stripped."""
    names = [re.escape(n) for n in outlet_names(source, url)]
    names += [re.escape(str(title))] if is_known(title) else []
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
