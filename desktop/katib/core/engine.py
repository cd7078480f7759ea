"""One interface for "a model that turns a prompt into a stream of tokens".

Everything above the engine (drafting, summarizing, the window, the command
line) talks to `Engine` only. `LocalEngine` runs a GGUF file in this process
through llama-cpp-python; an HTTP engine for an office server sits beside it.
"""

from __future__ import annotations

import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from katib.core.prompts import Sampling, Task


class CancelToken:
    """A flag a caller sets from any thread; the engine checks it between tokens."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def reset(self) -> None:
        self._event.clear()


@dataclass
class GenerationStats:
    """What one request cost. `reused_tokens` were served from the prefix cache."""

    prompt_tokens: int = 0
    reused_tokens: int = 0
    evaluated_prompt_tokens: int = 0
    generated_tokens: int = 0
    time_to_first_token: float = 0.0
    generation_seconds: float = 0.0
    total_seconds: float = 0.0
    stop_reason: str = ""  # "eos", "length", "stop", "cancelled"

    @property
    def tokens_per_second(self) -> float:
        # The first token's time is prefill; speed is measured over the rest.
        if self.generated_tokens <= 1 or self.generation_seconds <= 0:
            return 0.0
        return (self.generated_tokens - 1) / self.generation_seconds

    def as_dict(self) -> dict:
        data = asdict(self)
        data["tokens_per_second"] = round(self.tokens_per_second, 2)
        return data


@dataclass
class EngineInfo:
    """What the rest of Katib may know about the model behind an engine."""

    name: str
    family: str
    context_size: int
    instruct: bool
    source: str  # a file path or a server address
    extra: dict = field(default_factory=dict)


class Engine(ABC):
    """A model that streams tokens. One request at a time per engine."""

    info: EngineInfo
    last_stats: GenerationStats

    @property
    def context_size(self) -> int:
        return self.info.context_size

    @abstractmethod
    def count_tokens(self, text: str) -> int:
        """Tokens `text` takes with this model's own tokenizer."""

    @abstractmethod
    def render(self, task: Task) -> str:
        """The prompt text this model gets for `task`."""

    @abstractmethod
    def stream_prompt(
        self,
        prompt: str,
        *,
        max_tokens: int = 256,
        stop: list[str] | None = None,
        sampling: Sampling | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[str]:
        """Yield text pieces for a raw prompt; stats land in `last_stats`."""

    def stream(
        self,
        task: Task,
        *,
        sampling: Sampling | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[str]:
        """Yield the answer to `task` piece by piece. Stops quietly when cancelled."""
        return self.stream_prompt(
            self.render(task),
            max_tokens=task.max_tokens,
            stop=task.stop,
            sampling=sampling,
            cancel=cancel,
        )

    def complete(self, task: Task, **kwargs) -> str:
        return "".join(self.stream(task, **kwargs))

    def budget(self, task: Task) -> int:
        """Tokens left for material once the task's frame and answer are counted."""
        return self.context_size - self.count_tokens(self.render(task)) - task.max_tokens

    def close(self) -> None:
        """Free the model. Safe to call twice."""


class StopMatcher:
    """Holds back text that might be the start of a stop string, so none leaks out."""

    def __init__(self, stops: list[str] | None) -> None:
        self.stops = [s for s in (stops or []) if s]
        self._pending = ""
        self.hit = False

    def feed(self, text: str) -> str:
        if not self.stops:
            return text
        self._pending += text
        for stop in self.stops:
            index = self._pending.find(stop)
            if index >= 0:
                self.hit = True
                out, self._pending = self._pending[:index], ""
                return out
        keep = 0
        for stop in self.stops:
            for n in range(min(len(stop) - 1, len(self._pending)), 0, -1):
                if self._pending.endswith(stop[:n]):
                    keep = max(keep, n)
                    break
        out = self._pending[: len(self._pending) - keep]
        self._pending = self._pending[len(self._pending) - keep:]
        return out

    def flush(self) -> str:
        out, self._pending = self._pending, ""
        return "" if self.hit else out


class Stopwatch:
    """Collects timings for GenerationStats."""

    def __init__(self) -> None:
        self.start = time.perf_counter()
        self.first: float | None = None
        self.last = self.start

    def token(self) -> None:
        now = time.perf_counter()
        if self.first is None:
            self.first = now
        self.last = now

    def fill(self, stats: GenerationStats) -> None:
        end = time.perf_counter()
        stats.total_seconds = end - self.start
        if self.first is not None:
            stats.time_to_first_token = self.first - self.start
            stats.generation_seconds = self.last - self.first
