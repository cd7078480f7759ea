"""The engine that runs a GGUF model in this process through llama-cpp-python.

Facts this code leans on (see LLAMA_NOTES): `create_completion(stream=True)`
re-detokenizes the whole answer at every token, so we iterate `generate()` and
decode pieces incrementally; `detokenize` drops pieces longer than 32 bytes,
so pieces are read with a larger buffer; there is no cancel in the API, so we
evaluate the prompt ourselves in chunks and check the flag between them and
between tokens; a Llama object is not thread-safe, so requests are serialized.
"""

from __future__ import annotations

import codecs
import ctypes
import threading
from collections.abc import Iterator
from pathlib import Path

from katib.core.engine import (
    CancelToken,
    Engine,
    EngineInfo,
    GenerationStats,
    Stopwatch,
    StopMatcher,
)
from katib.core.errors import EngineError, ModelError
from katib.core.models import LoadPlan, inspect_gguf, plan_load
from katib.core.prompts import ChatRenderer, Sampling, Task, render_base

# Prefill is evaluated in chunks this size so a cancel lands within one chunk.
PREFILL_CHUNK = 128


class LocalEngine(Engine):
    """A GGUF model loaded with llama-cpp-python, memory-mapped, on the CPU."""

    def __init__(self, model_path: str | Path, plan: LoadPlan | None = None) -> None:
        import llama_cpp

        self._llama_cpp = llama_cpp
        path = Path(model_path)
        meta = inspect_gguf(path)  # raises ModelError before llama.cpp can crash on a bad file
        self.plan = plan or plan_load(meta)
        try:
            self._llm = llama_cpp.Llama(
                model_path=str(path),
                n_ctx=self.plan.context,
                n_batch=self.plan.batch,
                n_ubatch=self.plan.batch,
                n_threads=self.plan.threads,
                n_threads_batch=self.plan.threads,
                use_mmap=True,
                # Sliding-window layers (Gemma 3) otherwise drop old positions,
                # and llama.cpp then refuses to reuse a cached prefix.
                swa_full=self.plan.swa_full,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelError("model.load_failed", path=path.name, detail=str(exc)) from exc
        self._lock = threading.Lock()
        self._vocab = self._llm._model.vocab
        self._piece_buffer = ctypes.create_string_buffer(256)
        chat_template = meta.chat_template
        self._chat = None
        if chat_template:
            self._chat = ChatRenderer(chat_template, meta.bos_text, meta.eos_text)
        self.info = EngineInfo(
            name=meta.name,
            family=meta.family,
            context_size=self._llm.n_ctx(),
            instruct=self._chat is not None,
            source=str(path),
            extra={"threads": self.plan.threads, "batch": self.plan.batch},
        )
        self.last_stats = GenerationStats()

    # -- tokens ---------------------------------------------------------
    def tokenize(self, text: str, add_bos: bool = True) -> list[int]:
        return self._llm.tokenize(text.encode("utf-8"), add_bos=add_bos, special=True)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenize(text, add_bos=False))

    def _piece(self, token: int) -> bytes:
        n = self._llama_cpp.llama_token_to_piece(
            self._vocab, token, self._piece_buffer, len(self._piece_buffer), 0, False
        )
        if n < 0:  # piece longer than the buffer: grow it and ask again
            self._piece_buffer = ctypes.create_string_buffer(-n + 16)
            n = self._llama_cpp.llama_token_to_piece(
                self._vocab, token, self._piece_buffer, len(self._piece_buffer), 0, False
            )
        return self._piece_buffer.raw[: max(n, 0)]

    def _is_end(self, token: int) -> bool:
        return bool(self._llama_cpp.llama_vocab_is_eog(self._vocab, token))

    def render(self, task: Task) -> str:
        return self._chat(task) if self._chat else render_base(task)

    @property
    def cached_tokens(self) -> list[int]:
        """Tokens whose state is in the KV cache now (the previous request)."""
        return list(self._llm._input_ids[: self._llm.n_tokens])

    # -- generation -----------------------------------------------------
    def stream_prompt(
        self,
        prompt: str,
        *,
        max_tokens: int = 256,
        stop: list[str] | None = None,
        sampling: Sampling | None = None,
        cancel: CancelToken | None = None,
    ) -> Iterator[str]:
        tokens = self.tokenize(prompt)
        if len(tokens) <= 1 and not prompt:
            raise EngineError("engine.empty_prompt")
        limit = self.context_size - 1
        if len(tokens) >= limit:
            raise EngineError("engine.prompt_too_long", tokens=len(tokens), limit=limit)
        max_tokens = max(1, min(max_tokens, self.context_size - len(tokens)))
        return self._run(tokens, max_tokens, stop, sampling or Sampling(), cancel or CancelToken())

    def _run(self, tokens, max_tokens, stop, sampling, cancel) -> Iterator[str]:
        with self._lock:
            stats = GenerationStats(prompt_tokens=len(tokens))
            self.last_stats = stats
            watch = Stopwatch()
            llm = self._llm
            try:
                stats.reused_tokens = self._prefill(tokens, cancel)
                stats.evaluated_prompt_tokens = len(tokens) - stats.reused_tokens
                if cancel.cancelled:
                    stats.stop_reason = "cancelled"
                    return
                decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
                matcher = StopMatcher(stop)
                stats.stop_reason = "length"
                llm.set_seed(sampling.seed)
                generator = llm.generate(
                    tokens,
                    top_k=sampling.top_k,
                    top_p=sampling.top_p,
                    min_p=sampling.min_p,
                    temp=sampling.temperature,
                    repeat_penalty=sampling.repeat_penalty,
                    reset=True,
                )
                try:
                    for token in generator:
                        watch.token()
                        if self._is_end(token):
                            stats.stop_reason = "eos"
                            break
                        stats.generated_tokens += 1
                        text = matcher.feed(decoder.decode(self._piece(token)))
                        if text:
                            yield text
                        if matcher.hit:
                            stats.stop_reason = "stop"
                            break
                        if cancel.cancelled:
                            stats.stop_reason = "cancelled"
                            break
                        if stats.generated_tokens >= max_tokens:
                            break
                finally:
                    generator.close()
                tail = matcher.feed(decoder.decode(b"", final=True)) + matcher.flush()
                if tail:
                    yield tail
            except (RuntimeError, ValueError, OSError) as exc:
                raise EngineError("engine.failed", detail=str(exc)) from exc
            finally:
                watch.fill(stats)

    def _prefill(self, tokens: list[int], cancel: CancelToken) -> int:
        """Evaluate all but the last prompt token, reusing the cached prefix.

        Returns how many tokens were reused. The last token is left for
        `generate()`, which then finds everything else cached and evaluates
        only that one (that is how it produces fresh logits).
        """
        llm = self._llm
        reused = 0
        for cached, wanted in zip(llm._input_ids[: llm.n_tokens], tokens[:-1]):
            if cached != wanted:
                break
            reused += 1
        if reused and not llm._ctx.kv_cache_seq_rm(-1, reused, -1):
            reused = 0  # this cache cannot be cut at an arbitrary position
        if reused == 0:
            llm.reset()
        llm.n_tokens = reused
        todo = tokens[reused:-1]
        for start in range(0, len(todo), PREFILL_CHUNK):
            if cancel.cancelled:
                break
            llm.eval(todo[start : start + PREFILL_CHUNK])
        return reused

    def close(self) -> None:
        llm, self._llm = getattr(self, "_llm", None), None
        if llm is not None:
            # Closing explicitly avoids llama-cpp-python's noisy __del__ at exit.
            llm.close()
