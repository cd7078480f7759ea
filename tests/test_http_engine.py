"""The HTTP engine against small loopback servers that misbehave on purpose.

The real llama-cpp-python server is in test_http_engine_server.py; here each
server is a few lines that answer nonsense, sleep, refuse, or speak just
enough of the OpenAI API to check one behaviour. Everything listens on
127.0.0.1; a refusal involving another address runs in a network namespace
with no network (test_refusal_in_network_namespace).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import ssl
import stat
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from katib.core.engine import CancelToken
from katib.core.http_engine import HttpEngine, estimate_tokens
from katib.core.prompts import Task
from katib.core.server_access import (
    ServerConfig,
    ServerError,
    is_allowed,
    parse_server_url,
)

ROOT = Path(__file__).resolve().parents[1]
MODELS = {"object": "list", "data": [{"id": "test-model", "object": "model"}]}


class Recorder:
    """What a fake server saw: one entry per request (method, path, body)."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict]] = []
        self.lock = threading.Lock()

    def add(self, method, path, body) -> int:
        with self.lock:
            self.requests.append((method, path, body))
            return len(self.requests)


def serve(answer, tls: ssl.SSLContext | None = None):
    """Start a loopback HTTP server; `answer(handler, method, path, body, n)` writes the reply."""
    recorder = Recorder()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # keep test output clean
            pass

        def _handle(self, method):
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length) if length else b""
            body = json.loads(raw) if raw else {}
            n = recorder.add(method, self.path, body)
            try:
                answer(self, method, self.path, body, n)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def do_GET(self):
            self._handle("GET")

        def do_POST(self):
            self._handle("POST")

    class Server(ThreadingHTTPServer):
        def shutdown(self):  # stop serving and free the port at once
            super().shutdown()
            self.server_close()

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    scheme = "https" if tls else "http"
    return f"{scheme}://127.0.0.1:{server.server_address[1]}", server, recorder


def reply(handler, status=200, data=None, content_type="application/json", headers=None):
    payload = data if isinstance(data, bytes) else json.dumps(data).encode()
    handler.send_response(status)
    handler.send_header("content-type", content_type)
    handler.send_header("content-length", str(len(payload)))
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(payload)
    handler.wfile.flush()


def sse(handler, events, end=True, delay=0.0):
    handler.send_response(200)
    handler.send_header("content-type", "text/event-stream")
    handler.send_header("connection", "close")
    handler.end_headers()
    for event in events:
        handler.wfile.write(f"data: {event}\n\n".encode())
        handler.wfile.flush()
        time.sleep(delay)
    if end:
        handler.wfile.write(b"data: [DONE]\n\n")
    handler.wfile.flush()
    handler.close_connection = True


def openai_like(pieces=("Bonjour", " Madame", ",", " merci"), delay=0.0, status_first=()):
    """A minimal OpenAI-compatible server; `status_first` = statuses returned before success."""

    def answer(handler, method, path, body, n):
        if n <= len(status_first):
            reply(handler, status_first[n - 1], {"error": "busy"}, headers={"retry-after": "0"})
        elif path == "/v1/models":
            reply(handler, data=MODELS)
        elif path in ("/v1/completions", "/v1/chat/completions"):
            key = "text" if path == "/v1/completions" else None
            chunks = []
            for piece in pieces:
                choice = {"text": piece} if key else {"delta": {"content": piece}}
                chunks.append(json.dumps({"choices": [dict(choice, finish_reason=None)]}))
            chunks.append(json.dumps({"choices": [{"text": "", "delta": {},
                                                   "finish_reason": "length"}]}))
            sse(handler, chunks, delay=delay)
        else:
            reply(handler, 404, {"detail": "Not Found"})

    return answer


def config(url, **options) -> ServerConfig:
    options.setdefault("retries", 0)
    options.setdefault("backoff", 0.01)
    return ServerConfig(url=url, allowed_servers=[url], **options)


# -- the allow-list ---------------------------------------------------------------

