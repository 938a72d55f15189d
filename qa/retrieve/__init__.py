"""Stage 3, retrieve: hybrid dense + BM25 retrieval (hybrid) inside outlet/date filters (filters), including
the constraints a question states in words (question_filters)."""
