"""The Draft journey on the REAL default model, loaded by the window's own lane."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QDate
from ui_fakes import BorrowedEngine


@pytest.mark.model
def test_real_model_loads_in_background_and_drafts_a_letter(qtbot, qapp, isolated_home,
                                                             tmp_path):
    from katib.core.paths import user_paths
    from katib.core.settings import Settings
    from katib.ui.app import KatibApp
    from katib.ui.main_window import MainWindow

    # One thread: this journey must also pass on a busy machine, where two llama.cpp
    # threads waiting on each other run many times slower than one.
    settings = Settings(first_run_done=True, interface_language="fr", output_language="fr",
                        threads=1)
    settings.office.ministry = "Ministère de l'Intérieur"
    settings.office.city = "Rabat"
    app = KatibApp(qapp, paths=user_paths(), settings=settings)  # the real loader
    try:
        window = MainWindow(app)
        qtbot.addWidget(window)
        window.show()
        app.load_model()
        assert "Chargement du modèle" in window.model_label.text()  # window first, model after
        qtbot.waitUntil(lambda: app.lane.state == "ready", timeout=300000)
        assert "Modèle prêt" in window.model_label.text()

        view = window.views["draft"]
        view.open_after_export = False
        view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
        view.lang_combo.setCurrentIndex(view.lang_combo.findData("fr"))
        view.form.editors["recipient_name"].setText("Karim Benali")
        view.form.editors["subject"].setText("attestation de résidence")
        view.form.editors["request_date"].setDate(QDate(2026, 3, 12))
        pieces = []
        view.generate()
        view.job.token.connect(pieces.append)
        qtbot.waitUntil(lambda: not view.busy(), timeout=600000)
        body = view.editor.toPlainText()
        assert len(pieces) > 3 and len(body) > 60, body
        assert view.draft is not None and not view.draft.cancelled
        assert "Karim Benali" in view.frame_before.toPlainText()

        view.export_to(str(tmp_path / "lettre.docx"))
        qtbot.waitUntil(lambda: view.last_export is not None, timeout=30000)
        text = "\n".join(p.text for p in docx.Document(str(view.last_export)).paragraphs)
        assert body.split(".")[0].strip()[:30] in text
        window.close()
    finally:
        app.shutdown()


@pytest.mark.model
def test_stop_cuts_the_real_model_within_a_moment(qtbot, make_app, engine):
    app = make_app(engine=BorrowedEngine(engine), language="en")
    got = []
    job = app.lane.stream(lambda eng, cancel: eng.stream_prompt(
        "Rabat, le 12 mars 2026\n\nMonsieur,\n\nJ'ai l'honneur de", max_tokens=200,
        cancel=cancel))
    job.token.connect(got.append)
    qtbot.waitUntil(lambda: len(got) >= 3, timeout=60000)
    with qtbot.waitSignal(job.finished, timeout=60000):
        job.cancel()
    assert engine.last_stats.stop_reason == "cancelled"
    assert engine.last_stats.generated_tokens < 200
