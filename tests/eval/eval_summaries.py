"""`make eval-summaries`: quality and cost of Katib's summaries against two baselines.

On ../shared/eval/summaries (OrangeSum, French news with a one-sentence human
abstract; QMSum committee meetings, English, ~14k words, with a human
summary), in one run, on the same texts:
  - katib: the note's objet + key points (pre-selection, sentences shortened by
    the model as pure deletions, checked citations);
  - lead: the first sentences of the source, length-matched to Katib's output;
  - mapreduce: the same model, same frame, no pre-selection: the whole text in
    parts that fit 70 % of the context, each summarized, then merged.
Scores: ROUGE-1/2/Lsum with a Unicode tokenizer (rouge-score's default keeps
only [a-z0-9]) and chrF (sacrebleu). Cost: seconds and model tokens (prompt +
generated) per 1,000 source words, counted two ways: every prompt token, and
the tokens the model actually computed (prompt tokens not served from its
prefix cache, plus generated ones). Checks: citations resolving, unsupported
figures. Memory: peak resident memory while summarizing the 15-page Federal
Register PDF.

    python tests/eval/eval_summaries.py --n-fr 20 --n-en 3
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = Path(os.environ.get("KATIB_EVAL", ROOT.parent / "shared" / "eval"))

from katib.core.documents.text_reader import document_from_text
from katib.core.summarize import prompts
from katib.core.summarize.citations import audit
from katib.core.summarize.pipeline import Summarizer
from katib.core.summarize.routing import FIT_SHARE, RESERVE

_WORD = re.compile(r"\w+", re.UNICODE)
_SENT = re.compile(r"(?<=[.!?؟])\s+")


class UnicodeTokenizer:
    """Lower-cased \\w+ words: keeps accents and Arabic, unlike rouge-score's default."""

    def tokenize(self, text: str) -> list[str]:
        return _WORD.findall(text.lower())


def sentences(text: str) -> list[str]:
    return [s for s in _SENT.split(text.replace("\n", " ")) if s.strip()]


def lead(source: str, words: int) -> str:
    out: list[str] = []
    for s in sentences(source):
        out.append(s)
        if sum(len(x.split()) for x in out) >= words:
            break
    return " ".join(out)


