"""Adapters for other frameworks; each is imported only by code that uses that framework."""
