"""Language of an article body, so that only English reaches the English coders.

py3langid ships its model inside the package (nothing is downloaded) and classifies a
paragraph in well under a millisecond. Short texts are left unknown rather than guessed:
a headline-length string is too little evidence to refuse an article.
"""

from __future__ import annotations

import py3langid

MIN_WORDS = 12
_SAMPLE_CHARS = 3000


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    if len(text.split()) < MIN_WORDS:
        return None
    sample = text[:_SAMPLE_CHARS]
    language, _score = py3langid.classify(sample)
    return str(language)