def plain_map_reduce(engine, text: str, lang: str, max_tokens: int) -> tuple[str, dict]:
    """The baseline: the whole text, cut to fit, each part summarized, then merged."""
    stats = {"prompt_tokens": 0, "evaluated_tokens": 0, "generated_tokens": 0, "calls": 0}
    budget = int(engine.context_size * FIT_SHARE) - RESERVE

    def run(prompt: str, tokens: int) -> str:
        out = "".join(engine.stream_prompt(prompt, max_tokens=tokens, stop=prompts.STOPS,
                                           sampling=prompts.SAMPLING))
        stats["prompt_tokens"] += engine.last_stats.prompt_tokens
        stats["evaluated_tokens"] += engine.last_stats.evaluated_prompt_tokens
        stats["generated_tokens"] += engine.last_stats.generated_tokens
        stats["calls"] += 1
        return prompts.clean(out, 200)

    chunks, current, size = [], [], 0
    for sentence in sentences(text):
        tokens = engine.count_tokens(sentence) + 1
        if current and size + tokens > budget:
            chunks.append(" ".join(current))
            current, size = [], 0
        current.append(sentence)
        size += tokens
    if current:
        chunks.append(" ".join(current))
    frame = prompts.HEAD[lang]
    if len(chunks) == 1:
        return run(frame.format(name="text", excerpts=chunks[0]) + prompts.OBJET[lang],
                   max_tokens), stats
    parts = [run(frame.format(name="text", excerpts=c) + prompts.OBJET[lang],
                 max(60, max_tokens // len(chunks) + 20)) for c in chunks]
    merged = "\n".join(p for p in parts if p)
    final = run(frame.format(name="text", excerpts=merged) + prompts.OBJET[lang], max_tokens)
    return final, stats


def score(hyps: list[str], refs: list[str]) -> dict:
    from rouge_score import rouge_scorer
    from sacrebleu.metrics import CHRF

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"],
                                      tokenizer=UnicodeTokenizer())
    totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    for hyp, ref in zip(hyps, refs):
        result = scorer.score("\n".join(sentences(ref)), "\n".join(sentences(hyp)))
        for key in totals:
            totals[key] += result[key].fmeasure
    out = {k: round(100 * v / max(1, len(hyps)), 2) for k, v in totals.items()}
    out["chrF"] = round(CHRF().corpus_score(hyps, [refs]).score, 2)
    return out


def run_set(engine, rows, detail: str, log) -> dict:
    names = ("katib", "lead", "mapreduce")
    hyps = {n: [] for n in names}
    refs = []
    # seconds, tokens (all prompt tokens + generated), source words, computed tokens
    cost = {"katib": [0.0, 0, 0, 0], "mapreduce": [0.0, 0, 0, 0]}
    checks = {"citations": 0, "resolved": 0, "unsupported_figures": 0}
    for i, row in enumerate(rows, start=1):
        doc = document_from_text(row["source"], name=row["id"])
        lang = doc.language if doc.language in ("fr", "ar", "en") else row.get("lang", "en")
        words = len(row["source"].split())
        summarizer = Summarizer(engine)
        started = time.monotonic()
        note = summarizer.summarize(doc, lang=lang, detail=detail)
        k_seconds = time.monotonic() - started
        k_text = note.summary_text()
        k_tokens = note.stats["prompt_tokens"] + note.stats["generated_tokens"]
        k_computed = note.stats["evaluated_tokens"] + note.stats["generated_tokens"]
        found = audit(note)
        for key in checks:
            checks[key] += found[key]
        started = time.monotonic()
        m_text, m_stats = plain_map_reduce(engine, row["source"], lang,
                                           max(40, engine.count_tokens(k_text)))
        m_seconds = time.monotonic() - started
        l_text = lead(row["source"], len(k_text.split()))
        for name, text in (("katib", k_text), ("lead", l_text), ("mapreduce", m_text)):
            hyps[name].append(text or ".")
        refs.append(row["reference"])
        cost["katib"][0] += k_seconds
        cost["katib"][1] += k_tokens
        cost["katib"][2] += words
        cost["katib"][3] += k_computed
        cost["mapreduce"][0] += m_seconds
        cost["mapreduce"][1] += m_stats["prompt_tokens"] + m_stats["generated_tokens"]
        cost["mapreduce"][2] += words
        m_computed = m_stats["evaluated_tokens"] + m_stats["generated_tokens"]
        cost["mapreduce"][3] += m_computed
        log.write(json.dumps({"id": row["id"], "words": words, "route": note.stats["route"],
                              "parts": note.stats["parts"], "katib": k_text,
                              "mapreduce": m_text, "lead": l_text,
                              "katib_seconds": round(k_seconds, 1),
                              "mapreduce_seconds": round(m_seconds, 1),
                              "katib_tokens": k_tokens, "katib_computed": k_computed,
                              "mapreduce_computed": m_computed,
                              "mapreduce_tokens": m_stats["prompt_tokens"]
                              + m_stats["generated_tokens"], "audit": found},
                             ensure_ascii=False) + "\n")
        log.flush()
        print(f"  {i}/{len(rows)} {row['id']}: katib {k_seconds:.0f}s {k_tokens} tok, "
              f"map-reduce {m_seconds:.0f}s", file=sys.stderr, flush=True)
    result = {"n": len(rows), "detail": detail,
              "scores": {n: score(hyps[n], refs) for n in names}, "checks": checks}
    per_k = {}
    for name, (seconds, tokens, words, computed) in cost.items():
        per_k[name] = {"seconds_per_1k_words": round(1000 * seconds / max(1, words), 2),
                       "tokens_per_1k_words": round(1000 * tokens / max(1, words), 1),
                       "computed_tokens_per_1k_words": round(1000 * computed / max(1, words),
                                                             1)}
    result["cost"] = per_k
    result["token_ratio_vs_mapreduce"] = round(
        cost["katib"][1] / max(1, cost["mapreduce"][1]), 3)
    result["computed_token_ratio_vs_mapreduce"] = round(
        cost["katib"][3] / max(1, cost["mapreduce"][3]), 3)
    result["seconds_ratio_vs_mapreduce"] = round(
        cost["katib"][0] / max(1e-9, cost["mapreduce"][0]), 3)
    result["citations_resolving_pct"] = round(
        100 * checks["resolved"] / max(1, checks["citations"]), 2)
    return result


def report_from_items(paths: list[str]) -> dict:
    """Scores and costs recomputed from the per-item log(s) of earlier runs (a run cut
    short still counts for what it finished)."""
    refs = {}
    for filename in ("orangesum-dev.jsonl", "qmsum-committee-dev.jsonl"):
        for line in (EVAL / "summaries" / filename).read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            refs[row["id"]] = (filename, row["reference"])
    groups: dict[str, list[dict]] = {}
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            groups.setdefault(refs[item["id"]][0], []).append(item)
    report = {}
    for filename, items in groups.items():
        ref_list = [refs[i["id"]][1] for i in items]
        words = sum(i["words"] for i in items)
        k_tokens = sum(i["katib_tokens"] for i in items)
        m_tokens = sum(i["mapreduce_tokens"] for i in items)
        k_seconds = sum(i["katib_seconds"] for i in items)
        m_seconds = sum(i["mapreduce_seconds"] for i in items)
        citations = sum(i["audit"]["citations"] for i in items)
        resolved = sum(i["audit"]["resolved"] for i in items)
        report[filename] = {
            "n": len(items), "ids": [i["id"] for i in items],
            "scores": {name: score([i[name] or "." for i in items], ref_list)
                       for name in ("katib", "lead", "mapreduce")},
            "cost": {
                "katib": {"seconds_per_1k_words": round(1000 * k_seconds / words, 2),
                          "tokens_per_1k_words": round(1000 * k_tokens / words, 1)},
                "mapreduce": {"seconds_per_1k_words": round(1000 * m_seconds / words, 2),
                              "tokens_per_1k_words": round(1000 * m_tokens / words, 1)}},
            "token_ratio_vs_mapreduce": round(k_tokens / max(1, m_tokens), 3),
            "computed_token_ratio_vs_mapreduce": round(
                sum(i.get("katib_computed", i["katib_tokens"]) for i in items)
                / max(1, sum(i.get("mapreduce_computed", i["mapreduce_tokens"])
                             for i in items)), 3),
            "seconds_ratio_vs_mapreduce": round(k_seconds / max(1e-9, m_seconds), 3),
            "citations_resolving_pct": round(100 * resolved / max(1, citations), 2),
            "unsupported_figures": sum(i["audit"]["unsupported_figures"] for i in items),
            "routes": sorted({f"{i['route']}/{i['parts']}" for i in items}),
        }
    return report


def peak_memory(engine, path: Path) -> dict:
    """Peak resident memory of this process while summarizing one PDF."""
    import psutil
    from katib.core.documents.readers import read_document

    process = psutil.Process()
    before = process.memory_info().rss
    peak = [before]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], process.memory_info().rss)
            done.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    started = time.monotonic()
    doc = read_document(path)
    note = Summarizer(engine).summarize(doc, lang="en", detail="standard")
    seconds = time.monotonic() - started
    done.set()
    thread.join()
    found = audit(note)
    return {"file": path.name, "pages": doc.pages, "words": doc.word_count(),
            "route": note.stats["route"], "parts": note.stats["parts"],
            "seconds": round(seconds, 1), "rss_before_mb": round(before / 2**20, 1),
            "rss_peak_mb": round(peak[0] / 2**20, 1),
            "rss_added_mb": round((peak[0] - before) / 2**20, 1),
            "citations_resolving_pct": round(100 * found["resolved_share"], 1),
            "unsupported_figures": found["unsupported_figures"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n-fr", type=int, default=20, help="OrangeSum articles (of 150)")
    parser.add_argument("--n-en", type=int, default=3, help="QMSum meetings (of 30)")
    parser.add_argument("--detail-fr", default="short")
    parser.add_argument("--detail-en", default="standard")
    parser.add_argument("--no-memory", action="store_true")
    parser.add_argument("--out", default=str(ROOT / ".test-home" / "eval-summaries.json"))
    parser.add_argument("--score", nargs="+", metavar="ITEMS_JSONL",
                        help="only re-score the per-item logs of earlier runs")
    args = parser.parse_args(argv)
    if args.score:
        print(json.dumps(report_from_items(args.score), indent=2, ensure_ascii=False))
        return 0

    from katib.core.local_engine import LocalEngine
    from katib.core.model_store import ModelStore
    from katib.core.paths import user_paths

    engine = LocalEngine(ModelStore(user_paths().ensure()).default_model_path())
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    report = {"model": engine.info.name, "context": engine.context_size,
              "threads": engine.info.extra.get("threads")}
    with open(out.with_suffix(".items.jsonl"), "w", encoding="utf-8") as log:
        for key, filename, n, detail in (
                ("fr", "orangesum-dev.jsonl", args.n_fr, args.detail_fr),
                ("en", "qmsum-committee-dev.jsonl", args.n_en, args.detail_en)):
            if n <= 0:
                continue
            lines = (EVAL / "summaries" / filename).read_text(encoding="utf-8").splitlines()
            rows = [json.loads(line) for line in lines[:n]]
            print(f"{filename}: first {len(rows)} items, detail {detail}", file=sys.stderr)
            report[key] = run_set(engine, rows, detail, log)
            report[key]["file"] = filename
            out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    if not args.no_memory:
        report["memory"] = peak_memory(
            engine, EVAL / "documents/pdf/en-federal-register-2020-17221.pdf")
    engine.close()
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
