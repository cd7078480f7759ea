"""One summary on the model lane, as Qt signals the Summarize screen listens to.

`katib.core.summarize.pipeline.Summarizer` does the work (routing by size,
parts, checked citations) on the lane thread. This module relays what it
does as queued signals: `progress(Step)` after each step ("part i of N", time
left), `model_text(str)` with the words the model is writing right now, and
`section(Note)` with what just became final (`Summarizer(on_update=…)`): for one
document, its next section(s) (objet first, then key points…); for a dossier,
one file's whole note; then it
turns the core's note into a `summary_note.Note` holding the text of every
cited passage (so the history can show sources without the files).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from katib.core.engine import Engine
from katib.ui.summary_note import Note, NoteSection, Passage, citation_key, point_line


@dataclass
class Step:
    """A progress report: step of total, what was just done, part i of N, seconds left."""

    step: int
    total: int
    label: str
    part: int = 0
    parts: int = 0
    seconds_left: float | None = None


class _RelayEngine(Engine):
    """Passes every request to the real engine and copies the pieces to `on_piece`."""

    def __init__(self, inner: Engine, on_piece) -> None:
        self.inner = inner
        self.info = inner.info
        self.on_piece = on_piece

    @property
    def last_stats(self):  # type: ignore[override]
        return self.inner.last_stats

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def render(self, task):
        return self.inner.render(task)

    def stream_prompt(self, prompt: str, **kwargs):
        self.on_piece(None)  # a new request: the view starts a fresh line
        for piece in self.inner.stream_prompt(prompt, **kwargs):
            self.on_piece(piece)
            yield piece


class SummaryRun(QObject):
    """A summary request. Create it on the GUI thread, connect, then `start()`.

    `finished(Note | None)` also comes after a cancel (None; check `cancelled`);
    `failed(exception)` on an error, with a message in every language.
    """

    progress = Signal(object)
    model_text = Signal(object)  # str, or None when a new model request begins
    section = Signal(object)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, lane, documents: list, lang: str, detail: str, store=None) -> None:
        super().__init__()
        self.lane = lane
        self.documents = documents
        self.lang = lang
        self.detail = detail
        self.job = None
        self.over = False
        # A dossier keeps each finished file in the history at once (a crash keeps them).
        self.record = dossier_record(store, documents, lang, detail, _log_store_error)

    @property
    def summary_id(self) -> int | None:
        """The history item this dossier's finished files went to (None before the first)."""
        return self.record.summary_id if self.record is not None else None

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

    # -- on the lane thread (signals of this GUI-thread object are queued there) -------
    def _work(self, engine, cancel):
        from katib.core.summarize.pipeline import Summarizer

        def on_progress(event) -> None:
            self.progress.emit(Step(event.step, event.total, event.label, event.part,
                                    event.parts, event.eta_seconds))

        shown: set[str] = set()  # titles of the sections of one document already sent

        def on_update(update) -> None:
            # Runs on this lane thread, inside the summary: convert now (the core goes
            # on filling the same note), and hand plain data to the GUI thread by signal.
            if update.kind == "section":  # one document: each section as soon as it is final
                note = convert(update.note, self.documents, self.detail)
                fresh = [s for s in note.sections if s.title not in shown]
                if fresh:
                    shown.update(s.title for s in fresh)
                    self.section.emit(Note(title=note.title, lang=note.lang, detail=note.detail,
                                           sections=fresh, passages=note.passages,
                                           files=note.files))
            elif update.kind == "document":  # a dossier: each file's note when it is done
                index = update.doc_index
                part = convert(update.note, self.documents, self.detail, part_index=index)
                self.section.emit(part)
                if self.record is not None:
                    self.record.file_done(index, self.documents[index], part)

        summarizer = Summarizer(_RelayEngine(engine, self.model_text.emit))
        result = summarizer.summarize(self.documents, lang=self.lang, detail=self.detail,
                                      cancel=cancel, progress=on_progress, on_update=on_update)
        return convert(result, self.documents, self.detail)
        yield  # unreachable: makes this function a generator, as the lane expects

    # -- back on the GUI thread ------------------------------------------------------
    @Slot(object)
    def _on_job_finished(self, note) -> None:
        self.over = True
        self.finished.emit(note)

    @Slot(object)
    def _on_job_failed(self, error) -> None:
        from katib.core.errors import Cancelled

        self.over = True
        if isinstance(error, Cancelled) or self.cancelled:
            self.finished.emit(None)  # a stop is not an error: the screen keeps what it had
        else:
            self.failed.emit(error)


