"""News views over the indexed articles: the timeline, the outlet
comparison, the article selection they share (articles) and their typed results (schema)."""
