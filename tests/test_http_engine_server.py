"""The HTTP engine against a REAL llama-cpp-python server on 127.0.0.1 with the default model.

The server is started once for this module (`python -m llama_cpp.server`,
the server extra of llama-cpp-python) and stopped at the end. Generations are
short: the point is the path (HTTP, SSE, cancel, token counting), not the text.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from katib.core.engine import CancelToken
from katib.core.http_engine import HttpEngine
from katib.core.prompts import Sampling, Task
from katib.core.server_access import ServerConfig, ServerError

pytestmark = pytest.mark.model

SAMPLING = Sampling(temperature=0.0, repeat_penalty=1.3)
LETTER = ("ROYAUME DU MAROC\nMinistère de l'Intérieur\n\nRabat, le 12 mars 2024\n\n"
          "Objet : demande de congé administratif\n\nMonsieur le Directeur,\n\nJ'ai l'honneur de")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_llama_server(model_path, port: int, log_path, extra: list[str] | None = None,
                       threads: int = 1):
    """Start llama-cpp-python's server on loopback and wait until it lists its model.

    One thread by default: the client (this process) needs a core too, and
    llama.cpp's threads wait for each other spinning, so two threads on two
    busy cores ran ~15 times slower than one here.
    """
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path),
               "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096",
               "--n_threads", str(threads), "--n_threads_batch", str(threads),
               # By default a new request interrupts the one streaming: Katib sends
               # parts concurrently, so each must run to its end.
               "--interrupt_requests", "False",
               # Logits for every prompt token (its default) only serve logprobs and make
               # prefill several times slower with Gemma's 262k-token vocabulary.
               "--logits_all", "False"] + (extra or [])
    with open(log_path, "w") as log:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"llama_cpp.server exited: {Path(log_path).read_text()[-2000:]}")
        try:
            if httpx.get(url + "/v1/models", timeout=1, trust_env=False).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    process.kill()
    raise RuntimeError("llama_cpp.server did not start within 90 s")


@pytest.fixture(scope="module")
def llama_server(default_model, tmp_path_factory):
    log = tmp_path_factory.mktemp("llama-server") / "server.log"
    process, url = start_llama_server(default_model, free_port(), log)
    yield url
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def server_engine(llama_server):
    engine = HttpEngine(ServerConfig(url=llama_server, allowed_servers=[llama_server],
                                     read_timeout=120, max_concurrency=2))
    yield engine
    engine.close()


def test_probe_finds_the_model_and_a_completion_mode(server_engine):
    info = server_engine.info
    assert info.name == "gemma-3-270m-q4_k_m.gguf"
    assert not info.instruct and server_engine.mode == "completion"  # a base model
    assert info.context_size == 4096 and info.source == server_engine.url


def test_token_counts_match_the_local_engine(server_engine, engine):
    assert server_engine.tokenizer == "extras"  # llama-cpp-python's /extras/tokenize
    for text in (LETTER, "السيد المدير، يشرفني أن أطلب منكم", "Hello, world."):
        assert server_engine.count_tokens(text) == engine.count_tokens(text)
    task = Task(base_frame=LETTER, max_tokens=32)
    assert server_engine.render(task) == engine.render(task)  # the same base frame
    assert server_engine.budget(task) == 4096 - engine.count_tokens(LETTER) - 32


def test_streamed_generation_through_the_server(server_engine):
    task = Task(base_frame=LETTER, max_tokens=24, stop=["\n\n"])
    pieces = list(server_engine.stream(task, sampling=SAMPLING))
    stats = server_engine.last_stats
    text = "".join(pieces)
    assert len(pieces) >= 2 and text.strip()
    assert "\n\n" not in text
    assert 1 <= stats.generated_tokens <= 24
    assert stats.stop_reason in ("length", "eos", "stop")
    assert 0 < stats.time_to_first_token <= stats.total_seconds


def test_cancel_mid_stream_then_the_server_still_serves(server_engine):
    cancel = CancelToken()
    received = []
    for piece in server_engine.stream(Task(base_frame=LETTER, max_tokens=200),
                                      sampling=SAMPLING, cancel=cancel):
        received.append(piece)
        if len(received) == 3:
            cancel.cancel()
    assert len(received) == 3
    assert server_engine.last_stats.stop_reason == "cancelled"
    # The closed stream makes the server drop that generation; the next request is served.
    again = server_engine.complete(Task(base_frame="Objet :", max_tokens=6), sampling=SAMPLING)
    assert again.strip() and server_engine.last_stats.stop_reason in ("length", "eos")


def test_cancel_from_another_thread_while_the_server_reads_a_long_prompt(server_engine):
    cancel = CancelToken()
    long_prompt = LETTER + " vous informer que " * 120  # ~500 tokens of prefill
    timer = threading.Timer(0.3, cancel.cancel)
    timer.start()
    started = time.monotonic()
    pieces = list(server_engine.stream_prompt(long_prompt, max_tokens=40, cancel=cancel))
    assert time.monotonic() - started < 3.0  # the socket was shut, no wait for the prefill
    assert server_engine.last_stats.stop_reason == "cancelled"
    assert len(pieces) < 40


def test_parts_sent_from_several_threads(server_engine):
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def summarize_part(i: int) -> None:
        try:
            task = Task(base_frame=f"Partie {i + 1}/3 du dossier.\n\nRésumé :", max_tokens=8)
            results[i] = server_engine.complete(task, sampling=SAMPLING)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=summarize_part, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == [] and sorted(results) == [0, 1, 2]
    assert all(text.strip() for text in results.values())


def test_an_allowed_server_that_is_down_is_not_replaced(llama_server):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with pytest.raises(ServerError) as info:
        HttpEngine(ServerConfig(url=url, allowed_servers=[url, llama_server], retries=1,
                                backoff=0.05))
    assert info.value.key == "server.unreachable"


def test_cli_server_check_through_the_real_server(llama_server, tmp_path):
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(
        json.dumps({"allowed_servers": [llama_server]}), encoding="utf-8")
    env = dict(os.environ, KATIB_HOME=str(home))
    done = subprocess.run(
        [sys.executable, "-m", "katib", "--server", llama_server, "server", "check", "--json"],
        capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["url"] == llama_server and result["mode"] == "completion"
    assert result["tokenizer"] == "extras" and result["sample"].strip()
    refused = subprocess.run(
        [sys.executable, "-m", "katib", "--lang", "ar", "--server", "http://127.0.0.1:9",
         "server", "check"], capture_output=True, text=True, timeout=60, env=env)
    assert refused.returncode == 2 and "المسؤول" in refused.stderr


# -- drafting and summarizing, unchanged, through the server ----------------------

def test_drafting_through_the_server(server_engine):
    from katib.core.drafting import Draft, Drafter, load_templates
    from katib.core.settings import OfficeIdentity

    office = OfficeIdentity(state="Royaume du Maroc", ministry="Ministère de l'Intérieur",
                            city="Kénitra", signatory_name="Ahmed Benali",
                            signatory_title="Chef du service")
    drafter = Drafter(server_engine, load_templates(), office)
    fields = {"recipient_name": "Karim Benali", "subject": "demande d'extrait d'acte de naissance",
              "request_date": "2024-03-04", "outcome": "granted"}
    items = list(drafter.draft_stream("reply_citizen", "fr", fields, max_tokens=40))
    draft = items[-1]
    assert isinstance(draft, Draft) and all(isinstance(i, str) for i in items[:-1])
    # The opening sentence from the template, then what the server streamed.
    assert items[0] == draft.lead and "".join(items[1:-1]) == draft.generated
    assert draft.body.startswith(draft.lead.strip()[:20]) and not draft.cancelled
    assert draft.stats["generated_tokens"] <= 40 and draft.stats["total_seconds"] > 0
    assert draft.stats["stop_reason"] in ("eos", "stop", "length")


def test_summarizing_through_the_server(server_engine, eval_dir):
    from katib.core.documents.readers import read_document
    from katib.core.summarize.pipeline import Summarizer

    document = read_document(eval_dir / "documents" / "letters-fr" / "certificat_de_travail.docx")
    note = Summarizer(server_engine).summarize(document, lang="fr", detail="short")
    objet = note.section("objet").points
    assert objet and objet[0].text.strip()
    assert note.stats["calls"] >= 1 and note.stats["generated_tokens"] >= 1
    for section in note.sections:  # every point the checker kept cites a real block
        for point in section.points:
            assert all(document.block(c.n) is not None for c in point.citations)


def test_cli_draft_with_server_option_writes_a_docx(llama_server, tmp_path):
    import docx

    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(
        json.dumps({"allowed_servers": [llama_server]}), encoding="utf-8")
    out = tmp_path / "attestation.docx"
    env = dict(os.environ, KATIB_HOME=str(home))
    done = subprocess.run(
        [sys.executable, "-m", "katib", "--server", llama_server, "draft", "--type", "attestation",
         "--lang", "fr", "--field", "person_name=Zineb Ammor", "--field", "cin=AB123456",
         "--field", "attested_fact=exerce les fonctions de technicienne depuis 2015",
         "--out", str(out), "--max-tokens", "24"],
        capture_output=True, text=True, timeout=180, env=env)
    assert done.returncode == 0, done.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Zineb Ammor" in text
    # No model file in this home: the text can only have come from the server.
    assert not (home / "models").exists() or not any((home / "models").iterdir())
