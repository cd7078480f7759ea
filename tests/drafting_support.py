"""Shared pieces of the drafting tests: the scenario office, a scripted engine."""

from __future__ import annotations

import json
from pathlib import Path

from katib.core.engine import Engine, EngineInfo, GenerationStats, StopMatcher
from katib.core.prompts import render_base
from katib.core.settings import OfficeIdentity

SCENARIOS = Path(__file__).resolve().parent / "scenarios" / "drafts.json"


def scenario_data() -> dict:
    return json.loads(SCENARIOS.read_text(encoding="utf-8"))


def office() -> OfficeIdentity:
    return OfficeIdentity(**scenario_data()["office"])


def scenario(scenario_id: str) -> dict:
    return next(s for s in scenario_data()["scenarios"] if s["id"] == scenario_id)


class ScriptedEngine(Engine):
    """Replays a fixed text piece by piece, honouring stop strings and cancel like
    the real engine; records the prompts it was given."""

    def __init__(self, text: str, piece: int = 7) -> None:
        self.text, self.piece = text, piece
        self.prompts: list[str] = []
        self.stops: list[list[str]] = []
        self.info = EngineInfo("scripted", "test", 8192, False, "memory")
        self.last_stats = GenerationStats()

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def render(self, task) -> str:
        return render_base(task)

    def stream_prompt(self, prompt, *, max_tokens=256, stop=None, sampling=None, cancel=None):
        self.prompts.append(prompt)
        self.stops.append(list(stop or []))
        self.last_stats = GenerationStats(prompt_tokens=self.count_tokens(prompt))

        def run():
            matcher = StopMatcher(stop)
            for i in range(0, len(self.text), self.piece):
                if cancel is not None and cancel.cancelled:
                    self.last_stats.stop_reason = "cancelled"
                    return
                out = matcher.feed(self.text[i:i + self.piece])
                self.last_stats.generated_tokens += 1
                if out:
                    yield out
                if matcher.hit:
                    self.last_stats.stop_reason = "stop"
                    return
            tail = matcher.flush()
            if tail:
                yield tail
            self.last_stats.stop_reason = "eos"

        return run()
