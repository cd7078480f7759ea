"""`katib selftest` (also `katib --selftest`): prove this installation works, offline.

It loads the default model (in a PyInstaller bundle, from `models/` beside
the executable), generates a few tokens in French and in Arabic, drafts one
letter with the model and exports it to a .docx that it reopens, and reads the
small PDF shipped in `resources/selftest/` in a child process (the way files
from unknown sources are read). It exits 0 only if every check passed; CI runs
it on the frozen Linux bundle.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from katib.cli.common import context
from katib.core.errors import KatibError
from katib.core.model_store import ModelStore
from katib.core.paths import resource
from katib.core.prompts import Task

SAMPLES = {
    "fr": "Royaume du Maroc\nMinistère de l'Intérieur\n\nObjet : demande d'attestation de "
          "résidence\n\nMonsieur,\n\nJ'ai l'honneur de",
    "ar": "المملكة المغربية\nوزارة الداخلية\n\nالموضوع: طلب شهادة السكنى\n\n"
          "سلام تام بوجود مولانا الإمام، وبعد،\n\nيشرفني أن",
}
LETTER_TYPE = "service_letter"
LETTER_FIELDS = {
    "recipient_title": "Directeur des ressources humaines",
    "subject": "Organisation d'une formation bureautique",
    "facts": "Une formation bureautique est prévue pour les agents du service.",
    "request": "Désigner deux agents participants.",
}
# resources/selftest/katib-selftest.pdf: katib-selftest.txt beside it, converted
# with `soffice --headless --convert-to pdf`.
PDF_NAME = "katib-selftest.pdf"
PDF_PHRASE = "le greffier range les dossiers du bureau 12"


def register(sub) -> None:
    cmd = sub.add_parser("selftest",
                         help="check the model, a drafted .docx and a PDF read, then exit")
    cmd.add_argument("--tokens", type=int, default=24, help="tokens to generate per check")
    cmd.set_defaults(func=run)


def run(args, lang: str) -> int:
    paths, settings = context()
    state: dict = {"engine": None}
    checks: list[tuple[str, Callable[[], str]]] = [
        ("model", lambda: check_model(paths, args.tokens, state)),
        ("docx", lambda: check_letter(state["engine"], settings, args.tokens)),
        ("pdf", check_pdf),
    ]
    ok = True
    try:
        for name, check in checks:
            ok &= _report(name, check, lang)
    finally:
        if state["engine"] is not None:
            state["engine"].close()
    print("selftest: ok" if ok else "selftest: FAILED", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1


def _report(name: str, check: Callable[[], str], lang: str) -> bool:
    """Run one check; print its line. Any failure is reported, never raised."""
    try:
        detail = check()
    except KatibError as exc:
        print(f"[{name}] FAILED · {exc.localized(lang)}")
        return False
    except Exception as exc:  # noqa: BLE001 — a health check reports whatever broke
        print(f"[{name}] FAILED · {type(exc).__name__}: {exc}")
        return False
    print(f"[{name}] ok · {detail}")
    return True


def check_model(paths, tokens: int, state: dict) -> str:
    """Load the default model and continue a French and an Arabic letter."""
    from katib.core.local_engine import LocalEngine

    start = time.perf_counter()
    model_path = ModelStore(paths).default_model_path()
    engine = state["engine"] = LocalEngine(model_path)
    print(f"model: {engine.info.name} ({model_path}), context {engine.context_size}, "
          f"threads {engine.plan.threads}, loaded in {time.perf_counter() - start:.1f} s")
    failed = []
    for code, frame in SAMPLES.items():
        text = engine.complete(Task(base_frame=frame, max_tokens=tokens))
        stats = engine.last_stats
        good = stats.generated_tokens > 0 and bool(text.strip())
        failed += [] if good else [code]
        print(f"[{code}] {'ok' if good else 'FAILED'} · {stats.generated_tokens} tokens · "
              f"{stats.tokens_per_second:.1f} tokens/s · first token "
              f"{stats.time_to_first_token * 1000:.0f} ms\n     …{text.strip()[:160]}")
    if failed:
        raise RuntimeError(f"no text generated in {', '.join(failed)}")
    return f"{model_path.name} generates French and Arabic"


def check_letter(engine, settings, tokens: int) -> str:
    """Draft one French letter with the model, export it, reopen the .docx."""
    import docx

    from katib.core.drafting import Drafter, load_templates, write_docx

    if engine is None:
        raise RuntimeError("no model loaded")
    templates = load_templates(user=False)
    template = templates.get(LETTER_TYPE)
    fields = {k: v for k, v in LETTER_FIELDS.items() if template.field(k) is not None}
    draft = None
    for item in Drafter(engine, templates, settings.office).draft_stream(
            LETTER_TYPE, "fr", fields, max_tokens=tokens):
        draft = item
    generated = draft.stats.get("generated_tokens", 0)
    if generated <= 0:
        raise RuntimeError("the model wrote nothing in the letter's body")
    with tempfile.TemporaryDirectory(prefix="katib-selftest-") as folder:
        out = Path(write_docx(draft, Path(folder) / "lettre.docx", settings.office))
        size = out.stat().st_size
        reopened = docx.Document(str(out))
        text = "\n".join(p.text for p in reopened.paragraphs)
        text += "\n".join(cell.text for table in reopened.tables
                          for row in table.rows for cell in row.cells)
    if LETTER_FIELDS["subject"] not in text or draft.body.strip()[:20] not in text:
        raise RuntimeError("the reopened .docx lacks the subject or the body")
    return (f"{LETTER_TYPE} (fr) · {generated} tokens in the body · .docx of "
            f"{size // 1024} KB reopened")


def check_pdf() -> str:
    """Read the bundled PDF in a child process and find its control sentence."""
    from katib.core.documents.readers import read_document

    start = time.perf_counter()
    document = read_document(resource("selftest", PDF_NAME), isolated=True)
    text = " ".join(block.text for block in document.blocks)
    if PDF_PHRASE not in text:
        raise RuntimeError(f"{PDF_NAME}: the control sentence was not read")
    return (f"{PDF_NAME} · {document.pages} page · {len(document.blocks)} blocks · "
            f"language {document.language} · {time.perf_counter() - start:.1f} s "
            "in a child process")
