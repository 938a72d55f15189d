"""Stage 1, ingest: reading article files, web pages and feeds into normalised `Document`s (readers,
metadata, web), sentence-aligned chunking, and incremental, atomic writing into the index (pipeline)."""
