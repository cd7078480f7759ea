"""The HTTP side of the office-server engine: one allowed server, TLS, retries, clear errors.

`ServerClient` wraps an httpx client that can reach only the server it was
made for: the address was checked against the allow-list by the caller,
redirects are not followed and proxy variables are ignored. Transient failures
(connection refused, 429, 502, 503, 504) are retried with exponential
back-off; everything else becomes a `ServerError` with a message in fr/ar/en.
"""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from pathlib import Path

import httpx

from katib.core.engine import CancelToken
from katib.core.errors import EngineError
from katib.core.server_access import ServerAddress, ServerConfig, ServerError

RETRY_STATUS = {429, 502, 503, 504}


class ServerClient:
    """Requests to one office server, safe to share between threads (httpx.Client is)."""

    def __init__(self, address: ServerAddress, config: ServerConfig, api_key: str = "") -> None:
        self.address = address
        self.config = config
        self.url = address.base_url
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client: httpx.Client | None = httpx.Client(
            base_url=self.url,
            headers=headers,
            timeout=httpx.Timeout(config.read_timeout, connect=config.connect_timeout),
            verify=self._tls_context(),
            trust_env=False,  # an HTTP(S)_PROXY variable must not divert requests elsewhere
            follow_redirects=False,  # a redirect could point outside the allow-list
            limits=httpx.Limits(max_connections=config.max_concurrency + 2,
                                max_keepalive_connections=config.max_concurrency),
        )

    def _tls_context(self) -> ssl.SSLContext | bool:
        if self.address.scheme != "https":
            return False
        # The system's store (where an administration installs its own CA), plus
        # an explicit CA file when the settings name one. Verification stays on.
        context = ssl.create_default_context()
        if self.config.ca_file:
            if not Path(self.config.ca_file).is_file():
                raise ServerError("server.ca_missing", path=self.config.ca_file)
            context.load_verify_locations(cafile=self.config.ca_file)
        return context

    def fail(self, key: str, **params) -> ServerError:
        return ServerError(key, url=self.url, **params)

    def send(self, method: str, path: str, payload=None, *, stream: bool = False,
              cancel: CancelToken | None = None) -> httpx.Response:
        """Send with retries for transient failures; returns a response with status < 400.

        Returns None only when `cancel` is set while waiting to retry.
        """
        client = self._client
        if client is None:
            raise EngineError("engine.failed", detail="the server connection was closed")
        tries = self.config.retries + 1
        delay = self.config.backoff
        for attempt in range(1, tries + 1):
            failure: ServerError
            try:
                request = client.build_request(method, path, json=payload)
                response = client.send(request, stream=stream)
            except httpx.ConnectTimeout:
                failure = self.fail("server.timeout", seconds=self.config.connect_timeout)
            except httpx.ConnectError as exc:
                if is_tls_failure(exc):
                    raise self.fail("server.tls", detail=short(exc)) from exc
                failure = self.fail("server.unreachable", detail=short(exc))
            except httpx.TimeoutException as exc:  # the server took the request and went quiet
                raise self.fail("server.timeout", seconds=self.config.read_timeout) from exc
            except httpx.RemoteProtocolError as exc:
                raise self.fail("server.garbage", detail=short(exc)) from exc
            except httpx.TransportError as exc:
                raise self.fail("server.unreachable", detail=short(exc)) from exc
            else:
                if response.status_code not in RETRY_STATUS:
                    if response.status_code >= 400:
                        raise self._http_error(response)
                    return response
                failure = self.fail("server.busy", status=response.status_code, tries=tries)
                delay = max(delay, _retry_after(response))
                response.close()
            if attempt == tries:
                raise failure
            if _sleep(min(delay, 30.0), cancel):
                return None  # type: ignore[return-value]  # cancelled while waiting
            delay *= 2
        raise AssertionError("unreachable")

    def _http_error(self, response: httpx.Response) -> ServerError:
        try:
            body = response.read().decode("utf-8", "replace")
        except httpx.HTTPError:
            body = ""
        finally:
            response.close()
        if response.status_code in (401, 403):
            return self.fail("server.unauthorized", status=response.status_code)
        detail = body
        try:
            parsed = json.loads(body)
            if isinstance(parsed, dict):
                error = parsed.get("error") or parsed.get("detail") or parsed.get("message")
                if isinstance(error, dict):
                    error = error.get("message")
                detail = str(error or body)
        except ValueError:
            pass
        return self.fail("server.http_error", status=response.status_code, detail=detail[:300])

    def json(self, method: str, path: str, payload=None) -> dict:
        response = self.send(method, path, payload)
        try:
            data = response.json()
        except ValueError as exc:
            raise self.fail("server.garbage", detail=f"{path}: not JSON") from exc
        if not isinstance(data, dict):
            raise self.fail("server.garbage", detail=f"{path}: not a JSON object")
        return data

    def optional_json(self, path: str) -> dict | None:
        """A llama.cpp-only endpoint: None when this server does not have it."""
        try:
            return self.json("GET", path)
        except ServerError as exc:
            if exc.key in ("server.http_error", "server.garbage"):
                return None
            raise

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()


class CancelWatcher:
    """Shuts the stream's socket when the cancel flag is set, waking a blocked read."""

    def __init__(self, cancel: CancelToken, response: httpx.Response) -> None:
        self._cancel = cancel
        self._response = response
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="katib-http-cancel", daemon=True)
        self._thread.start()

    def _watch(self) -> None:
        while not self._done.wait(0.05):
            if self._cancel.cancelled:
                stream = self._response.extensions.get("network_stream")
                sock = stream.get_extra_info("socket") if stream is not None else None
                if sock is not None:
                    try:
                        # The plain socket call, under TLS too: it wakes the reader at once.
                        socket.socket.shutdown(sock, socket.SHUT_RDWR)
                    except OSError:
                        pass
                return

    def stop(self) -> None:
        self._done.set()


def is_tls_failure(exc: BaseException) -> bool:
    seen = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc) or "SSL" in str(exc)


def _retry_after(response: httpx.Response) -> float:
    try:
        return max(0.0, float(response.headers.get("retry-after", "0")))
    except ValueError:
        return 0.0


def _sleep(seconds: float, cancel: CancelToken | None) -> bool:
    """Sleep, waking early on cancel; True if cancelled."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if cancel is not None and cancel.cancelled:
            return True
        time.sleep(min(0.05, max(0.0, end - time.monotonic())))
    return bool(cancel and cancel.cancelled)


def short(exc: BaseException) -> str:
    return (str(exc) or type(exc).__name__)[:200]


def allow_in_offline_guard(address: ServerAddress) -> None:
    """Let the offline guard (katib.core.privacy) through to this one server.

    Called only after the address passed the allow-list check, so the guard
    never learns anything the administrator did not list.
    """
    from katib.core.privacy import allow

    host = f"[{address.host}]" if ":" in address.host else address.host
    allow(f"{address.scheme}://{host}:{address.port}")
