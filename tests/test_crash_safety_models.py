"""A bad model file never keeps Katib from starting: it falls back to the default model.

The active model in the settings is replaced by a damaged file (not GGUF,
truncated, an unknown architecture, too large for this computer): each is
refused with a clear message by `inspect_gguf`/`plan_load` before llama.cpp
sees it, and `open_local_engine` (what the window and `katib draft` use) still
opens a working engine on the default model.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from gguf_support import tiny_gguf

from katib.core.errors import ModelError
from katib.core.models import inspect_gguf
from katib.core.paths import user_paths
from katib.core.runtime import open_local_engine
from katib.core.settings import Settings


def bad_models(folder, default_model):
    """name -> the key of the message the user gets."""
    (folder / "notes.gguf").write_text("Ceci n'est pas un modèle.", encoding="utf-8")
    with default_model.open("rb") as src, (folder / "coupe.gguf").open("wb") as dst:
        dst.write(src.read(default_model.stat().st_size // 3))
    tiny_gguf(folder / "etrange.gguf", "no-such-arch")
    return {"notes.gguf": "model.not_gguf", "coupe.gguf": "model.truncated",
            "etrange.gguf": "model.unsupported_arch"}


@pytest.mark.model
def test_every_bad_active_model_falls_back_to_the_default(isolated_home, default_model):
    paths = user_paths().ensure()
    for name, key in bad_models(paths.models, default_model).items():
        with pytest.raises(ModelError) as err:
            inspect_gguf(paths.models / name)
        assert err.value.key == key
        assert err.value.localized("ar") and err.value.localized("fr")
        engine = open_local_engine(paths, Settings(active_model=name))
        try:
            assert engine.info.name and engine.count_tokens("Objet : demande") > 0
            assert os.path.samefile(engine.info.source, default_model)
        finally:
            engine.close()


@pytest.mark.model
def test_too_large_for_memory_falls_back_too(isolated_home, default_model, monkeypatch):
    """A model this computer cannot hold (memory shrunk for the test) is not loaded."""
    import katib.core.models as models

    paths = user_paths().ensure()
    big = paths.models / "grand.gguf"
    os.link(default_model, big) if os.stat(default_model).st_dev == os.stat(paths.models).st_dev \
        else big.write_bytes(default_model.read_bytes())
    real_plan = models.plan_load

    def plan_on_a_tiny_machine(meta, *args, **kwargs):
        if str(meta.path).endswith("grand.gguf"):
            kwargs["available"] = 64 * 1024 * 1024
        return real_plan(meta, *args, **kwargs)

    monkeypatch.setattr(models, "plan_load", plan_on_a_tiny_machine)
    engine = open_local_engine(paths, Settings(active_model="grand.gguf"))
    try:
        assert os.path.samefile(engine.info.source, default_model)
    finally:
        engine.close()


@pytest.mark.model
def test_the_katib_command_still_drafts_with_a_broken_active_model(isolated_home, default_model,
                                                                    tmp_path):
    paths = user_paths().ensure()
    bad_models(paths.models, default_model)
    settings = paths.settings_file
    settings.write_text(json.dumps({"active_model": "coupe.gguf"}), encoding="utf-8")
    out = tmp_path / "attestation.docx"
    result = subprocess.run(
        [sys.executable, "-m", "katib", "--lang", "fr", "draft", "--type", "attestation",
         "--field", "person_name=Zineb Ammor", "--field", "cin=AB123456",
         "--field", "attested_fact=exerce depuis 2015", "--out", str(out), "--max-tokens", "6"],
        capture_output=True, text=True, timeout=600,
        env={**os.environ, "KATIB_HOME": str(isolated_home)})
    assert result.returncode == 0, result.stderr
    assert out.is_file()
    # The settings still name the user's choice: nothing was silently rewritten.
    assert json.loads(settings.read_text(encoding="utf-8"))["active_model"] == "coupe.gguf"
