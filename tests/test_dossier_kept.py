"""A dossier summary keeps each finished file in the history at once (issue 7, "nothing lost").

Fast runs with a scripted engine and a real SQLite store: the core record, the
window's run stopped halfway, and the same item rewritten by the whole note.
The real process killed with SIGKILL is in test_crash_safety.py.
"""

from __future__ import annotations

import pytest

from katib.core.paths import user_paths
from katib.core.store import Store
from ui_fakes import ScriptedEngine, make_app, ui_home  # noqa: F401 (fixtures)

OBJET = "Compte rendu de la réunion de la commission des finances sur le budget communal."
TEXTS = {
    "a-commission.txt": "Compte rendu de la réunion de la commission des finances.\n\n"
                        "La commission a examiné le budget primitif de la commune. Le budget "
                        "est adopté à l'unanimité des membres présents.\n\nLe président demande "
                        "aux services de préparer le rapport avant le 30 septembre.",
    # Sentences of 12 words or more: the model is asked to shorten them, so the
    # second file keeps the (slow) scripted engine busy when the test stops the run.
    "b-voirie.txt": "Note sur les travaux de voirie du quartier Hay Salam.\n\nLes travaux de "
                    "réfection de la chaussée du quartier Hay Salam commenceront le 3 mars "
                    "sous la conduite de la direction technique. Le montant des travaux de "
                    "voirie est de 1 200 000 dirhams pour l'ensemble des rues du quartier."
                    "\n\nLa direction technique est chargée du suivi.",
    "c-personnel.txt": "Mouvement du personnel de la division des affaires administratives.\n\n"
                       "Deux agents sont affectés au service de l'état civil à compter du 1er "
                       "avril. La division demande la mise à jour des fiches de poste.",
}


def write_dossier(folder):
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


class Crash(Exception):
    """Stands for the process dying right after a file's note was kept."""


def test_each_finished_file_is_kept_before_the_run_ends(tmp_path, monkeypatch):
    from katib.core.summarize import summarize_folder
    from katib.core.summary_record import DossierRecord

    monkeypatch.setenv("KATIB_HOME", str(tmp_path / "home"))
    folder = write_dossier(tmp_path / "dossier")
    seen: list[int] = []

    def compose(parts):
        return "\n".join(p.to_markdown() for p in parts), {"files": len(parts)}

    with Store.open(user_paths(), auto_backup=False) as store:
        record = DossierRecord(store, "Note de couverture — dossier", "fr", 3, compose)

        def on_update(update):
            if update.kind == "document":
                record.file_done(update.doc_index, update.note.documents[0], update.note)
                seen.append(update.doc_index)
                if len(seen) == 2:
                    raise Crash()

        with pytest.raises(Crash):
            summarize_folder(ScriptedEngine([OBJET], delay=0), folder, lang="fr",
                             on_update=on_update)
    # Reopened as after a restart: the two finished files are there, the third is not.
    with Store.open(user_paths(), auto_backup=False) as store:
        items = store.list_items(kind="summary")
        assert len(items) == 1 and items[0].title.endswith("(2/3)")
        kept = store.get_summary(items[0].id)
        assert kept.data["partial"] == {"done": 2, "total": 3}
        assert "Hay Salam" in kept.text or "voirie" in kept.text
        assert "état civil" not in kept.text
        linked = [store.get_document(i).title for i in kept.document_ids]
        assert sorted(linked) == ["a-commission.txt", "b-voirie.txt"]
        # The whole note, later, rewrites the same item instead of adding another.
        record.store = store
        final = record.finish("La note entière.", {"whole": True}, title="Note de couverture")
        assert final == items[0].id and len(store.list_items(kind="summary")) == 1
        assert store.get_summary(final).text == "La note entière."
        assert store.integrity_check() == ["ok"]


def test_window_dossier_stopped_halfway_keeps_the_finished_file(qtbot, make_app, tmp_path):
    from katib.ui.summarize_view import SummarizeView
    from katib.ui.summary_note import Note

    # Slow pieces: the stop lands while the second file's objet is being written.
    engine = ScriptedEngine(answers=[OBJET], delay=0.05)
    app = make_app(engine=engine, language="fr")
    app.store = Store.open(user_paths(), auto_backup=False)
    try:
        view = SummarizeView(app)
        qtbot.addWidget(view)
        folder = write_dossier(tmp_path / "dossier")
        view.files.add_paths([folder / "a-commission.txt", folder / "b-voirie.txt"])
        qtbot.waitUntil(lambda: not view.files.reading and len(view.ready_documents()) == 2,
                        timeout=60000)
        view.summarize_button.click()
        qtbot.waitUntil(lambda: view.run.summary_id is not None, timeout=60000)
        with qtbot.waitSignal(view.run.finished, timeout=60000):
            view.stop()
        assert view.run.cancelled
        kept = app.store.get_summary(view.run.summary_id)
        assert kept.title.endswith("(1/2)") and kept.data["partial"]["done"] == 1
        # The history item opens in the window with the first file's sections and sources.
        shown = Note.from_data(kept.data, kept.text, kept.lang)
        assert shown.sections and all(s.title.startswith("a-commission.txt — ")
                                      for s in shown.sections)
        assert shown.citations() and all(k in shown.passages for k in shown.citations())

        # Run again to the end: the same screen keeps the whole note in a new, complete item.
        view.summarize_button.click()
        with qtbot.waitSignal(view.run.finished, timeout=60000):
            pass
        assert view.summary_id == view.run.summary_id
        whole = app.store.get_summary(view.summary_id)
        assert "(" not in whole.title.rsplit("—", 1)[-1]  # no "(k/n)": complete
        assert "partial" not in whole.data and len(whole.document_ids) == 2
        titles = [i.title for i in app.store.list_items(kind="summary")]
        assert len(titles) == 2 and sum(t.endswith("(1/2)") for t in titles) == 1
    finally:
        app.store.close()
        app.store = None
