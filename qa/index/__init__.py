"""Stage 2, index: the Chroma store of chunks and documents (store) and the sentence embeddings it is built
with (embeddings)."""