def test_server_addresses_are_normalized_and_matched_exactly():
    assert parse_server_url("HTTPS://LLM.Gov.MA/v1/").base_url == "https://llm.gov.ma:443"
    allowed = ["https://llm.gov.ma:8443", "http://127.0.0.1:8080/katib"]
    assert is_allowed("https://llm.gov.ma:8443/v1", allowed)
    assert not is_allowed("http://llm.gov.ma:8443", allowed)  # another scheme
    assert not is_allowed("https://llm.gov.ma", allowed)  # another port (443)
    assert not is_allowed("https://llm.gov.ma.evil.example:8443", allowed)
    assert is_allowed("http://127.0.0.1:8080/katib/v1", allowed)
    assert not is_allowed("http://127.0.0.1:8080/katibx", allowed)
    for bad in ("ftp://host", "https://user:pw@host:1", "not a url", "https://h:99999", ""):
        with pytest.raises(ServerError) as info:
            parse_server_url(bad)
        assert info.value.key == "server.bad_url"


def test_refusal_is_clear_in_three_languages_and_sends_nothing():
    url, server, recorder = serve(openai_like())
    accepted = []
    original = server.get_request
    server.get_request = lambda: (accepted.append(1), original())[1]
    try:
        with pytest.raises(ServerError) as info:
            HttpEngine(ServerConfig(url=url, allowed_servers=["https://llm.gov.ma:8443"]))
        error = info.value
        assert error.key == "server.not_allowed"
        texts = {lang: error.localized(lang) for lang in ("fr", "ar", "en")}
        assert "autorisés" in texts["fr"] and "المسؤول" in texts["ar"] and "allowed" in texts["en"]
        assert all(url in text for text in texts.values())
        time.sleep(0.2)
        assert accepted == [] and recorder.requests == []  # no connection was even attempted
    finally:
        server.shutdown()


# -- servers that are down, slow, or answer garbage -------------------------------

def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_down_is_retried_then_reported():
    url = f"http://127.0.0.1:{_closed_port()}"
    started = time.monotonic()
    with pytest.raises(ServerError) as info:
        HttpEngine(config(url, retries=2, backoff=0.1))
    assert info.value.key == "server.unreachable"
    assert time.monotonic() - started >= 0.3  # waited 0.1 then 0.2 between the three tries
    assert "injoignable" in info.value.localized("fr")
    assert "تعذر الوصول" in info.value.localized("ar")


def test_garbage_bytes_instead_of_http():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()

    def talk():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.sendall(b"HELLO I AM NOT A WEB SERVER\r\n\r\n")
            conn.close()

    threading.Thread(target=talk, daemon=True).start()
    try:
        with pytest.raises(ServerError) as info:
            HttpEngine(config(f"http://127.0.0.1:{listener.getsockname()[1]}"))
        assert info.value.key == "server.garbage"
        assert "OpenAI" in info.value.localized("fr")
    finally:
        # shutdown() wakes the thread blocked in accept(); close() alone would leave the
        # port listening (and answering garbage) for whichever later test draws it.
        listener.shutdown(socket.SHUT_RDWR)
        listener.close()


def test_a_web_page_instead_of_the_api():
    url, server, _ = serve(lambda h, m, p, b, n: reply(h, 200, b"<html>Intranet</html>", "text/html"))
    try:
        with pytest.raises(ServerError) as info:
            HttpEngine(config(url))
        assert info.value.key == "server.garbage"
    finally:
        server.shutdown()


def test_slow_server_times_out_with_a_clear_message():
    def answer(handler, method, path, body, n):
        time.sleep(3)
        reply(handler, data=MODELS)

    url, server, _ = serve(answer)
    try:
        started = time.monotonic()
        with pytest.raises(ServerError) as info:
            HttpEngine(config(url, read_timeout=0.5, retries=2))
        assert info.value.key == "server.timeout"
        assert time.monotonic() - started < 2.5  # a read timeout is not retried
        assert "0.5" in info.value.localized("en")
    finally:
        server.shutdown()


def test_busy_server_is_retried_with_back_off():
    url, server, recorder = serve(openai_like(status_first=(503, 429)))
    try:
        engine = HttpEngine(config(url, retries=3, backoff=0.05))
        assert engine.model == "test-model"
        assert [r[1] for r in recorder.requests[:3]] == ["/v1/models"] * 3
        engine.close()
    finally:
        server.shutdown()


def test_busy_server_gives_up_after_the_configured_tries():
    url, server, recorder = serve(openai_like(status_first=(502, 502, 502, 502)))
    try:
        with pytest.raises(ServerError) as info:
            HttpEngine(config(url, retries=2, backoff=0.01))
        assert info.value.key == "server.busy" and info.value.params["status"] == 502
        assert len(recorder.requests) == 3
    finally:
        server.shutdown()


