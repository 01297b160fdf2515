"""Extraction: one article's text to typed records. Registered spaCy components (`components`), the
pipelines that hold them (`pipeline`), pure functions from a Doc to quotes, speakers, roles, ties,
figures, dates and tone, and the per-language rule files under `rules/`. Imports nothing from the
corpus or the web."""
