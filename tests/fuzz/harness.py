"""Runs hostile cases in a separate worker process with hard limits, and keeps the score.

The worker reads each case with Katib's real readers (`read_document`) or its
template loader, under:
- a per-case time limit: the readers' own cooperative limit (ReadLimits.seconds)
  and a hard one here: a case that takes longer kills the worker ("hang");
- a memory limit (RLIMIT_AS): a blow-up becomes a MemoryError, which the
  readers must turn into a clear "too large" message;
- the network guard: a reader that tries to fetch anything is a failure.

Acceptable outcomes: a Document with text, or a typed Katib error whose message
exists in fr, ar and en. Anything else (another exception, a crash of the
process, a hang, a network attempt) is a failure, saved for replay.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import resource
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HARD_SECONDS = 60.0
MEMORY_LIMIT = 4 * 1024 ** 3
# What a script or a template engine would need (written independently of the loader's list).
CODE_LIKE = re.compile(r"\{\{|\{%|<\s*script|__\w+__|\$\{|\beval\s*\(", re.IGNORECASE)


def _limits():
    from katib.core.documents.limits import ReadLimits

    # No OCR (an image page would only make the run slow); a 32 MB unpacked cap, so the
    # fuzzer's 64 MB zip bombs must be refused.
    return ReadLimits(seconds=10, ocr_max_pages=0, max_unpacked_bytes=32 * 1024 * 1024,
                      max_pages=300)


def run_case(target: str, suffix: str, data: bytes, folder: Path) -> str:
    """One case in this process; returns a short outcome, raises on an unacceptable one."""
    from katib.core.errors import KatibError

    path = folder / f"case{suffix}"
    path.write_bytes(data)
    if target == "read":
        from katib.core.documents.readers import read_document
        from katib.core.errors import DocumentError

        try:
            doc = read_document(path, limits=_limits())
        except DocumentError as exc:
            assert all(exc.localized(lang).strip() for lang in ("fr", "ar", "en")), exc.key
            assert "{" not in exc.localized("fr"), "unfilled message: " + exc.localized("fr")
            return f"refused:{exc.key}"
        assert doc.blocks and all(b.text.strip() for b in doc.blocks)
        return "document"
    if target == "template":
        from katib.core.drafting.templates import load_templates, parse_template

        text = data.decode("utf-8", errors="replace")
        code_lines = [n for n, line in enumerate(text.splitlines(), 1)
                      if CODE_LIKE.search(line)]
        try:
            parse_template(text, "fuzz.toml")
        except KatibError as exc:
            assert exc.params.get("name") == "fuzz.toml" and int(exc.params.get("line", 0)) >= 1
            assert exc.localized("fr") and exc.localized("ar") and exc.localized("en")
            if code_lines:
                assert int(exc.params["line"]) in code_lines, (exc.params, code_lines)
            outcome = "refused"
        else:
            assert not code_lines, f"a template with code was accepted (lines {code_lines})"
            outcome = "template"
        loaded = load_templates([folder], user=False)  # never raises, reports the bad file
        assert all(problem.line >= 1 for problem in loaded.errors)
        return outcome
    raise ValueError(target)


def _worker(conn) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    from katib.core.privacy import install_network_guard

    refusals: list = []
    install_network_guard(on_refused=refusals.append)
    with tempfile.TemporaryDirectory(prefix="katib-fuzz-") as tmp:
        folder = Path(tmp)
        while True:
            case = conn.recv()
            if case is None:
                break
            refusals.clear()
            for old in folder.iterdir():
                old.unlink()
            start = time.perf_counter()
            try:
                result = ("ok", run_case(*case, folder))
            except BaseException:  # noqa: BLE001 — every surprise is a finding
                result = ("fail", traceback.format_exc(limit=8))
            if refusals:
                result = ("fail", f"network attempt: {[r.target for r in refusals]}")
            conn.send((*result, time.perf_counter() - start))


class Worker:
    """A child process that runs cases; restarted after a hang or a crash."""

    def __init__(self) -> None:
        self.context = multiprocessing.get_context("spawn")
        self.process = None
        self.conn = None

    def start(self) -> None:
        parent, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()
        child.close()
        self.conn = parent

    def run(self, case: tuple, hard_seconds: float = HARD_SECONDS) -> tuple[str, str, float]:
        if self.process is None or not self.process.is_alive():
            self.start()
        start = time.perf_counter()
        try:
            self.conn.send(case)
            if not self.conn.poll(hard_seconds):
                self.stop(kill=True)
                return ("fail", f"hang: no answer after {hard_seconds:.0f} s", hard_seconds)
            return self.conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError):
            code = self.process.exitcode if self.process else None
            self.stop(kill=True)
            return ("fail", f"worker died (exit code {code})", time.perf_counter() - start)

    def stop(self, kill: bool = False) -> None:
        if self.process is None:
            return
        try:
            if not kill:
                self.conn.send(None)
                self.process.join(10)
        except (BrokenPipeError, OSError):
            pass
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.process = None


@dataclass
class Score:
    cases: Counter = field(default_factory=Counter)
    outcomes: dict = field(default_factory=lambda: defaultdict(Counter))
    failures: list = field(default_factory=list)
    slowest: dict = field(default_factory=dict)

    def record(self, name: str, case: tuple, result: tuple, save_to: Path | None) -> None:
        status, detail, seconds = result
        self.cases[name] += 1
        self.slowest[name] = max(self.slowest.get(name, 0.0), seconds)
        if status == "ok":
            self.outcomes[name][detail] += 1
            return
        self.outcomes[name]["FAILED"] += 1
        saved = None
        if save_to is not None:
            save_to.mkdir(parents=True, exist_ok=True)
            saved = save_to / f"{name}-{len(self.failures):04d}{case[1]}"
            saved.write_bytes(case[2])
        self.failures.append((name, detail, str(saved) if saved else None))

    def total(self) -> int:
        return sum(self.cases.values())

    def lines(self) -> list[str]:
        out = [f"{name:9s} {self.cases[name]:6d} cases  "
               + "  ".join(f"{k}={v}" for k, v in sorted(self.outcomes[name].items()))
               + f"  slowest {self.slowest[name]:.2f} s" for name in sorted(self.cases)]
        out.append(f"total     {self.total():6d} cases, {len(self.failures)} failures")
        for name, detail, saved in self.failures[:20]:
            out.append(f"FAILURE [{name}] {saved or ''}\n{detail}")
        return out


def campaign(counts: dict[str, int], save_to: Path | None = None, worker: Worker | None = None,
             progress=None) -> Score:
    """Run `counts[target]` hypothesis-generated cases per target in one worker."""
    score = Score()
    own = worker is None
    worker = worker or Worker()
    try:
        for name, count in counts.items():
            _run_target(name, count, score, worker, save_to, progress)
    finally:
        if own:
            worker.stop()
    return score


def _run_target(name, count, score, worker, save_to, progress) -> None:
    from hypothesis import HealthCheck, Phase, given, settings

    from fuzz_cases import TARGETS

    @settings(max_examples=count, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(case=TARGETS[name])
    def one(case):
        score.record(name, case, worker.run(case), save_to)
        if progress:
            progress(name, score)

    one()


os.environ.setdefault("KATIB_LANG", "fr")
