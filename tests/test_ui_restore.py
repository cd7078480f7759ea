"""A damaged history database at start: the message offers "Restore a backup…", the dialog
lists the real backups with their dates, and the checked restore brings the history back.
Real SQLite files: a database filled through the store, a backup made by the store, then
pages of the live file overwritten; a damaged backup is refused and nothing is lost."""

from __future__ import annotations

import os

from katib.core.paths import user_paths
from katib.core.store import Store

TITLES = [f"Lettre au fournisseur numéro {i}" for i in range(40)]


def damaged_history_with_a_backup(backup_too: bool = False):
    """40 drafts, a backup in backups/, then the database damaged as a disk failure would."""
    paths = user_paths().ensure()
    with Store.open(paths, auto_backup=False) as store:
        for title in TITLES:
            store.create_draft("letter", "fr", title, {}, "Texte de la lettre. " * 40)
        backup = store.backup()
    data = bytearray(paths.database.read_bytes())
    assert len(data) > 6 * 4096
    data[3 * 4096:5 * 4096] = os.urandom(2 * 4096)
    paths.database.write_bytes(bytes(data))
    if backup_too:
        broken = bytearray(backup.read_bytes())
        broken[3 * 4096:5 * 4096] = b"\xff" * (2 * 4096)
        backup.write_bytes(bytes(broken))
    return paths, backup


def window_for(qtbot, app):
    from katib.ui.main_window import MainWindow

    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.store_box is not None and window.store_box.isVisible())
    return window


def test_restore_a_backup_from_the_damage_message(qtbot, make_app):
    paths, backup = damaged_history_with_a_backup()
    app = make_app(language="fr")
    assert app.store.recovery is not None and app.store.list_items() == []
    window = window_for(qtbot, app)
    box = window.store_box
    assert "endommagée" in box.text() and "1 sauvegarde" in box.text()

    # The clerk had started a letter on the empty history: it must survive the restore.
    draft_view = window.views["draft"]
    draft_view.type_combo.setCurrentIndex(draft_view.type_combo.findData("reply_citizen"))
    draft_view.form.editors["recipient_name"].setText("Karim Benali")
    draft_view.generate()
    qtbot.waitUntil(lambda: not draft_view.busy() and draft_view.draft is not None,
                    timeout=20000)
    typed = draft_view.body_text()

    offer = next(b for b in box.buttons() if b.objectName() == "offerRestore")
    assert offer.text() == "Restaurer une sauvegarde…"
    offer.click()
    dialog = window.restore_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Restaurer une sauvegarde"
    assert dialog.backups.count() == 1
    listed = dialog.backups.item(0)
    assert listed.data(256) == str(backup)
    # The date as French writes it (month name), the size, and who made it.
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
    assert any(m in listed.text() for m in months) and "à la main" in listed.text()

    with qtbot.waitSignal(dialog.finished, timeout=20000):
        dialog.restore_button.click()
    assert dialog.restored
    assert dialog.result_text.startswith("L'historique a été restauré à partir de la "
                                         "sauvegarde du ")
    assert "katib.db.before-restore-" in dialog.result_text
    assert window.statusBar().currentMessage() == dialog.result_text
    # The restored history is open and checked; the damaged file is still kept aside.
    assert app.store is not None and app.store.integrity_check() == ["ok"]
    titles = {item.title for item in app.store.list_items(limit=100)}
    assert set(TITLES) <= titles
    assert list(paths.data.glob("katib.db.corrupt-*"))
    # History shows it; the letter on screen went into the restored history.
    history = window.show_screen("history")
    qtbot.waitUntil(lambda: len(history.rows()) >= len(TITLES), timeout=10000)
    assert draft_view.record.draft_id is not None
    draft_view.save_work()
    assert app.store.get_draft(draft_view.record.draft_id).text == typed


def test_a_damaged_backup_is_refused_in_arabic_and_nothing_is_lost(qtbot, make_app):
    damaged_history_with_a_backup(backup_too=True)
    app = make_app(language="ar")
    window = window_for(qtbot, app)
    assert "تالفة" in window.store_box.text()
    app.store.create_draft("letter", "ar", "مسودة أثناء العطل", {}, "نص")
    dialog = window.open_restore_dialog()
    assert dialog.windowTitle() == "استرجاع نسخة احتياطية"
    assert dialog.backups.count() == 1
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: dialog.result_text != "" and not dialog.running, timeout=20000)
    assert not dialog.restored
    assert "النسخة الاحتياطية" in dialog.result_text and "لم يُستبدل أي شيء" in dialog.result_text
    # The history in use was opened again, with what was written during the outage.
    assert app.store is not None
    assert [i.title for i in app.store.list_items()] == ["مسودة أثناء العطل"]


def test_settings_back_up_now_then_restore_from_the_list(qtbot, make_app):
    """Backups are reachable any day, not only after damage: Settings makes one, and
    "Restore a backup…" lists it and brings the history back to that moment."""
    app = make_app(language="en")
    from katib.ui.main_window import MainWindow

    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    app.store.create_draft("letter", "en", "Kept in the backup", {}, "text")
    settings = window.show_screen("settings")
    assert settings.save_shortcut.key().toString() == "Ctrl+S"
    settings.backup_button.click()
    qtbot.waitUntil(lambda: settings.backup_button.isEnabled()
                    and getattr(settings, "last_backup", None) is not None, timeout=10000)
    assert settings.last_backup.is_file()
    assert settings.saved_label.text().startswith("Backup saved: ")
    app.store.create_draft("letter", "en", "Written after the backup", {}, "text")

    settings.restore_button.click()
    dialog = window.restore_dialog
    assert dialog is not None and dialog.backups.count() == 1
    assert dialog.backups.item(0).data(256) == str(settings.last_backup)
    with qtbot.waitSignal(dialog.finished, timeout=20000):
        dialog.restore_button.click()
    assert dialog.restored
    assert [i.title for i in app.store.list_items()] == ["Kept in the backup"]
