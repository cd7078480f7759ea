"""The engine that asks an office inference server over HTTP (OpenAI-compatible API).

llama.cpp's server, vLLM and llama-cpp-python's server all speak
/v1/completions and /v1/chat/completions with server-sent events. A base
model (the default Gemma 3 270M) gets /v1/completions with the same
`render_base` frame the local engine builds; an instruct model gets
/v1/chat/completions. What this code leans on:

- the address is checked against the administrator's allow-list before any
  socket is opened, redirects are not followed and proxy variables from the
  environment are ignored, so a request can only ever reach that server;
- transient failures (connection refused, 429, 502, 503, 504) are retried with
  exponential back-off before a stream starts, never once tokens have flowed
  (a retry then would repeat text the user already has);
- cancel closes the stream: the flag is checked between events, and a small
  watcher shuts the socket down so a cancel lands even while the server is
  still reading a long prompt and sends nothing;
- one engine is safe to use from several threads at once (summarizing a
  folder sends parts concurrently, up to `max_concurrency`); `last_stats` is
  per thread.
"""

from __future__ import annotations

import json
import math
import threading
from collections import OrderedDict
from collections.abc import Iterator

import httpx
from httpx_sse import EventSource, SSEError

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
from katib.core.server_access import ServerConfig, ServerError, check_allowed
from katib.core.server_client import CancelWatcher, ServerClient, allow_in_offline_guard, short

DEFAULT_CONTEXT = 4096
# Without a tokenize endpoint: UTF-8 bytes / 3 over-counts French (~4.1 bytes a
# token with Gemma's tokenizer) and Arabic (~3.2) a little, which is the safe side.
BYTES_PER_TOKEN_ESTIMATE = 3.0
_CACHE_SIZE = 1024


