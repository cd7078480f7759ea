"""Arabic paragraphs on the Draft screen show phone numbers, references and e-mails in
their written order: measured on Qt's own layout (where each glyph is drawn), for text the
program sets, text the model streams, and text the clerk types. What is saved has no marks."""

from __future__ import annotations

from katib.core.documents.bidi_text import LRI, PDI, strip_marks
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextEdit
from ui_fakes import ScriptedEngine

PHONE = "+212 5 37 68 94 01"
GROUPS = ["+", "212", "5", "37", "68", "94", "01"]
LINE = f"يمكنكم الاتصال بالمصلحة على الرقم {PHONE} خلال أوقات العمل."


def visual_order(editor: QTextEdit, run: str, tokens: list[str]) -> list[str]:
    """`tokens` of the first `run` in the editor, sorted by where Qt draws them, left to right."""
    document = editor.document()
    text = document.toPlainText()
    start = strip_marks(text).index(run)
    # Positions in the editor count the invisible marks before the run.
    offset = start
    seen = 0
    for index, char in enumerate(text):
        if seen == start:
            offset = index
            break
        if char not in (LRI, PDI):
            seen += 1
    placed = []
    position = offset
    for token in tokens:
        position = text.index(token, position)
        block = document.findBlock(position)
        document.documentLayout().blockBoundingRect(block)  # lays the block out if pending
        assert block.layout().lineCount() > 0
        runs = block.layout().glyphRuns(position - block.position(), len(token))
        placed.append((min(r.boundingRect().x() for r in runs), token))
        position += len(token)
    return [token for _x, token in sorted(placed)]


def _draft_view(qtbot, app):
    from katib.ui.draft_view import DraftView

    view = DraftView(app)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_phone_number_set_in_an_arabic_paragraph_reads_left_to_right(qtbot, make_app):
    app = make_app(language="ar")
    view = _draft_view(qtbot, app)
    view.editor.setPlainText(LINE)
    qtbot.waitUntil(lambda: LRI in view.editor.toPlainText())
    assert visual_order(view.editor, PHONE, GROUPS) == GROUPS
    assert view.body_text() == LINE  # the marks are for display only


def test_the_control_without_marks_is_reversed(qtbot):
    """The same line in a bare right-to-left editor: Qt reverses the groups. So the test
    above measures the marks, not a font or platform accident."""
    editor = QTextEdit()
    qtbot.addWidget(editor)
    editor.resize(1300, 300)
    option = editor.document().defaultTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    editor.document().setDefaultTextOption(option)
    editor.setPlainText(LINE)
    editor.show()
    qtbot.waitExposed(editor)
    order = visual_order(editor, PHONE, GROUPS)
    assert order != GROUPS and order.index("01") < order.index("212")


def test_streamed_and_typed_numbers_keep_their_order_and_are_saved_clean(qtbot, make_app):
    body = f" نحيطكم علما بأن ملفكم قيد الدراسة. للاستفسار: {PHONE} أو المرجع 2024/15."
    app = make_app(engine=ScriptedEngine(answers=[body], delay=0.001), language="ar")
    from katib.core.paths import user_paths
    from katib.core.store import Store

    app.store = Store.open(user_paths(), auto_backup=False)
    try:
        view = _draft_view(qtbot, app)
        view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
        view.lang_combo.setCurrentIndex(view.lang_combo.findData("ar"))
        view.form.editors["recipient_name"].setText("يوسف العمراني")
        view.generate()
        qtbot.waitUntil(lambda: not view.busy() and view.draft is not None, timeout=20000)
        qtbot.waitUntil(lambda: LRI in view.editor.toPlainText())
        assert PHONE in view.body_text() and LRI not in view.body_text()
        assert visual_order(view.editor, PHONE, GROUPS) == GROUPS

        # The clerk types a second number at the end of the paragraph, key by key.
        cursor = view.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        view.editor.setTextCursor(cursor)
        view.editor.setFocus()
        typed = "05 22 48 17 36"
        # Arabic comes from the input method (QTest types Latin keys only), digits key by key.
        view.editor.insertPlainText(" الفاكس ")
        qtbot.keyClicks(view.editor, typed)
        qtbot.waitUntil(lambda: view.body_text().endswith(typed))
        qtbot.waitUntil(lambda: view.editor.toPlainText().endswith(typed + PDI), timeout=2000)
        assert view.body_text() == strip_marks(view.editor.toPlainText())
        assert visual_order(view.editor, typed, ["05", "22", "48", "17", "36"]) == \
            ["05", "22", "48", "17", "36"]
        # The cursor stayed at the end: typing goes on where it was.
        qtbot.keyClicks(view.editor, " 7")
        qtbot.waitUntil(lambda: view.body_text().endswith(typed + " 7"))

        view.save_work()
        stored = app.store.get_draft(view.record.draft_id).text
        assert stored.endswith(typed + " 7") and LRI not in stored and PDI not in stored
    finally:
        view.shutdown()
        app.store.close()
        app.store = None


