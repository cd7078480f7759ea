"""Summarizer: a Document (or a dossier of them) -> a checked note de synthèse.

Flow: sentences -> TextRank scores with an opening prior -> route by size (one
pass, or parts cut along the structure) -> pre-selection: the most central
sentences, or in parts the opening plus each part's centre ("part i of N") ->
the model shortens each chosen sentence (accepted only as a pure deletion, see
compress.py) -> the objet is the document's own "Objet :" line or its best
sentence, the key points follow in document order, and decisions, figures and
actions are source sentences found by cue words -> every point's citation and
figures are checked in code -> a Note. When the output language differs from
the document's, the model translates each point; a translation that fails the
checks of translation.py (language, figures, length, names) keeps the original
sentence, flagged.

Why not let the model write freely: measured on OrangeSum (30 items), the
default model's own "En résumé," objet scored ROUGE-1 18 against 27 for the
lead of the same length; the pre-selected source sentences do better than
both, shortened or not (see make eval-summaries and docs/documents-and-summaries.md).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from katib.core.documents.model import Document
from katib.core.engine import CancelToken, Engine
from katib.core.errors import Cancelled
from katib.core.summarize import compress, prompts
from katib.core.summarize.choosing import choose, subject_line
from katib.core.summarize.citations import check_point, overlap, unsupported_figures
from katib.core.summarize.compress import split_speaker, tidy
from katib.core.summarize.note import Citation, Note, Point
from katib.core.summarize.routing import DETAIL, plan
from katib.core.summarize.sections import extractive_sections, shorten
from katib.core.summarize.selection import Sentence, split_sentences, textrank
from katib.core.summarize.translation import acceptable

LANGS = ("fr", "ar", "en")
# Below this many words a sentence is already as short as a point should be.
MIN_WORDS_TO_COMPRESS = 12


@dataclass
class Progress:
    """Where a summary is: step `step` of `total`, the part being read, seconds left."""

    step: int
    total: int
    label: str
    part: int = 0
    parts: int = 0
    eta_seconds: float | None = None


ProgressCallback = Callable[[Progress], None]


@dataclass
class Update:
    """A piece of the note that is final: one section of one document's note
    (`kind="section"`, `section` is its key), or a whole document's note in a
    dossier (`kind="document"`). `note` is that document's note so far; the
    window shows it section by section, and a dossier run saves each finished
    file so that an interrupted run keeps them."""

    kind: str
    doc_index: int
    note: Note
    section: str = ""


UpdateCallback = Callable[[Update], None]


class _Meter:
    def __init__(self, total: int, callback: ProgressCallback | None) -> None:
        self.lock = threading.Lock()  # documents of a dossier may tick from several threads
        self.total = max(1, total)
        self.done = 0
        self.start = time.monotonic()
        self.callback = callback

    def grow(self, extra: int) -> None:
        with self.lock:
            self.total += extra

    def tick(self, label: str, part: int = 0, parts: int = 0) -> None:
        with self.lock:
            self.done = done = min(self.done + 1, self.total)
            total = self.total
        elapsed = time.monotonic() - self.start
        eta = elapsed / done * (total - done) if done else None
        if self.callback:
            self.callback(Progress(done, total, label, part, parts, eta))


class Summarizer:
    """Summarizes documents into checked notes with one engine."""

    def __init__(self, engine: Engine, *, sampling=None) -> None:
        self.engine = engine
        self.sampling = sampling or prompts.SAMPLING
        self.stats = {"calls": 0, "prompt_tokens": 0, "evaluated_tokens": 0,
                      "generated_tokens": 0, "model_seconds": 0.0}
        self._stats_lock = threading.Lock()
        self._on_update: UpdateCallback | None = None  # set by each summarize() call

    # -- the model ---------------------------------------------------------
    def _generate(self, prompt: str, max_tokens: int, cancel: CancelToken | None) -> str:
        return self._generate_why(prompt, max_tokens, cancel)[0]

    def _generate_why(self, prompt: str, max_tokens: int,
                      cancel: CancelToken | None) -> tuple[str, str]:
        """The answer and why it stopped ("stop", "eos", "length")."""
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        out = "".join(self.engine.stream_prompt(prompt, max_tokens=max_tokens,
                                                stop=prompts.STOPS, sampling=self.sampling,
                                                cancel=cancel))
        stats = self.engine.last_stats  # per thread on an engine that serves several
        with self._stats_lock:
            self.stats["calls"] += 1
            self.stats["prompt_tokens"] += stats.prompt_tokens
            self.stats["evaluated_tokens"] += stats.evaluated_prompt_tokens
            self.stats["generated_tokens"] += stats.generated_tokens
            self.stats["model_seconds"] += stats.total_seconds
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        return out, stats.stop_reason

    # -- public API ----------------------------------------------------------
    def summarize(self, documents: Document | Sequence[Document], lang: str = "fr",
                  detail: str = "standard", cancel: CancelToken | None = None,
                  progress: ProgressCallback | None = None,
                  on_update: UpdateCallback | None = None) -> Note:
        """A note de synthèse in `lang` ("fr", "ar", "en") at `detail` ("short",
        "standard", "detailed"). Several documents make a dossier: one note per file
        (in `note.parts`) and a cover note across them. Raises Cancelled when cancelled.
        `on_update` hears each section and each file's note as soon as it is final."""
        if lang not in LANGS:
            raise ValueError(f"unknown output language {lang!r}")
        if detail not in DETAIL:
            raise ValueError(f"unknown detail level {detail!r}")
        docs = [documents] if isinstance(documents, Document) else list(documents)
        if not docs:
            raise ValueError("nothing to summarize")
        meter = _Meter(len(docs) * 2 + (1 if len(docs) > 1 else 0), progress)
        started = time.monotonic()
        self._on_update = on_update
        notes = self._each(docs, lang, detail, cancel, meter)
        if len(docs) == 1:
            note = notes[0]
        else:
            note = self._cover(docs, notes, lang, detail, cancel, meter)
        note.stats.update(self.stats)
        note.stats["seconds"] = round(time.monotonic() - started, 2)
        note.stats["source_words"] = sum(d.word_count() for d in docs)
        return note

    def _each(self, docs, lang, detail, cancel, meter) -> list[Note]:
        """One note per document, in order. An engine that serves several requests at
        once (an office server: `engine.max_concurrency`) gets that many documents in
        flight; the local engine (one request at a time) keeps the plain loop."""
        workers = min(len(docs), max(1, int(getattr(self.engine, "max_concurrency", 1) or 1)))
        if workers == 1:
            return [self._one_of(i, docs, lang, detail, cancel, meter) for i in range(len(docs))]
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers, thread_name_prefix="katib-summary") as pool:
            return list(pool.map(lambda i: self._one_of(i, docs, lang, detail, cancel, meter),
                                 range(len(docs))))

    def _one_of(self, index: int, docs, lang, detail, cancel, meter) -> Note:
        note = self._one(docs[index], lang, detail, cancel, meter,
                         index if len(docs) == 1 else None)
        if len(docs) > 1:
            self._emit(Update("document", index, note))
        return note

    def _emit(self, update: Update) -> None:
        if self._on_update is not None:
            self._on_update(update)

    # -- one document ---------------------------------------------------------
    def _one(self, doc: Document, lang: str, detail: str, cancel, meter: _Meter,
             stream_index: int | None = 0) -> Note:
        settings = DETAIL[detail]
        source_lang = doc.language if doc.language in LANGS else lang
        sentences = split_sentences(doc)
        route = plan(doc, sentences, self.engine.count_tokens, self.engine.context_size, detail)
        textrank(sentences, source_lang)  # the whole document (in windows when long)
        note = Note(lang=lang, detail=detail, documents=[doc])
        note.stats.update({"route": route.route, "parts": len(route.parts),
                           "doc_tokens": route.doc_tokens})
        cross = lang != source_lang and source_lang in LANGS

        def finish(key: str) -> None:
            """Check one section's points, translate them if asked, and announce it."""
            section = note.section(key)
            section.points = [c for c in (check_point(p, 0, doc, source_lang)
                                          for p in section.points) if c is not None]
            if cross:
                self._translate(section.points, doc, source_lang, lang, cancel, meter)
            if stream_index is not None:
                self._emit(Update("section", stream_index, note, key))

        chosen = choose(sentences, route, settings, source_lang)
        # Minutes taken verbatim are tidied by rule, not shortened (compress.py).
        model_shortens = not compress.is_transcript(sentences)
        subject = subject_line(doc)
        top = None
        if subject is not None:  # the document states its own objet: it is the objet
            objet = Point(subject[1], [Citation(0, subject[0])])
        else:
            top = max(chosen, key=lambda s: s.score) if chosen else None
            chosen = [s for s in chosen if s is not top]
            objet = (self._compressed(top, source_lang, cancel, model_shortens) if top else
                     Point(shorten(doc.blocks[0].text, 30), [Citation(0, doc.blocks[0].n)]))
        meter.tick("objet")
        note.section("objet").points.append(objet)
        finish("objet")
        # Key points: the chosen sentences in document order, each shortened by the
        # model (prose only); in parts, the opening then each part's centre, so the note follows
        # the document (progress counts the parts: "part i of N").
        points = note.section("points").points
        if route.route == "parts":
            meter.grow(len(route.parts))
            ends = [part[-1].index for part in route.parts]
            pending = list(chosen)
            for i, end in enumerate(ends, start=1):
                while pending and pending[0].index <= end:
                    points.append(self._compressed(pending.pop(0), source_lang, cancel,
                                                   model_shortens))
                meter.tick("part", i, len(ends))
        else:
            meter.grow(len(chosen))
            for s in chosen:
                points.append(self._compressed(s, source_lang, cancel, model_shortens))
                meter.tick("point")
        finish("points")
        # Decisions, figures and actions come from the rest (a short text may make
        # them repeat a key point).
        used = {s.index for s in chosen}
        if subject is None and top is not None:
            used.add(top.index)
        extracted = extractive_sections(sentences, source_lang, settings["other"], used)
        for key, picked in extracted.items():
            note.section(key).points.extend(
                Point(shorten(tidy(s.text)), [Citation(0, s.n)]) for s in picked)
            finish(key)
        meter.tick("checked")
        note.stats["selected_sentences"] = len(chosen) + (top is not None)
        return note

    def _compressed(self, sentence: Sentence, lang: str, cancel,
                    model_shortens: bool = True) -> Point:
        """The sentence as a point, shortened by the model when that is a pure deletion."""
        speaker, said = split_speaker(tidy(sentence.text))
        point = Point(shorten(speaker + said), [Citation(0, sentence.n)])
        if len(said.split()) < MIN_WORDS_TO_COMPRESS or not model_shortens:
            return point
        # A deletion is shorter than the sentence: its own length caps the answer,
        # and an answer cut by that cap is no sentence (a truncated copy is refused).
        raw, why = self._generate_why(compress.prompt(said, lang),
                                      min(90, self.engine.count_tokens(said)), cancel)
        short = prompts.clean(raw, 60)
        if why != "length" and compress.is_deletion(short, said):
            point.text, point.origin = shorten(speaker + short), "model"
        return point

    def _translate(self, points: list[Point], doc: Document, source: str, target: str,
                   cancel, meter: _Meter) -> None:
        """Each point into `target`; a translation that fails the checks of
        translation.py keeps the original sentence, flagged."""
        meter.grow(len(points))
        for point in points:
            raw = self._generate(prompts.translate_prompt(point.text, source, target),
                                 min(120, 2 * len(point.text.split()) + 20), cancel)
            text = prompts.clean(raw, 60)
            if acceptable(text, point.text, source, target):
                point.text, point.origin = text, "model"
            else:
                point.flags.append(f"original ({source})")
            meter.tick("translate")

    # -- a dossier ----------------------------------------------------------------
    def _cover(self, docs, notes, lang, detail, cancel, meter: _Meter) -> Note:
        cover = Note(lang=lang, detail=detail, documents=docs, parts=notes)
        for index, note in enumerate(notes):
            objet = note.section("objet").points
            if not objet:
                continue
            point = Point(f"{docs[index].name} — {objet[0].text}",
                          [Citation(index, c.n) for c in objet[0].citations],
                          origin=objet[0].origin, flags=list(objet[0].flags))
            cover.section("points").points.append(point)
            for key in ("decisions", "actions"):
                for p in note.section(key).points[:2]:
                    cover.section(key).points.append(
                        Point(p.text, [Citation(index, c.n) for c in p.citations],
                              origin=p.origin, flags=list(p.flags)))
        gists = [p.text for p in cover.section("points").points]
        names = ", ".join(d.name for d in docs)
        prompt = prompts.HEAD[lang].format(name=names, excerpts="\n".join(
            f"- {g}" for g in gists)) + prompts.OBJET[lang]
        text = prompts.clean(self._generate(prompt, 64, cancel), 40)
        corpus = " ".join(gists)
        if text and not unsupported_figures(text, corpus) and (
                overlap(text, corpus, lang) >= 0.3):
            cover.sections.insert(0, cover.sections.pop(cover.sections.index(
                cover.section("objet"))))
            cover.section("objet").points.append(Point(
                text, [c for p in cover.section("points").points[:1] for c in p.citations],
                origin="model"))
        meter.tick("cover")
        return cover
