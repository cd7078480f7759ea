"""Draft: pick a document type and language, fill the form, watch the body stream in.

The frame (letterhead … appel, then politesse … signature) is built by the
core and shown read-only above and below the body; the model writes only the
body, which streams into the editor and stays editable. Placeholders and
flagged facts are highlighted. Edits are autosaved through the store.
"""

from __future__ import annotations

import logging
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from katib.ui import draft_output
from katib.ui.draft_document import DraftDocument
from katib.ui.draft_form import FieldForm
from katib.ui.draft_store import DraftRecord
from katib.ui.view import View
from katib.ui.widgets import language_names

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

log = logging.getLogger(__name__)


class DraftView(View):
    """The drafting screen. `generate()`, `stop()`, `revise(action)`, `export_to(path)`."""

    def __init__(self, app: KatibApp, parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        from katib.core.drafting import load_templates

        self.templates = load_templates()
        self.draft = None  # the core Draft behind the editor
        self.job = None  # the running StreamJob
        self.record = DraftRecord(app, self._on_record_error)
        self.open_after_export = True
        self.last_export: Path | None = None
        self._streaming = False
        self._text_before_run = ""
        self._build()
        self._connect_signals()
        self.finish_setup()
        self._on_type_changed()
        self._update_buttons()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("documentType")
        for template in self.templates.types():
            self.type_combo.addItem(template.label(self.app.language), template.id)
        self.lang_combo = QComboBox()
        self.lang_combo.setObjectName("outputLanguage")
        for code, name in language_names().items():
            self.lang_combo.addItem(name, code)
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(
            self.app.settings.output_language)))
        self.type_label, self.lang_label = QLabel(), QLabel()
        self.type_label.setBuddy(self.type_combo)
        self.lang_label.setBuddy(self.lang_combo)
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generate")
        self.generate_button.setShortcut(QKeySequence("Ctrl+Return"))
        self.new_button = QPushButton()
        self.new_button.setObjectName("newDraft")
        self.new_button.setShortcut(QKeySequence.StandardKey.New)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stop")
        self.stop_button.setShortcut(QKeySequence("Escape"))
        top = QHBoxLayout()
        for widget in (self.type_label, self.type_combo, self.lang_label, self.lang_combo):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.generate_button)
        top.addWidget(self.stop_button)

        self.form = FieldForm()
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        form_scroll.setMinimumWidth(340)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.document = DraftDocument()
        # Short names for the parts the view drives (and the tests read).
        self.editor = self.document.editor
        self.frame_before, self.frame_after = self.document.frame_before, self.document.frame_after
        self.checks, self.state_label = self.document.checks, self.document.state_label

        self.regenerate_button = QPushButton()
        self.shorten_button = QPushButton()
        self.formal_button = QPushButton()
        self.translate_button = QPushButton()
        self.translate_menu = QMenu(self)
        self.translate_button.setMenu(self.translate_menu)
        self.export_button = QPushButton()
        self.export_button.setObjectName("export")
        self.export_button.setShortcut(QKeySequence("Ctrl+E"))
        self.copy_button = QPushButton()
        self.copy_button.setShortcut(QKeySequence("Ctrl+Shift+C"))
        self.print_button = QPushButton()
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        actions = QHBoxLayout()
        for button in (self.regenerate_button, self.shorten_button, self.formal_button,
                       self.translate_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in (self.copy_button, self.print_button, self.export_button):
            actions.addWidget(button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.document, 1)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(form_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([400, 700])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.type_combo.currentIndexChanged.connect(self._on_type_changed)
        self.lang_combo.currentIndexChanged.connect(self._on_lang_changed)
        self.generate_button.clicked.connect(self._on_generate_button_clicked)
        self.stop_button.clicked.connect(self._on_stop_button_clicked)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.regenerate_button.clicked.connect(lambda: self.revise("regenerate"))
        self.shorten_button.clicked.connect(lambda: self.revise("shorten"))
        self.formal_button.clicked.connect(lambda: self.revise("formal"))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.app.lane.state_changed.connect(lambda *_: self._update_buttons())

    def retranslate(self) -> None:
        lang = self.app.language
        for index in range(self.type_combo.count()):
            template = self.templates.get(self.type_combo.itemData(index))
            self.type_combo.setItemText(index, template.label(lang))
        self.type_label.setText(self.tr("&Document"))
        self.lang_label.setText(self.tr("&Language"))
        self.generate_button.setText(self.tr("&Generate"))
        self.generate_button.setToolTip(self.tr("Write the body with the model (Ctrl+Enter)"))
        self.new_button.setText(self.tr("&New"))
        self.new_button.setToolTip(self.tr("Start another document; this one stays in the "
                                           "History (Ctrl+N)"))
        self.stop_button.setText(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop the model now; the text so far is kept (Esc)"))
        self.regenerate_button.setText(self.tr("&Regenerate"))
        self.shorten_button.setText(self.tr("S&horten"))
        self.formal_button.setText(self.tr("More &formal"))
        self.translate_button.setText(self.tr("&Translate"))
        self.translate_menu.clear()
        for code, name in language_names().items():
            action = self.translate_menu.addAction(name)
            action.triggered.connect(lambda _=False, c=code: self.revise("translate", c))
        self.export_button.setText(self.tr("&Export .docx"))
        self.export_button.setToolTip(self.tr("Save as a Word document and open it (Ctrl+E)"))
        self.copy_button.setText(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr("Copy the whole document (Ctrl+Shift+C)"))
        self.print_button.setText(self.tr("&Print preview"))
        self.form.retranslate(lang)
        self._show_checks()

    # -- form ----------------------------------------------------------------------
    def current_template(self):
        type_id = self.type_combo.currentData()
        return self.templates.get(type_id) if type_id else None

    def output_language(self) -> str:
        return self.lang_combo.currentData()

    @Slot()
    def _on_type_changed(self) -> None:
        template = self.current_template()
        self.form.set_fields(template.fields if template else [], self.app.language)
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Document, language, the form top to bottom, Generate, the body, the actions."""
        chain = [self.type_combo, self.lang_combo, *self.form.focus_chain(),
                 self.generate_button, self.stop_button, self.new_button, self.editor, self.regenerate_button,
                 self.shorten_button, self.formal_button, self.translate_button,
                 self.copy_button, self.print_button, self.export_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    @Slot()
    def _on_lang_changed(self) -> None:
        if self.draft is not None and not self._streaming:
            self.state_label.setText(self.tr("Press Generate or Translate to write the "
                                             "document in this language."))

    @Slot()
    def _on_new_button_clicked(self) -> None:
        self.new_draft()

    def new_draft(self) -> None:
        """Leave the current document (saved, in the History) and start a blank one."""
        if self._streaming:
            return
        self.save_work()
        self.record.close()
        self.record.draft_id = None
        self.draft = None
        self.document.clear()
        self._update_buttons()

    # -- generation ----------------------------------------------------------------
    @Slot()
    def _on_generate_button_clicked(self) -> None:
        self.generate()

    def generate(self) -> None:
        """Draft a new body from the form; the frame appears at once, the body streams."""
        template = self.current_template()
        if template is None or self._streaming:
            return
        from katib.core.drafting import Drafter
        from katib.core.errors import KatibError

        type_id, lang, fields = template.id, self.output_language(), self.form.filled_values()
        try:
            # The frame is deterministic: show it now, while the model writes the body.
            preview, _points = Drafter(None, self.templates, self.app.settings.office).prepare(
                type_id, lang, fields)
        except KatibError as exc:
            self.show_error(exc)
            return
        self._show_frame(preview)
        self.record.start(type_id, lang, fields, self.app.lane.info)
        self._run(lambda drafter, cancel: drafter.draft_stream(type_id, lang, fields, cancel))

    def revise(self, action: str, target_lang: str | None = None) -> None:
        """regenerate | shorten | formal | translate the current draft (edits included)."""
        if self.draft is None or self._streaming:
            return
        draft = draft_output.with_body(self.draft, self.editor.toPlainText())
        if target_lang:
            self.lang_combo.setCurrentIndex(self.lang_combo.findData(target_lang))
        self._run(lambda drafter, cancel: drafter.revise_stream(draft, action, target_lang,
                                                                cancel))

    def _run(self, make_stream) -> None:
        from katib.core.drafting import Draft, Drafter

        templates, office = self.templates, self.app.settings.office

        def work(engine, cancel):
            for item in make_stream(Drafter(engine, templates, office), cancel):
                if isinstance(item, Draft):
                    return item
                yield item

        self._streaming = True
        self._text_before_run = self.editor.toPlainText()  # given back if the model fails
        self.editor.clear()
        self.editor.setReadOnly(True)  # the stream owns the editor until it ends
        self.state_label.setText(self.tr("Writing…"))
        self.job = self.app.lane.stream(work)
        self.job.token.connect(self._on_job_token)
        self.job.finished.connect(self._on_job_finished)
        self.job.failed.connect(self._on_job_failed)
        self._update_buttons()

    @Slot(str)
    def _on_job_token(self, piece: str) -> None:
        cursor = self.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(piece)
        self.editor.setTextCursor(cursor)
        if "\n" in piece:
            self.record.paragraph(self.editor.toPlainText())

    @Slot(object)
    def _on_job_finished(self, draft) -> None:
        self._streaming = False
        self.job = None
        self.editor.setReadOnly(False)
        if draft is None:  # cancelled before it started
            self.state_label.setText(self.tr("Stopped."))
            self._update_buttons()
            return
        self.draft = draft
        self.editor.setPlainText(draft.body)
        self._show_frame()
        self._show_checks()
        self.record.generated(draft, draft.body, self.app.lane.info)
        self.state_label.setText(self.tr("Stopped: the text so far is kept.") if draft.cancelled
                                 else self.tr("Done. You can edit the text."))
        self._update_buttons()

    @Slot(object)
    def _on_job_failed(self, error: BaseException) -> None:
        self._streaming = False
        self.job = None
        self.editor.setReadOnly(False)
        # Nothing the clerk wrote is lost: the text from before the request comes back.
        self.editor.setPlainText(self._text_before_run)
        self.state_label.setText(self.tr("The model stopped with an error."))
        self._update_buttons()
        self.show_error(error)

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Cancel the stream; the text written so far stays in the editor."""
        if self.job is not None:
            self.job.cancel()

    def busy(self) -> bool:
        return self._streaming

    # -- showing the draft ---------------------------------------------------------
    def _show_frame(self, draft=None) -> None:
        self.document.show_frame(draft or self.draft)

    def _show_checks(self) -> None:
        if self.draft is None:
            self.document.show_checks([], [])
            return
        template = (self.templates.get(self.draft.type_id)
                    if self.draft.type_id in self.templates else None)
        fields = [template.field(name) if template else None for name in self.draft.missing]
        missing = [field.label(self.app.language) if field else name
                   for field, name in zip(fields, self.draft.missing, strict=True)]
        self.document.show_checks(missing, self.draft.flags)

    def _update_buttons(self) -> None:
        has_draft = self.draft is not None and not self._streaming
        self.generate_button.setEnabled(not self._streaming and self.current_template() is not None)
        self.new_button.setEnabled(not self._streaming)
        self.stop_button.setEnabled(self._streaming)
        for button in (self.regenerate_button, self.shorten_button, self.formal_button,
                       self.translate_button, self.export_button, self.copy_button,
                       self.print_button):
            button.setEnabled(has_draft)

    # -- editing and saving --------------------------------------------------------
    @Slot()
    def _on_editor_text_changed(self) -> None:
        if not self._streaming and self.draft is not None:
            self.record.edited(self.editor.toPlainText())

    def save_work(self) -> None:
        """Write the text on screen now (closing, switching screens)."""
        if self.draft is not None or self._streaming:
            self.record.flush(self.editor.toPlainText(), self.form.filled_values())

    def shutdown(self) -> None:
        self.record.close()

    @Slot(object)
    def _on_record_error(self, error: BaseException) -> None:
        self.show_error(error)

    def open_item(self, payload: object) -> None:
        """Reopen a stored draft (History asks with its id)."""
        loaded = self.record.load(int(payload), self.templates, self.app.settings.office)
        if loaded is None:
            return
        draft, text = loaded
        self.type_combo.setCurrentIndex(max(0, self.type_combo.findData(draft.type_id)))
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(draft.lang)))
        self.form.set_values(draft.fields)
        self.draft = draft
        self._show_frame()
        self._show_checks()
        self.editor.setPlainText(text)
        self._update_buttons()

    # -- output ----------------------------------------------------------------------
    def full_text(self) -> str:
        return draft_output.with_body(self.draft, self.editor.toPlainText()).full_text()

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.full_text())
        self.status_message.emit(self.tr("The document was copied."))

    @Slot()
    def _on_print_button_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        document = draft_output.printable_document(self.draft, self.editor.toPlainText())
        dialog = QPrintPreviewDialog(self)
        dialog.paintRequested.connect(document.print_)
        dialog.exec()

    @Slot()
    def _on_export_button_clicked(self) -> None:
        start = str(Path.home() / draft_output.export_name(self.draft))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the document"), start,
                                              self.tr("Word documents (*.docx)"))
        if path:
            self.export_to(path if path.endswith(".docx") else path + ".docx")

    def export_to(self, path: str) -> None:
        """Write the .docx in the background, then open it."""
        from katib.ui.workers import run_in_background

        draft, body, office = self.draft, self.editor.toPlainText(), self.app.settings.office
        self.export_button.setEnabled(False)
        run_in_background(lambda: draft_output.export_docx(draft, body, path, office),
                          self._on_exported, self._on_export_failed)

    @Slot(object)
    def _on_exported(self, path: Path) -> None:
        self.export_button.setEnabled(True)
        self.last_export = path
        self.record.exported(path)
        self.status_message.emit(self.tr("Saved as %1").replace("%1", str(path)))
        self.state_label.setText(self.tr("Saved as %1").replace("%1", str(path)))
        if self.open_after_export:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @Slot(object)
    def _on_export_failed(self, error: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.show_error(error)
