"""Summarizer: a Document (or a dossier of them) -> a checked note de synthèse.

Flow: sentences -> TextRank scores -> route by size (one pass, or parts cut
along the structure, each summarized with its position "part i of N") -> the
model writes the objet (and each part's gist) from pre-selected sentences ->
key points, decisions, figures and actions are source sentences with their
blocks -> every point's citation and figures are checked in code -> a Note.
When the output language differs from the document's, the model translates
each point; a translation that adds a figure falls back to the original text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from katib.core.documents.model import Document
from katib.core.engine import CancelToken, Engine
from katib.core.errors import Cancelled
from katib.core.summarize import prompts
from katib.core.summarize.citations import check_point, overlap, unsupported_figures
from katib.core.summarize.note import Citation, Note, Point
from katib.core.summarize.routing import DETAIL, plan
from katib.core.summarize.sections import extractive_sections, shorten
from katib.core.summarize.selection import Sentence, select, split_sentences, textrank

LANGS = ("fr", "ar", "en")


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
    """Summarizes with one engine. `preselect=False` is the plain baseline (for the eval)."""

    def __init__(self, engine: Engine, *, sampling=None) -> None:
        self.engine = engine
        self.sampling = sampling or prompts.SAMPLING
        self.stats = {"calls": 0, "prompt_tokens": 0, "evaluated_tokens": 0,
                      "generated_tokens": 0, "model_seconds": 0.0}
        self._stats_lock = threading.Lock()

    # -- the model ---------------------------------------------------------
    def _generate(self, prompt: str, max_tokens: int, cancel: CancelToken | None) -> str:
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
        return out

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
        if getattr(self, "_on_update", None) is not None:
            self._on_update(update)

    # -- one document ---------------------------------------------------------
    def _one(self, doc: Document, lang: str, detail: str, cancel, meter: _Meter,
             stream_index: int | None = 0) -> Note:
        settings = DETAIL[detail]
        source_lang = doc.language if doc.language in LANGS else lang
        sentences = split_sentences(doc)
        route = plan(doc, sentences, self.engine.count_tokens, self.engine.context_size, detail)
        if route.route == "one_pass":
            textrank(sentences, source_lang)
        # In parts, each part is ranked on its own below (scores of similar-sized
        # parts compare, and a part's own centre is what its gist should say).
        note = Note(lang=lang, detail=detail, documents=[doc])
        note.stats.update({"route": route.route, "parts": len(route.parts),
                           "doc_tokens": route.doc_tokens})
        gists: list[Point] = []
        if route.route == "parts":
            meter.grow(len(route.parts))
            total = len(route.parts)
            for i, part in enumerate(route.parts, start=1):
                textrank(part, source_lang)
                chosen = select(part, settings["part_select"], self.engine.count_tokens,
                                max_words=50)
                if not chosen:
                    meter.tick("part", i, total)
                    continue
                raw = self._generate(prompts.part_prompt(doc.name, chosen, source_lang, i, total),
                                     60, cancel)
                text = prompts.clean(raw, 40)
                point = Point(text, [Citation(0, s.n) for s in chosen], origin="model")
                checked = check_point(point, 0, doc, source_lang) if text else None
                if checked is not None:
                    gists.append(checked)
                meter.tick("part", i, total)
        cross = lang != source_lang and source_lang in LANGS

        def finish(key: str) -> None:
            """Check one section's points, translate them if asked, and announce it."""
            section = note.section(key)
            section.points = [c for c in (check_point(p, 0, doc, source_lang)
                                          for p in section.points) if c is not None]
            if cross and key != "objet":
                self._translate(section.points, doc, source_lang, lang, cancel, meter)
            if stream_index is not None:
                self._emit(Update("section", stream_index, note, key))

        # The final request sees the best sentences of the whole document.
        chosen = select(sentences, settings["select"], self.engine.count_tokens, max_words=50)
        objet = self._objet(doc, chosen, [g.text for g in gists], lang, source_lang, cancel)
        meter.tick("objet")
        note.section("objet").points.append(objet)
        finish("objet")
        # Key points are the most central sentences; decisions, figures and actions
        # come from the rest (a short text may make them repeat a key point).
        used: set[int] = set()
        if objet.origin == "extract":  # the objet is a source sentence: not again below
            used.update(s.index for s in sentences if shorten(s.text, 30) == objet.text)
        points = self._key_points(sentences, chosen, gists, settings["points"], used)
        note.section("points").points.extend(points)
        finish("points")
        extracted = extractive_sections(sentences, source_lang, settings["other"], used)
        for key, picked in extracted.items():
            note.section(key).points.extend(
                Point(shorten(s.text), [Citation(0, s.n)]) for s in picked)
            finish(key)
        meter.tick("checked")
        note.stats["selected_sentences"] = len(chosen)
        return note

    def _objet(self, doc: Document, chosen: list[Sentence], gists: list[str], lang: str,
               source_lang: str, cancel) -> Point:
        prompt = prompts.objet_prompt(doc.name, chosen, lang, source_lang, gists)
        # Keep the request inside the context whatever the selection weighed.
        while self.engine.count_tokens(prompt) > self.engine.context_size - 120 and chosen:
            chosen = chosen[:-1]
            prompt = prompts.objet_prompt(doc.name, chosen, lang, source_lang, gists)
        text = prompts.clean(self._generate(prompt, 64, cancel), 40)
        source = " ".join(s.text for s in chosen) + " " + " ".join(gists)
        cross = lang != source_lang
        faithful = text and not unsupported_figures(text, doc.text()) and (
            cross or overlap(text, source, source_lang) >= 0.4)
        top = max(chosen, key=lambda s: s.score) if chosen else None
        if faithful:
            cites = [Citation(0, top.n)] if top else []
            if not cross:
                ranked = sorted(chosen, key=lambda s: -overlap(text, s.text, source_lang))
                cites = [Citation(0, s.n) for s in ranked[:2]
                         if overlap(text, s.text, source_lang) >= 0.2] or cites
            return Point(text, cites, origin="model")
        # The model wandered: the document's most central sentence stands in.
        fallback = doc.title if doc.title and len(doc.title.split()) >= 3 else (
            top.text if top else doc.blocks[0].text)
        block = next((b for b in doc.blocks if b.text.startswith(fallback[:40])), doc.blocks[0])
        return Point(shorten(fallback, 30), [Citation(0, block.n)], origin="extract")

    def _key_points(self, sentences, chosen, gists, count, used) -> list[Point]:
        points: list[Point] = list(gists[: max(0, count - 1)])
        pool = sorted(chosen or sentences, key=lambda s: -s.score)
        picked = []
        for allow_used in (False, True):
            for s in pool:
                if len(points) + len(picked) >= (count if not allow_used else 2):
                    break
                if s.words < 5 or (s.index in used and not allow_used) or s in picked:
                    continue
                picked.append(s)
                used.add(s.index)
        picked.sort(key=lambda s: s.index)
        points.extend(Point(shorten(s.text), [Citation(0, s.n)]) for s in picked)
        return points

    def _translate(self, points: list[Point], doc: Document, source: str, target: str,
                   cancel, meter: _Meter) -> None:
        """Each point into `target`; a translation that adds a figure keeps the original."""
        meter.grow(len(points))
        for point in points:
            raw = self._generate(prompts.translate_prompt(point.text, source, target),
                                 min(120, 2 * len(point.text.split()) + 20), cancel)
            text = prompts.clean(raw, 60)
            cited = " ".join(doc.block(c.n).text for c in point.citations if doc.block(c.n))
            if text and not unsupported_figures(text, cited):
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
