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


# A hint is overruled only by a confident reading of enough text: metadata is often right, and
# short texts are where the classifier errs.
OVERRULE_CHARS, OVERRULE_PROBABILITY = 300, 0.999


def detect_language(text: str, hint: str | None = None) -> str:
    """'en' or 'fr'. A hint ('fr', 'fr-FR', 'French') from the input's metadata is used when it names a
    supported language and is plausible: the text does not read confidently as the other language."""
    sample = text[:4000]
    code = hint.strip().lower()[:2] if hint else None
    if not sample.strip():
        return code if code in LANGUAGES else LANGUAGES[0]
    language, probability = _identifier().classify(sample)
    if code in LANGUAGES and (language == code or len(sample) < OVERRULE_CHARS or probability < OVERRULE_PROBABILITY):
        return code
    return language
