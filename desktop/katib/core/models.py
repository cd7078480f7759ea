"""Models: what a GGUF file is, how to load it on this machine, and the catalog.

A model file is checked (header, tensor extents, architecture, RAM) before
llama.cpp ever sees it, because a bad file can take the whole process down
inside native code, and the window must survive a bad USB key.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import psutil

from katib.core.errors import ModelError
from katib.core.gguf_meta import GGUFFormatError, read_header
from katib.core.paths import resource

# Architectures the bundled llama.cpp runs and that Katib has a use for.
# An unknown one is refused with a message instead of a native crash.
KNOWN_ARCHITECTURES = {
    "llama", "mistral", "mistral3", "gemma", "gemma2", "gemma3", "gemma3n", "qwen2", "qwen3",
    "qwen2moe", "qwen3moe", "phi3", "phi2", "granite", "granitehybrid", "olmo", "olmo2",
    "smollm3", "stablelm", "starcoder2", "command-r", "cohere2", "falcon", "jais", "exaone",
    "deepseek2", "internlm2", "minicpm", "glm4", "chatglm", "bloom", "gpt2", "mpt", "lfm2",
    "apertus", "seed_oss",
}
# Cap the context: prefill at ~270 tokens/s on 2 cores makes longer prompts pointless.
MAX_CONTEXT = 8192
MIN_CONTEXT = 512
DEFAULT_BATCH = 512
# Share of available RAM Katib lets one model take (the window and documents need the rest).
RAM_SHARE = 0.6


@dataclass
class GGUFMeta:
    """What Katib reads from a GGUF header."""

    path: Path
    name: str
    architecture: str
    family: str
    train_context: int
    layers: int
    kv_heads: int
    head_dim: int
    file_size: int
    chat_template: str | None
    license: str = ""
    metadata: dict = field(default_factory=dict, repr=False)

    @property
    def kv_bytes_per_token(self) -> int:
        # K and V, one per layer, f16 cache.
        return 2 * self.layers * self.kv_heads * self.head_dim * 2


def inspect_gguf(path: str | Path) -> GGUFMeta:
    """Read a model file's header; raise ModelError with a user message if it is unusable."""
    path = Path(path)
    if not path.is_file():
        raise ModelError("model.not_found", path=str(path))
    try:
        header = read_header(path)
    except GGUFFormatError as exc:
        key = {"not_gguf": "model.not_gguf", "truncated": "model.truncated"}.get(
            exc.reason, "model.unreadable"
        )
        raise ModelError(key, path=path.name, detail=str(exc)) from exc
    except OSError as exc:
        raise ModelError("model.unreadable", path=path.name, detail=exc.strerror or str(exc))
    meta = header.metadata
    arch = str(meta.get("general.architecture", ""))
    if arch not in KNOWN_ARCHITECTURES:
        raise ModelError("model.unsupported_arch", path=path.name, arch=arch or "?")
    heads = int(meta.get(f"{arch}.attention.head_count", 1) or 1)
    embed = int(meta.get(f"{arch}.embedding_length", 0) or 0)
    head_dim = int(meta.get(f"{arch}.attention.key_length", 0) or (embed // heads if heads else 0))
    return GGUFMeta(
        path=path,
        name=str(meta.get("general.name") or path.stem),
        architecture=arch,
        family=str(meta.get("general.basename") or arch),
        train_context=int(meta.get(f"{arch}.context_length", 2048) or 2048),
        layers=int(meta.get(f"{arch}.block_count", 0) or 0),
        kv_heads=int(meta.get(f"{arch}.attention.head_count_kv", heads) or heads),
        head_dim=head_dim,
        file_size=header.file_size,
        chat_template=meta.get("tokenizer.chat_template") or None,
        license=str(meta.get("general.license", "")),
        metadata=meta,
    )


@dataclass
class LoadPlan:
    """How to load a model on this machine: computed, never guessed by llama.cpp's defaults."""

    context: int
    batch: int
    threads: int
    memory_needed: int  # bytes: weights + KV cache at `context`
    swa_full: bool = False

    def as_dict(self) -> dict:
        return {"context": self.context, "batch": self.batch, "threads": self.threads,
                "memory_needed": self.memory_needed, "swa_full": self.swa_full}


def physical_cores() -> int:
    return psutil.cpu_count(logical=False) or os.cpu_count() or 1


def plan_load(
    meta: GGUFMeta,
    *,
    threads: int = 0,
    max_context: int = MAX_CONTEXT,
    available: int | None = None,
) -> LoadPlan:
    """Pick context, batch and threads from the file and the machine.

    llama-cpp-python's defaults are wrong for a desktop: 512 tokens of context
    and half the cores. Threads go to the physical cores; the context is as
    long as the model was trained for, capped, and shrunk to what RAM allows.
    """
    if available is None:
        available = psutil.virtual_memory().available
    budget = int(available * RAM_SHARE)
    weights = meta.file_size
    per_token = max(meta.kv_bytes_per_token, 1)
    context = min(meta.train_context, max_context)
    fits = (budget - weights) // per_token
    context = int(min(context, fits)) // 256 * 256
    needed_min = weights + MIN_CONTEXT * per_token
    if context < MIN_CONTEXT:
        raise ModelError(
            "model.too_large", path=meta.path.name, needed=human_size(needed_min),
            available=human_size(available),
        )
    batch = min(DEFAULT_BATCH, context)
    return LoadPlan(
        context=context,
        batch=batch,
        threads=threads or physical_cores(),
        memory_needed=weights + context * per_token,
        swa_full=f"{meta.architecture}.attention.sliding_window" in meta.metadata,
    )


def human_size(n: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if abs(n) < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit in ("B", "KB") else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


@dataclass
class CatalogEntry:
    """A model the project recommends. Only the default one ships."""

    id: str
    name: str
    family: str
    filename: str
    languages: list[str]
    size_bytes: int
    ram_bytes: int
    sha256: str | None
    licence: str
    source: str
    instruct: bool
    default: bool = False
    notes: str = ""


def load_catalog() -> list[CatalogEntry]:
    data = json.loads(resource("catalog.json").read_text(encoding="utf-8"))
    return [CatalogEntry(**entry) for entry in data["models"]]


def catalog_match(filename: str, sha256: str | None = None) -> CatalogEntry | None:
    """The catalog entry for a file, by checksum first, else by file name."""
    catalog = load_catalog()
    if sha256:
        for entry in catalog:
            if entry.sha256 and entry.sha256 == sha256:
                return entry
    for entry in catalog:
        if entry.filename == filename:
            return entry
    return None
