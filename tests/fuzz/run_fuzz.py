"""`make fuzz`: 10,000+ hostile cases over every document reader and the template loader.

    python tests/fuzz/run_fuzz.py --cases 10000 [--only docx,pdf] [--save DIR]

Cases are spread over the targets (docx, odt, pdf, text, html, eml, mutated real
files, templates), each run in a worker process with a per-case time limit and a
memory limit (see harness.py). Prints the outcomes per target and every failure
(the failing input is saved for replay); exits 1 if there was any.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fuzz_cases import TARGETS  # noqa: E402
from harness import campaign  # noqa: E402

# Relative weights: the zip formats and PDFs get the most cases.
WEIGHTS = {"docx": 2.0, "odt": 1.5, "pdf": 2.0, "text": 0.8, "html": 0.8, "eml": 0.8,
           "mutated": 1.6, "template": 1.5}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--only", default="", help="comma-separated targets")
    parser.add_argument("--save", type=Path, default=Path(".test-home") / "fuzz-failures")
    args = parser.parse_args(argv)
    names = [n for n in (args.only.split(",") if args.only else TARGETS) if n]
    weight = sum(WEIGHTS[n] for n in names)
    counts = {n: max(1, round(args.cases * WEIGHTS[n] / weight)) for n in names}
    start = time.perf_counter()
    last = [start]

    def progress(name, score):
        now = time.perf_counter()
        if now - last[0] > 30:
            last[0] = now
            print(f"  … {score.total()} cases ({name}), {len(score.failures)} failures, "
                  f"{now - start:.0f} s", flush=True)

    print(f"fuzzing {sum(counts.values())} cases: {counts}", flush=True)
    score = campaign(counts, save_to=args.save, progress=progress)
    print("\n".join(score.lines()))
    print(f"fuzz: {score.total()} cases in {time.perf_counter() - start:.0f} s, "
          f"{len(score.failures)} failures")
    return 1 if score.failures else 0


if __name__ == "__main__":
    sys.exit(main())