def test_wrong_key_is_reported_as_such():
    def answer(handler, method, path, body, n):
        ok = handler.headers.get("authorization") == "Bearer good"
        reply(handler, 200 if ok else 401, MODELS if ok else {"detail": "Invalid API key"})

    url, server, _ = serve(answer)
    try:
        with pytest.raises(ServerError) as info:
            HttpEngine(config(url), api_key="bad")
        assert info.value.key == "server.unauthorized"
        HttpEngine(config(url), api_key="good").close()
    finally:
        server.shutdown()


# -- streaming --------------------------------------------------------------------

def test_stream_pieces_stop_strings_and_no_retry_once_streaming():
    url, server, recorder = serve(openai_like(pieces=("Objet", " :", " demande", "\n\n", "Fin")))
    try:
        engine = HttpEngine(config(url, retries=3))
        pieces = list(engine.stream(Task(base_frame="X", max_tokens=9, stop=["\n\n"])))
        assert "".join(pieces) == "Objet : demande"
        assert engine.last_stats.stop_reason == "stop"
        body = recorder.requests[-1][2]
        assert body["prompt"] == "X" and body["stop"] == ["\n\n"] and body["max_tokens"] == 9
        assert body["stream"] is True
    finally:
        server.shutdown()


def test_stream_cut_midway_is_an_error_not_a_retry():
    def answer(handler, method, path, body, n):
        if path == "/v1/models":
            return reply(handler, data=MODELS)
        sse(handler, [json.dumps({"choices": [{"text": "Le"}]})], end=False)

    url, server, recorder = serve(answer)
    try:
        engine = HttpEngine(config(url, retries=3))
        received = []
        with pytest.raises(ServerError) as info:
            for piece in engine.stream_prompt("Objet", max_tokens=5):
                received.append(piece)
        assert received == ["Le"] and info.value.key == "server.failed"
        assert sum(1 for r in recorder.requests if r[1] == "/v1/completions") == 1
    finally:
        server.shutdown()


def test_garbage_inside_the_stream():
    def answer(handler, method, path, body, n):
        if path == "/v1/models":
            return reply(handler, data=MODELS)
        sse(handler, ["<<<not json>>>"])

    url, server, _ = serve(answer)
    try:
        engine = HttpEngine(config(url))
        with pytest.raises(ServerError) as info:
            engine.complete(Task(base_frame="Objet", max_tokens=5))
        assert info.value.key == "server.garbage"
    finally:
        server.shutdown()


def test_cancel_closes_the_stream():
    url, server, _ = serve(openai_like(pieces=[f" mot{i}" for i in range(200)], delay=0.02))
    try:
        engine = HttpEngine(config(url))
        cancel = CancelToken()
        received = []
        started = time.monotonic()
        for piece in engine.stream_prompt("Objet", max_tokens=200, cancel=cancel):
            received.append(piece)
            if len(received) == 3:
                cancel.cancel()
        assert len(received) == 3 and engine.last_stats.stop_reason == "cancelled"
        assert time.monotonic() - started < 2.0  # did not wait for the 200 pieces (4 s)
    finally:
        server.shutdown()


def test_chat_mode_sends_messages_and_prefills_the_answer():
    url, server, recorder = serve(openai_like(pieces=("Bien", " reçu")))
    try:
        engine = HttpEngine(config(url, mode="chat"))
        assert engine.info.instruct
        task = Task(instruction="Résumez.", context="Le texte.", system="Soyez bref.",
                    answer_prefix="Objet :", max_tokens=12)
        assert engine.complete(task) == "Bien reçu"
        body = recorder.requests[-1][2]
        assert recorder.requests[-1][1] == "/v1/chat/completions"
        assert [m["role"] for m in body["messages"]] == ["system", "user", "assistant"]
        assert body["messages"][1]["content"] == "Résumez.\n\nLe texte."
        assert body["messages"][2]["content"] == "Objet :" and body["continue_final_message"]
        assert engine.count_tokens("abc") == estimate_tokens("abc")  # no tokenize endpoint
        assert engine.tokenizer == "estimate"
    finally:
        server.shutdown()


