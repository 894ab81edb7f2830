"""Authoring side: YAML scenarios -> diagnostics, lint, compiled story JSON. Never shipped to the browser."""
