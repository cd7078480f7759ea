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
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from katib.ui import draft_output
from katib.ui.bidi_editor import plain_text
from katib.ui.draft_bars import DraftActionBar, DraftTopBar
from katib.ui.draft_document import DraftDocument
from katib.ui.draft_form import FieldForm
from katib.ui.draft_store import DraftRecord
from katib.ui.draft_stream import DraftStream
from katib.ui.mask_action import MaskControl, export_masked, names_in_fields
from katib.ui.view import View

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
        self.record = DraftRecord(app, self._on_record_error)
        self.open_after_export = True
        self.last_export: Path | None = None
        self._build()
        self._connect_signals()
        self.finish_setup()
        self._on_type_changed()
        self._update_buttons()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.top_bar = DraftTopBar(self.templates, self.app.language,
                                   self.app.settings.output_language)
        self.form = FieldForm()
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        form_scroll.setMinimumWidth(340)
        form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document = DraftDocument()
        self.action_bar = DraftActionBar()
        # Short names for the parts the view drives (and the tests read).
        for name in ("type_combo", "lang_combo", "generate_button", "new_button", "stop_button"):
            setattr(self, name, getattr(self.top_bar, name))
        for name in ("regenerate_button", "shorten_button", "formal_button", "translate_button",
                     "export_button", "copy_button", "print_button"):
            setattr(self, name, getattr(self.action_bar, name))
        self.editor = self.document.editor
        self.frame_before, self.frame_after = self.document.frame_before, self.document.frame_after
        self.checks, self.state_label = self.document.checks, self.document.state_label
        self.stream = DraftStream(self.app, self.editor, self.templates)
        # Anonymize / Unmask (Ctrl+Shift+A): the body masked, reversibly, in the history.
        self.mask = MaskControl(
            self, "draft", read=lambda: (self.body_text(), None),
            show=self._show_masked,
            item=lambda: (self.app.store, self.record.draft_id),
            names=lambda: names_in_fields(self.form.filled_values()),
            lang=self.output_language, on_error=self.show_error, before=self.save_work)
        bar = self.action_bar.layout()
        bar.insertWidget(bar.indexOf(self.copy_button), self.mask.button)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.document, 1)
        right_layout.addWidget(self.action_bar)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(form_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([400, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.top_bar)
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
        self.action_bar.translate_requested.connect(lambda code: self.revise("translate", code))
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.stream.paragraph.connect(self.record.paragraph)
        self.stream.finished.connect(self._on_stream_finished)
        self.stream.failed.connect(self._on_stream_failed)
        self.app.lane.state_changed.connect(lambda *_: self._update_buttons())

    def retranslate(self) -> None:
        self.top_bar.retranslate(self.app.language)
        self.action_bar.retranslate()
        self.mask.retranslate()
        self.form.retranslate(self.app.language)
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
        self.mask.reset()
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
        draft = draft_output.with_body(self.draft, self.body_text())
        if target_lang:
            self.lang_combo.setCurrentIndex(self.lang_combo.findData(target_lang))
        self._run(lambda drafter, cancel: drafter.revise_stream(draft, action, target_lang,
                                                                cancel))

    def _run(self, make_stream) -> None:
        self.state_label.setText(self.tr("Writing…"))
        self.stream.start(make_stream)
        self._update_buttons()

    @property
    def job(self):
        """The running model request (a StreamJob), or None."""
        return self.stream.job

    @property
    def _streaming(self) -> bool:
        return self.stream.streaming

    @Slot(object)
    def _on_stream_finished(self, draft) -> None:
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
    def _on_stream_failed(self, error: BaseException) -> None:
        # The stream gave the editor back the text from before the request.
        self.state_label.setText(self.tr("The model stopped with an error."))
        self._update_buttons()
        self.show_error(error)

    @Slot()
    def _on_stop_button_clicked(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Cancel the stream; the text written so far stays in the editor."""
        self.stream.stop()

    def busy(self) -> bool:
        return self._streaming

    # -- showing the draft ---------------------------------------------------------
    def _show_frame(self, draft=None) -> None:
        mask = getattr(self, "mask", None)
        masking = mask.masking if mask is not None and mask.masked else None
        self.document.show_frame(draft or self.draft, masking)

    def _show_masked(self, text: str, _data=None) -> None:
        """The body after Anonymize or Unmask; the frame (which repeats the recipient's
        name) follows, so nothing masked stays readable on screen."""
        self.editor.setPlainText(text)
        if self.draft is not None:
            self._show_frame()

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
        for button in self.action_bar.revise_buttons() + self.action_bar.output_buttons():
            button.setEnabled(has_draft)
        self.mask.button.setEnabled(has_draft)

    # -- editing and saving --------------------------------------------------------
    def body_text(self) -> str:
        """The body as typed, without the marks that keep numbers in order on screen."""
        return plain_text(self.editor)

    @Slot()
    def _on_editor_text_changed(self) -> None:
        if not self._streaming and self.draft is not None:
            self.record.edited(self.body_text())

    def save_work(self) -> None:
        """Write the text on screen now (closing, switching screens)."""
        if self.draft is not None or self._streaming:
            self.record.flush(self.body_text(), self.form.filled_values())

    def shutdown(self) -> None:
        self.record.close()

    def release_store(self) -> None:
        self.record.close()

    def store_replaced(self) -> None:
        """A backup was restored: the draft on screen goes into the restored history."""
        self.record.close()
        self.record.draft_id = self.record.type_id = None
        if self.draft is not None and not self._streaming:
            draft = self.draft
            self.record.start(draft.type_id, draft.lang, self.form.filled_values(),
                              self.app.lane.info)
            self.record.edited(self.body_text())

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
        self.mask.load(self.app.store, self.record.draft_id)
        self._show_frame()  # after the masking state: a masked draft's frame is masked
        self._show_checks()
        self.editor.setPlainText(text)
        self._update_buttons()

    # -- output ----------------------------------------------------------------------
    def full_text(self) -> str:
        return draft_output.with_body(self.draft, self.body_text()).full_text()

    @Slot()
    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.full_text())
        self.status_message.emit(self.tr("The document was copied."))

    @Slot()
    def _on_print_button_clicked(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        document = draft_output.printable_document(self.draft, self.body_text())
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

        draft, body, office = self.draft, self.body_text(), self.app.settings.office
        # A masked draft: the whole file is masked (the frame repeats the names) before it lands.
        masking = self.mask.masking.to_dict() if self.mask.masked else None
        names = names_in_fields(draft.fields)
        self.export_button.setEnabled(False)
        run_in_background(lambda: export_masked(
            lambda target: draft_output.export_docx(draft, body, target, office), path,
            masking, names), self._on_exported, self._on_export_failed)

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
