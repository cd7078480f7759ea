"""Property test: whatever bytes a reader gets, it returns a Document or a typed error.

Random bytes under every supported extension, and real files mutated
(bytes flipped, truncated, spliced). Bounded examples keep it under a minute.
"""

from __future__ import annotations

import random
from pathlib import Path

from conftest import EVAL as EVAL_ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from katib.core.documents.limits import ReadLimits
from katib.core.documents.model import Document
from katib.core.documents.readers import read_document
from katib.core.errors import DocumentError

EVAL = EVAL_ROOT / "documents"
SUFFIXES = [".docx", ".pdf", ".txt", ".md", ".odt", ".html", ".eml", ".bin"]
SEEDS = [
    "pdf/fr-proces-verbal-2023-06-20.pdf",
    "pdf/en-google-doc-document.pdf",
    "docx/HeaderFooterUnicode.docx",
    "docx/Numbering.docx",
    "letters-fr/certificat_de_travail.docx",
]
# No OCR here: a mutated image page would only make the run slow.
LIMITS = ReadLimits(seconds=10, ocr_max_pages=0)


def check(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path, limits=LIMITS)
    except DocumentError as exc:
        assert exc.localized("fr") and exc.localized("ar") and exc.localized("en")
        return
    assert isinstance(doc, Document) and doc.blocks
    assert all(b.text.strip() for b in doc.blocks)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes(tmp_path, data, suffix):
    check(tmp_path, data, suffix)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.sampled_from(SEEDS), rng_seed=st.integers(0, 2**32 - 1),
       flips=st.integers(1, 40), cut=st.floats(0.05, 1.0),
       mode=st.sampled_from(["flip", "truncate", "splice"]))
def test_mutated_real_files(tmp_path, seed, rng_seed, flips, cut, mode):
    original = (EVAL / seed).read_bytes()
    rng = random.Random(rng_seed)
    data = bytearray(original)
    if mode == "flip":
        for _ in range(flips):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif mode == "truncate":
        data = data[: max(1, int(len(data) * cut))]
    else:
        start = rng.randrange(len(data))
        data[start:start + flips * 10] = bytes(rng.randrange(256) for _ in range(flips * 10))
    check(tmp_path, bytes(data), Path(seed).suffix)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-16", "cp1256",
                                                               "cp1252"]),
       suffix=st.sampled_from([".txt", ".md", ".html", ".eml"]))
def test_random_text(tmp_path, text, encoding, suffix):
    check(tmp_path, text.encode(encoding, errors="ignore"), suffix)
