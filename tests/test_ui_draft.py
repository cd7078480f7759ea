"""Draft screen journeys on the scripted engine: stream, stop, regenerate, export, close."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit
from ui_fakes import ScriptedEngine

LONG = ("J'ai l'honneur de vous faire connaître que votre demande a été examinée avec "
        "attention par les services compétents. " * 6)


def _fill(view):
    form = view.form
    form.editors["recipient_name"].setText("Karim Benali")
    form.editors["subject"].setText("demande d'attestation de résidence")
    date = form.editors["request_date"]
    assert isinstance(date, QDateEdit) and date.calendarPopup()
    date.setDate(QDate(2026, 3, 12))


def _draft_view(qtbot, app):
    from katib.ui.draft_view import DraftView

    view = DraftView(app)
    view.open_after_export = False  # no word processor in tests
    qtbot.addWidget(view)
    view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
    view.lang_combo.setCurrentIndex(view.lang_combo.findData("fr"))
    return view


def test_form_marks_required_fields_and_builds_editors(qtbot, make_app):
    app = make_app(language="fr")
    view = _draft_view(qtbot, app)
    labels = view.form.labels
    assert labels["recipient_name"].text().endswith("*")
    assert not labels["recipient_address"].text().endswith("*")
    assert view.form.values()["request_date"] == ""  # an untouched date stays empty
    _fill(view)
    values = view.form.filled_values()
    assert values["request_date"] == "2026-03-12"
    assert values["outcome"] == "granted"


def test_draft_stream_stop_regenerate_export(qtbot, make_app, tmp_path):
    engine = ScriptedEngine(answers=[LONG, " Votre dossier est complet."], delay=0.03)
    app = make_app(engine=engine, language="fr")
    view = _draft_view(qtbot, app)
    _fill(view)
    qtbot.waitUntil(lambda: app.lane.state == "ready", timeout=5000)
    assert view.generate_button.isEnabled() and not view.stop_button.isEnabled()

    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    assert view.busy() and view.stop_button.isEnabled()
    qtbot.waitUntil(lambda: "attention" in view.editor.toPlainText(), timeout=5000)
    assert "Karim Benali" in view.frame_before.toPlainText()  # the frame, before the body ends
    with qtbot.waitSignal(view.job.finished, timeout=5000):
        qtbot.mouseClick(view.stop_button, Qt.MouseButton.LeftButton)
    assert not view.busy()
    assert view.draft.cancelled
    partial = view.editor.toPlainText()
    assert partial and len(partial) < len(LONG)
    assert "Karim Benali" in view.frame_before.toPlainText()
    assert engine.last_stats.stop_reason == "cancelled"

    # Regenerate: a second request to the engine, a complete body.
    view.regenerate_button.click()
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    assert engine.requests == 2
    assert not view.draft.cancelled
    assert "dossier est complet" in view.editor.toPlainText()
    assert view.export_button.isEnabled()

    # The clerk edits the body, then exports: the .docx holds the frame and the edit.
    view.editor.moveCursor(view.editor.textCursor().MoveOperation.End)
    view.editor.insertPlainText(" Le guichet est ouvert le matin.")
    target = tmp_path / "réponse.docx"
    view.export_to(str(target))
    qtbot.waitUntil(lambda: view.last_export is not None, timeout=20000)
    assert view.error_box is None
    import docx

    text = "\n".join(p.text for p in docx.Document(str(view.last_export)).paragraphs)
    assert "Karim Benali" in text
    assert "dossier est complet" in text and "guichet est ouvert le matin" in text
    assert text.index("Karim Benali") < text.index("guichet est ouvert")
    qtbot.waitUntil(lambda: app.store.get_draft(view.record.draft_id).exported_at is not None,
                    timeout=5000)


def test_edits_are_autosaved_in_the_store(qtbot, make_app):
    app = make_app(engine=ScriptedEngine(answers=[" Votre dossier est complet."]), language="fr")
    view = _draft_view(qtbot, app)
    _fill(view)
    view.generate()
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    draft_id = view.record.draft_id
    assert draft_id is not None
    qtbot.waitUntil(lambda: "complet" in app.store.get_draft(draft_id).text, timeout=5000)
    view.editor.moveCursor(view.editor.textCursor().MoveOperation.End)
    view.editor.insertPlainText(" Ajout du guichet.")
    # Saved at most two seconds after the last keystroke, without any action.
    qtbot.waitUntil(lambda: "guichet" in app.store.get_draft(draft_id).text, timeout=5000)
    stored = app.store.get_draft(draft_id)
    assert stored.type_id == "reply_citizen" and stored.fields["recipient_name"] == "Karim Benali"
    qtbot.waitUntil(lambda: any(e["event"] == "generated" for e in
                                app.store.audit_log("draft", draft_id)), timeout=5000)


def test_closing_during_generation_cancels_and_saves(qtbot, make_app):
    from katib.ui.main_window import MainWindow

    engine = ScriptedEngine(answers=[LONG], delay=0.05)
    app = make_app(engine=engine, language="fr")
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    view = window.views["draft"]
    view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
    _fill(view)
    view.generate()
    qtbot.waitUntil(lambda: "attention" in view.editor.toPlainText(), timeout=5000)
    job = view.job
    window.close()
    assert job.cancelled
    on_screen = view.editor.toPlainText()
    stored = app.store.get_draft(view.record.draft_id).text
    assert stored and on_screen.startswith(stored[:40])
    app.shutdown()  # the lane stops, the engine is closed, the store finishes its writes
    assert engine.closed and engine.last_stats.stop_reason == "cancelled"


def test_arabic_interface_is_right_to_left_and_typed_text_follows_itself(qtbot, make_app):
    app = make_app(language="fr")
    view = _draft_view(qtbot, app)
    app.set_language("ar")
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.generate_button.text() == "&توليد"
    assert view.form.labels["recipient_name"].text().startswith("اسم صاحب الطلب")
    name = view.form.editors["recipient_name"]
    name.setText("Karim Benali")
    assert name.layoutDirection() == Qt.LayoutDirection.LeftToRight
    name.setText("كريم بنعلي")
    assert name.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_tab_goes_from_the_form_to_generate_in_order(qtbot, make_app):
    app = make_app(language="fr")
    view = _draft_view(qtbot, app)
    chain = [view.type_combo, view.lang_combo, *view.form.focus_chain(), view.generate_button]
    assert len(chain) > 10
    for first, second in pairwise(chain):
        reached = _next_tab_stop(first)
        assert reached is second or second.isAncestorOf(reached), (first, second, reached)


def _next_tab_stop(widget):
    """Where Tab goes from `widget`, skipping its own inner parts (a date box's line edit)."""
    nxt = widget.nextInFocusChain()
    while nxt is not widget and (widget.isAncestorOf(nxt)
                                 or not nxt.focusPolicy() & Qt.FocusPolicy.TabFocus):
        nxt = nxt.nextInFocusChain()
    return nxt


def test_a_model_failure_is_a_plain_message_and_the_edited_text_stays(qtbot, make_app):
    engine = ScriptedEngine(answers=[" Votre dossier est complet."], fail_on=2)
    app = make_app(engine=engine, language="fr")
    view = _draft_view(qtbot, app)
    _fill(view)
    view.generate()
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    view.editor.setPlainText("Texte revu à la main par l'agent.")
    view.revise("formal")
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    assert view.error_box is not None
    assert view.error_box.text().startswith("Le modèle s'est arrêté sur une erreur")
    assert view.editor.toPlainText() == "Texte revu à la main par l'agent."
    assert view.form.values()["recipient_name"] == "Karim Benali"
    assert view.regenerate_button.isEnabled()


def test_copy_and_print_carry_the_whole_letter_in_its_direction(qtbot, make_app):
    from katib.ui.draft_output import printable_document
    from PySide6.QtGui import QGuiApplication

    engine = ScriptedEngine(answers=[" وسيتم إشعاركم بالنتيجة في أقرب الآجال."])
    app = make_app(engine=engine, language="ar")
    view = _draft_view(qtbot, app)
    view.lang_combo.setCurrentIndex(view.lang_combo.findData("ar"))
    view.form.editors["recipient_name"].setText("كريم بنعلي")
    view.form.editors["subject"].setText("شهادة السكنى")
    view.generate()
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    assert "أقرب الآجال" in view.editor.toPlainText()

    view.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert "كريم بنعلي" in copied and "أقرب الآجال" in copied
    assert copied.index("كريم بنعلي") < copied.index("أقرب الآجال")

    document = printable_document(view.draft, view.editor.toPlainText())
    assert "أقرب الآجال" in document.toPlainText()
    block = document.begin()
    while block.isValid():
        assert block.blockFormat().layoutDirection() == Qt.LayoutDirection.RightToLeft
        block = block.next()


def test_history_reopens_a_draft_with_its_form_and_text(qtbot, make_app):
    from katib.ui.main_window import MainWindow

    app = make_app(engine=ScriptedEngine(answers=[" Votre dossier est complet."]), language="fr")
    first = _draft_view(qtbot, app)
    _fill(first)
    first.generate()
    qtbot.waitUntil(lambda: not first.busy(), timeout=10000)
    first.editor.setPlainText("Texte final signé.")
    first.save_work()
    draft_id = first.record.draft_id
    first.shutdown()

    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show_screen("settings")
    # What the History screen does: ask the window to open ("draft", id).
    window.views["settings"].open_request.emit("draft", draft_id)
    view = window.views["draft"]
    assert window.current_view() is view
    assert view.editor.toPlainText() == "Texte final signé."
    assert view.form.values()["recipient_name"] == "Karim Benali"
    assert view.form.values()["request_date"] == "2026-03-12"
    assert "Karim Benali" in view.frame_before.toPlainText()
    assert view.export_button.isEnabled() and view.record.draft_id == draft_id

    # "New" leaves this letter in the History and starts another one.
    view.new_draft()
    assert view.editor.toPlainText() == "" and view.draft is None
    view.generate()
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    assert view.record.draft_id != draft_id
    assert app.store.get_draft(draft_id).text == "Texte final signé."


def test_a_failing_disk_is_said_once_and_the_text_stays(qtbot, make_app):
    from katib.core.errors import StorageError

    app = make_app(engine=ScriptedEngine(answers=[" Votre dossier est complet."]), language="ar")
    view = _draft_view(qtbot, app)
    _fill(view)
    view.generate()
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    view.editor.setPlainText("نص كتبه الموظف")
    full = StorageError("storage.failed", detail="No space left on device")
    view.record.error.emit(full)  # what the autosaver reports on each retry
    view.record.error.emit(full)
    boxes = [w for w in view.findChildren(type(view.error_box)) if w.isVisible()]
    assert len(boxes) == 1
    assert "No space left on device" in boxes[0].text() and "تعذر الحفظ" in boxes[0].text()
    assert view.editor.toPlainText() == "نص كتبه الموظف"
