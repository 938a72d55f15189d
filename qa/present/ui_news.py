"""The web UI's news views (issue 15): the Compare and Timeline tabs and the export controls (md / html / json
download) for answers, summaries, comparisons and timelines. app.py calls these inside its Blocks; the views
use the same library functions as the CLIs (qa.news.compare, qa.news.timeline, qa.present.export) and need no model.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import gradio as gr

from qa.errors import UsageError
from qa.news.schema import Comparison, Timeline
from qa.present import html_news as render_news
from qa.present.export import FORMATS, SUFFIX, export
from qa.retrieve.filters import Filters
from qa.schema import Answer, Summary

RESULT_TYPES = {"answer": Answer, "summary": Summary, "comparison": Comparison, "timeline": Timeline}
_EXPORT_DIR: Path | None = None


def export_file(kind: str, data: dict | None, fmt: str | None) -> str:
    """Write the last `kind` result (its JSON as the UI holds it) in `fmt` to a fresh file; returns its path."""
    global _EXPORT_DIR
    if not data:
        raise UsageError(f"nothing to export yet: make {'an' if kind == 'answer' else 'a'} {kind} first")
    if fmt not in FORMATS:
        raise UsageError(f"choose an export format ({', '.join(FORMATS)})")
    text = export(RESULT_TYPES[kind].model_validate(data), fmt)
    if _EXPORT_DIR is None:
        _EXPORT_DIR = Path(tempfile.mkdtemp(prefix="newsqa-export-"))
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=_EXPORT_DIR, prefix=f"newsqa-{kind}-",
                                     suffix=SUFFIX[fmt], delete=False) as f:
        f.write(text)
    return f.name


def export_controls(kind: str, source: gr.components.Component, handled: Callable) -> None:
    """A format choice, an Export button and the file to download, for the result held by `source` (gr.JSON)."""
    with gr.Row():
        fmt = gr.Radio(list(FORMATS), value="md", label=f"Export the {kind} as", elem_id=f"nq-{kind}-format",
                       scale=2)
        button = gr.Button(f"Export {kind}", elem_id=f"nq-{kind}-export", scale=1)
        out = gr.File(label="Download", interactive=False, elem_id=f"nq-{kind}-file", scale=2)

    def run(data: dict | None, chosen: str | None) -> str:
        return export_file(kind, data, chosen)

    button.click(handled(run), [source, fmt], [out], api_name=f"export_{kind}", concurrency_limit=4)


_VIEWS = {"concurrency_limit": 1, "concurrency_id": "news-views"}  # the embedder is shared: one at a time


def _view_tab(tab: str, kind: str, note: str, button_label: str, run: Callable, handled: Callable,
              filter_inputs: list) -> None:
    """One news view: an optional topic, a run button, the HTML view, its JSON and the export controls. Element ids
    and the API name follow `kind` ("comparison" -> nq-compare, api "compare"; "timeline" -> nq-timeline)."""
    short = "compare" if kind == "comparison" else kind
    with gr.Tab(tab, id=short):
        gr.HTML(f"<style>{render_news.NEWS_CSS}</style>"  # tabs render lazily: each brings the view styles
                f"<div class='nq-note'>{note}</div>")
        with gr.Row():
            topic = gr.Textbox(label="Topic (optional)", placeholder="e.g. foreign troops", scale=4,
                               elem_id=f"nq-{short}-topic")
            button = gr.Button(button_label, variant="primary", scale=1, elem_id=f"nq-{short}-run")
        out = gr.HTML(elem_id=f"nq-{short}")
        with gr.Accordion(f"{kind.capitalize()} as JSON", open=False):
            data = gr.JSON(label=kind.capitalize())
        export_controls(kind, data, handled)
        button.click(handled(run), [topic, *filter_inputs], [out, data], api_name=short, **_VIEWS)
        topic.submit(handled(run), [topic, *filter_inputs], [out, data], api_visibility="private", **_VIEWS)


def news_tabs(index, settings, handled: Callable, filter_inputs: list) -> None:
    """The Compare and Timeline tabs (filters from the Settings accordion: outlet, since, until)."""
    from qa.news.compare import compare
    from qa.news.timeline import timeline

    def run_compare(topic: str | None, source: str | None = "", since: str | None = "", until: str | None = ""):
        filters = Filters.parse(source, since, until)
        result = compare(index, settings, topic=(topic or "").strip() or None,
                         filters=filters if filters.active else None)
        return render_news.comparison_html(result), result.model_dump(mode="json")

    def run_timeline(topic: str | None, source: str | None = "", since: str | None = "", until: str | None = ""):
        filters = Filters.parse(source, since, until)
        result = timeline(index, settings, topic=(topic or "").strip() or None,
                          filters=filters if filters.active else None)
        return render_news.timeline_html(result), result.model_dump(mode="json")

    _view_tab("Compare", "comparison", "One paragraph per outlet: what it reports, whom it quotes, what only it "
              "reports, where another outlet disputes it. Exact quotes only (no model); click a marker to see the "
              "quote in its article. Filters are in Settings.", "Compare outlets", run_compare, handled,
              filter_inputs)
    _view_tab("Timeline", "timeline", "Dated events in order, then those whose date the articles do not state. "
              "Weekdays are dated from the publication date only when that is unambiguous. Accounts of the same "
              "event are shown side by side; conflicting ones are flagged. Exact quotes only (no model).",
              "Build timeline", run_timeline, handled, filter_inputs)
