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
from importlib import metadata
from pathlib import Path

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from eventwire.cache import cache_dir, read_or_build

MIN_WORDS = 12
_SAMPLE_CHARS = 3000
MODEL_FORMAT = 1
"""Raised if the arrays kept in the cache change."""
MODEL_ARRAYS = frozenset({"ptc", "pc", "classes", "nextmove", "out_feat", "nextmove_row"})


def _as_array(values: np.ndarray) -> array:
    """A NumPy array of unsigned integers as the stdlib array the identifier indexes."""
    table = array({2: "H", 4: "I", 8: "L"}[values.dtype.itemsize])
    table.frombytes(np.ascontiguousarray(values).tobytes())
    return table


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier:
    """py3langid's own model (about 30 MB, once per process).

    py3langid's loader decompresses the model into a temporary file at the first
    classification, so with a full (or read-only) temporary folder every article of a run
    failed with E900; here the model is decompressed in memory, and an uncompressed copy is
    kept in the cache directory (``eventwire.cache``): decompressing took 0.35 s in every
    process that classifies, each worker of a run among them, and reading the copy 0.03 s.
    """
    data = model_arrays()
    return LanguageIdentifier(
        np.asarray(data["ptc"]), np.asarray(data["pc"]), data["classes"].tolist(), _as_array(data["nextmove"]),
        data["out_feat"].tolist(), tk_row=_as_array(data["nextmove_row"]),
    )  # fmt: skip


def model_path() -> Path:
    return cache_dir() / f"py3langid-{metadata.version('py3langid')}-v{MODEL_FORMAT}.npz"


def model_arrays() -> dict[str, np.ndarray]:
    """The model's arrays: from the cached copy, else decompressed from the package (and the
    copy kept, when the cache can be written)."""
    return read_or_build(model_path(), _read, _decompressed, _save)


def _read(path: Path) -> dict[str, np.ndarray]:
    with np.load(path, allow_pickle=False) as cached:
        arrays = {name: cached[name] for name in cached.files}
    if not MODEL_ARRAYS <= arrays.keys():
        raise ValueError(f"{path} lacks {sorted(MODEL_ARRAYS - arrays.keys())}")
    return arrays


def _decompressed() -> dict[str, np.ndarray]:
    with lzma.open(MODEL_DIR / MODEL_FILE) as packed, np.load(io.BytesIO(packed.read()), allow_pickle=False) as data:
        return {name: data[name] for name in data.files}


def _save(path: Path, arrays: dict[str, np.ndarray]) -> None:
    with path.open("wb") as handle:  # a file object: given a name, NumPy would add ".npz" to it
        np.savez(handle, **arrays)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when the text is too short to tell."""
    if len(text.split()) < MIN_WORDS:
        return None
    sample = text[:_SAMPLE_CHARS]
    language, _score = identifier().classify(sample)
    return str(language)
