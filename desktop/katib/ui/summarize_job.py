"""One summary on the model lane, as Qt signals the Summarize screen listens to.

`katib.core.summarize` does the work (routing by size, parts, merge, checked
citations) on the lane thread; this module turns its progress callbacks into
queued signals — `progress(part, parts, seconds_left)`, `section(Note)` as
the note grows — and its result into a `summary_note.Note` with the text of
every cited passage.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from katib.ui.summary_note import Note, NoteSection, Passage


class SummaryRun(QObject):
    """A summary request. Create it on the GUI thread, connect, then `start()`.

    `finished(Note)` comes also after a cancel (with what was written so far;
    check `cancelled`); `failed(exception)` otherwise.
    """

    progress = Signal(int, int, float)
    section = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, lane, documents: list, lang: str, detail: str) -> None:
        super().__init__()
        self.lane = lane
        self.documents = documents
        self.lang = lang
        self.detail = detail
        self.job = None
        self.over = False

    @property
    def cancelled(self) -> bool:
        return self.job is not None and self.job.cancelled

    def start(self) -> None:
        self.job = self.lane.stream(self._work)
        self.job.finished.connect(self._on_job_finished)
        self.job.failed.connect(self._on_job_failed)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    # -- on the lane thread ----------------------------------------------------------
    def _work(self, engine, cancel):
        """The lane request: run the core summarizer, report as it goes, return the Note."""
        from katib.core import summarize

        def on_progress(event) -> None:
            # Signals of this GUI-thread object, emitted here, are queued to the GUI thread.
            self.progress.emit(int(event.part), int(event.parts),
                               float(event.seconds_left if event.seconds_left is not None
                                     else -1.0))

        def on_section(partial) -> None:
            self.section.emit(note_from_result(partial, self.documents, self.lang,
                                               self.detail))

        result = summarize.summarize_documents(
            engine, self.documents, lang=self.lang, detail=self.detail, cancel=cancel,
            on_progress=on_progress, on_section=on_section)
        return note_from_result(result, self.documents, self.lang, self.detail)
        yield  # noqa: unreachable — makes this a generator, as the lane expects

    # -- back on the GUI thread --------------------------------------------------------
    @Slot(object)
    def _on_job_finished(self, note) -> None:
        self.over = True
        self.finished.emit(note)

    @Slot(object)
    def _on_job_failed(self, error) -> None:
        from katib.core.errors import Cancelled

        self.over = True
        if isinstance(error, Cancelled) or self.cancelled:
            self.finished.emit(None)  # a stop is not an error: the note so far stays
        else:
            self.failed.emit(error)


def note_from_result(result, documents: list, lang: str, detail: str) -> Note:
    """A core summary result as a Note, with the cited passages copied out of the documents."""
    sections = [NoteSection(s.title, list(s.points)) for s in result.sections]
    note = Note(title=getattr(result, "title", "") or "", lang=lang, detail=detail,
                sections=sections, files=[d.name for d in documents],
                warnings=list(getattr(result, "warnings", []) or []))
    for key in note.citations():
        passage = resolve(key, documents)
        if passage is not None:
            note.passages[key] = passage
    return note


def resolve(key: str, documents: list) -> Passage | None:
    """The passage a citation key names: "n" in a single document, "d.n" in a dossier."""
    if "." in key or ":" in key:
        doc_index, _, block_index = key.replace(":", ".").partition(".")
        index = int(doc_index) - 1
        if not 0 <= index < len(documents):
            return None
        document, n = documents[index], int(block_index)
    elif len(documents) == 1:
        document, n = documents[0], int(key)
    else:
        return None
    block = document.block(n)
    if block is None:
        return None
    before, after = document.block(n - 1), document.block(n + 1)
    return Passage(key=key, file=document.name, text=block.text, page=block.page,
                   paragraph=block.paragraph, before=before.text if before else "",
                   after=after.text if after else "")
