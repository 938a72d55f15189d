"""HTML for the UI's Compare and Timeline views, in the style of qa.present.html: clickable [n] markers that open and
highlight their source card (render.UI_JS), the cited span of each card marked, everything from an article
escaped (articles are untrusted; see qa/present/html.py)."""

from __future__ import annotations

import re

from qa.news.schema import CERTAINTY_WORDS, Comparison, Timeline, TimelineEvent
from qa.present import html as render

_MARKER = re.compile(r"\[(\d+)\]")

NEWS_CSS = """
.nq-outlet { margin: 0 0 0.9em; }
.nq-event { border-left: 3px solid #cbd5e1; padding: 2px 0 4px 10px; margin: 8px 0; }
.nq-event.nq-conflict { border-left-color: #d97706; background: #fffbeb; }
.nq-when { font-weight: 600; }
.nq-flag { color: #b45309; font-weight: 600; margin-left: 6px; font-size: 0.9em; }
.nq-agree { color: #166534; margin-left: 6px; font-size: 0.85em; }
.nq-side { display: flex; gap: 10px; flex-wrap: wrap; }
.nq-account { flex: 1 1 18em; min-width: 14em; }
.nq-account q { quotes: "“" "”"; }
.nq-undated-head { font-size: 0.95em; font-weight: 600; margin: 1em 0 0.2em; color: #374151; }
"""


def _with_markers(text: str, citations: list[int], turn: str) -> str:
    """Escaped text whose [n] markers (of this sentence's citations) link to their cards."""
    known = set(citations)
    return _MARKER.sub(lambda m: render.marker_html(turn, int(m.group(1))) if int(m.group(1)) in known
                       else m.group(0), render.esc(text))


def _cards(citations, turn: str) -> str:
    if not citations:
        return ""
    return '<div class="nq-section">Sources</div>' + "".join(render.citation_card(c, turn) for c in citations)


def _notes(notes: list[str]) -> str:
    return "".join(f'<div class="nq-note">{render.esc(n)}</div>' for n in notes)


def comparison_html(c: Comparison, turn: str = "cmp") -> str:
    """One paragraph per outlet, markers linked to source cards with the quoted sentence highlighted."""
    parts = ['<div class="nq-msg nq-compare">', _notes(c.notes)]
    for r in c.outlets:
        body = " ".join(_with_markers(s.text, s.citations, turn) + "." for s in r.sentences) or \
            '<span class="nq-none">nothing on this topic</span>'
        parts.append(f'<div class="nq-outlet"><div class="nq-subhead">{render.esc(r.outlet)}</div>'
                     f'<div class="nq-meta">{len(r.doc_ids)} article(s): {render.esc(", ".join(r.doc_ids))} · '
                     f'published {render.esc(", ".join(r.published))}</div><div class="nq-answer">{body}</div></div>')
    parts.append(_cards(c.citations, turn))
    parts.append("</div>")
    return "".join(parts)


def _event_html(e: TimelineEvent, turn: str) -> str:
    flag = {"conflict": '<span class="nq-flag">⚠ conflicting accounts</span>',
            "agree": '<span class="nq-agree">reported by several articles</span>'}.get(e.relation, "")
    why = f'<div class="nq-note nq-warnnote">{render.esc(e.conflict)}</div>' if e.conflict else ""
    accounts = []
    for a in e.accounts:
        who = f"{a.speaker}: {CERTAINTY_WORDS[a.certainty]}" if a.speaker else CERTAINTY_WORDS[a.certainty]
        accounts.append(f'<div class="nq-account"><div class="nq-meta">{render.esc(a.outlet)} · published '
                        f"{render.esc(a.published)} · {render.esc(who)}</div><q>{render.esc(a.quote)}</q>"
                        f"{render.marker_html(turn, a.n)}</div>")
    cls = "nq-event nq-conflict" if e.relation == "conflict" else "nq-event"
    return (f'<div class="{cls}"><div class="nq-when">{render.esc(e.date.label)}{flag}</div>{why}'
            f'<div class="nq-side">{"".join(accounts)}</div></div>')


def timeline_html(t: Timeline, turn: str = "tl") -> str:
    """Dated events in order, then the undated ones; conflicting accounts side by side; source cards."""
    parts = ['<div class="nq-msg nq-timeline">', _notes(t.notes)]
    undated = False
    for e in t.events:
        if not e.date.known and not undated:
            parts.append('<div class="nq-undated-head">Date not stated in the articles</div>')
            undated = True
        parts.append(_event_html(e, turn))
    parts.append(_cards(t.citations, turn))
    parts.append("</div>")
    return "".join(parts)
