"""Reading a GGUF file's header without loading the model.

`gguf.GGUFReader` builds a numpy view for every one of the 262,144 tokenizer
strings of Gemma 3: 21 s measured on the default model. Katib needs a dozen
keys and the tensor extents (to catch a truncated copy before llama.cpp maps
it), so it walks the header itself, skipping arrays, and borrows the quant
block sizes from the `gguf` package.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from gguf.constants import GGML_QUANT_SIZES, GGMLQuantizationType

MAGIC = b"GGUF"
# Sizes of GGUF scalar value types, by type id.
_SCALARS = {0: "<B", 1: "<b", 2: "<H", 3: "<h", 4: "<I", 5: "<i", 6: "<f", 7: "<?",
            10: "<Q", 11: "<q", 12: "<d"}
_STRING, _ARRAY = 8, 9
# A header larger than this is not a model we should trust.
_MAX_STRING = 64 * 1024 * 1024
_MAX_ITEMS = 50_000_000


class GGUFFormatError(Exception):
    """The file is not GGUF, or its header is cut short or inconsistent."""

    def __init__(self, reason: str, detail: str = "") -> None:
        self.reason = reason  # "not_gguf" or "truncated" or "invalid"
        super().__init__(detail or reason)


@dataclass
class GGUFHeader:
    version: int
    metadata: dict = field(default_factory=dict)
    tensor_count: int = 0
    data_end: int = 0  # byte offset where the last tensor's data ends
    file_size: int = 0


class _Reader:
    def __init__(self, handle: BinaryIO, size: int) -> None:
        self.handle = handle
        self.size = size

    def read(self, n: int) -> bytes:
        data = self.handle.read(n)
        if len(data) != n:
            raise GGUFFormatError("truncated", f"header ends early at byte {self.handle.tell()}")
        return data

    def unpack(self, fmt: str):
        return struct.unpack(fmt, self.read(struct.calcsize(fmt)))[0]

    def string(self) -> str:
        n = self.unpack("<Q")
        if n > _MAX_STRING:
            raise GGUFFormatError("invalid", f"string of {n} bytes in the header")
        return self.read(n).decode("utf-8", errors="replace")

    def skip_string(self) -> None:
        n = self.unpack("<Q")
        if n > _MAX_STRING:
            raise GGUFFormatError("invalid", f"string of {n} bytes in the header")
        self.handle.seek(n, 1)

    def value(self, kind: int, key: str):
        if kind in _SCALARS:
            return self.unpack(_SCALARS[kind])
        if kind == _STRING:
            return self.string()
        if kind != _ARRAY:
            raise GGUFFormatError("invalid", f"unknown value type {kind} for {key}")
        item_kind = self.unpack("<I")
        count = self.unpack("<Q")
        if count > _MAX_ITEMS:
            raise GGUFFormatError("invalid", f"array of {count} items for {key}")
        if item_kind in _SCALARS:
            width = struct.calcsize(_SCALARS[item_kind])
            self.handle.seek(width * count, 1)
            return count
        if item_kind == _STRING:
            for _ in range(count):
                self.skip_string()
            return count
        raise GGUFFormatError("invalid", f"nested arrays in {key}")


def read_header(path: Path) -> GGUFHeader:
    """Parse the header of `path`; raise GGUFFormatError on anything wrong."""
    size = path.stat().st_size
    with path.open("rb", buffering=1 << 20) as handle:
        if handle.read(4) != MAGIC:
            raise GGUFFormatError("not_gguf")
        reader = _Reader(handle, size)
        version = reader.unpack("<I")
        if version not in (2, 3):
            raise GGUFFormatError("invalid", f"GGUF version {version}")
        tensor_count = reader.unpack("<Q")
        kv_count = reader.unpack("<Q")
        header = GGUFHeader(version=version, tensor_count=tensor_count, file_size=size)
        for _ in range(kv_count):
            key = reader.string()
            kind = reader.unpack("<I")
            header.metadata[key] = reader.value(kind, key)
        alignment = int(header.metadata.get("general.alignment", 32))
        extents = []
        for _ in range(tensor_count):
            name = reader.string()
            n_dims = reader.unpack("<I")
            if n_dims > 8:
                raise GGUFFormatError("invalid", f"tensor {name} has {n_dims} dimensions")
            dims = [reader.unpack("<Q") for _ in range(n_dims)]
            kind = reader.unpack("<I")
            offset = reader.unpack("<Q")
            extents.append((offset, _tensor_bytes(name, dims, kind)))
        start = handle.tell()
        start += (-start) % alignment
        header.data_end = start + max((o + n for o, n in extents), default=0)
        if header.data_end > size:
            raise GGUFFormatError(
                "truncated", f"{size} bytes on disk, {header.data_end} expected"
            )
        return header


def _tensor_bytes(name: str, dims: list[int], kind: int) -> int:
    try:
        block, type_size = GGML_QUANT_SIZES[GGMLQuantizationType(kind)]
    except (ValueError, KeyError) as exc:
        raise GGUFFormatError("invalid", f"tensor {name} has unknown type {kind}") from exc
    elements = 1
    for d in dims:
        elements *= d
    return elements // block * type_size
