"""Tone of a quote: a score in [-1, 1] and an intensity in [0, 1].

English uses VADER (vaderSentiment, compound score); French uses textblob-fr's lexicon (polarity).
Both ship their lexicons, nothing downloads. The two scales are built differently: compare scores
within one language, never across languages.
"""

from __future__ import annotations

from functools import cache
from typing import Any

METHODS = {"en": "vader", "fr": "textblob-fr"}


@cache
def _vader():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@cache
def _textblob_fr():
    from textblob_fr import PatternAnalyzer

    return PatternAnalyzer()


def tone_of(text: str, language: str) -> dict[str, Any]:
    """{'score', 'intensity', 'method'} for a quote's text."""
    if language == "fr":
        polarity, subjectivity = _textblob_fr().analyze(text)
        score, intensity = float(polarity), abs(float(polarity))
    else:
        scores = _vader().polarity_scores(text)
        score, intensity = float(scores["compound"]), 1.0 - float(scores["neu"])
    return {
        "score": round(max(-1.0, min(1.0, score)), 3),
        "intensity": round(max(0.0, min(1.0, intensity)), 3),
        "method": METHODS.get(language, "vader"),
    }
