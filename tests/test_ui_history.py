"""History screen: search (accents and Arabic diacritics ignored), filters, reopen, duplicate,
delete with undo — on a real SQLite store in a fresh KATIB_HOME."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from katib.core.paths import user_paths
from ui_fakes import ScriptedEngine, make_app, ui_home  # noqa: F401 (fixtures)


@pytest.fixture
def store_app(make_app):
    """An app with a real store holding a few drafts and a summary, in three languages."""
    from katib.core.store import Store

    app = make_app(engine=ScriptedEngine(), language="fr")
    if app.store is None:  # the app opens its own store when it can
        app.store = Store.open(user_paths(), auto_backup=False)
    store = app.store
    ids = {
        "reply": store.create_draft(
            "reply_citizen", "fr", "Réponse à la demande de Mme Benali",
            {"objet": "Demande d'extrait d'acte de naissance"},
            "J'ai l'honneur de vous informer que votre demande d'extrait d'acte de naissance "
            "a été acceptée."),
        "note": store.create_draft(
            "note_service", "fr", "Note de service : permanence",
            {}, "Il est porté à la connaissance du personnel que la permanence est assurée."),
        "arabic": store.create_draft(
            "letter", "ar", "رسالة إلى المدير",
            {}, "يشرفني أن أُخبركم بأنَّ الاجتماعَ سيُعقد يوم الإثنين في مقرّ العمالة."),
        "summary": store.add_summary(
            "Synthèse du procès-verbal du conseil", "fr",
            "Objet : séance du conseil municipal. Points clés : budget primitif adopté [3]."),
    }
    app.ids = ids
    yield app
    store.close()
    app.store = None


def make_view(qtbot, app):
    from katib.ui.history_view import HistoryView

    view = HistoryView(app)
    qtbot.addWidget(view)
    view.show()
    return view


def search(qtbot, view, text: str) -> None:
    """Type into the search box and wait for the (debounced) result list."""
    view.search_edit.setText(text)
    qtbot.waitUntil(lambda: not view.search_timer.isActive(), timeout=3000)


def test_lists_everything_newest_first(qtbot, store_app):
    view = make_view(qtbot, store_app)
    ids = store_app.ids
    assert view.rows() == [("summary", ids["summary"]), ("draft", ids["arabic"]),
                           ("draft", ids["note"]), ("draft", ids["reply"])]
    assert view.empty_label.isHidden()
    assert view.tree.topLevelItem(0).text(0) == "Synthèse du procès-verbal du conseil"


def test_search_ignores_accents_and_arabic_diacritics(qtbot, store_app):
    view = make_view(qtbot, store_app)
    ids = store_app.ids
    search(qtbot, view, "proces verbal")  # typed without accents
    assert view.rows() == [("summary", ids["summary"])]
    search(qtbot, view, "acte naissance")
    assert view.rows() == [("draft", ids["reply"])]
    assert "<b>" in view.tree.topLevelItem(0).text(4)  # the matched words are highlighted
    search(qtbot, view, "الاجتماع")  # no vowel marks, as people type
    assert view.rows() == [("draft", ids["arabic"])]
    search(qtbot, view, "introuvablexyz")
    assert view.rows() == []
    assert view.empty_label.isVisibleTo(view)


def test_filters_by_kind_and_language(qtbot, store_app):
    view = make_view(qtbot, store_app)
    ids = store_app.ids
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("summary"))
    view.kind_filter.activated.emit(view.kind_filter.currentIndex())
    assert view.rows() == [("summary", ids["summary"])]
    view.kind_filter.setCurrentIndex(view.kind_filter.findData("draft"))
    view.lang_filter.setCurrentIndex(view.lang_filter.findData("ar"))
    view.lang_filter.activated.emit(view.lang_filter.currentIndex())
    assert view.rows() == [("draft", ids["arabic"])]
    # A search keeps the filters: French words find nothing among Arabic drafts.
    search(qtbot, view, "permanence")
    assert view.rows() == []
    view.lang_filter.setCurrentIndex(view.lang_filter.findData(""))
    view.lang_filter.activated.emit(view.lang_filter.currentIndex())
    assert view.rows() == [("draft", ids["note"])]
    view.date_filter.setCurrentIndex(view.date_filter.findData("1"))  # today
    view.date_filter.activated.emit(view.date_filter.currentIndex())
    assert view.rows() == [("draft", ids["note"])]


def test_search_then_reopen_through_the_main_window(qtbot, store_app):
    from katib.ui.main_window import MainWindow

    window = MainWindow(store_app)
    qtbot.addWidget(window)
    window.show()
    view = window.show_screen("history")
    ids = store_app.ids
    search(qtbot, view, "synthese conseil")
    assert view.rows() == [("summary", ids["summary"])]
    view.select("summary", ids["summary"])
    with qtbot.waitSignal(view.open_request, timeout=2000) as blocker:
        qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert blocker.args == ["summarize", ids["summary"]]
    summarize = window.views["summarize"]
    assert window.current_view() is summarize
    assert summarize.summary_id == ids["summary"]
    assert "budget primitif adopté" in summarize.note_view.toPlainText()

    window.show_screen("history")
    search(qtbot, view, "acte naissance")
    view.select("draft", ids["reply"])
    with qtbot.waitSignal(view.open_request, timeout=2000) as blocker:
        view.open_button.click()
    assert blocker.args == ["draft", ids["reply"]]
    if "draft" in window.views:  # the Draft screen is written alongside this one
        assert window.current_view() is window.views["draft"]


def test_delete_with_undo(qtbot, store_app):
    view = make_view(qtbot, store_app)
    ids = store_app.ids
    store = store_app.store
    view.select("draft", ids["note"])
    view.delete_button.click()
    assert ("draft", ids["note"]) not in view.rows()
    assert view.undo_bar.isVisibleTo(view)
    assert "Note de service : permanence" in view.undo_label.text()
    assert store.search("permanence") == []  # gone from search too
    assert [i.id for i in store.list_items(deleted=True)] == [ids["note"]]

    view.undo_button.click()
    assert ("draft", ids["note"]) in view.rows()
    assert view.selected_item() == ("draft", ids["note"])
    assert not view.undo_bar.isVisibleTo(view)
    assert [h.id for h in store.search("permanence")] == [ids["note"]]

    # Delete two, undo with Ctrl+Z twice: both come back, the last deleted first.
    view.select("draft", ids["reply"])
    view.delete_selected()
    view.select("summary", ids["summary"])
    view.delete_selected()
    assert len(view.rows()) == 2
    view.undo_delete()
    assert ("summary", ids["summary"]) in view.rows()
    view.undo_delete()
    assert len(view.rows()) == 4


def test_duplicate_draft_and_summary(qtbot, store_app):
    view = make_view(qtbot, store_app)
    ids = store_app.ids
    store = store_app.store
    view.select("draft", ids["reply"])
    view.duplicate_button.click()
    kind, copy_id = view.selected_item()
    assert kind == "draft" and copy_id not in ids.values()
    copy = store.get_draft(copy_id)
    assert copy.text == store.get_draft(ids["reply"]).text
    assert copy.title.startswith("Réponse à la demande de Mme Benali")
    view.select("summary", ids["summary"])
    view.duplicate_selected()
    kind, copy_id = view.selected_item()
    assert kind == "summary" and copy_id != ids["summary"]
    assert store.get_summary(copy_id).text == store.get_summary(ids["summary"]).text
    assert len(view.rows()) == 6


def test_arabic_interface_is_right_to_left_and_translated(qtbot, store_app):
    store_app.set_language("ar")
    view = make_view(qtbot, store_app)
    assert view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert view.delete_button.text() != "&Delete"  # translated
    assert view.tree.topLevelItem(0).text(2) == "Français"