def test_a_field_holding_only_a_number_reads_left_to_right(qapp):
    from katib.ui.widgets import text_direction

    assert text_direction(PHONE) == Qt.LayoutDirection.LeftToRight
    assert text_direction("يوسف") == Qt.LayoutDirection.RightToLeft
    assert text_direction("  ") is None


def test_arabic_form_dates_read_day_month_year_and_addresses_sit_on_the_right(qtbot, make_app):
    from PySide6.QtCore import QDate

    app = make_app(language="ar")
    view = _draft_view(qtbot, app)
    view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
    date = view.form.editors["request_date"]
    date.setDate(QDate(2026, 11, 20))
    assert date.text() == "20/11/2026"  # not 2026/11/20, whatever the interface direction
    address = view.form.editors["recipient_address"]
    address.setPlainText("12، شارع المسيرة، سيدي سليمان")
    qtbot.waitUntil(lambda: address.document().firstBlock().layout().lineCount() > 0)
    block = address.document().firstBlock()
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft
    line = block.layout().lineAt(0)
    start = line.cursorToX(0)  # where the first letter begins, alignment included
    start = start[0] if isinstance(start, tuple) else start
    # Right-aligned: the text starts at the box's right edge, its free space on the left.
    assert start > address.document().textWidth() * 0.75


def test_an_arabic_note_keeps_numbers_and_french_names_in_order(qtbot):
    """The Summarize screen's note: the same marks, around text but never inside a
    citation link, so [3] still opens its passage."""
    from katib.ui.summary_note import Note, NoteSection, Passage, note_html
    from PySide6.QtWidgets import QTextBrowser

    point = f"للاستفسار يرجى الاتصال بالرقم {PHONE} قبل الموعد [3]"
    note = Note(title="مذكرة تركيبية", lang="ar", sections=[NoteSection("الأرقام", [point])],
                passages={"3": Passage(key="3", file="pv.pdf", text="...")})
    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.resize(1300, 400)
    browser.setHtml(note_html(note))
    browser.show()
    qtbot.waitExposed(browser)
    assert visual_order(browser, PHONE, GROUPS) == GROUPS
    assert 'href="cite:3"' in note_html(note)
    assert strip_marks(browser.toPlainText()).count(PHONE) == 1
    # A point left in French reads as a French sentence, its period at its end.
    note.sections[0].points.append("Le budget est adopté par le conseil. [4]")
    browser.setHtml(note_html(note))
    assert visual_order(browser, "le conseil.", ["le", "conseil", "."]) == ["le", "conseil", "."]
    # A French note is left as it is.
    french = Note(lang="fr", sections=[NoteSection("Chiffres", [f"Tél. {PHONE} [3]"])])
    assert LRI not in note_html(french)


def test_undo_goes_back_through_typed_numbers(qtbot):
    """The marks join the keystroke's undo step and are not put back after an undo:
    Ctrl+Z walks back to the text before the number was typed."""
    from katib.ui.bidi_editor import LtrRunKeeper, plain_text
    from PySide6.QtWidgets import QApplication

    editor = QTextEdit()
    editor.setAcceptRichText(False)
    qtbot.addWidget(editor)
    LtrRunKeeper(editor)
    editor.show()
    editor.setPlainText("الهاتف ")
    cursor = editor.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "05 37 12")
    qtbot.waitUntil(lambda: editor.toPlainText().endswith(PDI))
    assert plain_text(editor) == "الهاتف 05 37 12"
    for _ in range(20):
        if plain_text(editor) == "الهاتف ":
            break
        editor.undo()
        QApplication.processEvents()  # the keeper's turn: it must leave an undo alone
    assert plain_text(editor) == "الهاتف "


def test_the_whole_frame_shows_without_scrolling(qtbot, make_app):
    """The letterhead, number and lieu-et-date above the body are all visible: the date
    line used to sit under the fold of the frame pane."""
    app = make_app(language="fr")
    view = _draft_view(qtbot, app)
    view.type_combo.setCurrentIndex(view.type_combo.findData("reply_citizen"))
    view.form.editors["recipient_name"].setText("Karim Benali")
    view.generate()
    qtbot.waitUntil(lambda: not view.busy() and view.draft is not None, timeout=20000)
    pane = view.frame_before
    qtbot.waitUntil(lambda: pane.verticalScrollBar().maximum() == 0, timeout=3000)
    assert "Karim Benali" in pane.toPlainText()
