"""Bad model files are refused with a clear message, before llama.cpp sees them."""

import os
import shutil
import subprocess
import sys

import pytest
from gguf_support import tiny_gguf

from katib.core.errors import ModelError
from katib.core.model_store import ModelStore
from katib.core.models import inspect_gguf, plan_load
from katib.core.paths import user_paths


def test_default_model_is_readable(default_model):
    meta = inspect_gguf(default_model)
    assert meta.architecture == "gemma3"
    assert meta.chat_template is None  # a base model: completion frame, not chat
    assert meta.train_context == 32768


def test_text_file_is_not_gguf(tmp_path):
    bad = tmp_path / "notes.gguf"
    bad.write_text("Ceci n'est pas un modèle.", encoding="utf-8")
    with pytest.raises(ModelError) as err:
        inspect_gguf(bad)
    assert err.value.key == "model.not_gguf"
    assert "GGUF" in err.value.localized("fr")


def test_truncated_copy_of_the_real_model_is_caught(tmp_path, default_model):
    cut = tmp_path / "cut.gguf"
    with default_model.open("rb") as src, cut.open("wb") as dst:
        dst.write(src.read(default_model.stat().st_size - 4096))
    with pytest.raises(ModelError) as err:
        inspect_gguf(cut)
    assert err.value.key == "model.truncated"
    assert "tronqué" in err.value.localized("fr")
    assert "مبتور" in err.value.localized("ar")


def test_unknown_architecture_is_refused(tmp_path):
    path = tiny_gguf(tmp_path / "odd.gguf", arch="no-such-arch")
    with pytest.raises(ModelError) as err:
        inspect_gguf(path)
    assert err.value.key == "model.unsupported_arch"


def test_model_too_large_for_memory(default_model):
    meta = inspect_gguf(default_model)
    with pytest.raises(ModelError) as err:
        plan_load(meta, available=200 * 1024 * 1024)
    assert err.value.key == "model.too_large"


def test_load_plan_uses_physical_cores_and_large_context(default_model):
    plan = plan_load(inspect_gguf(default_model), available=8 * 1024**3)
    assert plan.threads >= 1 and plan.context == 8192 and plan.batch == 512
    smaller = plan_load(inspect_gguf(default_model), available=600 * 1024**2)
    assert 512 <= smaller.context < 8192


def test_import_refuses_a_bad_checksum_and_leaves_nothing(isolated_home, default_model, tmp_path):
    # Same file name as the catalogued default model, one byte changed in the weights.
    usb = tmp_path / "usb"
    usb.mkdir()
    forged = usb / default_model.name
    shutil.copyfile(default_model, forged)
    with forged.open("r+b") as handle:
        handle.seek(forged.stat().st_size - 100)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0xFF]))
    store = ModelStore(user_paths())
    before = sorted(p.name for p in store.folder.iterdir())
    with pytest.raises(ModelError) as err:
        store.import_file(forged)
    assert err.value.key == "model.checksum"
    assert sorted(p.name for p in store.folder.iterdir()) == before


def test_import_copies_verifies_and_lists(isolated_home, tmp_path):
    source = tiny_gguf(tmp_path / "tiny-llama.gguf")
    store = ModelStore(user_paths())
    seen = []
    model = store.import_file(source, progress=lambda d, t: seen.append((d, t)))
    assert model.checksum_state == "not-catalogued" and model.sha256
    assert seen[-1][0] == seen[-1][1] == source.stat().st_size
    assert (store.folder / "tiny-llama.gguf").stat().st_mode & 0o077 == 0
    names = [m.filename for m in store.list()]
    assert "tiny-llama.gguf" in names


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"),
                    reason="mounting a small tmpfs needs root (CI runs as root)")
def test_import_onto_a_full_disk_gives_one_line_and_copies_nothing(tmp_path, default_model):
    home = tmp_path / "small"
    home.mkdir()
    script = (f"mount -t tmpfs -o size=32m tmpfs {home} && "
              f"KATIB_HOME={home} {sys.executable} -m katib --lang fr models import {default_model}; "
              f"echo rc=$?; ls -A {home}/models")
    out = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                         env={**os.environ, "KATIB_HOME": str(home)})
    assert "rc=2" in out.stdout, out.stderr
    lines = [l for l in out.stderr.splitlines() if l.startswith("katib:")]
    assert len(lines) == 1 and "Espace disque insuffisant" in lines[0]
    # The default model could not be assembled there either, and nothing half-written stays.
    assert not any(name.endswith(".gguf") or name.endswith(".part") for name in out.stdout.split())
