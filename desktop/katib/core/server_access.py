"""Which office inference server Katib may talk to, and how: the allow-list and its errors.

An administrator lists the servers Katib may use in the machine-wide policy
file (katib.core.privacy.policy; the user's `settings.allowed_servers` count
only where the policy allows), each "https://host:port", optionally with a
path prefix. A server address
from the settings or from `--server` is checked against that list before any
connection is attempted; anything else is refused. Nothing here opens a socket.

Server options beyond the address live in the settings file under
`"server": {...}` (kept in `Settings.extra`, so no schema change is needed):
ca_file, model, mode ("auto" | "completion" | "chat"), context_size,
connect_timeout, read_timeout, retries, max_concurrency.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field, fields
from urllib.parse import urlsplit

from katib.core.errors import EngineError
from katib.core.messages import register


class ServerError(EngineError):
    """An office server could not be used: refused, down, slow, or answering nonsense."""

    key = "server.failed"


register({
    "server.failed": {
        "en": "The office server {url} failed: {detail}",
        "fr": "Le serveur du bureau {url} a échoué : {detail}",
        "ar": "تعذر على خادم الإدارة {url} إتمام الطلب: {detail}",
    },
    "server.bad_url": {
        "en": "'{url}' is not a valid server address (expected https://host:port).",
        "fr": "« {url} » n'est pas une adresse de serveur valide (attendu : https://hôte:port).",
        "ar": "'{url}' ليس عنوان خادم صالحا (الصيغة المنتظرة: https://host:port).",
    },
    "server.not_allowed": {
        "en": "The server {url} is not in the list of servers your administrator allowed. "
              "Nothing was sent. Ask your administrator to add it, or remove it from the settings.",
        "fr": "Le serveur {url} ne figure pas dans la liste des serveurs autorisés par votre "
              "administrateur. Rien n'a été envoyé. Demandez à votre administrateur de l'ajouter, "
              "ou retirez-le des paramètres.",
        "ar": "الخادم {url} غير موجود في قائمة الخوادم التي أذن بها المسؤول. لم يُرسل أي شيء. "
              "اطلب من المسؤول إضافته، أو احذفه من الإعدادات.",
    },
    "server.unreachable": {
        "en": "The office server {url} cannot be reached ({detail}). Check that it is running "
              "and that this computer is on the administration's network.",
        "fr": "Le serveur du bureau {url} est injoignable ({detail}). Vérifiez qu'il est démarré "
              "et que cet ordinateur est bien sur le réseau de l'administration.",
        "ar": "تعذر الوصول إلى خادم الإدارة {url} ({detail}). تحقق من أنه يعمل وأن هذا الحاسوب "
              "متصل بشبكة الإدارة.",
    },
    "server.timeout": {
        "en": "The office server {url} did not answer within {seconds} seconds. It may be "
              "overloaded; try again later.",
        "fr": "Le serveur du bureau {url} n'a pas répondu en {seconds} secondes. Il est peut-être "
              "surchargé ; réessayez plus tard.",
        "ar": "لم يجب خادم الإدارة {url} خلال {seconds} ثانية. قد يكون مثقلا؛ أعد المحاولة لاحقا.",
    },
    "server.busy": {
        "en": "The office server {url} is busy (HTTP {status}) and still was after {tries} tries. "
              "Try again in a few minutes.",
        "fr": "Le serveur du bureau {url} est occupé (HTTP {status}), encore après {tries} "
              "essais. Réessayez dans quelques minutes.",
        "ar": "خادم الإدارة {url} مشغول (HTTP {status}) حتى بعد {tries} محاولات. "
              "أعد المحاولة بعد بضع دقائق.",
    },
    "server.http_error": {
        "en": "The office server {url} refused the request (HTTP {status}): {detail}",
        "fr": "Le serveur du bureau {url} a refusé la demande (HTTP {status}) : {detail}",
        "ar": "رفض خادم الإدارة {url} الطلب (HTTP {status}): {detail}",
    },
    "server.unauthorized": {
        "en": "The office server {url} refused the access key (HTTP {status}). Ask your "
              "administrator for a valid key and enter it again.",
        "fr": "Le serveur du bureau {url} a refusé la clé d'accès (HTTP {status}). Demandez une "
              "clé valide à votre administrateur et saisissez-la de nouveau.",
        "ar": "رفض خادم الإدارة {url} مفتاح الوصول (HTTP {status}). اطلب مفتاحا صالحا من "
              "المسؤول وأدخله من جديد.",
    },
    "server.garbage": {
        "en": "The office server {url} answered something that is not an OpenAI-compatible "
              "reply ({detail}). Check the address: it must point at llama.cpp server, vLLM "
              "or llama-cpp-python's server.",
        "fr": "Le serveur du bureau {url} a renvoyé une réponse qui n'est pas au format "
              "compatible OpenAI ({detail}). Vérifiez l'adresse : elle doit désigner un serveur "
              "llama.cpp, vLLM ou llama-cpp-python.",
        "ar": "أرسل خادم الإدارة {url} ردا لا يوافق صيغة OpenAI ({detail}). تحقق من العنوان: "
              "يجب أن يشير إلى خادم llama.cpp أو vLLM أو llama-cpp-python.",
    },
    "server.tls": {
        "en": "The certificate of the office server {url} could not be verified ({detail}). "
              "Nothing was sent. Your administrator may need to install the administration's "
              "certificate authority (ca_file).",
        "fr": "Le certificat du serveur du bureau {url} n'a pas pu être vérifié ({detail}). "
              "Rien n'a été envoyé. Votre administrateur doit peut-être installer l'autorité de "
              "certification de l'administration (ca_file).",
        "ar": "تعذر التحقق من شهادة خادم الإدارة {url} ({detail}). لم يُرسل أي شيء. قد يحتاج "
              "المسؤول إلى تثبيت سلطة التصديق الخاصة بالإدارة (ca_file).",
    },
    "server.ca_missing": {
        "en": "The certificate authority file {path} named in the settings does not exist.",
        "fr": "Le fichier d'autorité de certification {path} indiqué dans les paramètres "
              "n'existe pas.",
        "ar": "ملف سلطة التصديق {path} المذكور في الإعدادات غير موجود.",
    },
    "server.no_model": {
        "en": "The office server {url} serves no model.",
        "fr": "Le serveur du bureau {url} ne sert aucun modèle.",
        "ar": "لا يقدم خادم الإدارة {url} أي نموذج.",
    },
})

MODES = ("auto", "completion", "chat")


@dataclass(frozen=True)
class ServerAddress:
    """A server address split into what the allow-list compares."""

    scheme: str
    host: str
    port: int
    path: str  # without a trailing "/" and without a trailing "/v1"

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}{self.path}"

    @property
    def is_loopback(self) -> bool:
        if self.host in ("localhost", "localhost.localdomain"):
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False


def parse_server_url(url: str) -> ServerAddress:
    """Split and normalize a server address; raise ServerError("server.bad_url") if malformed."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise ServerError("server.bad_url", url=text) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ServerError("server.bad_url", url=text)
    # Credentials in a URL end up in logs and settings files; a query has no meaning here.
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ServerError("server.bad_url", url=text)
    path = parts.path.rstrip("/")
    path = path.removesuffix("/v1")
    return ServerAddress(scheme, parts.hostname.lower().rstrip("."),
                         port or (443 if scheme == "https" else 80), path)