def test_concurrent_requests_from_threads_keep_their_own_stats():
    url, server, _ = serve(openai_like(pieces=("a", "b", "c"), delay=0.05))
    try:
        engine = HttpEngine(config(url, max_concurrency=3))
        results = {}

        def worker(i):
            text = engine.complete(Task(base_frame=f"part {i}", max_tokens=5))
            results[i] = (text, engine.last_stats.generated_tokens)

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        assert results == {i: ("abc", 3) for i in range(6)}
    finally:
        server.shutdown()


# -- TLS ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(key), "-out", str(cert), "-subj", "/CN=Katib test server",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True)
    return cert, key


def test_tls_is_verified_and_a_custom_ca_file_is_accepted(certificate):
    cert, key = certificate
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    url, server, recorder = serve(openai_like(), tls=context)
    try:
        with pytest.raises(ServerError) as info:
            HttpEngine(config(url))  # the system store does not know this certificate
        assert info.value.key == "server.tls"
        assert recorder.requests == []  # nothing was sent before the certificate was checked
        engine = HttpEngine(config(url, ca_file=str(cert)))
        assert engine.complete(Task(base_frame="Objet", max_tokens=4)) == "Bonjour Madame, merci"
        engine.close()
        with pytest.raises(ServerError) as info:
            HttpEngine(config(url, ca_file=str(cert.parent / "missing.pem")))
        assert info.value.key == "server.ca_missing"
    finally:
        server.shutdown()


# -- the settings, the runtime and the key -----------------------------------------

def test_runtime_uses_the_server_and_never_falls_back(isolated_home):
    from katib.core.paths import user_paths
    from katib.core.runtime import open_engine, use_server
    from katib.core.settings import Settings

    url, server, _ = serve(openai_like())
    paths = user_paths().ensure()
    try:
        settings = Settings(server_url=url, allowed_servers=[url])
        settings.extra["server"] = {"retries": 2, "backoff": 0.05, "max_concurrency": 2}
        engine = open_engine(paths, settings)
        assert isinstance(engine, HttpEngine) and engine.max_concurrency == 2
        engine.close()
        # Configured but not allowed: an error, not the local model, not another server.
        with pytest.raises(ServerError) as info:
            open_engine(paths, Settings(server_url=url, allowed_servers=[]))
        assert info.value.key == "server.not_allowed"
        use_server(f"http://127.0.0.1:{_closed_port()}")
        try:
            with pytest.raises(ServerError):
                open_engine(paths, Settings(allowed_servers=[url]))
        finally:
            use_server(None)
    finally:
        server.shutdown()


