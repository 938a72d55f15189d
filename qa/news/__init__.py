"""News views over the indexed articles: dates named in the text (event_dates), the timeline, the outlet
comparison, the article selection they share (articles) and their typed results (schema)."""
