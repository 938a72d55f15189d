"""Stage 4, generate: the language-model backends behind one protocol (llm), chat messages and prompt
templates (messages, prompts), and the verified local model files (models)."""