def test_api_key_goes_to_a_private_file_without_a_keyring(isolated_home, monkeypatch):
    import keyring
    from katib.core import secrets
    from katib.core.paths import user_paths
    from keyring.backends import fail

    monkeypatch.delenv(secrets.ENV_KEY, raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        paths = user_paths().ensure()
        assert not secrets.keyring_available()
        assert secrets.set_api_key(paths, "https://llm.gov.ma:443", "s3cret") == "file"
        key_file = paths.config / secrets.KEY_FILE
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert secrets.get_api_key(paths, "https://llm.gov.ma:443") == "s3cret"
        note = secrets.key_storage_note(paths, "https://llm.gov.ma:443", "file", "fr")
        assert str(key_file) in note and "trousseau" in note
        secrets.delete_api_key(paths, "https://llm.gov.ma:443")
        assert secrets.get_api_key(paths, "https://llm.gov.ma:443") == ""
    finally:
        keyring.set_keyring(previous)


def test_api_key_goes_to_the_keyring_when_there_is_one(isolated_home, monkeypatch):
    import keyring
    from katib.core import secrets
    from katib.core.paths import user_paths
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1
        store: dict = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    monkeypatch.delenv(secrets.ENV_KEY, raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        paths = user_paths().ensure()
        assert secrets.set_api_key(paths, "https://llm.gov.ma:443", "k1") == "keyring"
        assert backend.store[(secrets.SERVICE, "https://llm.gov.ma:443")] == "k1"
        assert not (paths.config / secrets.KEY_FILE).exists()  # never in a plain file
        assert secrets.get_api_key(paths, "https://llm.gov.ma:443") == "k1"
    finally:
        keyring.set_keyring(previous)


# -- a refusal towards a real outside address, where nothing can leave -------------

NAMESPACE_SCRIPT = r"""
import json, sys
events = []
sys.addaudithook(lambda e, a: events.append(e) if e in ("socket.connect", "socket.getaddrinfo") else None)
from katib.core.http_engine import HttpEngine
from katib.core.privacy import install_network_guard, refused_attempts
from katib.core.server_access import ServerConfig, ServerError
install_network_guard([])  # Katib's own offline guard, as the CLI and the window install it
result = {}
try:
    HttpEngine(ServerConfig(url="https://10.20.30.40:8443", allowed_servers=["https://llm.gov.ma:8443"]))
except ServerError as exc:
    result["refused"] = exc.key
result["attempts_after_refusal"] = list(events)
try:  # allowed, but the network is absent: a clear error, no fall back anywhere
    HttpEngine(ServerConfig(url="http://10.20.30.40:8080", allowed_servers=["http://10.20.30.40:8080"],
                            retries=1, backoff=0.01, connect_timeout=1))
except ServerError as exc:
    result["allowed_but_unreachable"] = exc.key
result["connects"] = events.count("socket.connect")
result["guard_refusals"] = [r.host for r in refused_attempts()]
print(json.dumps(result))
"""


def test_refusal_in_network_namespace():
    assert shutil.which("unshare"), "unshare (util-linux) is needed for this test"
    assert os.geteuid() == 0, "this test needs root to create a network namespace"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "desktop"))
    done = subprocess.run(["unshare", "-n", sys.executable, "-c", NAMESPACE_SCRIPT],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["refused"] == "server.not_allowed"
    assert result["attempts_after_refusal"] == []  # refused before any lookup or connect
    assert result["allowed_but_unreachable"] == "server.unreachable"
    assert result["connects"] == 2  # the first try and one retry, both inside the empty namespace
    # The engine let the guard through to the allowed server only: the guard refused nothing,
    # the namespace (no route) did.
    assert result["guard_refusals"] == []


def test_a_dossier_is_summarized_concurrently_up_to_the_limit(eval_dir):
    """Documents of a folder go to the server `max_concurrency` at a time, notes in order."""
    from katib.core.summarize import summarize_folder

    state = {"now": 0, "most": 0}
    lock = threading.Lock()

    def answer(handler, method, path, body, n):
        if path != "/v1/completions":
            return openai_like()(handler, method, path, body, n)
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        try:
            time.sleep(0.3)  # long enough for the other workers' requests to arrive
            openai_like(pieces=("Le", " document", " traite", " du", " contrat."))(
                handler, method, path, body, n)
        finally:
            with lock:
                state["now"] -= 1

    letters = eval_dir / "documents" / "letters-fr"
    files = [letters / name for name in ("certificat_de_travail.docx", "reclamation_de_cp.docx",
                                         "demande_paiement_salaire.docx",
                                         "demande_rdv_rupture_conventionnelle.docx")]
    url, server, recorder = serve(answer)
    try:
        engine = HttpEngine(config(url, max_concurrency=2))
        note = summarize_folder(engine, files, lang="fr", detail="short")
        assert [d.name for d in note.documents] == [f.name for f in files]
        assert len(note.parts) == 4 and note.stats["calls"] >= 5  # 4 documents + the cover
        assert state["most"] == 2  # concurrent, and never above the limit
        engine.close()
    finally:
        server.shutdown()


def test_token_usage_reported_by_the_server_is_used():
    def answer(handler, method, path, body, n):
        if path == "/v1/models":
            return reply(handler, data=MODELS)
        assert body["stream_options"] == {"include_usage": True}
        sse(handler, [json.dumps({"choices": [{"text": "Deux mots", "finish_reason": None}]}),
                      json.dumps({"choices": [{"text": "", "finish_reason": "stop"}]}),
                      json.dumps({"choices": [], "usage": {"prompt_tokens": 17,
                                                           "completion_tokens": 3}})])

    url, server, _ = serve(answer)
    try:
        engine = HttpEngine(config(url))
        assert engine.complete(Task(base_frame="Objet", max_tokens=8)) == "Deux mots"
        stats = engine.last_stats
        assert (stats.prompt_tokens, stats.generated_tokens, stats.stop_reason) == (17, 3, "eos")
    finally:
        server.shutdown()
