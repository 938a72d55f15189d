"""HTML for the web UI: answers with clickable [n] markers, source cards with the cited sentence highlighted,
abstentions, summaries, balance-metric bars and ingestion reports.

Everything that comes from an article, a file name or the model goes through `html.escape`: articles come
from anywhere, and markup inside them must show as text, never render or run. Links are emitted only for
http(s) URLs. Only tags and attributes that survive Gradio's chat sanitizer are used (no data-*): a marker
is `<a class="nq-cite" href="#nq-<turn>-<n>">` and its card has that id; `UI_JS` opens and highlights the card
when a marker is clicked (CSS `:target` styles it too).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

from qa import sources
from qa.schema import (
    Answer,
    AnswerSentence,
    Citation,
    IngestReport,
    Passage,
    Summary,
    SummaryItem,
    SummaryMetrics,
)
from qa.sources import UNKNOWN

_END_PUNCT = re.compile(r"([.!?][\"”’)]?)$")
_RAW_MARKER = re.compile(r"\[(\d+(?:\s*[,;\-–]\s*\d+)*)\]")
_SAFE_ID = re.compile(r"[^A-Za-z0-9_-]")


def esc(text: object) -> str:
    """Escape any text for HTML content and attribute values (quotes included)."""
    return html.escape(str(text), quote=True)


def esc_lines(text: object) -> str:
    """Escape text and turn line breaks into <br>: a blank line inside chat HTML would end the HTML block
    for the Markdown renderer."""
    return esc(text).replace("\r\n", "\n").replace("\n", "<br>")


def card_id(turn: str, n: int) -> str:
    """The DOM id of source card `n` of one answer; `turn` keeps ids unique across a conversation."""
    return f"nq-{_SAFE_ID.sub('', str(turn))}-{int(n)}"


def marker_html(turn: str, n: int) -> str:
    """A citation marker `[n]` that links to (and, with UI_JS, opens and highlights) its source card."""
    target = card_id(turn, n)
    return f'<a class="nq-cite" href="#{target}" title="Show source {int(n)}">[{int(n)}]</a>'


def _meta_line(source: str, published: str, doc_id: str) -> str:
    src = esc(source) if source and source != UNKNOWN else '<span class="nq-unknown">source unknown</span>'
    date = esc(published) if published and published != UNKNOWN else '<span class="nq-unknown">date unknown</span>'
    return f'<div class="nq-meta">{src} · {date} · <code>{esc(doc_id)}</code></div>'


def _title_html(title: str, url: str | None, source: str = UNKNOWN, doc_id: str = "") -> str:
    safe = sources.safe_url(url)
    text = esc(sources.display_name(title, source, doc_id) if doc_id else title or UNKNOWN)
    if safe:
        return f'<a class="nq-title" href="{esc(safe)}" target="_blank" rel="noopener noreferrer">{text}</a>'
    return f'<span class="nq-title">{text}</span>'


def highlight_quote(passage: str, passage_start: int, start: int, end: int, quote: str = "",
                    where: str = "") -> str:
    """The passage escaped, with exactly the quoted span (absolute offsets start..end) wrapped in <mark>.

    Falls back to finding `quote` in the passage when the offsets do not fall inside it. The mark's tooltip
    names the span (`where`, e.g. the document id, and the character offsets) so a reader can verify it."""
    s, e = start - passage_start, end - passage_start
    if not (0 <= s < e <= len(passage)) or (quote and passage[s:e] != quote):
        found = passage.find(quote) if quote else -1
        if found < 0:
            return esc_lines(passage)
        s, e = found, found + len(quote)
    span = f"{where}, " if where else ""
    tip = f"{span}characters {passage_start + s}–{passage_start + e}"
    return (f'{esc_lines(passage[:s])}<mark class="nq-quote" title="{esc(tip)}">{esc_lines(passage[s:e])}</mark>'
            f"{esc_lines(passage[e:])}")


def citation_card(c: Citation, turn: str) -> str:
    """A source card: number, title (linked when the URL is http/https), source, date, id and the passage
    with the cited sentence highlighted."""
    body = highlight_quote(c.passage, c.passage_start, c.start, c.end, c.quote, c.doc_id) if c.passage else \
        f'<mark class="nq-quote" title="{esc(c.doc_id)}, characters {c.start}–{c.end}">{esc_lines(c.quote)}</mark>'
    return (f'<div class="nq-card" id="{card_id(turn, c.n)}">'
            f'<div class="nq-card-head"><span class="nq-num">[{int(c.n)}]</span> '
            f"{_title_html(c.title, c.url, c.source, c.doc_id)}"
            f"</div>{_meta_line(c.source, c.published, c.doc_id)}"
            f'<div class="nq-passage">{body}</div></div>')


def passage_card(p: Passage) -> str:
    """A retrieved passage (no citation, nothing highlighted): shown as a closest passage on abstention."""
    return (f'<div class="nq-card nq-closest">'
            f'<div class="nq-card-head">{_title_html(p.title, p.url, p.source, p.doc_id)}</div>'
            f"{_meta_line(p.source, p.published, p.doc_id)}"
            f'<div class="nq-passage">{esc_lines(p.text)}</div></div>')


def sentence_html(s: AnswerSentence, turn: str, known: set[int] | None = None) -> str:
    """One answer sentence with its markers before the final punctuation (after the closing quotation mark of an
    exact quote, as in the answer text: inside it they would read as the article's words); unsupported ones are
    flagged with a warning style and the reason as a tooltip."""
    nums = [n for n in s.citations if known is None or n in known]
    markers = "".join(marker_html(turn, n) for n in nums)
    text = s.text.strip()
    m = _END_PUNCT.search(text)
    if nums and all(f"[{n}]" in text for n in nums):  # markers written inside the sentence (summaries)
        body = _inline_markers(text, turn, known)
    elif markers and m and not (s.status in ("quoted", "source_quote") and text.endswith(("”", '"'))):
        body = f"{esc(text[:m.start()])}{markers}{esc(m.group(1))}"
    elif markers:
        body = f"{esc(text)}{markers}"
    else:
        body = esc(text)
    if s.supported:
        return f'<span class="nq-sent">{body}</span>'
    reason = s.reason or "not supported by the cited text"
    tip = esc(f"Not supported by the cited text: {reason}")
    return (f'<span class="nq-sent nq-unsupported" title="{tip}">'
            f'<span class="nq-warn" aria-label="unsupported">⚠</span> {body}</span>')


def _body_html(sentences: Sequence[AnswerSentence], fallback: str, turn: str, known: set[int]) -> str:
    if sentences:
        return " ".join(sentence_html(s, turn, known) for s in sentences)
    return esc(fallback)


def _unsupported_note(sentences: Sequence[AnswerSentence]) -> str:
    """The sentences left out of an answer because the cited text does not support them, with the reasons
    (listed apart, never as ordinary cited text), and those the check repaired, with what it changed."""
    bad = [s for s in sentences if not s.supported]
    repaired = [s for s in sentences if s.supported and s.status == "repaired"]
    out = ""
    if bad:
        what = "sentence" if len(bad) == 1 else "sentences"
        items = "".join(f"<li>{esc(s.text)} <em>({esc(s.reason or 'not supported by the cited text')})</em></li>"
                        for s in bad)
        out += (f'<details class="nq-note nq-warnnote nq-leftout"><summary>⚠ {len(bad)} {what} left out: not '
                f"supported by the cited text</summary><ul>{items}</ul></details>")
    if repaired:  # what the check changed in a sentence it kept
        what = "sentence" if len(repaired) == 1 else "sentences"
        items = "".join(f"<li>{esc(s.text)} <em>({esc(s.reason)})</em></li>" for s in repaired)
        out += (f'<details class="nq-note nq-repaired"><summary>{len(repaired)} {what} changed by the check'
                f"</summary><ul>{items}</ul></details>")
    return out


def _footer(model: str, timings: Mapping[str, float], extra: str = "") -> str:
    bits = [esc(model)] if model else []
    if "total_s" in timings:
        bits.append(f"{timings['total_s']:.1f} s")
    if extra:
        bits.append(esc(extra))
    return f'<div class="nq-foot">{" · ".join(bits)}</div>' if bits else ""


def answer_html(answer: Answer, turn: str) -> str:
    """A finished answer: text with markers, flagged sentences, then its source cards; or, when it
    abstained, a clear notice with the closest passages (and any rejected draft, for transparency)."""
    parts = ['<div class="nq-msg">']
    if answer.standalone_question:
        parts.append(f'<div class="nq-note">Understood as: <em>{esc(answer.standalone_question)}</em></div>')
    if answer.abstained:
        parts.append(f'<div class="nq-abstain"><strong>No answer from the articles.</strong> '
                     f"{esc(answer.answer)}</div>")
        if answer.closest:
            parts.append('<div class="nq-section">Closest passages</div>')
            parts.extend(passage_card(p) for p in answer.closest)
        if answer.sentences:
            rejected = "".join(f"<li>{esc(s.text)} <em>({esc(s.reason or 'unsupported')})</em></li>"
                               for s in answer.sentences)
            parts.append(f'<details class="nq-rejected"><summary>Rejected draft ({len(answer.sentences)} '
                         f"sentences)</summary><ul>{rejected}</ul></details>")
    else:
        known = {c.n for c in answer.citations}
        shown = [s for s in answer.sentences if s.supported]
        parts.append(f'<div class="nq-answer">{_body_html(shown, answer.answer, turn, known)}</div>')
        parts.append(_unsupported_note(answer.sentences))
        if answer.citations:
            parts.append('<div class="nq-section">Sources</div>')
            parts.extend(citation_card(c, turn) for c in answer.citations)
        parts.append(other_accounts_html(answer, turn))
    removed = f"{answer.removed_sentences} unsupported removed (strict)" if answer.removed_sentences else ""
    parts.append(_footer(answer.model, answer.timings, removed))
    parts.append("</div>")
    return "".join(parts)


def other_accounts_html(answer: Answer, turn: str) -> str:
    """What articles the answer does not cite attribute to whom about the same event: each an exact quote, with
    the speaker and verb as written and the certainty class, as a source card (qa/answer/accounts.py)."""
    if not answer.other_accounts:
        return ""
    from qa.answer.accounts import label

    parts = ['<div class="nq-section">What other articles attribute to whom</div>']
    for o in answer.other_accounts:
        parts.append(f'<div class="nq-note nq-account"><strong>{esc(label(o))}</strong></div>')
        parts.append(citation_card(o.citation, turn))
    return "".join(parts)


def streaming_html(text: str, status: str = "") -> str:
    """A partial answer while tokens arrive: escaped text, markers styled but not yet linked."""
    body = _RAW_MARKER.sub(r'<span class="nq-cite nq-pending">[\1]</span>', esc_lines(text))
    state = f'<div class="nq-status">{esc(status)}</div>' if status else ""
    return f'<div class="nq-msg nq-streaming">{state}<div class="nq-answer">{body}</div></div>'


def summary_sections(summary: Summary) -> list[tuple[str | None, list[AnswerSentence]]]:
    """The summary's sections (heading or None, sentences) from its typed sections (`Summary.sections`); a
    summary without them (a single source, older JSON) is one section without heading. Never parsed from text."""
    if summary.sections:
        return [(s.heading, [it.sentence for it in s.items]) for s in summary.sections if s.items]
    return [(None, list(summary.sentences))] if summary.sentences else []


def _inline_markers(text: str, turn: str, known: set[int] | None) -> str:
    """Escaped text with its inline [n] markers (conflict and agreement sentences cite inside) as links."""
    return re.sub(r"\[(\d+)\]", lambda m: marker_html(turn, int(m.group(1)))
                  if known is None or int(m.group(1)) in known else m.group(0), esc(text))


def _conflict_sides(item: SummaryItem, turn: str) -> str:
    """A conflict's accounts side by side: outlet, speaker, what differs, and the citation."""
    cells = "".join(
        f'<div class="nq-side"><div class="nq-side-head">{marker_html(turn, a.n)} {esc(a.outlet)}</div>'
        f'<div class="nq-meta">{esc(a.speaker or "the article itself")}</div>'
        f'<div class="nq-side-value">{esc(a.value or a.certainty)}</div></div>' for a in item.accounts)
    return f'<div class="nq-sides">{cells}</div>'


def summary_html(summary: Summary, turn: str = "sum") -> str:
    """A finished summary: notes, then one block per typed section (agreements, conflicts with their accounts
    side by side, single-source items), then the cards."""
    known = {c.n for c in summary.citations}
    parts = ['<div class="nq-msg nq-summary">']
    parts.extend(f'<div class="nq-note">{esc(n)}</div>' for n in summary.notes)
    if summary.sections:
        for section in summary.sections:
            parts.append(f'<div class="nq-block nq-{esc(section.kind)}" id="{card_id(turn, 0)}-{esc(section.kind)}">'
                         f'<div class="nq-subhead">{esc(section.heading)}</div>')
            for item in section.items:
                parts.append(f'<div class="nq-answer">{sentence_html(item.sentence, turn, known)}</div>')
                if item.kind == "conflict" and item.accounts:
                    parts.append(_conflict_sides(item, turn))
            parts.append("</div>")
    elif summary.sentences:
        for heading, sentences in summary_sections(summary):
            if heading:
                parts.append(f'<div class="nq-subhead">{esc(heading)}</div>')
            parts.append(f'<div class="nq-answer">{_body_html(sentences, "", turn, known)}</div>')
    else:
        parts.append(f'<div class="nq-answer">{esc_lines(summary.summary)}</div>')
    parts.append(_unsupported_note(summary.sentences))
    if summary.citations:
        parts.append('<div class="nq-section">Sources</div>')
        parts.extend(citation_card(c, turn) for c in summary.citations)
    parts.append(_footer(summary.model, summary.timings))
    parts.append("</div>")
    return "".join(parts)


def _bar(label: str, value: float, help_text: str) -> str:
    pct = max(0.0, min(1.0, float(value))) * 100
    level = "good" if pct >= 70 else "mid" if pct >= 40 else "low"
    return (f'<div class="nq-metric" title="{esc(help_text)}"><span class="nq-mlabel">{esc(label)}</span>'
            f'<span class="nq-bar"><span class="nq-fill nq-{level}" style="width:{pct:.0f}%"></span></span>'
            f'<span class="nq-mval">{pct:.0f}%</span></div>')


def metrics_html(metrics: SummaryMetrics) -> str:
    """The balance metrics as bars (coverage, balance, attributed ratio) plus the unsupported-sentence
    count and loaded terms."""
    bars = [
        _bar("Source coverage", metrics.source_coverage, "share of the chosen sources the summary cites"),
        _bar("Citation balance", metrics.citation_balance, "how evenly the citations spread over the sources"),
        _bar("Attributed", metrics.attributed_ratio, "share of sentences that say who claims it"),
    ]
    if metrics.agreement_precision is not None:
        bars.append(_bar("Agreement precision", metrics.agreement_precision,
                         "share of agreement sentences whose statement two or more cited outlets each support"))
    if metrics.attribution_accuracy is not None:
        bars.append(_bar("Attribution accuracy", metrics.attribution_accuracy,
                         "share of sentences naming the outlet and speaker of each citation correctly"))
    bad = metrics.unsupported_sentences
    count = (f'<div class="nq-metric"><span class="nq-mlabel">Unsupported sentences</span>'
             f'<span class="nq-count nq-{"low" if bad else "good"}">{int(bad)}</span></div>')
    if metrics.loaded_terms:
        chips = "".join(f'<span class="nq-chip">{esc(t)}</span>' for t in metrics.loaded_terms)
    else:
        chips = '<span class="nq-none">none</span>'
    terms = f'<div class="nq-metric"><span class="nq-mlabel">Loaded terms</span><span>{chips}</span></div>'
    return f'<div class="nq-metrics">{"".join(bars)}{count}{terms}</div>'


def ingest_report_html(report: IngestReport, summary_line: str, names: Mapping[str, str] | None = None) -> str:
    """The outcome of an upload: the one-line summary and one line per failed file, with temporary upload
    paths replaced by the names the user chose."""
    def clean(text: str) -> str:
        for path, name in (names or {}).items():
            text = text.replace(path, name)
        return text

    ok = "nq-okbox" if not report.errors else "nq-warnbox"
    parts = [f'<div class="{ok}"><strong>{esc(summary_line)}</strong>']
    if report.doc_ids:
        parts.append(f'<div class="nq-meta">Documents: {esc(", ".join(report.doc_ids))}</div>')
    if report.duplicate_notes:
        items = "".join(f"<li>{esc(clean(n))}</li>" for n in report.duplicate_notes)
        parts.append(f'<ul class="nq-duplicates">{items}</ul>')
    if report.errors:
        items = "".join(f"<li>{esc(clean(e))}</li>" for e in report.errors)
        parts.append(f'<ul class="nq-errors">{items}</ul>')
    parts.append("</div>")
    return "".join(parts)


def notice_html(message: str, kind: str = "info") -> str:
    """A one-line notice box (kind: info, ok, warn, error)."""
    return f'<div class="nq-notice nq-{_SAFE_ID.sub("", kind)}">{esc(message)}</div>'


DOC_COLUMNS = ["id", "title", "source", "published", "chunks"]


def docs_rows(docs: Mapping[str, object]) -> list[list[object]]:
    """Rows for the documents table from `NewsIndex.committed_docs()` (sorted by id)."""
    rows = []
    for doc_id, info in sorted(docs.items()):
        rows.append([doc_id, getattr(info, "title", ""), getattr(info, "source", ""),
                     getattr(info, "published", ""), int(getattr(info, "n_chunks", 0))])
    return rows


def doc_choices(docs: Mapping[str, object]) -> list[tuple[str, str]]:
    """(label, value) pairs for document pickers: 'title (id)' -> id."""
    return [(f"{getattr(info, 'title', doc_id)} ({doc_id})", doc_id) for doc_id, info in sorted(docs.items())]


def history_pairs(turns: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (question, answer text) pairs passed to `answer_question(history=...)`."""
    return [(str(q), str(a)) for q, a in turns]


UI_CSS = """
.nq-msg { line-height: 1.55; }
.nq-answer { margin: 0.2em 0 0.6em; }
a.nq-cite, .nq-cite { font-size: 0.78em; vertical-align: super; text-decoration: none; font-weight: 600;
  color: #1d4ed8; padding: 0 1px !important; margin: 0 !important; cursor: pointer; }
a.nq-cite:hover { text-decoration: underline; }
.nq-pending { color: #6b7280; cursor: default; }
.nq-unsupported { background: #fff4e5; border-bottom: 2px dashed #d97706; cursor: help; }
.nq-warn { color: #b45309; font-weight: 700; }
.nq-note { font-size: 0.85em; color: #4b5563; margin: 0.2em 0; }
.nq-warnnote { color: #92400e; }
.nq-section { font-size: 0.8em; color: #6b7280; margin: 0.8em 0 0.3em; font-weight: 600; }
.nq-card { border: 1px solid #e5e7eb; border-left: 4px solid #cbd5e1; border-radius: 6px; padding: 6px 10px;
  margin: 6px 0; background: #fafafa; color: #111827; transition: background 0.3s, border-color 0.3s; }
.nq-card:target, .nq-card.nq-active { border-left-color: #2563eb; background: #eff6ff;
  box-shadow: 0 0 0 2px #93c5fd; }
.nq-subhead { font-weight: 600; margin: 0.7em 0 0.1em; }
.nq-block { border-left: 3px solid #cbd5e1; padding-left: 8px; margin: 6px 0; }
.nq-block.nq-agreement { border-left-color: #16a34a; } .nq-block.nq-conflict { border-left-color: #d97706; }
.nq-sides { display: flex; gap: 8px; flex-wrap: wrap; margin: 2px 0 8px; }
.nq-side { flex: 1; min-width: 12em; border: 1px solid #e5e7eb; border-radius: 6px; padding: 4px 8px; }
.nq-side-head { font-weight: 600; font-size: 0.9em; } .nq-side-value { font-size: 0.9em; }
.nq-card-head { font-weight: 600; font-size: 0.92em; }
.nq-num { color: #1d4ed8; margin-right: 4px; }
.nq-title { color: inherit; }
.nq-meta { font-size: 0.78em; color: #6b7280; margin: 2px 0 4px; }
.nq-unknown { font-style: italic; }
.nq-passage { margin: 2px 0 0; font-size: 0.88em; color: #374151; }
mark.nq-quote { background: #fde68a; color: #111827; padding: 0 1px; border-radius: 2px; }
.nq-abstain { border: 1px solid #fca5a5; background: #fef2f2; color: #7f1d1d; border-radius: 6px;
  padding: 8px 10px; }
.nq-rejected { font-size: 0.85em; color: #6b7280; margin-top: 6px; }
.nq-foot { font-size: 0.72em; color: #9ca3af; margin-top: 6px; }
.nq-status { font-size: 0.8em; color: #6b7280; font-style: italic; }
.nq-streaming .nq-answer::after { content: "▍"; color: #9ca3af; }
.nq-metrics { display: flex; flex-direction: column; gap: 6px; }
.nq-metric { display: flex; align-items: center; gap: 8px; font-size: 0.9em; }
.nq-mlabel { width: 11em; flex: none; color: #374151; }
.nq-bar { flex: 1; height: 12px; background: #e5e7eb; border-radius: 6px; overflow: hidden; max-width: 320px; }
.nq-fill { display: block; height: 100%; }
.nq-fill.nq-good { background: #16a34a; } .nq-fill.nq-mid { background: #f59e0b; }
.nq-fill.nq-low { background: #dc2626; }
.nq-mval { width: 3em; text-align: right; font-variant-numeric: tabular-nums; }
.nq-count { font-weight: 700; } .nq-count.nq-good { color: #16a34a; } .nq-count.nq-low { color: #dc2626; }
.nq-chip { display: inline-block; background: #fee2e2; color: #991b1b; border-radius: 10px; padding: 0 8px;
  margin: 0 4px 2px 0; font-size: 0.85em; }
.nq-none { color: #6b7280; }
.nq-notice, .nq-okbox, .nq-warnbox { border-radius: 6px; padding: 8px 12px; margin: 4px 0; }
.nq-notice.nq-info { background: #eff6ff; border: 1px solid #bfdbfe; color: #1e3a8a; }
.nq-notice.nq-ok, .nq-okbox { background: #f0fdf4; border: 1px solid #bbf7d0; color: #14532d; }
.nq-notice.nq-warn, .nq-warnbox { background: #fffbeb; border: 1px solid #fde68a; color: #78350f; }
.nq-notice.nq-error { background: #fef2f2; border: 1px solid #fecaca; color: #7f1d1d; }
.nq-errors { margin: 4px 0 0 1.2em; font-size: 0.9em; }
"""

# Event delegation on the document, so markers rendered later (streamed chat messages) work too.
UI_JS = """
if (!window.__nqCiteHandler) {
  window.__nqCiteHandler = function (ev) {
    const a = ev.target.closest ? ev.target.closest('a.nq-cite') : null;
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    const id = (a.getAttribute('href') || '').replace(/^#/, '');
    const card = id ? document.getElementById(id) : null;
    if (!card) return;
    document.querySelectorAll('.nq-card.nq-active').forEach(function (c) { c.classList.remove('nq-active'); });
    card.classList.add('nq-active');
    const details = card.closest('details');
    if (details) details.open = true;
    card.scrollIntoView({behavior: 'smooth', block: 'nearest'});
  };
  document.addEventListener('click', window.__nqCiteHandler, true);
}
"""
