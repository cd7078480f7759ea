"""The Autosaver the editor window drives: never blocks, saves within its delay, keeps the text."""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from katib.core.autosave import Autosaver
from katib.core.paths import Paths
from katib.core.store import Store
from katib.core.store_errors import StorageSlow, StoreClosed


def make_paths(root) -> Paths:
    return Paths(config=root / "config", data=root / "data", models=root / "models",
                 logs=root / "logs", cache=root / "cache")


@pytest.fixture
def store(tmp_path):
    s = Store.open(make_paths(tmp_path), auto_backup=False)
    yield s
    s.close()


def on_disk(store, draft_id) -> str:
    return store.get_draft(draft_id, versions=False).text


def wait_until(condition, seconds=10.0) -> bool:
    end = time.monotonic() + seconds
    while not condition() and time.monotonic() < end:
        time.sleep(0.02)
    return condition()


def test_keystrokes_are_coalesced_and_saved_after_typing_stops(store):
    draft = store.create_draft("lettre", "fr", "Lettre", {}, "")
    saved = []
    saver = Autosaver(store, draft, delay=0.4, on_saved=saved.append)
    text = ""
    for char in "Monsieur le Directeur,":
        text += char
        saver.text_changed(text)
    assert saver.dirty and saver.text == text
    assert wait_until(lambda: on_disk(store, draft) == text)
    assert not saver.dirty
    # 22 keystrokes, one or two writes, one version row for the editing session.
    assert 1 <= len(saved) <= 2
    assert [(v.n, v.source) for v in store.get_draft(draft).versions] == [(1, "autosave")]
    saver.close()


def test_continuous_typing_is_saved_while_it_goes_on(store):
    """Without a pause the saves still happen (a pure debounce would never save)."""
    draft = store.create_draft("lettre", "fr", "Lettre", {}, "")
    saver = Autosaver(store, draft, delay=0.3)
    text = ""
    seen_on_disk = set()
    for i in range(120):  # ~2.4 s of typing, never pausing 0.3 s
        text += "abcdefghij"[i % 10]
        saver.text_changed(text)
        time.sleep(0.02)
        if i % 10 == 0:
            seen_on_disk.add(on_disk(store, draft))
    assert len(seen_on_disk - {""}) >= 3  # several intermediate states reached the disk
    saver.close()
    assert on_disk(store, draft) == text


def test_generated_paragraphs_are_saved_at_once(store):
    draft = store.create_draft("lettre", "fr", "Lettre", {}, "")
    saver = Autosaver(store, draft, delay=60)  # the timer alone would wait a minute
    saver.paragraph_generated("Premier paragraphe.")
    assert wait_until(lambda: on_disk(store, draft) == "Premier paragraphe.")
    saver.paragraph_generated("Premier paragraphe.\n\nDeuxième.")
    saver.generation_finished("Premier paragraphe.\n\nDeuxième.\n\nFin.")
    assert wait_until(lambda: on_disk(store, draft).endswith("Fin."))
    saver.text_changed("Premier paragraphe.\n\nDeuxième.\n\nFin, corrigée.")
    saver.flush()  # the window closing the draft
    assert on_disk(store, draft).endswith("corrigée.")
    versions = store.get_draft(draft).versions
    assert [(v.n, v.source) for v in versions] == [(1, "model"), (2, "autosave")]
    assert versions[0].text.endswith("Fin.")  # the generated text is kept as its own version
    saver.paragraph_generated("Nouvelle génération.")
    saver.close()
    assert [v.source for v in store.get_draft(draft).versions] == ["model", "autosave", "model"]


def test_text_changed_never_waits_for_the_disk(store):
    draft = store.create_draft("lettre", "fr", "Lettre", {}, "")
    saver = Autosaver(store, draft, delay=0.1)
    release = threading.Event()
    store.submit(lambda db: release.wait(10))  # the lane is stuck on a slow write
    done = threading.Event()

    def type_a_lot():
        for i in range(200):
            saver.text_changed("x" * i)
            saver.paragraph_generated("y" * i) if i % 50 == 0 else None
        done.set()

    threading.Thread(target=type_a_lot, daemon=True).start()
    # The typing finished while the lane was still blocked: nothing waited for it.
    assert done.wait(5) and not release.is_set()
    assert saver.dirty and saver.text == "x" * 199
    release.set()
    saver.close()
    assert on_disk(store, draft) == "x" * 199


def test_a_flush_that_waits_too_long_says_so_and_the_save_still_happens(store):
    draft = store.create_draft("lettre", "fr", "Lettre", {}, "")
    saver = Autosaver(store, draft, delay=60)
    release = threading.Event()
    store.submit(lambda db: release.wait(10))  # the disk does not answer
    saver.text_changed("texte à garder")
    with pytest.raises(StorageSlow) as caught:
        saver.flush(timeout=0.2)
    assert "toujours à l'écran" in caught.value.localized("fr")
    assert saver.dirty and saver.text == "texte à garder"
    release.set()
    assert wait_until(lambda: not saver.dirty)
    assert on_disk(store, draft) == "texte à garder"
    saver.close()


def test_a_closed_store_keeps_the_text_and_says_so(tmp_path):
    store = Store.open(make_paths(tmp_path), auto_backup=False)
    draft = store.create_draft("lettre", "fr", "Lettre", {}, "")
    saver = Autosaver(store, draft, delay=5)
    store.close()
    saver.text_changed("tapé après la fermeture")
    with pytest.raises(StoreClosed) as caught:
        saver.close()
    assert saver.text == "tapé après la fermeture" and saver.dirty
    assert "fermé" in caught.value.localized("fr")


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory):
    s = Store.open(make_paths(tmp_path_factory.mktemp("autosave-prop")), auto_backup=False)
    yield s
    s.close()


@given(actions=st.lists(st.tuples(st.sampled_from(["type", "paragraph", "finished", "flush",
                                                   "pause"]),
                                  st.text(alphabet="abcأبت ", max_size=8)),
                        min_size=1, max_size=25))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_whatever_the_order_the_last_text_given_is_the_one_on_disk(shared_store, actions):
    draft = shared_store.create_draft("lettre", "fr", "Propriété", {}, "")
    saver = Autosaver(shared_store, draft, delay=0.05)
    text = ""
    for action, piece in actions:
        if action == "pause":
            time.sleep(0.03)
            continue
        if action == "flush":
            saver.flush()
            assert on_disk(shared_store, draft) == text
            continue
        text += piece
        {"type": saver.text_changed, "paragraph": saver.paragraph_generated,
         "finished": saver.generation_finished}[action](text)
    saver.close()
    assert not saver.dirty and on_disk(shared_store, draft) == text
    versions = shared_store.get_draft(draft).versions
    assert [v.n for v in versions] == list(range(1, len(versions) + 1))
    if text:
        assert versions[-1].text == text
