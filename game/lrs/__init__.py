"""Sending exported records to an xAPI learning-record store and fetching a session back (authoring side)."""
