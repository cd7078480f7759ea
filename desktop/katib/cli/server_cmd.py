"""`katib server`: check the office server, keep its access key.

    katib server check [URL]     is it allowed, does it answer, which model, a short test
    katib server key set [URL]   store the access key (asked for, never on the command line)
    katib server key clear [URL] forget it
"""

from __future__ import annotations

import getpass
import sys

from katib.cli.common import context, print_json
from katib.core.messages import message
from katib.core.messages import register as register_messages

register_messages({
    "server.none_configured": {
        "en": "No office server is configured: Katib uses the model on this computer.",
        "fr": "Aucun serveur du bureau n'est configuré : Katib utilise le modèle de cet ordinateur.",
        "ar": "لم يُضبط أي خادم للإدارة: يستعمل كاتب النموذج الموجود في هذا الحاسوب.",
    },
    "server.check_ok": {
        "en": "The office server {url} answers: model {model}, {mode} mode, context {context} "
              "tokens, token counting by {tokenizer}.",
        "fr": "Le serveur du bureau {url} répond : modèle {model}, mode {mode}, contexte de "
              "{context} jetons, comptage des jetons par {tokenizer}.",
        "ar": "خادم الإدارة {url} يجيب: النموذج {model}، الوضع {mode}، السياق {context} وحدة، "
              "وعدّ الوحدات عبر {tokenizer}.",
    },
    "server.key_cleared": {
        "en": "The access key for {url} was removed.",
        "fr": "La clé d'accès de {url} a été supprimée.",
        "ar": "حُذف مفتاح الوصول إلى {url}.",
    },
})


def register(sub) -> None:
    """Add `katib server` to the command line."""
    parser = sub.add_parser("server", help="check the office inference server, keep its access key")
    actions = parser.add_subparsers(dest="server_action", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="check that the configured server is allowed and answers")
    check.add_argument("url", nargs="?", help="server address (default: --server or the settings)")
    check.add_argument("--json", action="store_true", help="print the result as JSON")
    check.set_defaults(func=run_check)
    key = actions.add_parser("key", help="store or forget the server's access key")
    key.add_argument("key_action", choices=["set", "clear"])
    key.add_argument("url", nargs="?", help="server address (default: --server or the settings)")
    key.set_defaults(func=run_key)


def _url(args, settings) -> str:
    from katib.core.runtime import configured_server
    from katib.core.server_access import parse_server_url

    url = args.url or configured_server(settings)
    return parse_server_url(url).base_url if url else ""


def run_check(args, lang: str) -> int:
    from katib.core.prompts import Task
    from katib.core.runtime import open_server_engine

    paths, settings = context()
    url = _url(args, settings)
    if not url:
        print(message("server.none_configured", lang))
        return 1
    engine = open_server_engine(paths, settings, url)
    try:
        sample = engine.complete(Task(base_frame="Objet :", instruction="Objet :", max_tokens=8))
        result = {
            "url": engine.url, "model": engine.model, "mode": engine.mode,
            "context": engine.context_size, "tokenizer": engine.tokenizer,
            "max_concurrency": engine.max_concurrency, "sample": sample,
            "time_to_first_token": round(engine.last_stats.time_to_first_token, 3),
        }
    finally:
        engine.close()
    if args.json:
        print_json(result)
    else:
        print(message("server.check_ok", lang, **result))
    return 0


def run_key(args, lang: str) -> int:
    from katib.core.secrets import delete_api_key, key_storage_note, set_api_key

    paths, settings = context()
    url = _url(args, settings)
    if not url:
        print(message("server.none_configured", lang))
        return 1
    if args.key_action == "clear":
        delete_api_key(paths, url)
        print(message("server.key_cleared", lang, url=url))
        return 0
    # Asked for, never taken from the command line: it would stay in the shell history.
    key = getpass.getpass("key: ") if sys.stdin.isatty() else sys.stdin.readline().strip()
    if not key:
        return 1
    where = set_api_key(paths, url, key)
    print(key_storage_note(paths, url, where, lang))
    return 0
