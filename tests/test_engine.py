"""The local engine, on the real default model through llama-cpp-python."""

import pytest

from katib.core.engine import CancelToken, StopMatcher
from katib.core.errors import EngineError
from katib.core.prompts import Task

pytestmark = pytest.mark.model

FR = ("Royaume du Maroc\nMinistère de l'Intérieur\n\nObjet : demande d'attestation\n\n"
      "Monsieur,\n\nJ'ai l'honneur de")
AR = "المملكة المغربية\nوزارة الداخلية\n\nالموضوع: طلب شهادة السكنى\n\nيشرفني أن"


def test_streams_french_and_arabic(engine):
    for frame, script in ((FR, str.isascii), (AR, None)):
        pieces = list(engine.stream(Task(base_frame=frame, max_tokens=20)))
        stats = engine.last_stats
        assert len(pieces) >= 5  # streamed, not delivered in one block
        assert stats.generated_tokens == 20 and stats.stop_reason == "length"
        assert stats.tokens_per_second > 1 and stats.time_to_first_token > 0
        text = "".join(pieces)
        assert text.strip()
    assert any("\u0600" <= ch <= "\u06ff" for ch in text)  # the Arabic answer is Arabic


def test_greedy_generation_is_repeatable_and_streams_the_same_text(engine):
    task = Task(base_frame=FR, max_tokens=16)
    first = engine.complete(task)
    second = "".join(engine.stream(task))
    assert first == second


def test_cancel_mid_stream_stops_within_one_token(engine):
    cancel = CancelToken()
    seen = 0
    for _ in engine.stream(Task(base_frame=FR, max_tokens=200), cancel=cancel):
        seen += 1
        if seen == 6:
            cancel.cancel()
    stats = engine.last_stats
    assert stats.stop_reason == "cancelled"
    assert stats.generated_tokens <= 7  # the token in flight, then nothing
    # The engine is usable again right after a cancel.
    assert engine.complete(Task(base_frame=FR, max_tokens=4)).strip()


def test_cancel_before_start_skips_prefill(engine):
    cancel = CancelToken()
    cancel.cancel()
    assert list(engine.stream(Task(base_frame=AR * 20, max_tokens=50), cancel=cancel)) == []
    assert engine.last_stats.stop_reason == "cancelled"
    assert engine.last_stats.generated_tokens == 0


def test_token_count_uses_the_models_tokenizer(engine):
    text = "Le Directeur régional de l'Intérieur à Monsieur le Président de la Commune."
    n = engine.count_tokens(text)
    assert n == len(engine._llm.tokenize(text.encode(), add_bos=False, special=True))
    assert 10 < n < len(text)
    assert engine.count_tokens("") == 0


def test_prefix_is_reused_between_requests(engine):
    shared = FR + " vous informer que " + "la commission se réunira. " * 40
    engine.complete(Task(base_frame=shared + "Premier point :", max_tokens=4))
    engine.complete(Task(base_frame=shared + "Second point :", max_tokens=4))
    stats = engine.last_stats
    assert stats.prompt_tokens > 200
    assert stats.reused_tokens >= stats.prompt_tokens - 8
    assert stats.evaluated_prompt_tokens <= 8


def test_prompt_longer_than_context_is_refused_clearly(engine):
    with pytest.raises(EngineError) as err:
        engine.complete(Task(base_frame="mot " * (engine.context_size + 10), max_tokens=4))
    assert err.value.key == "engine.prompt_too_long"
    assert "jetons" in err.value.localized("fr")


def test_stop_strings_end_generation_without_leaking():
    matcher = StopMatcher(["\n\n", "FIN"])
    out = "".join(matcher.feed(p) for p in ["Bonjour", " F", "I", "N et plus"]) + matcher.flush()
    assert out == "Bonjour " and matcher.hit


def test_engine_reports_its_model(engine):
    assert engine.info.family == "gemma-3" and not engine.info.instruct
    assert engine.context_size == engine.plan.context >= 2048
    assert engine.plan.threads >= 1
