"""The runtime network guard refuses everything but loopback and the allow-list.

Every test that tries a non-loopback address runs in a child process inside a
network namespace with no network (`unshare -n`): nothing can leave the
machine, not even to prove a refusal. The child checks it is in another
namespace before it tries anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from katib.core.errors import KatibError
from katib.core.privacy.guard import is_loopback, parse_allowed

HERE_NS = os.readlink("/proc/self/ns/net")

PRELUDE = f"""
import json, os, socket, sys
assert os.readlink('/proc/self/ns/net') != {HERE_NS!r}, 'not in an isolated network namespace'
"""


def unshare(*flags: str) -> list[str]:
    """`unshare -n` as root (CI); a user namespace maps us to root otherwise."""
    return ["unshare", *flags] if os.geteuid() == 0 else ["unshare", "-r", *flags]


def run_isolated(code: str, setup: str = "", extra_flags: tuple[str, ...] = (),
                 strace_to: Path | None = None, env: dict | None = None, timeout: int = 120):
    """Run Python `code` in a child process inside a fresh network namespace.

    `setup`: shell commands run first inside the namespace (as root there),
    e.g. to give `lo` an extra non-loopback address that exists only inside.
    """
    script = PRELUDE + textwrap.dedent(code)
    python = [sys.executable, "-c", script]
    if strace_to is not None:
        python = ["strace", "-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-o",
                  str(strace_to)] + python
    shell = (setup + "\n" if setup else "") + 'exec "$@"'
    cmd = unshare("-n", *extra_flags) + ["sh", "-c", shell, "sh", *python]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                         env={**os.environ, **(env or {})})
    assert out.returncode == 0, out.stdout + out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_loopback_and_allow_list_entries_are_understood():
    assert is_loopback("127.0.0.1") and is_loopback("127.8.9.10") and is_loopback("::1")
    assert is_loopback("localhost") and is_loopback(b"127.0.0.1") and is_loopback("::ffff:127.0.0.1")
    assert not is_loopback("10.0.0.1") and not is_loopback("example.org")
    assert not is_loopback("0.0.0.0")
    assert parse_allowed("https://llm.interieur.gov.ma:8443") == parse_allowed("llm.interieur.gov.ma:8443")
    assert parse_allowed("https://llm.interieur.gov.ma").port == 443
    assert parse_allowed("http://10.1.2.3/v1").port == 80
    assert parse_allowed("10.1.2.3").port is None  # a bare host: any port
    assert parse_allowed("[fd00::5]:8080").host == "fd00::5"
    with pytest.raises(KatibError) as err:
        parse_allowed("not a host")
    assert "https://" in err.value.localized("fr")


def test_every_way_out_is_refused_before_the_system_call(tmp_path):
    trace = tmp_path / "trace.txt"
    result = run_isolated("""
        import urllib.request, urllib.error, http.client
        from katib.core.privacy import install_network_guard, NetworkRefused, refused_attempts
        seen = []
        install_network_guard(on_refused=seen.append)
        outcome = {}
        def attempt(name, fn):
            try:
                fn()
                outcome[name] = 'connected'
            except NetworkRefused:
                outcome[name] = 'refused'
            except urllib.error.URLError as exc:
                outcome[name] = 'refused' if isinstance(exc.reason, NetworkRefused) else repr(exc)
            except Exception as exc:
                outcome[name] = repr(exc)
        attempt('tcp_ip', lambda: socket.create_connection(('192.0.2.10', 443), timeout=2))
        attempt('tcp_ipv6', lambda: socket.socket(socket.AF_INET6).connect(('2001:db8::1', 443, 0, 0)))
        attempt('tcp_name', lambda: socket.socket().connect(('update.example.org', 80)))
        attempt('dns', lambda: socket.getaddrinfo('telemetry.example.org', 443))
        attempt('gethostbyname', lambda: socket.gethostbyname('fonts.example.org'))
        attempt('udp_sendto', lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('198.51.100.7', 53)))
        attempt('udp_connect', lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).connect(('198.51.100.7', 53)))
        attempt('urllib', lambda: urllib.request.urlopen('http://models.example.org/gemma.gguf', timeout=2))
        attempt('http_client', lambda: http.client.HTTPSConnection('crash-reports.example.org', timeout=2).request('GET', '/'))
        attempt('raw_socket', lambda: socket.socket(socket.AF_PACKET, socket.SOCK_RAW))
        outcome['recorded'] = len(refused_attempts())
        outcome['listener'] = len(seen)
        outcome['events'] = sorted({r.event for r in seen})
        print(json.dumps(outcome))
    """, strace_to=trace)
    ways = ["tcp_ip", "tcp_ipv6", "tcp_name", "dns", "gethostbyname", "udp_sendto",
            "udp_connect", "urllib", "http_client", "raw_socket"]
    assert {w: result[w] for w in ways} == {w: "refused" for w in ways}
    assert result["recorded"] == result["listener"] >= len(ways)
    assert "socket.connect" in result["events"] and "socket.getaddrinfo" in result["events"]
    # Refused before the kernel saw anything: not one connect/sendto to an outside address.
    calls = trace.read_text()
    outside = [line for line in calls.splitlines() if "sin_addr" in line or "sin6_addr" in line]
    assert outside == [], outside


def test_httpx_is_refused_too():
    """httpx (the office-server engine's client) goes through the same sockets."""
    result = run_isolated("""
        import httpx
        from katib.core.privacy import install_network_guard, refused_attempts
        install_network_guard()
        try:
            httpx.get('https://api.example.org/v1/models', timeout=2)
            outcome = 'connected'
        except httpx.ConnectError as exc:
            outcome = 'refused' if 'refused a network connection' in str(exc) else repr(exc)
        print(json.dumps({'outcome': outcome, 'recorded': [r.target for r in refused_attempts()]}))
    """)
    assert result["outcome"] == "refused"
    assert result["recorded"] and result["recorded"][0].startswith("api.example.org")


def test_loopback_and_local_sockets_still_work(tmp_path):
    result = run_isolated(f"""
        import http.server, threading, urllib.request
        from katib.core.privacy import install_network_guard
        install_network_guard()
        subprocess_ok = True
        server = http.server.HTTPServer(('127.0.0.1', 0), http.server.SimpleHTTPRequestHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        body = urllib.request.urlopen(f'http://127.0.0.1:{{server.server_port}}/', timeout=5).status
        path = {str(tmp_path / 'sock')!r}
        listener = socket.socket(socket.AF_UNIX); listener.bind(path); listener.listen()
        client = socket.socket(socket.AF_UNIX); client.connect(path)
        server.shutdown()
        print(json.dumps({{'http': body, 'unix': client.fileno() > 0}}))
    """, setup="ip link set lo up")
    assert result == {"http": 200, "unix": True}


def test_the_guard_cannot_be_removed_or_bypassed_from_python():
    result = run_isolated("""
        from katib.core.privacy import guard, install_network_guard, NetworkRefused
        calls = []
        install_network_guard(on_refused=calls.append)
        install_network_guard(on_refused=calls.append)  # installing twice: one hook
        # Tampering with the module does not touch the hook the interpreter holds.
        guard._hook = lambda event, args: None
        guard._STATE.installed = False
        del sys.modules['katib.core.privacy.guard']
        import importlib; importlib.reload(socket)
        outcome = []
        for attempt in range(2):
            try:
                socket.create_connection(('203.0.113.9', 80), timeout=2)
                outcome.append('connected')
            except NetworkRefused:
                outcome.append('refused')
            except OSError as exc:
                outcome.append(repr(exc))
        print(json.dumps({'outcome': outcome, 'listener_calls': len(calls)}))
    """)
    assert result == {"outcome": ["refused", "refused"], "listener_calls": 2}


def test_allowed_office_server_is_reached_by_address_and_by_name(tmp_path):
    """10.77.0.1 exists only inside the namespace (on lo): an 'office server' that
    cannot leave the machine. Allowed by name and port; another port stays refused."""
    hosts = tmp_path / "hosts"
    hosts.write_text("127.0.0.1 localhost\n10.77.0.1 llm.bureau.test\n")
    result = run_isolated("""
        import http.server, threading, urllib.request, urllib.error
        from katib.core.privacy import install_network_guard, allow, NetworkRefused, allowed_entries
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200); self.end_headers(); self.wfile.write(b'{"ok": true}')
            def log_message(self, *args):
                pass
        servers = []
        for port in (8080, 8081):
            server = http.server.HTTPServer(('10.77.0.1', port), Handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
        install_network_guard(['http://llm.bureau.test:8080'])
        def get(url):
            try:
                return urllib.request.urlopen(url, timeout=5).status
            except urllib.error.URLError as exc:
                return 'refused' if isinstance(exc.reason, NetworkRefused) else repr(exc)
        result = {'by_name': get('http://llm.bureau.test:8080/v1/models'),
                  'by_ip_resolved': get('http://10.77.0.1:8080/'),
                  'other_port': get('http://10.77.0.1:8081/'),
                  'other_name_port': get('http://llm.bureau.test:8081/')}
        allow('http://10.77.0.1:8081')  # what the HTTP engine does for a configured server
        result['after_allow'] = get('http://10.77.0.1:8081/')
        result['entries'] = allowed_entries()
        print(json.dumps(result))
    """, setup=f"ip link set lo up && ip addr add 10.77.0.1/32 dev lo && "
               f"mount --bind {hosts} /etc/hosts", extra_flags=("-m",))
    assert result["by_name"] == 200 and result["by_ip_resolved"] == 200
    assert result["other_port"] == "refused" and result["other_name_port"] == "refused"
    assert result["after_allow"] == 200
    assert result["entries"] == ["10.77.0.1:8081", "llm.bureau.test:8080"]


def test_the_katib_command_installs_the_guard_and_logs_refusals(tmp_path):
    """The real entry point: `katib.cli.main` protects the process before any command."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(
        json.dumps({"allowed_servers": ["https://llm.bureau.test:8443"]}), encoding="utf-8")
    # The administrator's policy lets this server through (see test_privacy_policy.py).
    policy = tmp_path / "policy.toml"
    policy.write_text('[network]\nallowed_servers = ["https://llm.bureau.test:8443"]\n')
    policy.chmod(0o644)
    result = run_isolated("""
        import contextlib, io
        from katib.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main([])  # no command: prints the help, after protecting the process
        from katib.core.privacy import guard_installed, allowed_entries, NetworkRefused
        try:
            socket.create_connection(('192.0.2.44', 443), timeout=2)
            outcome = 'connected'
        except NetworkRefused as exc:
            outcome = 'refused'
        print(json.dumps({'code': code, 'installed': guard_installed(),
                          'entries': allowed_entries(), 'outcome': outcome,
                          'umask': oct(os.umask(0o022))}))
    """, env={"KATIB_HOME": str(home), "KATIB_POLICY": str(policy)})
    assert result == {"code": 0, "installed": True, "entries": ["llm.bureau.test:8443"],
                      "outcome": "refused", "umask": "0o77"}
    log = (home / "logs" / "katib.log")
    assert "network connection refused: socket.getaddrinfo to 192.0.2.44:443" in log.read_text()
    assert log.stat().st_mode & 0o777 == 0o600
    # ... and in the store's audit trail, which a security officer can read back.
    from katib.core.paths import Paths
    from katib.core.store import Store

    paths = Paths(config=home / "config", data=home / "data", models=home / "models",
                  logs=home / "logs", cache=home / "cache")
    with Store.open(paths, auto_backup=False) as store:
        entries = [e for e in store.audit_log() if e["event"] == "network.refused"]
    assert len(entries) == 1
    details = entries[0]["details"]
    assert details == {"attempt": "socket.getaddrinfo", "host": "192.0.2.44", "port": 443}
    assert paths.database.stat().st_mode & 0o777 == 0o600
