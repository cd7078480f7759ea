"""A summary made by `katib summarize` (stored in the core's form) opens in the window
with its sections and the passages its citations name."""

from __future__ import annotations

from katib.core.documents.readers import read_document
from katib.core.paths import user_paths
from katib.core.store import Store
from katib.core.summarize import Summarizer
from ui_fakes import ScriptedEngine, make_app, ui_home  # noqa: F401 (fixtures)


def test_a_command_line_summary_reopens_in_the_window(qtbot, make_app, eval_dir):  # noqa: F811
    from katib.ui.summarize_view import SummarizeView

    doc = read_document(eval_dir / "documents/pdf/fr-proces-verbal-2023-06-20.pdf")
    core = Summarizer(ScriptedEngine()).summarize(doc, lang="fr", detail="short")
    app = make_app(engine=ScriptedEngine(), language="fr")
    app.store = app.store or Store.open(user_paths(), auto_backup=False)
    # What katib summarize keeps: the markdown as text, the core's dict as data.
    summary_id = app.store.add_summary("Note — pv.pdf", "fr", core.to_markdown(),
                                       core.to_dict())
    view = SummarizeView(app)
    qtbot.addWidget(view)
    view.open_item(summary_id)
    titles = [s.title for s in view.note.sections]
    assert titles[0] == "Objet" and "Points clés" in titles
    objet = core.section("objet").points[0]
    assert view.note.sections[0].points[0].startswith(objet.text)
    keys = view.note.citations()
    assert keys and all(k in view.note.passages for k in keys)
    first = view.note.passages[keys[0]]
    assert first.file == doc.name and first.page in (1, 2) and first.text
    view.show_citation(keys[0])  # the source passage shows, as for a note made here
    assert view.citations.where.text().startswith(doc.name)
    assert first.text[:30] in view.citations.passage.toPlainText()
    app.store.close()
    app.store = None
