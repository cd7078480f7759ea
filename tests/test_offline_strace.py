"""Reading an `strace -f -e trace=connect,sendto,sendmsg,execve` log: did anything try to leave?

`make test-offline` runs the end-to-end tests under strace inside a network
namespace with no network, then runs this file as a script on the log:

    python tests/test_offline_strace.py TRACE_FILE

It prints the connect() calls by address family and exits 1 if any call
aimed at an AF_INET / AF_INET6 address outside loopback (127.0.0.0/8, ::1).
AF_UNIX (local sockets), AF_NETLINK and AF_UNSPEC are local by definition.
As a test module, it checks the parser on real strace lines.
"""

from __future__ import annotations

import ipaddress
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_CALL = re.compile(r"\b(connect|sendto|sendmsg)\(\d+,")
_SOCKADDR = re.compile(r"\{sa_family=(AF_\w+)(?P<rest>[^{}]*)\}")
_IPV4 = re.compile(r'sin_addr=inet_addr\("([^"]+)"\)')
_IPV6 = re.compile(r'inet_pton\(AF_INET6, "([^"]+)"')
_PORT = re.compile(r"sin6?_port=htons\((\d+)\)")


@dataclass(frozen=True)
class Attempt:
    call: str
    family: str
    address: str
    port: int | None
    line: str

    @property
    def outside(self) -> bool:
        if self.family not in ("AF_INET", "AF_INET6"):
            return False
        try:
            ip = ipaddress.ip_address(self.address)
        except ValueError:
            return True  # an address strace could not print: count it as outside
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        return not ip.is_loopback


def parse(text: str) -> list[Attempt]:
    """Every connect/sendto/sendmsg with a socket address, in the order of the log."""
    attempts = []
    for line in text.splitlines():
        call = _CALL.search(line)
        if not call:
            continue
        for sockaddr in _SOCKADDR.finditer(line[call.start():]):
            family, rest = sockaddr.group(1), sockaddr.group("rest")
            found = _IPV4.search(rest) or _IPV6.search(rest)
            port = _PORT.search(rest)
            if family == "AF_UNIX":
                address = (re.search(r'sun_path=(@?"[^"]*")', rest) or re.search("()", "")).group(1)
            else:
                address = found.group(1) if found else ""
            attempts.append(Attempt(call.group(1), family, address,
                                    int(port.group(1)) if port else None, line.strip()))
            break  # one socket address per call
    return attempts


def summary(attempts: list[Attempt]) -> dict:
    connects = [a for a in attempts if a.call == "connect"]
    return {
        "connect_by_family": dict(Counter(a.family for a in connects)),
        "sends_with_address_by_family": dict(Counter(a.family for a in attempts
                                                     if a.call != "connect")),
        "loopback_inet": sum(1 for a in attempts if a.family in ("AF_INET", "AF_INET6")
                             and not a.outside),
        "outside": [a.line for a in attempts if a.outside],
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    text = Path(argv[1]).read_text(encoding="utf-8", errors="replace")
    programs = Counter(Path(p).name for p in re.findall(r'execve\("([^"]+)"', text))
    result = summary(parse(text))
    print(f"offline check: programs started {dict(programs) or 'not traced'}; "
          f"connect() calls by family: "
          f"{result['connect_by_family'] or 'none'}; sendto/sendmsg with an address: "
          f"{result['sends_with_address_by_family'] or 'none'}; "
          f"to loopback: {result['loopback_inet']}")
    if result["outside"]:
        print(f"FAILED: {len(result['outside'])} attempt(s) to reach an address outside "
              f"this computer:", file=sys.stderr)
        for line in result["outside"][:50]:
            print("   ", line, file=sys.stderr)
        return 1
    print("offline check: ok, no connection outside loopback was attempted")
    return 0


# --- the parser's own tests (real strace 6.x lines) --------------------------------

SAMPLE = r"""
812 connect(3, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)
812 connect(5, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
813 connect(7, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ECONNREFUSED (Connection refused)
813 connect(7, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("93.184.216.34")}, 16 <unfinished ...>
813 <... connect resumed>) = -1 ENETUNREACH (Network is unreachable)
814 sendto(4, "\x12\x34\x01\x00", 4, MSG_NOSIGNAL, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (Network is unreachable)
814 connect(8, {sa_family=AF_UNSPEC, sa_data="\0\0\0\0\0\0\0\0\0\0\0\0\0\0"}, 16) = 0
815 sendto(9, "hello", 5, 0, NULL, 0) = 5
815 connect(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0
816 connect(4, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::ffff:127.0.0.1", &sin6_addr), sin6_scope_id=0}, 28) = 0
"""


def test_parser_counts_families_and_flags_only_outside_addresses():
    attempts = parse(SAMPLE)
    result = summary(attempts)
    assert result["connect_by_family"] == {"AF_UNIX": 1, "AF_INET": 2, "AF_INET6": 2,
                                           "AF_UNSPEC": 1, "AF_NETLINK": 1}
    assert result["sends_with_address_by_family"] == {"AF_INET6": 1}
    assert result["loopback_inet"] == 3
    assert [a for a in result["outside"]] == [
        line.strip() for line in SAMPLE.splitlines() if "93.184" in line or "2001:4860" in line]


def test_script_fails_on_an_outside_attempt_and_passes_without(tmp_path, capsys):
    bad = tmp_path / "bad.txt"
    bad.write_text(SAMPLE)
    assert main(["check", str(bad)]) == 1
    good = tmp_path / "good.txt"
    good.write_text("\n".join(line for line in SAMPLE.splitlines()
                              if "93.184" not in line and "2001:4860" not in line))
    assert main(["check", str(good)]) == 0
    assert "AF_UNIX" in capsys.readouterr().out


if __name__ == "__main__":
    sys.exit(main(sys.argv))
