"""The `katib` command: the same jobs as the window, without it.

Each subcommand lives in its own module with a `register(subparsers)`
function; this file only assembles them. Errors Katib knows about print one
line in the user's language and exit non-zero; nothing prints a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from katib import __version__
from katib.core.errors import KatibError
from katib.core.messages import user_language

# Subcommand modules, in the order `katib --help` lists them.
COMMAND_MODULES = [
    "katib.cli.models_cmd",
    "katib.cli.selftest_cmd",
    "katib.cli.server_cmd",
    "katib.cli.history_cmd",
    "katib.cli.backup_cmd",
    "katib.cli.draft_cmd",
    "katib.cli.templates_cmd",
    "katib.cli.anonymize_cmd",
    "katib.cli.read_cmd",
    "katib.cli.summarize_cmd",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="katib",
        description="Katib (كاتب): drafts and summarizes administrative documents, offline.",
    )
    parser.add_argument("--version", action="version", version=f"katib {__version__}")
    parser.add_argument("--selftest", action="store_true",
                        help="check that the model, drafting and reading work, then exit")
    parser.add_argument("--lang", choices=["fr", "ar", "en"], default=None,
                        help="language of messages (default: $KATIB_LANG or the locale)")
    parser.add_argument("--server", metavar="URL", default=None,
                        help="use this office inference server (it must be in the "
                             "administrator's allow-list) instead of the settings' choice")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Before anything else: private files, the network guard, the log without document text.
    from katib.core.privacy import start_protection

    start_protection()
    parser = build_parser()
    args = parser.parse_args(argv)
    lang = args.lang or user_language()
    if args.server:
        from katib.core.runtime import use_server

        use_server(args.server)  # every engine this process opens goes to that server
    if args.selftest and not args.command:
        # Global options go before the subcommand, or argparse refuses them.
        args = parser.parse_args((["--lang", args.lang] if args.lang else []) + ["selftest"])
    if not args.command:
        parser.print_help()
        return 0
    try:
        return int(args.func(args, lang) or 0)
    except KatibError as exc:
        print(f"katib: {exc.localized(lang)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("katib: interrupted", file=sys.stderr)
        return 130