class HttpEngine(Engine):
    """A model served by an office server the administrator allowed."""

    def __init__(self, config: ServerConfig, api_key: str = "") -> None:
        # First, before anything can open a socket: is this server allowed at all?
        self.address = check_allowed(config.url, config.allowed_servers)
        self.config = config
        self.max_concurrency = config.max_concurrency
        allow_in_offline_guard(self.address)
        self._http = ServerClient(self.address, config, api_key)
        self._slots = threading.BoundedSemaphore(config.max_concurrency)
        self._local = threading.local()
        self._count_lock = threading.Lock()
        self._counts: OrderedDict[str, int] = OrderedDict()
        self._tokenizer: str | None = None  # "tokenize", "extras", "estimate"
        self._bos_tokens = 0
        try:
            self.model, self.mode, context = self._probe()
        except BaseException:
            self._http.close()
            raise
        self.info = EngineInfo(
            name=self.model.rsplit("/", 1)[-1],
            family="server",
            context_size=context,
            instruct=self.mode == "chat",
            source=self.url,
            extra={"server": self.url, "mode": self.mode, "max_concurrency": self.max_concurrency},
        )

    @property
    def url(self) -> str:
        return self.address.base_url

    # -- per-thread statistics --------------------------------------------
    @property
    def last_stats(self) -> GenerationStats:
        return getattr(self._local, "stats", None) or GenerationStats()

    @last_stats.setter
    def last_stats(self, stats: GenerationStats) -> None:
        self._local.stats = stats

    def _probe(self) -> tuple[str, str, int]:
        """Ask the server which model it serves, its context size and whether it chats."""
        listing = self._http.json("GET", "/v1/models")
        models = listing.get("data")
        if not isinstance(models, list) or not all(isinstance(m, dict) for m in models):
            raise self._http.fail("server.garbage", detail="/v1/models: no model list")
        names = [str(m.get("id")) for m in models if m.get("id")]
        if not names:
            raise self._http.fail("server.no_model")
        model = self.config.model or names[0]
        entry = next((m for m in models if m.get("id") == model), models[0])
        props = self._http.optional_json("/props") or {}  # llama.cpp server only
        context = self.config.context_size or _server_context(entry, props) or DEFAULT_CONTEXT
        mode = self.config.mode
        if mode == "auto":
            mode = "chat" if props.get("chat_template") else "completion"
        return model, mode, int(context)

    # -- tokens -------------------------------------------------------------
    def count_tokens(self, text: str) -> int:
        """Tokens by the server's own tokenizer when it has an endpoint, else an estimate."""
        if not text:
            return 0
        with self._count_lock:
            if text in self._counts:
                self._counts.move_to_end(text)
                return self._counts[text]
        if self._tokenizer is None:
            self._detect_tokenizer()
        if self._tokenizer == "tokenize":
            count = len(self._tokens("/tokenize", _tokenize_body(text, self.model)))
        elif self._tokenizer == "extras":
            tokens = self._tokens("/extras/tokenize", {"input": text, "model": self.model})
            count = max(0, len(tokens) - self._bos_tokens)
        else:
            count = estimate_tokens(text)
        with self._count_lock:
            self._counts[text] = count
            while len(self._counts) > _CACHE_SIZE:
                self._counts.popitem(last=False)
        return count

    def _tokens(self, path: str, body: dict) -> list:
        tokens = self._http.json("POST", path, body).get("tokens")
        if not isinstance(tokens, list):
            raise self._http.fail("server.garbage", detail=f"{path}: no token list")
        return tokens

    def _detect_tokenizer(self) -> None:
        """llama.cpp and vLLM: /tokenize; llama-cpp-python: /extras/tokenize (adds BOS)."""
        for kind, path, body in (
            ("tokenize", "/tokenize", _tokenize_body("Katib", self.model)),
            ("extras", "/extras/tokenize", {"input": "", "model": self.model}),
        ):
            try:
                tokens = self._tokens(path, body)
            except ServerError as exc:
                if exc.key in ("server.http_error", "server.garbage"):
                    continue
                raise
            if kind == "extras":
                self._bos_tokens = len(tokens)  # what an empty text costs: the BOS token
            self._tokenizer = kind
            return
        self._tokenizer = "estimate"

    @property
    def tokenizer(self) -> str:
        """How tokens are counted: "tokenize", "extras" (server endpoints) or "estimate"."""
        if self._tokenizer is None:
            self._detect_tokenizer()
        return self._tokenizer or "estimate"

    # -- prompts --------------------------------------------------------------
    def render(self, task: Task) -> str:
        if self.mode == "chat":
            # What the chat request carries; counted for budgets (the server adds its template).
            return "\n\n".join(m["content"] for m in _messages(task)) + task.answer_prefix
        return render_base(task)

    def stream(self, task: Task, *, sampling: Sampling | None = None,
               cancel: CancelToken | None = None) -> Iterator[str]:
        if self.mode != "chat":
            return super().stream(task, sampling=sampling, cancel=cancel)
        messages = _messages(task)
        payload = self._payload(task.max_tokens, task.stop, sampling)
        payload["messages"] = messages
        if task.answer_prefix:
            # The answer's start as an assistant turn the model continues
            # (llama.cpp server does so by itself; vLLM needs the two flags).
            messages.append({"role": "assistant", "content": task.answer_prefix})
            payload.update(continue_final_message=True, add_generation_prompt=False)
        return self._run("/v1/chat/completions", payload, task.stop, cancel or CancelToken())

    def stream_prompt(self, prompt: str, *, max_tokens: int = 256, stop: list[str] | None = None,
                      sampling: Sampling | None = None,
                      cancel: CancelToken | None = None) -> Iterator[str]:
        if not prompt:
            raise EngineError("engine.empty_prompt")
        payload = self._payload(max_tokens, stop, sampling)
        payload["prompt"] = prompt
        return self._run("/v1/completions", payload, stop, cancel or CancelToken())

    def _payload(self, max_tokens: int, stop: list[str] | None, sampling: Sampling | None) -> dict:
        s = sampling or Sampling()
        payload = {
            "model": self.model, "stream": True, "max_tokens": max(1, int(max_tokens)),
            "temperature": s.temperature, "top_p": s.top_p, "top_k": s.top_k, "min_p": s.min_p,
            # llama.cpp names it repeat_penalty, vLLM repetition_penalty; each ignores the other.
            "repeat_penalty": s.repeat_penalty, "repetition_penalty": s.repeat_penalty,
            "seed": s.seed, "stream_options": {"include_usage": True},
        }
        if stop:
            payload["stop"] = list(stop)
        return payload

    # -- streaming --------------------------------------------------------------
    def _run(self, path: str, payload: dict, stop, cancel: CancelToken) -> Iterator[str]:
        with self._slots:
            stats = GenerationStats()
            self.last_stats = stats
            watch = Stopwatch()
            matcher = StopMatcher(stop)
            response = watcher = None
            finished = False
            try:
                if not cancel.cancelled:
                    response = self._http.send("POST", path, payload, stream=True, cancel=cancel)
                if response is None:
                    stats.stop_reason = "cancelled"
                    return
                watcher = CancelWatcher(cancel, response)
                for event in EventSource(response).iter_sse():
                    if cancel.cancelled:
                        break
                    data = event.data.strip()
                    if not data:
                        continue
                    if data == "[DONE]":
                        finished = True
                        break
                    text, reason = self._parse_event(data, stats)
                    if reason:
                        finished = True
                        stats.stop_reason = "eos" if reason == "stop" else reason
                    if text:
                        watch.token()
                        stats.generated_tokens += 1
                        out = matcher.feed(text)
                        if out:
                            yield out
                        if matcher.hit:
                            stats.stop_reason = "stop"
                            finished = True
                            break
                if cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    return
                if not finished:
                    raise self._http.fail("server.failed", detail="the answer stopped before its end")
                tail = matcher.flush()
                if tail:
                    yield tail
            except SSEError as exc:
                raise self._http.fail("server.garbage", detail=short(exc)) from exc
            except httpx.TimeoutException as exc:
                if not cancel.cancelled:
                    raise self._http.fail("server.timeout", seconds=self.config.read_timeout) from exc
                stats.stop_reason = "cancelled"
            except httpx.HTTPError as exc:
                if not cancel.cancelled:
                    raise self._http.fail("server.unreachable", detail=short(exc)) from exc
                stats.stop_reason = "cancelled"
            except OSError:
                if not cancel.cancelled:  # the watcher shut the socket: that is the cancel
                    raise
                stats.stop_reason = "cancelled"
            finally:
                if watcher is not None:
                    watcher.stop()
                if response is not None:
                    response.close()  # the server sees the client leave and stops generating
                watch.fill(stats)

    def _parse_event(self, data: str, stats: GenerationStats) -> tuple[str, str]:
        """The text and finish reason of one streamed chunk."""
        try:
            chunk = json.loads(data)
        except ValueError:
            raise self._http.fail("server.garbage", detail=f"not JSON: {data[:60]!r}") from None
        if not isinstance(chunk, dict):
            raise self._http.fail("server.garbage", detail=f"not an object: {data[:60]!r}")
        if chunk.get("error"):
            error = chunk["error"]
            raise self._http.fail("server.failed", detail=str(error.get("message") if isinstance(
                error, dict) else error)[:300])
        usage = chunk.get("usage")
        if isinstance(usage, dict):
            # The server's own count (vLLM, llama.cpp) is exact; chunks can hold several tokens.
            stats.prompt_tokens = int(usage.get("prompt_tokens") or stats.prompt_tokens)
            stats.evaluated_prompt_tokens = stats.prompt_tokens
            # Counted as a piece below when this chunk also carries text.
            completion = int(usage.get("completion_tokens") or 0)
            has_text = any(isinstance(c, dict) and (c.get("text") or (c.get("delta") or {}).get(
                "content")) for c in chunk.get("choices") or [])
            stats.generated_tokens = max(stats.generated_tokens, completion - int(has_text))
        choices = chunk.get("choices")
        if not isinstance(choices, list):
            if isinstance(usage, dict):
                return "", ""
            raise self._http.fail("server.garbage", detail="a chunk without choices")
        if not choices:
            return "", ""
        choice = choices[0] if isinstance(choices[0], dict) else {}
        delta = choice.get("delta") if isinstance(choice.get("delta"), dict) else {}
        text = choice.get("text")
        if text is None:
            text = delta.get("content") or ""
        return str(text), str(choice.get("finish_reason") or "")

    def close(self) -> None:
        http = getattr(self, "_http", None)
        if http is not None:
            http.close()


def estimate_tokens(text: str) -> int:
    """A safe-side token count for a server without a tokenize endpoint."""
    return math.ceil(len(text.encode("utf-8")) / BYTES_PER_TOKEN_ESTIMATE) if text else 0


def _messages(task: Task) -> list[dict]:
    user = "\n\n".join(p.strip() for p in (task.instruction, task.context) if p and p.strip())
    messages = [{"role": "system", "content": task.system}] if task.system else []
    messages.append({"role": "user", "content": user})
    return messages


def _tokenize_body(text: str, model: str) -> dict:
    # One body both servers read: llama.cpp takes "content", vLLM "prompt".
    return {"content": text, "prompt": text, "model": model,
            "add_special": False, "add_special_tokens": False}


def _server_context(entry: dict, props: dict) -> int:
    settings = props.get("default_generation_settings")
    if isinstance(settings, dict) and isinstance(settings.get("n_ctx"), int):
        return settings["n_ctx"]  # llama.cpp server: the context of one slot
    if isinstance(entry.get("max_model_len"), int):
        return entry["max_model_len"]  # vLLM
    return 0


