"""Office-server benchmark: summarizing a real dossier through a loopback server, 1/2/4 at a time.

Starts `python -m llama_cpp.server` on 127.0.0.1 with the default model (or
uses `--url` for a server already running, e.g. llama.cpp's `llama-server
--parallel 4`), reads the readable documents of ../shared/eval/documents/,
and summarizes the dossier with Katib's own summarizer (`summarize_folder`)
through the HTTP engine with 1, 2 and 4 documents in flight. Prints the
throughput as ratios to concurrency 1, plus the tokens a draft and a summary
cost (prompt and generated), which docs/office-server.md sizes servers from.

llama-cpp-python's server runs one request at a time (one model object behind
a lock; it has no parallel slots), so its ratios stay near 1.0: what this
measures there is that concurrency is correct and costs nothing. A server with
slots (llama.cpp --parallel, vLLM) is where the ratios grow.

    python tests/bench/bench_server.py [--url URL] [--files N] [--drafts 6]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from katib.core.http_engine import HttpEngine
from katib.core.model_store import ModelStore
from katib.core.paths import user_paths
from katib.core.server_access import ServerConfig

EVAL = ROOT.parent / "shared" / "eval" / "documents"


class RecordingEngine(HttpEngine):
    """The HTTP engine, noting each prompt and its answer length (for the sizing figures):
    llama-cpp-python's server reports no token usage while streaming."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.requests: list[tuple[str, int]] = []
        self._record = threading.Lock()

    def stream_prompt(self, prompt, **kwargs):
        inner = super().stream_prompt(prompt, **kwargs)

        def recorded():
            try:
                yield from inner
            finally:  # also when the caller stops early (a draft ends at its paragraph)
                inner.close()
                with self._record:
                    self.requests.append((prompt, self.last_stats.generated_tokens))

        return recorded()


def readable_files(limit: int) -> list[Path]:
    """The files of the evaluation folder that read into text, spread over its folders."""
    from katib.core.documents.readers import read_document
    from katib.core.errors import KatibError
    from katib.core.summarize.dossier import dossier_files

    readable = []
    for path in dossier_files(EVAL):
        try:
            if read_document(path).word_count() >= 40:
                readable.append(path)
        except KatibError:
            continue
    step = max(1, len(readable) // limit) if limit else 1
    return readable[::step][:limit] if limit else readable


def measure_drafts(url: str, count: int) -> list[tuple[int, int]]:
    """(prompt tokens, generated tokens) of real drafts (scenarios of tests/scenarios)."""
    from katib.core.drafting import Drafter, load_templates
    from katib.core.settings import OfficeIdentity

    data = json.loads((ROOT / "tests" / "scenarios" / "drafts.json").read_text("utf-8"))
    office = OfficeIdentity(**{k: v for k, v in data["office"].items()
                               if k in OfficeIdentity.__dataclass_fields__})
    engine = RecordingEngine(ServerConfig(url=url, allowed_servers=[url], read_timeout=600))
    drafter = Drafter(engine, load_templates(), office)
    scenarios = data["scenarios"]
    for scenario in scenarios[:: max(1, len(scenarios) // count)][:count]:
        drafter.draft(scenario["type"], scenario["lang"], scenario["fields"])
    figures = [(engine.count_tokens(p), g) for p, g in engine.requests]
    engine.close()
    return figures


def summarize_dossier(url: str, files: list[Path], concurrency: int):
    from katib.core.summarize import summarize_folder

    engine = RecordingEngine(ServerConfig(url=url, allowed_servers=[url], read_timeout=600,
                                          max_concurrency=concurrency))
    started = time.perf_counter()
    note = summarize_folder(engine, files, lang="fr", detail="standard")
    seconds = time.perf_counter() - started
    return seconds, note, engine


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--files", type=int, default=0,
                        help="summarize only this many files of the dossier (default: all)")
    parser.add_argument("--drafts", type=int, default=6)
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
        files = readable_files(args.files)
        print(f"server {url}; dossier: {len(files)} readable files of {EVAL}")
        drafts = measure_drafts(url, args.drafts)
        print(f"draft: {statistics.mean(p for p, _ in drafts):.0f} prompt tokens, "
              f"{statistics.mean(g for _, g in drafts):.0f} generated tokens on average "
              f"({len(drafts)} drafts of tests/scenarios/drafts.json)")
        base = None
        for concurrency in (1, 2, 4):
            seconds, note, engine = summarize_dossier(url, files, concurrency)
            prompt = sum(engine.count_tokens(p) for p, _ in engine.requests)
            generated = sum(g for _, g in engine.requests)
            engine.close()
            if base is None:
                base = seconds
                per_doc = len(files) or 1
                print(f"summary: {len(engine.requests)} requests, {prompt / per_doc:.0f} prompt "
                      f"tokens and {generated / per_doc:.0f} generated tokens a document "
                      f"(detail=standard)")
            print(f"concurrency {concurrency}: {seconds:7.1f} s for {len(note.parts)} documents, "
                  f"{len(note.parts) / seconds:.3f} documents/s, {generated / seconds:.1f} "
                  f"generated tokens/s; throughput ratio to 1: {base / seconds:.2f}")
    finally:
        if process is not None:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    main()
