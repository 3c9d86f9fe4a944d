"""Language of an article body, so that only English reaches the English coders.

py3langid ships its model inside the package (nothing is downloaded) and classifies a
paragraph in well under a millisecond. Short texts are left unknown rather than guessed:
a headline-length string is too little evidence to refuse an article.
"""

from __future__ import annotations

import io
import lzma
from array import array
from functools import lru_cache

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

MIN_WORDS = 12
_SAMPLE_CHARS = 3000


def _as_array(values: np.ndarray) -> array:
    """A NumPy array of unsigned integers as the stdlib array the identifier indexes."""
    table = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    table.frombytes(np.ascontiguousarray(values).tobytes())
    return table


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """py3langid's own model, decompressed in memory (about 30 MB, once per process).

    py3langid's loader decompresses the model into a temporary file at the first
    classification, so with a full (or read-only) temporary folder every article of a run
    failed with E900; reading it here needs no disk but the package's.
    """
    with lzma.open(MODEL_DIR / MODEL_FILE) as packed:
        data = np.load(io.BytesIO(packed.read()), allow_pickle=False)
    return LanguageIdentifier(
        np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(), _as_array(data["nextmove"]),
        data["out_feat"].tolist(), tk_row=_as_array(data["nextmove_row"]),
    )  # fmt: skip


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    if len(text.split()) < MIN_WORDS:
        return None
    sample = text[:_SAMPLE_CHARS]
    language, _score = identifier().classify(sample)
    return str(language)
