"""Engine benchmark: Katib's engine against plain llama-cpp-python, same model, same run.

Prints two ratios (issue 2):
- generation tokens/s through LocalEngine / a plain `Llama.generate()` loop (goal >= 0.97);
- time to first token for a repeated ~1,000-token prefix, with reuse / without (goal <= 0.3).
Runs are interleaved and repeated so machine noise hits both sides alike.
"""

from __future__ import annotations

import statistics
import time

import llama_cpp

from katib.core.local_engine import LocalEngine
from katib.core.model_store import ModelStore
from katib.core.paths import user_paths
from katib.core.prompts import Sampling, Task

TOKENS = 128
ROUNDS = 3
FRAME = ("Royaume du Maroc\nMinistère de l'Intérieur\nDirection des Affaires Générales\n\n"
         "Objet : organisation du service de permanence\n\nMonsieur le Directeur,\n\n"
         "J'ai l'honneur de")


def plain_loop(llm: llama_cpp.Llama, prompt: str, n: int) -> float:
    """Tokens/s of the bare llama-cpp-python loop (fresh state, greedy), excluding prefill."""
    llm.reset()
    tokens = llm.tokenize(prompt.encode(), add_bos=True, special=True)
    count, first = 0, None
    for token in llm.generate(tokens, temp=0.0, repeat_penalty=1.1, top_k=40, top_p=0.95,
                              min_p=0.05):
        now = time.perf_counter()
        if first is None:
            first = now
        count += 1
        llm.detokenize([token])
        if count >= n:
            break
    return (count - 1) / (time.perf_counter() - first)


def engine_speed(engine: LocalEngine, n: int) -> float:
    engine._llm.reset()  # same cold state as the plain loop: no prefix reuse
    engine.complete(Task(base_frame=FRAME, max_tokens=n), sampling=Sampling())
    stats = engine.last_stats
    assert stats.generated_tokens == n, stats  # an early EOS would skew the ratio
    return stats.tokens_per_second


def ttft(engine: LocalEngine, prefix: str, suffix: str, reuse: bool) -> float:
    if not reuse:
        engine._llm.reset()
    engine.complete(Task(base_frame=prefix + suffix, max_tokens=1))
    return engine.last_stats.time_to_first_token


def main() -> None:
    model = ModelStore(user_paths().ensure()).default_model_path()
    engine = LocalEngine(model)
    plan = engine.plan
    plain = llama_cpp.Llama(model_path=str(model), n_ctx=plan.context, n_batch=plan.batch,
                            n_ubatch=plan.batch, n_threads=plan.threads,
                            n_threads_batch=plan.threads, swa_full=plan.swa_full, verbose=False)
    plain_speeds, engine_speeds = [], []
    for _ in range(ROUNDS):
        plain_speeds.append(plain_loop(plain, FRAME, TOKENS))
        engine_speeds.append(engine_speed(engine, TOKENS))
    plain.close()
    p, e = statistics.median(plain_speeds), statistics.median(engine_speeds)
    print(f"generation: engine {e:.1f} tok/s, plain llama-cpp-python {p:.1f} tok/s, "
          f"ratio {e / p:.3f} (goal >= 0.97) [{TOKENS} tokens, median of {ROUNDS}, "
          f"{plan.threads} threads]")

    prefix = FRAME + " vous rappeler les règles du service. " + (
        "Chaque agent assure la permanence selon le tableau arrêté par la direction, "
        "signe le registre à son arrivée et informe son chef de service de toute absence. ") * 33
    n_prefix = engine.count_tokens(prefix)
    cold, warm = [], []
    for i in range(ROUNDS):
        cold.append(ttft(engine, prefix, f" Point {i}a :", reuse=False))
        engine.complete(Task(base_frame=prefix + " Préambule :", max_tokens=1))
        warm.append(ttft(engine, prefix, f" Point {i}b :", reuse=True))
    c, w = statistics.median(cold), statistics.median(warm)
    print(f"time to first token, {n_prefix}-token prefix: with reuse {w * 1000:.0f} ms, "
          f"without {c * 1000:.0f} ms, ratio {w / c:.3f} (goal <= 0.3)")
    engine.close()


if __name__ == "__main__":
    main()
