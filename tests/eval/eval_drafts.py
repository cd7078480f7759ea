"""`make eval-drafts`: draft every scenario of tests/scenarios/drafts.json with the
real default model, export .docx, convert with LibreOffice, and report:

- frame completeness: share of required blocks present and in order in the PDF
  text (goal 100 %);
- placeholders where and only where required fields were missing (goal 100 %);
- unflagged invented facts: numbers and names in the body that no field gave
  and no flag covers (goal 0);
- output language correct (goal 100 %);
- seconds per draft.

Run: KATIB_HOME=.test-home .venv/bin/python tests/eval/eval_drafts.py [--max-tokens N] [--only ID]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from drafts_checks import (
    PLACEHOLDERS,
    check_blocks,
    convert_to_pdf,
    language_of,
    unflagged_facts,
)

SCENARIOS = HERE.parent / "scenarios" / "drafts.json"


def flatten(value) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-tokens", type=int, default=None)
    parser.add_argument("--only", default=None, help="run scenarios whose id contains this")
    parser.add_argument("--show", action="store_true", help="print each body")
    parser.add_argument("--no-model", action="store_true",
                        help="frame and opening only (checks the frame and placeholders fast)")
    parser.add_argument("--time-budget", type=float, default=0,
                        help="stop starting new drafts after this many seconds (0: no limit)")
    args = parser.parse_args()

    from katib.core.drafting import Drafter, load_templates, write_docx
    from katib.core.local_engine import LocalEngine
    from katib.core.model_store import ModelStore
    from katib.core.paths import user_paths
    from katib.core.settings import OfficeIdentity

    data = json.loads(SCENARIOS.read_text(encoding="utf-8"))
    office = OfficeIdentity(**data["office"])
    scenarios = [s for s in data["scenarios"] if not args.only or args.only in s["id"]]
    if args.time_budget:
        # Under a time budget, alternate languages so that a partial run covers all three.
        rank = {}
        for s in scenarios:
            rank[s["id"]] = sum(1 for r in scenarios[:scenarios.index(s)] if r["lang"] == s["lang"])
        scenarios.sort(key=lambda s: (rank[s["id"]], ("fr", "ar", "en").index(s["lang"])))
    else:
        # One language after the other: the example letter opening each prompt is then
        # reused from the engine's prefix cache instead of being evaluated again.
        scenarios.sort(key=lambda s: ("fr", "ar", "en").index(s["lang"]))
    templates = load_templates(user=False)
    engine = None if args.no_model else LocalEngine(
        ModelStore(user_paths().ensure()).default_model_path())
    drafter = Drafter(engine, templates, office)
    out = Path(tempfile.mkdtemp(prefix="katib-eval-drafts-"))
    results, files = [], []
    began = time.perf_counter()
    try:
        for s in scenarios:
            if args.time_budget and time.perf_counter() - began > args.time_budget:
                print(f"time budget reached: {len(results)} of {len(scenarios)} scenarios drafted")
                break
            start = time.perf_counter()
            draft = drafter.draft(s["type"], s["lang"], s["fields"], max_tokens=args.max_tokens)
            seconds = time.perf_counter() - start
            path = write_docx(draft, out / f"{s['id']}.docx", office)
            files.append(path)
            results.append((s, draft, seconds, path))
            print(f"{s['id']:<36} {seconds:5.1f} s  {draft.stats.get('generated_tokens', 0):3d} tokens"
                  f"  stop={draft.stats.get('stop_reason', '')}  flags={len(draft.flags)}",
                  flush=True)
            if args.show:
                print("    " + draft.body.replace("\n", "\n    "))
    finally:
        if engine is not None:
            engine.close()

    texts = convert_to_pdf(files, out)
    blocks_found = blocks_total = placeholder_ok = language_ok = unflagged_total = 0
    failures = []
    for s, draft, seconds, path in results:
        template = templates.get(s["type"])
        text = texts[path]
        title = template.titles.get(s["lang"]) if "title" in template.blocks else None
        found, total, missing_blocks = check_blocks(text, template.form, s["lang"], title)
        blocks_found += found
        blocks_total += total
        if missing_blocks:
            failures.append(f"{s['id']}: blocks missing or out of order: {missing_blocks}")
        marker = PLACEHOLDERS[s["lang"]]
        wanted = set(s["missing"])
        got = {p.field for p in draft.placeholders}
        shown = marker in text
        if got == wanted and shown == bool(wanted) and set(draft.missing) == wanted:
            placeholder_ok += 1
        else:
            failures.append(f"{s['id']}: placeholders for {sorted(got)} (shown={shown}), "
                            f"expected {sorted(wanted)}")
        scenario_texts = [t for v in s["fields"].values() for t in flatten(v)]
        scenario_texts += [str(v) for v in data["office"].values()]
        unflagged = unflagged_facts(draft, scenario_texts)
        unflagged_total += len(unflagged)
        if unflagged:
            failures.append(f"{s['id']}: unflagged {unflagged}")
        generated = draft.body
        if draft.tail and generated.endswith(draft.tail):
            generated = generated[: -len(draft.tail)]
        lang = language_of(generated)
        if lang == s["lang"]:
            language_ok += 1
        else:
            failures.append(f"{s['id']}: body language {lang}, expected {s['lang']}")
    n = len(results)
    seconds = [r[2] for r in results]
    flags = sum(len(r[1].flags) for r in results)
    print()
    for line in failures:
        print("  - " + line)
    print(f"\nscenarios: {n} ({len({s['type'] for s, *_ in results})} types, "
          f"{len({s['lang'] for s, *_ in results})} languages)")
    print(f"frame completeness:            {100 * blocks_found / max(blocks_total, 1):.1f} % "
          f"({blocks_found}/{blocks_total} blocks present and in order)")
    print(f"placeholders exactly where missing: {100 * placeholder_ok / max(n, 1):.1f} % "
          f"({placeholder_ok}/{n})")
    print(f"unflagged invented facts:      {unflagged_total}  (flagged for review: {flags})")
    print(f"output language correct:       {100 * language_ok / max(n, 1):.1f} % ({language_ok}/{n})")
    print(f"seconds per draft:             mean {statistics.mean(seconds):.1f}, "
          f"median {statistics.median(seconds):.1f}, max {max(seconds):.1f}")
    print(f"documents: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