def _log_store_error(error) -> None:
    # Not a failure of the summary: the screen still saves the whole note at the end
    # and shows any storage problem then.
    logging.getLogger(__name__).warning("keeping a finished file failed: %s", error)


def dossier_record(store, documents: list, lang: str, detail: str, on_error):
    """The history record of a dossier run (None for one document or without a store)."""
    if store is None or len(documents) < 2:
        return None
    from katib.core.summarize.note import TITLES
    from katib.core.summary_record import DossierRecord

    names = [d.name for d in documents]

    def compose(parts: list) -> tuple[str, dict]:
        note = Note(title=TITLES.get(lang, TITLES["en"])["cover"], lang=lang, detail=detail,
                    files=names)
        for part in parts:
            note.sections.extend(part.sections)
            note.passages.update(part.passages)
        return note.text(), note.to_data()

    title = f"{TITLES.get(lang, TITLES['en'])['cover']} — {', '.join(names)}"[:200]
    return DossierRecord(store, title, lang, len(documents), compose, on_error=on_error)


def convert(result, documents: list, detail: str, part_index: int | None = None) -> Note:
    """The core's note as a screen Note: titled sections, marked points, cited passages.

    A dossier's cover note cites [file:block]; its per-file notes follow, their
    citations rewritten to the same [file:block] form so every key is unique.
    `part_index` converts one file's note of a dossier on its own (while the rest runs).
    """
    from katib.core.summarize.note import TITLES

    titles = TITLES.get(result.lang, TITLES["en"])
    dossier = len(documents) > 1
    note = Note(title=result.title(), lang=result.lang, detail=detail,
                files=[d.name for d in documents])

    def add(core_note, doc_offset: int | None, heading_prefix: str = "") -> None:
        for section in core_note.sections:
            if not section.points:
                continue
            lines = []
            for point in section.points:
                keys = []
                for citation in point.citations:
                    index = citation.doc if doc_offset is None else doc_offset
                    key = citation_key(index, citation.n, dossier)
                    keys.append(key)
                    if key not in note.passages:
                        found = passage(key, documents[index], citation.n)
                        if found is not None:
                            note.passages[key] = found
                lines.append(point_line(point.text, bool(point.flags), keys, titles["flag"]))
            note.sections.append(NoteSection(heading_prefix + titles[section.key], lines))

    if part_index is not None:
        add(result, part_index, f"{documents[part_index].name} — ")
        return note
    add(result, None)
    for index, part in enumerate(getattr(result, "parts", []) or []):
        add(part, index, f"{documents[index].name} — ")
    return note


def passage(key: str, document, n: int) -> Passage | None:
    """Block `n` of `document`, with the blocks around it for context."""
    block = document.block(n)
    if block is None:
        return None
    before, after = document.block(n - 1), document.block(n + 1)
    return Passage(key=key, file=document.name, text=block.text, page=block.page,
                   paragraph=block.paragraph, before=before.text if before else "",
                   after=after.text if after else "")


def resolve(key: str, documents: list) -> Passage | None:
    """The passage a citation key names: "n" in a single document, "d:n" in a dossier."""
    if ":" in key:
        doc_index, _, block_index = key.partition(":")
        index = int(doc_index) - 1
        if not 0 <= index < len(documents):
            return None
        return passage(key, documents[index], int(block_index))
    if len(documents) != 1:
        return None
    return passage(key, documents[0], int(key))
