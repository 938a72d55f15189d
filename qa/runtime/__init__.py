"""Loading and keeping loaded: concurrent preloading of the model, embedder and index (preload), and the
resident local service the CLI uses when it runs (service)."""
