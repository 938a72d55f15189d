"""Stage 7, present: HTML for the web UI (html, html_news, ui_news), plain text for terminals (terminal),
and exports as Markdown, HTML or JSON (export). Presentation only reads typed results."""
