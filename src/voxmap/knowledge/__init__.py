"""Knowledge of actors: who a person is, from dated facts rather than from one article's words.

A knowledge file (`kb.jsonl`, one entry a line, `voxmap.knowledge.base`) names each actor (a Wikidata
QID where known), its names and aliases, gender and dated facts: positions held, party memberships,
memberships of organisations, each with its source. Importers (`voxmap.knowledge.importers`) write it
from Wikidata entity JSON, the congress-legislators YAML, or a CSV a user writes; `voxmap.knowledge.link`
links a corpus's actors to it and gives the voice a fact makes at an article's date."""

from .base import Entry, Fact, read_knowledge, write_knowledge

__all__ = ["Entry", "Fact", "read_knowledge", "write_knowledge"]
