"""A scripted engine for fast, deterministic UI tests (shared by every tests/test_ui_*.py).

It is a real `Engine`: it renders tasks, counts tokens, honours stop strings,
`max_tokens` and the cancel flag between pieces, and fills `last_stats`. It
replays a script of answers instead of running a model, with a small pause
between pieces so that a test can press Stop in the middle of a stream.
The real model still runs in the end-to-end UI tests.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator

from katib.core.engine import (
    CancelToken,
    Engine,
    EngineInfo,
    GenerationStats,
    StopMatcher,
    Stopwatch,
)
from katib.core.errors import EngineError
from katib.core.prompts import Sampling, Task, render_base

DEFAULT_ANSWER = (
    " J'ai l'honneur de vous informer que votre demande a bien été reçue par nos services. "
    "Elle sera examinée dans les meilleurs délais, conformément à la réglementation en vigueur. "
    "Je vous prie d'agréer l'expression de ma considération distinguée."
)


class ScriptedEngine(Engine):
    """Replays `answers` one request after another (the last one repeats).

    `delay` is the pause between pieces (seconds); `fail_on` makes the n-th
    request (counting from 1) raise an `EngineError`, as a broken model would.
    `prompts` records every prompt received, for assertions. `gate`, when set,
    holds each stream before its first piece until the test releases it.
    """

    def __init__(
        self,
        answers: list[str] | None = None,
        delay: float = 0.01,
        fail_on: int | None = None,
        name: str = "scripted-engine",
        context_size: int = 8192,
    ) -> None:
        self.answers = list(answers or [DEFAULT_ANSWER])
        self.delay = delay
        self.fail_on = fail_on
        self.prompts: list[str] = []
        self.requests = 0
        self.closed = False
        self.gate: threading.Event | None = None
        self.streaming = threading.Event()  # set while a request is producing pieces
        self.info = EngineInfo(name=name, family="scripted", context_size=context_size,
                               instruct=False, source="tests/ui_fakes.py")
        self.last_stats = GenerationStats()

    def count_tokens(self, text: str) -> int:
        return len(re.findall(r"\w+|[^\w\s]", text))

    def render(self, task: Task) -> str:
        return render_base(task)

    def stream_prompt(
        self,
        prompt: str,
        *,
        max_tokens: int = 256,
        stop: list[str] | None = None,
        sampling: Sampling | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[str]:
        self.requests += 1
        self.prompts.append(prompt)
        index = min(self.requests - 1, len(self.answers) - 1)
        answer = self.answers[index]
        stats = GenerationStats(prompt_tokens=self.count_tokens(prompt))
        stats.evaluated_prompt_tokens = stats.prompt_tokens
        self.last_stats = stats
        watch = Stopwatch()
        matcher = StopMatcher(stop)
        if self.fail_on is not None and self.requests == self.fail_on:
            raise EngineError(detail="scripted failure")
        if self.gate is not None:
            self.gate.wait(10)
        self.streaming.set()
        try:
            # Pieces the size of real tokens: a word or a punctuation mark with its space.
            for piece in re.findall(r"\s*\S+", answer):
                if cancel is not None and cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    break
                if stats.generated_tokens >= max_tokens:
                    stats.stop_reason = "length"
                    break
                time.sleep(self.delay)
                watch.token()
                stats.generated_tokens += 1
                out = matcher.feed(piece)
                if out:
                    yield out
                if matcher.hit:
                    stats.stop_reason = "stop"
                    break
            else:
                tail = matcher.flush()
                if tail:
                    yield tail
                stats.stop_reason = "eos"
        finally:
            self.streaming.clear()
            watch.fill(stats)

    def close(self) -> None:
        self.closed = True


# -- fixtures shared by the UI tests (import them into a test module) -----------------
import pytest


@pytest.fixture
def ui_home(tmp_path, monkeypatch):
    """A fresh KATIB_HOME for one UI test: its own settings, database and window state."""
    home = tmp_path / "katib-home"
    home.mkdir()
    monkeypatch.setenv("KATIB_HOME", str(home))
    return home


@pytest.fixture
def make_app(qapp, ui_home):
    """Build a `KatibApp` on a scripted engine (or one given); shut it down afterwards.

    `make_app(engine=None, first_run_done=True, language="en", load=True)`.
    """
    from katib.core.paths import user_paths
    from katib.core.settings import Settings
    from katib.ui.app import KatibApp

    apps = []

    def build(engine: Engine | None = None, first_run_done: bool = True,
              language: str = "en", load: bool = True, **settings_values):
        scripted = engine or ScriptedEngine()
        settings = Settings(first_run_done=first_run_done, interface_language=language,
                            output_language="fr", **settings_values)
        app = KatibApp(qapp, paths=user_paths(), settings=settings,
                       engine_loader=lambda: scripted)
        app.engine = scripted  # for assertions
        apps.append(app)
        if load:
            app.load_model()
        return app

    yield build
    for app in apps:
        app.shutdown()  # cancels model work, closes the store
        app.set_language("en")  # the QApplication outlives the test: leave it left to right


class BorrowedEngine(Engine):
    """Lends a shared engine (the session's real model) to an app without letting it close it."""

    def __init__(self, inner: Engine) -> None:
        self.inner = inner
        self.info = inner.info

    @property
    def last_stats(self) -> GenerationStats:  # type: ignore[override]
        return self.inner.last_stats

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def render(self, task: Task) -> str:
        return self.inner.render(task)

    def stream_prompt(self, prompt: str, **kwargs) -> Iterator[str]:
        return self.inner.stream_prompt(prompt, **kwargs)

    def close(self) -> None:
        """The session fixture closes the real engine, not the app."""
