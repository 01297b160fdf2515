"""Front matter through the whole pipeline: a dateline or a byline is never a speaker, and the
analysis records them with exact offsets (English and French, with negatives)."""

import pytest

import voxmap


@pytest.mark.parametrize(
    "language, text, speaker",
    [
        ("en", "MOSCOW (Reuters) — Russia's foreign ministry said on Monday that the sanctions were illegal.",
         "Russia's foreign ministry"),
        ("en", "MOSCOW - Russia's main English-language satellite network said on Monday it would appeal.",
         "Russia's main English-language satellite network"),
        ("en", "By Anne Morel\n\nWASHINGTON — The White House said on Tuesday it would veto the bill.", "White House"),
        ("fr", "PARIS, 5 mars 2024 (AFP) - Le syndicat Rempart a dénoncé mardi une « provocation » du ministère.",
         "Le syndicat Rempart"),
        # Capitals and a dash that are no dateline leave the sentence as it is.
        ("en", "NATO - the alliance's secretary-general said on Monday - will hold its summit in July.", None),
    ],
)  # fmt: skip
def test_a_dateline_is_no_speaker(language, text, speaker):
    analysis = voxmap.analyze(text, language=language)
    speakers = [quote.speaker.name for quote in analysis.quotes]
    dateline = analysis.article.dateline
    if speaker is None:
        assert dateline is None
        return
    assert speaker in speakers and not any(name.isupper() or name in ("MOSCOW", "PARIS") for name in speakers)
    assert analysis.article.text[dateline.start : dateline.end] == dateline.text


def test_a_byline_is_metadata():
    analysis = voxmap.analyze("By Anne Morel\n\nThe mayor said on Monday that the plan would go ahead.", language="en")
    assert analysis.article.authors == ["Anne Morel"]
    assert "Anne Morel" not in [quote.speaker.name for quote in analysis.quotes]
    assert analysis.to_dict()["article"]["authors"] == ["Anne Morel"]
