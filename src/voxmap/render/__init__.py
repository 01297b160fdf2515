"""Adapters that draw what the library returns: one analysis, a corpus report, evaluation scores."""
