"""Optical character recognition of scanned pages with the Tesseract command.

Tesseract is a system program (apt: tesseract-ocr with the fra, ara and eng
data); Katib calls it as a child process with a time limit rather than
linking it, so a missing or broken install only means "no OCR here".
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile

OCR_LANGUAGES = ("fra", "ara", "eng")


def tesseract_path() -> str | None:
    return shutil.which(os.environ.get("KATIB_TESSERACT", "tesseract"))


def available_languages() -> list[str]:
    """Languages the installed Tesseract has data for, among fra, ara and eng."""
    exe = tesseract_path()
    if not exe:
        return []
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20,
                             check=False)
    except (OSError, subprocess.SubprocessError):
        return []
    have = {line.strip() for line in (out.stdout + out.stderr).splitlines()}
    return [lang for lang in OCR_LANGUAGES if lang in have]


def why_unavailable() -> str:
    """A short technical reason OCR cannot run, for the NoTextLayer message."""
    if not tesseract_path():
        return "tesseract"
    if not available_languages():
        return "tesseract-ocr-fra/ara/eng"
    return ""


# Below this mean word confidence (0-100) a page's recognition is noise (a script
# Tesseract was not given, a photo), and keeping it would feed the summary garbage.
MIN_CONFIDENCE = 60.0


def ocr_image(image, timeout: float = 60.0) -> tuple[str, float]:
    """(text, mean word confidence) of a PIL image, in French, Arabic and English together."""
    exe = tesseract_path()
    langs = available_languages()
    if not exe or not langs:
        return "", 0.0
    with tempfile.TemporaryDirectory(prefix="katib-ocr-") as tmp:
        png = os.path.join(tmp, "page.png")
        image.save(png)
        try:
            out = subprocess.run(
                [exe, png, "stdout", "-l", "+".join(langs), "--psm", "3", "tsv"],
                capture_output=True, timeout=timeout, check=False,
                # One thread per Tesseract: the model may be busy on the other core.
                env={**os.environ, "OMP_THREAD_LIMIT": "1"},
            )
        except (OSError, subprocess.SubprocessError):
            return "", 0.0
    return parse_tsv(out.stdout.decode("utf-8", errors="replace"))


def parse_tsv(tsv: str) -> tuple[str, float]:
    """Lines of text and the mean confidence from Tesseract's TSV output."""
    lines: dict[tuple[str, str, str], list[str]] = {}
    paragraphs: list[tuple[str, str]] = []
    confidences: list[float] = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or not cols[11].strip():
            continue
        try:
            conf = float(cols[10])
        except ValueError:
            continue
        if conf < 0:
            continue
        key = (cols[2], cols[3], cols[4])  # block, paragraph, line
        if key not in lines:
            lines[key] = []
            if not paragraphs or paragraphs[-1] != key[:2]:
                paragraphs.append(key[:2])
        lines[key].append(cols[11].strip())
        confidences.append(conf)
    text_parts: list[str] = []
    previous = None
    for key, words in lines.items():
        if previous is not None and previous != key[:2]:
            text_parts.append("")  # a blank line between Tesseract's paragraphs
        text_parts.append(" ".join(words))
        previous = key[:2]
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return "\n".join(text_parts), mean
