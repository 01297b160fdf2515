"""Load each language's spaCy pipeline once per process, with voxmap's components added."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..errors import ModelNotInstalled
from . import components
from .language import load_rules
from .tokenizer import BoundedTokenizer

VOXMAP_COMPONENTS = ("voxmap_quotes", "voxmap_speakers", "voxmap_dates", "voxmap_facts")


def load_model(language: str) -> Language:
    """The bare spaCy model of `language`, as its package ships it."""
    model = load_rules(language).parser.model
    try:
        return spacy.load(model)
    except OSError as error:
        raise ModelNotInstalled(f"the spaCy model package {model!r} for {language!r} is not installed.") from error


@cache
def get_pipeline(language: str) -> Language:
    """The model of `language` with voxmap's components; loaded on first use, then shared."""
    components.register_extensions()
    nlp = load_model(language)
    nlp.tokenizer = BoundedTokenizer(nlp.tokenizer)  # linear on runs of marks without spaces
    nlp.add_pipe("voxmap_accents", first=True, config={"language": language})  # before the model reads norms
    nlp.add_pipe("voxmap_paragraphs", before="parser", config={"language": language})
    nlp.add_pipe("voxmap_participles", after="lemmatizer", config={"language": language})
    nlp.add_pipe("voxmap_names", after="ner", config={"language": language})
    for name in VOXMAP_COMPONENTS:
        nlp.add_pipe(name, config={"language": language})
    return nlp
