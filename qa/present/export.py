"""Export answers, summaries, outlet comparisons and timelines as Markdown, standalone HTML or JSON.

One function per format over the typed results (qa.schema.Answer / Summary, qa.news.schema.Comparison / Timeline);
`export(result, fmt)` picks it. Every export carries the exact quotes, outlets, publication dates, document ids
with character offsets, and the articles' links.

Article text is untrusted: HTML output escapes everything (`html.escape`, quotes included), links only http(s)
URLs (with rel="noopener noreferrer"), and the page forbids scripts and remote content with a
Content-Security-Policy; Markdown output backslash-escapes the characters Markdown (and the raw HTML it allows)
would interpret, so a quote that contains `<script>` or `[x](javascript:...)` stays text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from pydantic import BaseModel

from qa.errors import UsageError
from qa.news.schema import CERTAINTY_WORDS, Comparison, Timeline
from qa.schema import Answer, AnswerSentence, Citation, Summary
from qa.sources import UNKNOWN, safe_url

FORMATS = ("md", "html", "json")
SUFFIX = {"md": ".md", "html": ".html", "json": ".json"}
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~])")
_MARKER = re.compile(r"\\\[(\d+)\\\]")


# ---- shared pieces ---------------------------------------------------------------------------------------------
def md_escape(text: object) -> str:
    """Text for Markdown: one line, Markdown and HTML punctuation backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_markers(escaped: str, known: set[int]) -> str:
    """Restore the citation markers [n] (escaped by md_escape) of known citations."""
    return _MARKER.sub(lambda m: f"[{m.group(1)}]" if int(m.group(1)) in known else m.group(0), escaped)


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_markers(escaped: str, known: set[int]) -> str:
    """Escaped text with its [n] markers of known citations turned into links to the numbered sources."""
    return re.sub(r"\[(\d+)\]", lambda m: f'<a class="cite" href="#src-{m.group(1)}">[{m.group(1)}]</a>'
                  if int(m.group(1)) in known else m.group(0), escaped)


def _outlet(c: Citation) -> str:
    return c.source if c.source and c.source != UNKNOWN else f"{c.doc_id} (outlet unknown)"


def _sentence_line(s: AnswerSentence) -> str:
    """The sentence with its markers before the final punctuation ("... confirmed [1]."); markers already written
    inside it (summary sentences carry theirs inline) are not added again."""
    text = s.text.strip()
    marks = "".join(f"[{n}]" for n in s.citations if f"[{n}]" not in text)
    if not marks:
        return text
    m = re.match(r"(.*?)([.!?…]+[\"'”’)]*)$", text, re.S)
    return f"{m.group(1)} {marks}{m.group(2)}" if m else f"{text} {marks}"


def _md_sources(citations: list[Citation]) -> list[str]:
    if not citations:
        return []
    lines = ["", "## Sources", ""]
    for c in citations:
        url = safe_url(c.url)
        title = f" — {md_escape(c.title)}" if c.title and c.title != UNKNOWN else ""
        link = f" — <{url}>" if url and not re.search(r"[\s<>]", url) else ""
        lines.append(f"{c.n}. **{md_escape(_outlet(c))}**, published {md_escape(c.published)}{title} — "
                     f"`{c.doc_id}`, characters {c.start}–{c.end}{link}")
        lines.append(f"   > “{md_escape(c.quote)}”")
    return lines


def _html_sources(citations: list[Citation]) -> str:
    if not citations:
        return ""
    items = []
    for c in citations:
        url = safe_url(c.url)
        title = esc(c.title) if c.title and c.title != UNKNOWN else esc(url or c.doc_id)
        name = f'<a href="{esc(url)}" rel="noopener noreferrer">{title}</a>' if url else title
        items.append(f'<li id="src-{int(c.n)}"><strong>{esc(_outlet(c))}</strong> · published {esc(c.published)} · '
                     f"{name} · <code>{esc(c.doc_id)}</code>, characters {int(c.start)}–{int(c.end)}"
                     f'<blockquote><mark>{esc(c.quote)}</mark></blockquote></li>')
    return f'<h2>Sources</h2><ol class="sources">{"".join(items)}</ol>'


_CSS = """body{font-family:system-ui,sans-serif;max-width:52em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}
mark{background:#fde68a}a.cite{font-size:.8em;vertical-align:super;text-decoration:none}
blockquote{margin:.3em 0 .8em 1em;padding-left:.6em;border-left:3px solid #ddd}
.meta,.note{color:#555;font-size:.9em}.conflict{border:1px solid #f59e0b;background:#fffbeb;padding:.4em .6em}
.side{display:flex;gap:1em;flex-wrap:wrap}.side>div{flex:1 1 16em;border-left:3px solid #cbd5e1;padding-left:.6em}
.flag{color:#b45309;font-weight:600}"""


def _page(title: str, body: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<meta name=\"generator\" content=\"newsqa\"><title>{esc(title)}</title><style>{_CSS}</style></head>"
            f"<body>{body}</body></html>\n")


