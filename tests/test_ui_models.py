"""Models screen: import from a "USB key", a bad file refused, activate, licence."""

from __future__ import annotations


def test_import_good_then_bad_model_keeps_the_previous_one(qtbot, make_app, default_model,
                                                           tmp_path):
    from katib.ui.models_view import ModelsView

    app = make_app(language="fr")
    view = ModelsView(app)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 0 and view.rows == [], timeout=5000)

    # A real GGUF from a USB key folder: copied with a progress bar, checked, listed.
    progress_seen = []
    view.progress.valueChanged.connect(progress_seen.append)
    view.import_model(str(default_model))
    assert view.busy() and view.progress.isVisible() is not None
    qtbot.waitUntil(lambda: not view.busy(), timeout=60000)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    assert progress_seen and max(progress_seen) == 100
    assert view.table.item(0, 1).text() == default_model.name
    assert view.table.item(0, 4).text() == "Vérifiée"
    assert view.table.item(0, 2).text() == "253,1 Mo"  # French number and unit
    assert "tient" in view.table.item(0, 3).text()

    view.table.selectRow(0)
    view.activate(default_model.name)
    qtbot.waitUntil(lambda: app.lane.state == "ready", timeout=5000)
    assert view.table.item(0, 6).text() == "✓"
    active_before = app.settings.active_model

    # A file that is not a model: a plain message in French, nothing copied, same model.
    bad = tmp_path / "usb" / "modele-casse.gguf"
    bad.parent.mkdir()
    bad.write_bytes(b"ceci n'est pas un modele" * 100)
    view.import_model(str(bad))
    qtbot.waitUntil(lambda: not view.busy(), timeout=10000)
    assert view.error_box is not None
    assert "GGUF" in view.error_box.text() and "modele-casse.gguf" in view.error_box.text()
    assert "GGUF" in view.message.text()
    assert not (app.paths.models / bad.name).exists()
    assert app.settings.active_model == active_before
    assert view.table.rowCount() == 1


def test_licence_of_the_default_model_is_shown(qtbot, make_app, default_model):
    from katib.core.model_store import ModelStore
    from katib.ui.models_view import LicenceDialog

    app = make_app()
    store = ModelStore(app.paths)
    model = store.describe(default_model, rehash=False)
    dialog = LicenceDialog(model, store, None)
    qtbot.addWidget(dialog)
    assert "Gemma" in dialog.text.toPlainText()
