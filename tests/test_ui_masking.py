"""The Anonymize action of the window (Ctrl+Shift+A), on the Draft and Summarize screens.

Masked on screen and in the history with its mapping, restored after the item
is reopened, and never in clear in the exported .docx (every part of the zip
scanned). A scripted engine writes the body; the store and the .docx are real.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from katib.core.paths import user_paths
from katib.core.store import Store
from ui_fakes import ScriptedEngine, make_app, ui_home  # noqa: F401 (fixtures)

NAME, CIN, PHONE = "Karim Benali", "BK654321", "06 61 22 33 44"
BODY = (f" Nous accusons réception de la demande de M. {NAME}, CIN {CIN}, qui peut être "
        f"joint au {PHONE}. Le dossier est complet.")


def zip_text(path: Path) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return b"".join(archive.read(n) for n in archive.namelist())


@pytest.fixture
def stored_app(make_app):
    apps = []

    def build(**kwargs):
        app = make_app(**kwargs)
        app.store = Store.open(user_paths(), auto_backup=False)
        apps.append(app)
        return app
    yield build
    for app in apps:
        if app.store is not None:
            app.store.close()
            app.store = None


def press_anonymize(qtbot, view) -> None:
    """The shortcut, as the clerk presses it (it answers in the active window)."""
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    qtbot.keyClick(view.mask.button, Qt.Key.Key_A,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_draft_masked_reopened_unmasked_and_exported_masked(qtbot, stored_app, tmp_path):
    from katib.ui.draft_view import DraftView

    app = stored_app(engine=ScriptedEngine(answers=[BODY], delay=0.001), language="fr")
    view = DraftView(app)
    view.open_after_export = False
    qtbot.addWidget(view)
    view.show()
    view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
    view.lang_combo.setCurrentIndex(view.lang_combo.findData("fr"))
    view.form.editors["recipient_name"].setText(NAME)
    view.form.editors["subject"].setText("demande d'attestation de résidence")
    assert not view.mask.button.isEnabled()  # nothing to mask yet
    qtbot.waitUntil(lambda: app.lane.state == "ready", timeout=5000)
    view.generate()
    qtbot.waitUntil(lambda: not view.busy() and view.draft is not None, timeout=20000)
    original = view.body_text()
    assert NAME in original and view.mask.button.text() == "&Anonymiser"

    press_anonymize(qtbot, view)
    masked = view.body_text()
    assert view.mask.masked and view.mask.button.text() == "&Démasquer"
    assert "[NOM-1]" in masked and "[CIN-1]" in masked and "[TÉLÉPHONE-1]" in masked
    assert not any(v in masked for v in (NAME, CIN, PHONE))
    # The frame above and below the body (recipient line…) is masked on screen too.
    frame = view.document.frame_before.toPlainText() + view.document.frame_after.toPlainText()
    assert frame and NAME not in frame and "[NOM-1]" in frame
    draft_id = view.record.draft_id
    assert app.store.get_draft(draft_id).text == masked
    assert app.store.get_masking("draft", draft_id)["originals"]["[NOM-1]"] == NAME

    # Exported: the letterhead's recipient line repeats the name; the file holds none of it.
    target = tmp_path / "réponse.docx"
    view.export_to(str(target))
    qtbot.waitUntil(lambda: view.last_export is not None, timeout=20000)
    raw = target.read_bytes() + zip_text(target)
    assert b"[NOM-1]" in zip_text(target)
    for value in (NAME, CIN, PHONE, "Benali"):
        assert value.encode() not in raw, value
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no clear copy left
    # What a reader of the file sees (LibreOffice's own text of it) holds none of it either.
    from test_privacy_masking import libreoffice_text

    seen = libreoffice_text(target, tmp_path / "lo")
    assert "[NOM-1]" in seen and not any(v in seen for v in (NAME, CIN, PHONE))
    view.record.close()
    view.close()

    # Reopened in a fresh screen: still masked, and Unmask brings the originals back.
    again = DraftView(app)
    qtbot.addWidget(again)
    again.show()
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow, timeout=5000)
    again.open_item(draft_id)
    assert again.mask.masked and again.body_text() == masked
    assert NAME not in again.document.frame_before.toPlainText()  # reopened: still masked
    press_anonymize(qtbot, again)
    assert not again.mask.masked and again.body_text() == original
    assert NAME in again.document.frame_before.toPlainText()  # unmasked: the name is back
    assert app.store.get_masking("draft", draft_id) is None
    assert NAME in app.store.get_draft(draft_id).text
    again.record.close()


def test_summary_note_and_sources_masked_then_restored(qtbot, stored_app, tmp_path):
    from katib.ui.summarize_view import SummarizeView
    from katib.ui.summary_note import Note, NoteSection, Passage

    app = stored_app(language="ar")
    NAME = "كريم بنعلي"  # noqa: N806 — the Arabic spelling of the citizen's name
    source = f"تقدم السيد {NAME} بطلب، رقم البطاقة {CIN}، الهاتف {PHONE}."
    note = Note(title="مذكرة تركيبية", lang="ar", files=["طلب.docx"], sections=[
        NoteSection("النقاط الرئيسية", [f"طلب السيد {NAME} شهادة السكنى [1]"])],
        passages={"1": Passage(key="1", file="طلب.docx", text=source, page=None,
                               paragraph=1)})
    summary_id = app.store.add_summary("مذكرة", "ar", note.text(), data=note.to_data())
    view = SummarizeView(app)
    qtbot.addWidget(view)
    view.show()
    view.open_item(summary_id)
    assert view.mask.button.isEnabled() and view.mask.button.text() == "&إخفاء الهوية"

    press_anonymize(qtbot, view)
    assert view.mask.masked
    shown = view.note_view.toPlainText()
    assert "[الاسم-1]" in shown and NAME not in shown
    assert CIN not in view.note.passages["1"].text  # the cited source is masked too
    kept = app.store.get_summary(summary_id)
    assert NAME not in kept.text and NAME not in str(kept.data)

    target = tmp_path / "مذكرة.docx"
    with qtbot.waitSignal(view.status_message, timeout=20000):
        view.export(target)
    raw = target.read_bytes() + zip_text(target)
    for value in (NAME, CIN, PHONE):
        assert value.encode() not in raw, value
    assert "[الاسم-1]".encode() in zip_text(target)

    # Reopened later, the note is unmasked from the history alone.
    again = SummarizeView(app)
    qtbot.addWidget(again)
    again.open_item(summary_id)
    assert again.mask.masked
    again.mask.toggle()
    assert NAME in again.note_view.toPlainText()
    assert again.note.passages["1"].text == source
    assert app.store.get_masking("summary", summary_id) is None
