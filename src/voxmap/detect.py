"""Which language an article is written in: the input's hint when plausible, else py3langid."""
from __future__ import annotations

from functools import cache

from .language import LANGUAGES


@cache
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def detect_language(text: str, hint: str | None = None) -> str:
    """'en' or 'fr'. A hint ('fr', 'fr-FR', 'French') wins when it names a supported language."""
    if hint:
        code = hint.strip().lower()[:2]
        if code in LANGUAGES:
            return code
    sample = text[:4000]
    if not sample.strip():
        return LANGUAGES[0]
    language, _ = _identifier().classify(sample)
    return language
