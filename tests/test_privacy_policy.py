"""The administrator's policy file decides which office servers Katib may reach.

Every test that involves an address outside loopback runs in a child process
inside a network namespace with no network (`unshare -n`, see
test_privacy_guard.run_isolated): the "office servers" are extra addresses on
the namespace's own `lo`, so nothing can leave the machine. The children run
as root inside the namespace, so the policy files written here belong to
root there, as /etc/katib/policy.toml would.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from katib.core.privacy.policy import Policy, effective_servers, load_policy, policy_path
from test_privacy_guard import run_isolated

OFFICE = "http://10.77.0.1:8080"  # the administrator's server
OWN = "http://10.77.0.2:8080"  # a server a user typed in their own settings
LOCAL = "http://127.0.0.1:8081"  # a server on this computer


def write_policy(path: Path, servers: list[str], users_may_add: bool | None = None,
                 mode: int = 0o644) -> Path:
    lines = ["[network]", f"allowed_servers = {json.dumps(servers)}"]
    if users_may_add is not None:
        lines.append(f"users_may_add_servers = {str(users_may_add).lower()}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path.chmod(mode)
    return path


def test_the_policy_file_is_where_an_administrator_puts_it(monkeypatch):
    monkeypatch.delenv("KATIB_POLICY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert policy_path() == Path("/etc/katib/policy.toml")
    monkeypatch.setattr(sys, "platform", "darwin")
    assert policy_path() == Path("/Library/Application Support/Katib/policy.toml")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("ProgramData", r"D:\ProgramData")
    assert policy_path() == Path(r"D:\ProgramData") / "Katib" / "policy.toml"
    monkeypatch.setenv("KATIB_POLICY", "/srv/katib/policy.toml")
    assert policy_path() == Path("/srv/katib/policy.toml")


def test_which_servers_count_under_each_policy():
    user = [OWN, LOCAL]
    # No policy file: nothing beyond this computer, whatever the user listed.
    assert effective_servers(user, Policy()) == [LOCAL]
    # The administrator's servers only (the default), plus loopback.
    assert effective_servers(user, Policy((OFFICE,))) == [OFFICE, LOCAL]
    # The administrator lets users add their own.
    assert effective_servers(user, Policy((OFFICE,), users_may_add_servers=True)) == \
        [OFFICE, OWN, LOCAL]


def test_a_policy_file_others_can_write_or_cannot_read_allows_nothing():
    """Checked as root inside a user namespace, where the files belong to root."""
    result = run_isolated(f"""
        import tempfile, pathlib
        from katib.core.privacy.policy import load_policy
        folder = pathlib.Path(tempfile.mkdtemp())
        def write(name, text, mode):
            path = folder / name
            path.write_text(text)
            path.chmod(mode)
            return load_policy(path)
        good = write('good.toml', '[network]\\nallowed_servers = ["{OFFICE}", "not a host"]\\n'
                     'users_may_add_servers = true\\n', 0o644)
        shared = write('shared.toml', '[network]\\nallowed_servers = ["{OFFICE}"]\\n', 0o666)
        broken = write('broken.toml', '[network\\nallowed_servers = "{OFFICE}"', 0o644)
        missing = load_policy(folder / 'absent.toml')
        print(json.dumps({{
            'good': [list(good.allowed_servers), good.users_may_add_servers],
            'shared': [list(shared.allowed_servers), 'written by other users' in shared.problem],
            'broken': [list(broken.allowed_servers), bool(broken.problem)],
            'missing': [list(missing.allowed_servers), missing.source]}}))
    """)
    assert result == {"good": [[OFFICE], True], "shared": [[], True], "broken": [[], True],
                      "missing": [[], None]}


def test_a_file_owned_by_a_user_is_not_a_policy(tmp_path):
    path = write_policy(tmp_path / "policy.toml", [OFFICE])
    if os.geteuid() == 0:
        os.chown(path, 1000, 1000)
    policy = load_policy(path)
    assert policy.allowed_servers == () and "root" in policy.problem


def test_the_guard_follows_the_policy_not_the_user_settings(tmp_path):
    """The real entry point (`katib.cli.main`) with a user who listed their own server:
    the administrator's server answers, the user's is refused before any packet, and
    nothing later in the process can widen the list."""
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(
        json.dumps({"allowed_servers": [OWN, LOCAL]}), encoding="utf-8")
    policy = write_policy(tmp_path / "policy.toml", [OFFICE])
    trace = tmp_path / "trace.txt"
    result = run_isolated("""
        import contextlib, io, http.server, threading, urllib.request, urllib.error
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200); self.end_headers(); self.wfile.write(b'ok')
            def log_message(self, *args):
                pass
        for host in ('10.77.0.1', '10.77.0.2'):
            server = http.server.HTTPServer((host, 8080), Handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
        from katib.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            code = main([])
        from katib.core.privacy import allow, allowed_entries, NetworkRefused
        def get(url):
            try:
                return urllib.request.urlopen(url, timeout=5).status
            except urllib.error.URLError as exc:
                return 'refused' if isinstance(exc.reason, NetworkRefused) else repr(exc)
        out = {'code': code, 'entries': allowed_entries(),
               'office': get('http://10.77.0.1:8080/'), 'own': get('http://10.77.0.2:8080/')}
        try:
            allow('http://10.77.0.2:8080')  # what an engine would do for a server it was given
            out['widened'] = True
        except NetworkRefused as exc:
            out['widened'] = exc.localized('fr')
        out['own_after'] = get('http://10.77.0.2:8080/')
        print(json.dumps(out))
    """, setup="ip link set lo up && ip addr add 10.77.0.1/32 dev lo && "
               "ip addr add 10.77.0.2/32 dev lo",
        env={"KATIB_HOME": str(home), "KATIB_POLICY": str(policy)}, strace_to=trace)
    assert result["code"] == 0
    assert result["entries"] == ["10.77.0.1:8080", "127.0.0.1:8081"]
    assert result["office"] == 200
    assert result["own"] == "refused" and result["own_after"] == "refused"
    assert "politique de l'administrateur" in result["widened"]
    # The kernel never saw a connect() to the user's server.
    calls = trace.read_text()
    assert "10.77.0.1" in calls and "10.77.0.2" not in calls


@pytest.mark.parametrize("policy_servers,users_may_add,expected", [
    ([], None, "server.not_allowed"),
    ([OFFICE], False, "server.not_allowed"),
    ([OFFICE], True, "allowed"),
])
def test_an_engine_for_a_user_server_needs_the_policy(tmp_path, policy_servers, users_may_add,
                                                      expected):
    """`katib --server URL` and the settings' server go through the same check."""
    policy = write_policy(tmp_path / "policy.toml", policy_servers, users_may_add)
    result = run_isolated(f"""
        from katib.core.server_access import ServerConfig, ServerError, check_allowed
        from katib.core.settings import Settings
        config = ServerConfig.from_settings(Settings(allowed_servers=['{OWN}']), '{OWN}')
        try:
            check_allowed(config.url, config.allowed_servers)
            outcome = 'allowed'
        except ServerError as exc:
            outcome = exc.key
        print(json.dumps({{'outcome': outcome}}))
    """, env={"KATIB_POLICY": str(policy)})
    assert result == {"outcome": expected}


def test_native_code_bypasses_the_hook_but_not_the_socket_check(tmp_path):
    """The stated limit, shown: a connect() made by native code (ctypes -> libc) is not
    seen by Python's audit hook. The operating system's view of the process's sockets
    finds it, and the check Katib runs at exit records it in the audit trail."""
    home = tmp_path / "home"
    result = run_isolated("""
        import contextlib, io, ctypes, struct
        listener = socket.socket()  # never accepts: the connection waits in its backlog
        listener.bind(('10.77.0.1', 8080))
        listener.listen()
        from katib.cli import main
        with contextlib.redirect_stdout(io.StringIO()):
            main([])
        from katib.core.privacy import refused_attempts
        from katib.core.privacy.sockets import outside_connections
        libc = ctypes.CDLL(None, use_errno=True)
        fd = libc.socket(socket.AF_INET, socket.SOCK_STREAM, 0)
        address = (struct.pack('=H', socket.AF_INET) + struct.pack('!H', 8080)
                   + socket.inet_aton('10.77.0.1') + bytes(8))
        rc = libc.connect(fd, ctypes.c_char_p(address), len(address))
        found = outside_connections()
        print(json.dumps({'native_connect': rc, 'refused_by_hook': len(refused_attempts()),
                          'found': [[c.kind, c.remote_host, c.remote_port] for c in found]}))
    """, setup="ip link set lo up && ip addr add 10.77.0.1/32 dev lo",
        env={"KATIB_HOME": str(home)})
    assert result["native_connect"] == 0 and result["refused_by_hook"] == 0  # the limit
    assert result["found"] == [["tcp", "10.77.0.1", 8080]]  # ... and the detection
    from katib.core.paths import Paths
    from katib.core.store import Store

    paths = Paths(config=home / "config", data=home / "data", models=home / "models",
                  logs=home / "logs", cache=home / "cache")
    with Store.open(paths, auto_backup=False) as store:
        entries = [e["details"] for e in store.audit_log() if e["event"] ==
                   "network.native_socket"]
    assert entries == [{"protocol": "tcp", "host": "10.77.0.1", "port": 8080,
                        "status": "ESTABLISHED"}]
    assert "native code?" in (home / "logs" / "katib.log").read_text()
