"""`katib selftest`: load the default model and generate French and Arabic text."""

from __future__ import annotations

import sys
import time

from katib.cli.common import context
from katib.core.model_store import ModelStore
from katib.core.prompts import Task

SAMPLES = {
    "fr": "Royaume du Maroc\nMinistère de l'Intérieur\n\nObjet : demande d'attestation de "
          "résidence\n\nMonsieur,\n\nJ'ai l'honneur de",
    "ar": "المملكة المغربية\nوزارة الداخلية\n\nالموضوع: طلب شهادة السكنى\n\n"
          "سلام تام بوجود مولانا الإمام، وبعد،\n\nيشرفني أن",
}


def register(sub) -> None:
    cmd = sub.add_parser("selftest", help="load the model, generate French and Arabic, report speed")
    cmd.add_argument("--tokens", type=int, default=24, help="tokens to generate per language")
    cmd.set_defaults(func=run)


def run(args, lang: str) -> int:
    from katib.core.local_engine import LocalEngine

    paths, settings = context()
    start = time.perf_counter()
    model_path = ModelStore(paths).default_model_path()
    engine = LocalEngine(model_path)
    print(f"model: {engine.info.name} ({model_path.name}), context {engine.context_size}, "
          f"threads {engine.plan.threads}, loaded in {time.perf_counter() - start:.1f} s")
    ok = True
    try:
        for code, frame in SAMPLES.items():
            text = engine.complete(Task(base_frame=frame, max_tokens=args.tokens))
            stats = engine.last_stats
            good = stats.generated_tokens > 0 and bool(text.strip())
            ok &= good
            print(f"[{code}] {'ok' if good else 'FAILED'} · {stats.generated_tokens} tokens · "
                  f"{stats.tokens_per_second:.1f} tokens/s · first token "
                  f"{stats.time_to_first_token * 1000:.0f} ms\n     …{text.strip()[:160]}")
    finally:
        engine.close()
    print("selftest: ok" if ok else "selftest: FAILED", file=sys.stdout if ok else sys.stderr)
    return 0 if ok else 1