def is_allowed(url: str, allowed: list[str]) -> bool:
    """True if `url` is one of the administrator's servers (same scheme, host, port, path)."""
    address = parse_server_url(url)
    for entry in allowed or []:
        try:
            permitted = parse_server_url(entry)
        except ServerError:
            continue  # one bad entry must not hide the good ones
        same_origin = (address.scheme, address.host, address.port) == (
            permitted.scheme, permitted.host, permitted.port)
        inside = address.path == permitted.path or address.path.startswith(permitted.path + "/")
        if same_origin and inside:
            return True
    return False


def check_allowed(url: str, allowed: list[str]) -> ServerAddress:
    """The parsed address if allowed; otherwise ServerError("server.not_allowed"), sent nothing."""
    address = parse_server_url(url)
    if not is_allowed(url, allowed):
        raise ServerError("server.not_allowed", url=address.base_url)
    return address


@dataclass
class ServerConfig:
    """How to reach one office server. Built from the settings by `from_settings`."""

    url: str
    allowed_servers: list[str] = field(default_factory=list)
    ca_file: str = ""  # a PEM bundle of the administration's CA; empty: the system's
    model: str = ""  # the name the server knows the model by; empty: the first it lists
    mode: str = "auto"  # "completion" (base model), "chat" (instruct model), "auto"
    context_size: int = 0  # 0: ask the server, else 4096
    connect_timeout: float = 5.0
    read_timeout: float = 120.0
    retries: int = 3
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    max_concurrency: int = 4  # requests one Katib may have in flight (summarizing a folder)

    @classmethod
    def from_settings(cls, settings, url: str | None = None) -> ServerConfig:
        """The server of `settings` (or `url` from the command line) with its options."""
        options = dict((settings.extra or {}).get("server") or {})
        known = {f.name for f in fields(cls)} - {"url", "allowed_servers"}
        values = {k: v for k, v in options.items() if k in known}
        from katib.core.privacy.policy import effective_servers

        # The administrator's policy decides; the user's list counts only as it allows.
        config = cls(url=url or settings.server_url,
                     allowed_servers=effective_servers(settings.allowed_servers), **values)
        if config.mode not in MODES:
            config.mode = "auto"
        config.max_concurrency = max(1, int(config.max_concurrency))
        config.retries = max(0, int(config.retries))
        return config
