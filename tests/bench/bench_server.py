"""Office-server benchmark: summarizing a real dossier through a loopback server, 1/2/4 at a time.

Starts `python -m llama_cpp.server` on 127.0.0.1 with the default model (or
uses `--url` for a server already running, e.g. llama.cpp's `llama-server
--parallel 4`), reads the readable documents of ../shared/eval/documents/,
and summarizes the dossier through the HTTP engine with 1, 2 and 4 requests
in flight. Prints throughput (parts and generated tokens per second) as ratios
to concurrency 1, plus the tokens a summary part and a draft cost, which
docs/office-server.md sizes servers from.

llama-cpp-python's server runs one request at a time (one model object behind
a lock; it has no parallel slots), so its ratios stay near 1.0: what this
measures there is that concurrency is correct and costs nothing. A server with
slots (llama.cpp --parallel, vLLM) is where the ratios grow.

    python tests/bench/bench_server.py [--url URL] [--parts 12] [--max-tokens 64]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from katib.core.engine import CancelToken  # noqa: E402
from katib.core.http_engine import HttpEngine  # noqa: E402
from katib.core.model_store import ModelStore  # noqa: E402
from katib.core.paths import user_paths  # noqa: E402
from katib.core.prompts import Sampling, Task  # noqa: E402
from katib.core.server_access import ServerConfig  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval" / "documents"
SAMPLING = Sampling(temperature=0.0, repeat_penalty=1.3)
PART_TOKENS = 480  # material per request, the size a map step of a long document sends
DRAFT_FRAME = ("ROYAUME DU MAROC\nMinistère de l'Intérieur\nDirection des Affaires Générales\n"
               "Service du Personnel\n\nRabat, le 12 mars 2024\n\nLe Chef du Service du Personnel\n"
               "à\nMonsieur le Directeur des Ressources Humaines\n\nObjet : demande de mutation "
               "de Mme Samira Alaoui, rédactrice\nRéf. : votre note n° 245 du 2 février 2024\n\n"
               "Monsieur le Directeur,\n\nJ'ai l'honneur de")


def readable_documents() -> list:
    """Every file of the evaluation folder that reads into text (damaged ones are skipped)."""
    from katib.core.documents.readers import read_document
    from katib.core.errors import KatibError

    documents = []
    for path in sorted(p for p in EVAL.rglob("*") if p.is_file() and p.suffix != ".json"):
        try:
            document = read_document(path)
        except KatibError:
            continue
        if document.word_count() >= 40:
            documents.append(document)
    return documents


def dossier_parts(engine: HttpEngine, documents, limit: int) -> list[Task]:
    """Each document cut at block boundaries into parts of about PART_TOKENS tokens."""
    tasks = []
    for document in documents:
        chunks, current, size = [], [], 0
        for block in document.blocks:
            cost = engine.count_tokens(block.text) + 1
            if current and size + cost > PART_TOKENS:
                chunks.append(current)
                current, size = [], 0
            current.append(block.text[:4000])
            size += cost
        if current:
            chunks.append(current)
        for i, chunk in enumerate(chunks, 1):
            frame = (f"Document : {document.name} (partie {i}/{len(chunks)})\n\n"
                     + "\n".join(chunk) + "\n\nRésumé de cette partie en trois points :\n-")
            tasks.append(Task(base_frame=frame, max_tokens=0, stop=["\n\n\n"]))
    # Spread the sample over the dossier rather than taking the first document only.
    step = max(1, len(tasks) // limit)
    return tasks[::step][:limit]


def run(engine: HttpEngine, tasks: list[Task], concurrency: int) -> tuple[float, int]:
    def one(task: Task) -> int:
        engine.complete(task, sampling=SAMPLING, cancel=CancelToken())
        return engine.last_stats.generated_tokens  # per thread: this request's own count

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        generated = sum(pool.map(one, tasks))
    return time.perf_counter() - started, generated


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--parts", type=int, default=12)
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()

    process = None
    url = args.url
    if not url:
        import tempfile

        from test_http_engine_server import free_port, start_llama_server

        model = ModelStore(user_paths().ensure()).default_model_path()
        log = Path(tempfile.mkdtemp(prefix="katib-bench-server-")) / "server.log"
        process, url = start_llama_server(model, free_port(), log)
    try:
        engine = HttpEngine(ServerConfig(url=url, allowed_servers=[url], read_timeout=600,
                                         max_concurrency=4))
        documents = readable_documents()
        tasks = dossier_parts(engine, documents, args.parts)
        for task in tasks:
            task.max_tokens = args.max_tokens
        prompt_tokens = [engine.count_tokens(engine.render(t)) for t in tasks]
        print(f"server {url} ({engine.info.name}, tokenizer: {engine.tokenizer})")
        print(f"dossier: {len(documents)} readable documents, "
              f"{sum(engine.count_tokens(d.text()) for d in documents)} tokens; "
              f"{len(tasks)} parts sent, {statistics.mean(prompt_tokens):.0f} prompt tokens "
              f"a part, up to {args.max_tokens} generated")
        draft_prompt = engine.count_tokens(DRAFT_FRAME)
        engine.complete(Task(base_frame=DRAFT_FRAME, max_tokens=256, stop=["\n\n\n"]),
                        sampling=SAMPLING)
        print(f"draft: {draft_prompt} prompt tokens, {engine.last_stats.generated_tokens} "
              f"generated (max 256), {engine.last_stats.tokens_per_second:.1f} tokens/s")

        results: dict[int, list[tuple[float, int]]] = {1: [], 2: [], 4: []}
        for _ in range(args.rounds):
            for concurrency in results:  # interleaved so machine noise hits each alike
                results[concurrency].append(run(engine, tasks, concurrency))
        base_seconds = statistics.median(s for s, _ in results[1])
        base_tokens = statistics.median(g / s for s, g in results[1])
        for concurrency, runs in results.items():
            seconds = statistics.median(s for s, _ in runs)
            tokens_rate = statistics.median(g / s for s, g in runs)
            print(f"concurrency {concurrency}: {seconds:6.1f} s for {len(tasks)} parts, "
                  f"{len(tasks) / seconds:.3f} parts/s, {tokens_rate:.1f} generated tokens/s; "
                  f"throughput ratio to 1: {base_seconds / seconds:.2f} (parts), "
                  f"{tokens_rate / base_tokens:.2f} (tokens)")
        engine.close()
    finally:
        if process is not None:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    main()
