"""The corpus: the SQLite store, ingest, actors merged across articles, stories, voices, summaries,
measures, exports, review corrections, search and the dashboard's page data. All of voxmap's SQL
lives here. Imports nothing from the web."""
