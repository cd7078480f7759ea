"""Summarize: files or a folder in, a note de synthèse out, every point checkable.

Files are chosen and read by the `SourcePanel` on the left. The summary runs
on the model lane: a progress bar says "part i of N" and the time left, Stop
cancels within a token, the words the model writes show as they come, the
note appears section by section, and a dossier's notes file by file. Clicking
a citation [n] shows the cited passage with its page; the note is kept in the
history and exported as a .docx.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from katib.ui import summarize_job
from katib.ui.citation_panel import CitationPanel
from katib.ui.mask_action import MaskControl, export_masked
from katib.ui.source_panel import SourcePanel, documents_folder
from katib.ui.summary_note import Note, note_html
from katib.ui.view import View
from katib.ui.widgets import language_names
from katib.ui.workers import run_in_background

if TYPE_CHECKING:
    from katib.ui.app import KatibApp

DETAILS = ("short", "standard", "detailed")


class SummarizeView(View):
    """The Summarize screen. `documents` holds what was read, by path."""

    def __init__(self, app: "KatibApp", parent: QWidget | None = None) -> None:
        super().__init__(app, parent)
        self.note: Note | None = None
        self.run: summarize_job.SummaryRun | None = None
        self.summary_id: int | None = None
        self._started = 0.0
        self.step = None  # the last summarize_job.Step reported
        self.writing = ""  # what the model is writing now
        self._build()
        self._connect_signals()
        self.finish_setup()
        self._update_actions()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.files = SourcePanel(self.app)
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("summaryLanguage")
        for code, name in language_names().items():
            self.language_combo.addItem(name, code)
        self.language_label.setBuddy(self.language_combo)
        self.detail_label = QLabel()
        self.detail_combo = QComboBox()
        self.detail_combo.setObjectName("summaryDetail")
        for _ in DETAILS:
            self.detail_combo.addItem("")
        self.detail_label.setBuddy(self.detail_combo)
        self.summarize_button = QPushButton()
        self.summarize_button.setObjectName("summarize")
        self.summarize_button.setDefault(True)
        self.stop_button = QPushButton()
        self.stop_button.setObjectName("stopSummary")
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportSummary")
        options = QHBoxLayout()
        options.addWidget(self.language_label)
        options.addWidget(self.language_combo)
        options.addWidget(self.detail_label)
        options.addWidget(self.detail_combo)
        options.addStretch(1)
        options.addWidget(self.summarize_button)
        options.addWidget(self.stop_button)
        options.addWidget(self.export_button)
        # Anonymize / Unmask (Ctrl+Shift+A): the note and its sources, reversibly.
        self.mask = MaskControl(
            self, "summary", read=lambda: (self.note.text(), self.note.to_data()),
            show=self._show_masked, item=lambda: (self.app.store, self.summary_id),
            names=list, lang=lambda: self.note.lang, on_error=self.show_error)
        options.addWidget(self.mask.button)

        self.progress = QProgressBar()
        self.progress.setObjectName("summaryProgress")
        self.progress.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("summaryProgressLabel")
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.progress_label)

        self.note_view = QTextBrowser()
        self.note_view.setObjectName("summaryNote")
        self.note_view.setOpenLinks(False)
        self.citations = CitationPanel()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.files)
        self.splitter.addWidget(self.note_view)
        self.splitter.addWidget(self.citations)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([240, 520, 300])

        layout = QVBoxLayout(self)
        layout.addLayout(options)
        layout.addLayout(progress_row)
        layout.addWidget(self.splitter, 1)

        self.stop_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.run_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self)
        self.open_shortcut = QShortcut(QKeySequence.StandardKey.Open, self)
        self.export_shortcut = QShortcut(QKeySequence("Ctrl+E"), self)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(self.app.settings.output_language)))
        self.detail_combo.setCurrentIndex(DETAILS.index("standard"))
        self.progress.hide()
        self.render_timer = QTimer(self)
        self.render_timer.setSingleShot(True)
        self.render_timer.setInterval(80)
        # Tab goes the way the work goes: files, options, run, then the note and its sources.
        chain = [self.files.add_files_button, self.files.add_folder_button,
                 self.files.remove_button, self.files.sources, self.language_combo,
                 self.detail_combo, self.summarize_button, self.stop_button,
                 self.export_button, self.note_view, self.citations.passage]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self.files.changed.connect(self._update_actions)
        self.files.error.connect(self.show_error)
        self.summarize_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.export_button.clicked.connect(self.choose_export)
        self.note_view.anchorClicked.connect(self._on_note_view_anchor_clicked)
        self.render_timer.timeout.connect(self._render)
        self.stop_shortcut.activated.connect(self.stop)
        self.run_shortcut.activated.connect(self.start)
        self.open_shortcut.activated.connect(self.files.choose_files)
        self.export_shortcut.activated.connect(self.choose_export)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("Note in:"))
        self.detail_label.setText(self.tr("Detail:"))
        for index, text in enumerate((self.tr("Short"), self.tr("Standard"),
                                      self.tr("Detailed"))):
            self.detail_combo.setItemText(index, text)
        self.summarize_button.setText(self.tr("&Summarize"))
        self.summarize_button.setToolTip(self.tr("Write the note de synthèse (Ctrl+Enter)"))
        self.stop_button.setText(self.tr("S&top"))
        self.stop_button.setToolTip(self.tr("Stop the summary (Esc)"))
        self.export_button.setText(self.tr("&Export .docx…"))
        self.export_button.setToolTip(self.tr("Save the note as a Word document (Ctrl+E)"))
        self.citations.retranslate()
        self.mask.retranslate()
        self._update_progress_label()
        if self.note is None and not self.busy():
            self.note_view.setHtml(
                "<p style='color:#666;'>%s</p>" % self.tr(
                    "Add one or more documents, choose the language and the detail of the "
                    "note, then press Summarize. Each point of the note cites the passage it "
                    "comes from: click [1] to read it."))

    def ready_documents(self) -> list:
        """The documents read so far, in the list's order."""
        return self.files.ready_documents()

    # -- summarizing -----------------------------------------------------------------
    def busy(self) -> bool:
        return self.run is not None and not self.run.over

    @Slot()
    def start(self) -> None:
        """Summarize the documents read, on the model lane."""
        documents = self.ready_documents()
        if self.busy():
            return
        if not documents:
            self.show_error(self.tr("Add at least one document that could be read."))
            return
        lang = self.language_combo.currentData()
        detail = DETAILS[self.detail_combo.currentIndex()]
        self.note = Note(lang=lang, detail=detail, files=[d.name for d in documents])
        self.summary_id = None
        self.mask.reset()
        self.citations.clear()
        self.run = summarize_job.SummaryRun(self.app.lane, documents, lang, detail,
                                            store=self.app.store)
        self.run.progress.connect(self._on_run_progress)
        self.run.model_text.connect(self._on_run_model_text)
        self.run.section.connect(self._on_run_section)
        self.run.finished.connect(self._on_run_finished)
        self.run.failed.connect(self._on_run_failed)
        self._started = time.monotonic()
        self.step = None
        self.writing = ""
        self.progress.setRange(0, 0)  # busy until the first step is counted
        self.progress.show()
        self._update_progress_label()
        self.run.start()
        self._render()
        self._update_actions()

    def stop(self) -> None:
        """Cancel the summary (Stop, Esc, or the window closing); what was written stays."""
        if self.busy():
            self.run.cancel()
            self.status_message.emit(self.tr("Stopping the summary…"))

    @Slot(object)
    def _on_run_progress(self, step) -> None:
        """A step is done (summarize_job.Step): move the bar, say what comes next."""
        self.step = step
        self.progress.setRange(0, max(step.total, 1))
        self.progress.setValue(step.step)
        self._update_progress_label()

    @Slot(object)
    def _on_run_model_text(self, piece: str | None) -> None:
        # What the model writes shows under the note as it comes (a new request: a new line).
        self.writing = "" if piece is None else self.writing + piece
        if not self.render_timer.isActive():
            self.render_timer.start()  # one repaint per 80 ms, not one per token

    @Slot(object)
    def _on_run_section(self, part: Note) -> None:
        """Part of the note is final: the next section(s) of one document, or a whole file
        of a dossier. It shows at once, while the rest is written."""
        if self.note is None:
            return
        if len(self.note.files) == 1 and not self.note.title:
            self.note.title = part.title  # "Note de synthèse" above the first section
        self.note.sections.extend(part.sections)
        self.note.passages.update(part.passages)
        self._render()

    @Slot(object)
    def _on_run_finished(self, note: Note | None) -> None:
        cancelled = self.run is not None and self.run.cancelled
        if note is not None:
            self.note = note
        self.progress.hide()
        if cancelled:
            self.progress_label.setText(self.tr("Stopped. Press Summarize to start again."))
        else:
            self.progress_label.setText(self.tr("Done in %1.").replace(
                "%1", self.duration(time.monotonic() - self._started)))
            self.save_summary()
        self._render()
        self._update_actions()

    @Slot(object)
    def _on_run_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.progress_label.setText("")
        self.show_error(error)
        self._render()
        self._update_actions()

    def _render(self) -> None:
        if self.note is None:
            return
        working = ""
        if self.busy():
            working = self.tr("Writing…") + (" " + self.writing.strip() if self.writing else "")
        scroll = self.note_view.verticalScrollBar().value()
        self.note_view.setHtml(note_html(self.note, working))
        self.note_view.verticalScrollBar().setValue(scroll)

    def duration(self, seconds: float) -> str:
        seconds = int(round(seconds))
        if seconds < 60:
            return self.tr("%1 s").replace("%1", str(max(seconds, 1)))
        return self.tr("%1 min %2 s").replace("%1", str(seconds // 60)).replace(
            "%2", f"{seconds % 60:02d}")

    def _update_progress_label(self) -> None:
        if not self.busy():
            return
        step = self.step
        if step is None:  # nothing counted yet: the first request is running
            self.progress_label.setText(self.tr("Summarizing…"))
            return
        # A step names what was just done; the label says what runs now.
        if step.label == "part" and step.part < step.parts:
            text = self.tr("Part %1 of %2").replace("%1", str(step.part + 1)) \
                .replace("%2", str(step.parts))
        elif step.label == "part":
            text = self.tr("Writing the subject…")
        elif step.label == "objet":
            text = self.tr("Checking the citations…")
        elif step.label == "translate":
            text = self.tr("Translating the points…")
        elif step.step < step.total:
            text = self.tr("Summarizing the next document…")
        else:
            text = self.tr("Putting the note together…")
        if step.seconds_left is not None and step.step < step.total:
            text += " — " + self.tr("about %1 left").replace(
                "%1", self.duration(step.seconds_left))
        self.progress_label.setText(text)

    def _update_actions(self) -> None:
        running = self.busy()
        self.summarize_button.setEnabled(not running and bool(self.ready_documents()))
        self.stop_button.setEnabled(running)
        self.mask.button.setEnabled(not running and self.note is not None
                                    and bool(self.note.sections))
        self.export_button.setEnabled(not running and self.note is not None
                                      and bool(self.note.sections))
        self.files.set_locked(running)
        for widget in (self.language_combo, self.detail_combo):
            widget.setEnabled(not running)

    # -- citations -------------------------------------------------------------------
    @Slot(QUrl)
    def _on_note_view_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() != "cite":
            return
        self.show_citation(url.path())

    def show_citation(self, key: str) -> None:
        passage = self.note.passages.get(key) if self.note else None
        if passage is None:
            self.citations.show_missing(key)
        else:
            self.citations.show_passage(passage)

    # -- history and export ------------------------------------------------------------
    def shutdown(self) -> None:
        """The window closes while a summary runs: keep the sections already written."""
        if self.run is not None and not self.run.over and self.note is not None \
                and self.note.sections and self.summary_id is None:
            self.save_summary(interrupted=True)

    def save_summary(self, interrupted: bool = False) -> None:
        """Keep the note (and its documents' text) in the history.

        `interrupted`: the window closed before the end; the title says so.
        """
        store = self.app.store
        if store is None or self.note is None or not self.note.sections:
            return
        note = self.note
        documents = self.ready_documents()
        model = getattr(self.app.lane.info, "source", None)
        try:
            from katib.core.summary_record import document_record

            document_ids = store.add_documents([document_record(d) for d in documents])
            # "Note de synthèse — pv.pdf": the history must tell one note from another.
            title = f"{note.title} — {', '.join(note.files)}"[:200]
            if interrupted:
                mark = self.tr("interrupted")  # lupdate does not read inside f-strings
                title = f"{title} ({mark})"
            # A dossier's finished files are already kept in one item: the note replaces them.
            self.summary_id = store.keep_summary(
                self.run.summary_id if self.run is not None else None,
                title, note.lang, note.text(), data=note.to_data(), document_ids=document_ids,
                model=model if model and Path(model).is_file() else None)
        except Exception as exc:  # the note stays on screen and can still be exported
            self.show_error(exc)

    def _show_masked(self, text: str, data: dict) -> None:
        """The note masked or restored by the Anonymize action."""
        self.note = Note.from_data(data, text, self.note.lang)
        self.citations.clear()
        self._render()

    def store_replaced(self) -> None:
        """A backup was restored: the note on screen is not in that history (yet)."""
        self.summary_id = None

    def open_item(self, payload: object) -> None:
        """Show a stored summary (its id), or add a stored document ({"document_id": id})."""
        store = self.app.store
        if store is None or self.busy():
            return
        try:
            if isinstance(payload, dict) and "document_id" in payload:
                document = store.get_document(payload["document_id"])
                self.files.add_paths([Path(document.path)])
                return
            summary = store.get_summary(int(payload))
        except Exception as exc:
            self.show_error(exc)
            return
        self.note = Note.from_data(summary.data, summary.text, summary.lang)
        if not self.note.title:
            self.note.title = summary.title
        self.summary_id = summary.id
        self.mask.load(store, summary.id)
        self.citations.clear()
        self.progress_label.setText("")
        index = self.language_combo.findData(summary.lang)
        if index >= 0:
            self.language_combo.setCurrentIndex(index)
        self._render()
        self._update_actions()

    @Slot()
    def choose_export(self) -> None:
        if self.note is None or not self.note.sections or self.busy():
            return
        default = Path(documents_folder()) / (self.tr("note-de-synthese") + ".docx")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the note"), str(default),
                                              self.tr("Word document (*.docx)"))
        if name:
            self.export(Path(name))

    def export(self, path: Path, open_after: bool = False) -> None:
        """Write the .docx in the background; record the export in the history."""
        from katib.ui.note_export import export_note

        if path.suffix.lower() != ".docx":
            path = path.with_suffix(".docx")
        note, summary_id = self.note, self.summary_id
        self.export_button.setEnabled(False)

        def done(written: Path) -> None:
            self._update_actions()
            self.status_message.emit(self.tr("Saved: %1").replace("%1", str(written)))
            if self.app.store is not None and summary_id is not None:
                try:
                    self.app.store.mark_exported("summary", summary_id, written)
                except Exception as exc:
                    self.show_error(exc)
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))

        def failed(error: BaseException) -> None:
            self._update_actions()
            self.show_error(error)

        # A masked note: the whole file is masked again (cited sources too) before it lands.
        masking = self.mask.masking.to_dict() if self.mask.masked else None
        run_in_background(lambda: export_masked(lambda target: export_note(note, target), path,
                                                masking), done, failed)
        self.last_export = path
