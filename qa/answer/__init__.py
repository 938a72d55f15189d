"""Stage 6, answer: the cited question-answering pipeline (pipeline: retrieve -> generate -> verify), repair
before abstaining (repair), and what other articles attribute to whom (accounts)."""