def _notes_md(notes: list[str]) -> list[str]:
    return ["", "## Notes", "", *(f"- {md_escape(n)}" for n in notes)] if notes else []


def _notes_html(notes: list[str]) -> str:
    return ("<h2>Notes</h2><ul>" + "".join(f'<li class="note">{esc(n)}</li>' for n in notes) + "</ul>") \
        if notes else ""


# ---- answers ---------------------------------------------------------------------------------------------------
def answer_markdown(a: Answer) -> str:
    known = {c.n for c in a.citations}
    lines = [f"# {md_escape(a.question)}", ""]
    if a.abstained:
        lines.append(f"**No answer from the articles.** {md_escape(a.answer)}")
        if a.closest:
            lines += ["", "## Closest passages", ""]
            lines += [f"- **{md_escape(p.source if p.source != UNKNOWN else p.doc_id + ' (outlet unknown)')}**, "
                      f"published {md_escape(p.published)} (`{p.doc_id}`): {md_escape(p.text)}" for p in a.closest]
    else:
        shown = [s for s in a.sentences if s.supported]
        body = " ".join(_sentence_line(s) for s in shown) if shown else a.answer
        lines.append(_md_markers(md_escape(body), known))
        left = [s for s in a.sentences if not s.supported]
        if left:
            lines += ["", "## Left out (the cited text does not support them)", ""]
            lines += [f"- {md_escape(s.text)} ({md_escape(s.reason)})" for s in left]
    lines += _md_sources(a.citations)
    return "\n".join(lines) + "\n"


def answer_html(a: Answer) -> str:
    known = {c.n for c in a.citations}
    parts = [f"<h1>{esc(a.question)}</h1>"]
    if a.abstained:
        parts.append(f"<p><strong>No answer from the articles.</strong> {esc(a.answer)}</p>")
        if a.closest:
            parts.append("<h2>Closest passages</h2><ul>" + "".join(
                f"<li><strong>{esc(p.source)}</strong> · {esc(p.published)} · <code>{esc(p.doc_id)}</code>: "
                f"{esc(p.text)}</li>" for p in a.closest) + "</ul>")
    else:
        shown = [s for s in a.sentences if s.supported]
        body = " ".join(_sentence_line(s) for s in shown) if shown else a.answer
        parts.append(f"<p>{_html_markers(esc(body), known)}</p>")
        left = [s for s in a.sentences if not s.supported]
        if left:
            parts.append("<h2>Left out (the cited text does not support them)</h2><ul>" + "".join(
                f"<li>{esc(s.text)} <em>({esc(s.reason)})</em></li>" for s in left) + "</ul>")
    parts.append(_html_sources(a.citations))
    return _page(a.question, "".join(parts))


# ---- summaries -------------------------------------------------------------------------------------------------
def _summary_blocks(s: Summary) -> list[tuple[str | None, str]]:
    from qa.present.html import summary_sections  # the UI's reading of the summary's sections

    if not s.sentences:
        return [(None, s.summary)]
    return [(head, " ".join(_sentence_line(x) for x in sentences)) for head, sentences in summary_sections(s)]


def summary_markdown(s: Summary) -> str:
    known = {c.n for c in s.citations}
    lines = [f"# Summary{': ' + md_escape(s.topic) if s.topic else ''}", ""]
    for head, text in _summary_blocks(s):
        if head:
            lines += [f"### {md_escape(head)}", ""]
        lines += [_md_markers(md_escape(text), known), ""]
    m = s.metrics
    lines.append(f"_Source coverage {m.source_coverage:.2f} · citation balance {m.citation_balance:.2f} · "
                 f"attributed {m.attributed_ratio:.2f} · unsupported sentences {m.unsupported_sentences}_")
    lines += _notes_md(s.notes) + _md_sources(s.citations)
    return "\n".join(lines) + "\n"


def summary_html(s: Summary) -> str:
    known = {c.n for c in s.citations}
    parts = [f"<h1>Summary{': ' + esc(s.topic) if s.topic else ''}</h1>"]
    for head, text in _summary_blocks(s):
        if head:
            parts.append(f"<h3>{esc(head)}</h3>")
        parts.append(f"<p>{_html_markers(esc(text), known)}</p>")
    m = s.metrics
    parts.append(f'<p class="meta">Source coverage {m.source_coverage:.2f} · citation balance '
                 f"{m.citation_balance:.2f} · attributed {m.attributed_ratio:.2f} · unsupported sentences "
                 f"{m.unsupported_sentences}</p>")
    parts.append(_notes_html(s.notes) + _html_sources(s.citations))
    return _page(f"Summary {s.topic or ''}".strip(), "".join(parts))


# ---- comparisons -----------------------------------------------------------------------------------------------
def comparison_markdown(c: Comparison) -> str:
    lines = [f"# How the outlets report{': ' + md_escape(c.topic) if c.topic else ''}"]
    if c.filters:
        lines += ["", f"_Filters: {md_escape(c.filters)}_"]
    for r in c.outlets:
        lines += ["", f"## {md_escape(r.outlet)}", "",
                  f"_{len(r.doc_ids)} article(s): {md_escape(', '.join(r.doc_ids))}; published "
                  f"{md_escape(', '.join(r.published))}_", ""]
        lines.append(" ".join(_md_markers(md_escape(s.text), set(s.citations)) + "." for s in r.sentences)
                     or "(nothing on this topic)")
    lines += _notes_md(c.notes) + _md_sources(c.citations)
    return "\n".join(lines) + "\n"


def comparison_html(c: Comparison) -> str:
    parts = [f"<h1>How the outlets report{': ' + esc(c.topic) if c.topic else ''}</h1>"]
    if c.filters:
        parts.append(f'<p class="meta">Filters: {esc(c.filters)}</p>')
    for r in c.outlets:
        parts.append(f"<h2>{esc(r.outlet)}</h2><p class=\"meta\">{len(r.doc_ids)} article(s): "
                     f"{esc(', '.join(r.doc_ids))}; published {esc(', '.join(r.published))}</p>")
        body = " ".join(_html_markers(esc(s.text), set(s.citations)) + "." for s in r.sentences)
        parts.append(f"<p>{body or '(nothing on this topic)'}</p>")
    parts.append(_notes_html(c.notes) + _html_sources(c.citations))
    return _page("Outlet comparison", "".join(parts))


# ---- timelines -------------------------------------------------------------------------------------------------
def _who(a) -> str:
    certainty = CERTAINTY_WORDS[a.certainty]
    return f"{a.speaker}: {certainty}" if a.speaker else certainty


def timeline_markdown(t: Timeline) -> str:
    lines = [f"# Timeline{': ' + md_escape(t.topic) if t.topic else ''}", "",
             f"_{len(t.doc_ids)} article(s): {md_escape(', '.join(t.doc_ids))}"
             + (f"; filters: {md_escape(t.filters)}" if t.filters else "") + "_"]
    undated_head = False
    for e in t.events:
        if not e.date.known and not undated_head:
            lines += ["", "## Date not stated in the articles"]
            undated_head = True
        flag = {"conflict": " — ⚠ conflicting accounts", "agree": " — reported by several articles"}.get(e.relation, "")
        lines += ["", f"### {md_escape(e.date.label)}{flag}", ""]
        if e.conflict:
            lines += [f"_{md_escape(e.conflict)}_", ""]
        for a in e.accounts:
            lines.append(f"- [{a.n}] **{md_escape(a.outlet)}**, published {md_escape(a.published)} "
                         f"({md_escape(_who(a))}): “{md_escape(a.quote)}”")
    lines += _notes_md(t.notes) + _md_sources(t.citations)
    return "\n".join(lines) + "\n"


def timeline_html(t: Timeline) -> str:
    parts = [f"<h1>Timeline{': ' + esc(t.topic) if t.topic else ''}</h1>",
             f'<p class="meta">{len(t.doc_ids)} article(s): {esc(", ".join(t.doc_ids))}'
             + (f"; filters: {esc(t.filters)}" if t.filters else "") + "</p>"]
    undated_head = False
    for e in t.events:
        if not e.date.known and not undated_head:
            parts.append("<h2>Date not stated in the articles</h2>")
            undated_head = True
        flag = {"conflict": ' <span class="flag">⚠ conflicting accounts</span>',
                "agree": ' <span class="meta">reported by several articles</span>'}.get(e.relation, "")
        accounts = "".join(
            f'<div><a class="cite" href="#src-{a.n}">[{a.n}]</a> <strong>{esc(a.outlet)}</strong>, published '
            f'{esc(a.published)} <span class="meta">({esc(_who(a))})</span><blockquote><mark>{esc(a.quote)}</mark>'
            f"</blockquote></div>" for a in e.accounts)
        why = f'<p class="note">{esc(e.conflict)}</p>' if e.conflict else ""
        box = ' class="conflict"' if e.relation == "conflict" else ""
        parts.append(f"<section{box}><h3>{esc(e.date.label)}{flag}</h3>{why}<div class=\"side\">{accounts}</div>"
                     "</section>")
    parts.append(_notes_html(t.notes) + _html_sources(t.citations))
    return _page("Timeline", "".join(parts))


# ---- dispatch --------------------------------------------------------------------------------------------------
_EXPORTERS: dict[type, dict[str, Callable]] = {
    Answer: {"md": answer_markdown, "html": answer_html},
    Summary: {"md": summary_markdown, "html": summary_html},
    Comparison: {"md": comparison_markdown, "html": comparison_html},
    Timeline: {"md": timeline_markdown, "html": timeline_html},
}


def to_json(result: BaseModel) -> str:
    """The result as its documented JSON contract."""
    return result.model_dump_json(indent=2) + "\n"


def export(result: BaseModel, fmt: str) -> str:
    """`result` (Answer, Summary, Comparison or Timeline) as md, html or json; UsageError for another format."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (choose one of {', '.join(FORMATS)})")
    if fmt == "json":
        return to_json(result)
    for kind, fns in _EXPORTERS.items():
        if isinstance(result, kind):
            return fns[fmt](result)
    raise UsageError(f"cannot export a {type(result).__name__}")
