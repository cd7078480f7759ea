"""The Drafter: template + fields + office identity -> a Draft, the body streamed.

The frame is built in code (frame.py); the model writes only the body. The
default model is a small *base* model, so it is not asked anything: it is
shown the letter itself — a short drafting note listing the facts, then the
letterhead, recipient, objet, appel and the opening sentence from the template
("J'ai l'honneur de …") — and continues it. Stop strings end it at the formule
de politesse; the text is then cleaned (repeated sentences cut, cut at the last
full sentence, typography) and checked for facts nobody gave.

Streaming: `draft_stream()` and `revise_stream()` yield `str` pieces as they
come (first the opening sentence, then the model's text) and finally one
`Draft` — the last item is always the Draft, also after a cancel (then
`draft.cancelled` is True and the body holds what was written so far).
`draft()` and `revise()` do the same with an `on_piece` callback.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator

from katib.core.drafting import formulas as F
from katib.core.drafting import typography
from katib.core.drafting.dates import format_value
from katib.core.drafting.draft import Draft
from katib.core.drafting.facts import find_flags
from katib.core.drafting.frame import as_list, build_frame, is_empty, text_before_body
from katib.core.drafting.templates import Template, TemplateSet
from katib.core.engine import CancelToken, Engine
from katib.core.errors import TemplateError
from katib.core.messages import LANGUAGES
from katib.core.prompts import Sampling
from katib.core.settings import OfficeIdentity

ACTIONS = ("regenerate", "shorten", "formal", "translate")
REPEAT_PENALTY = 1.3
_SENTENCE_END = re.compile(r"[.!?؟…](?:[»\")\]]*)(?=\s|$)")
_FORMAL_NOTE = {"fr": "Style : très formel, administratif, phrases complètes.",
                "ar": "الأسلوب: إداري رسمي جدا، بجمل تامة.",
                "en": "Style: very formal, administrative, complete sentences."}


class Drafter:
    """Drafts documents with one engine, one set of templates and one office identity."""

    def __init__(self, engine: Engine | None, templates: TemplateSet, office: OfficeIdentity,
                 today: dt.date | None = None) -> None:
        self.engine, self.templates, self.office, self.today = engine, templates, office, today

    # -- checks ------------------------------------------------------------
    def check_fields(self, template: Template, fields: dict) -> None:
        """Refuse a field the template does not have (one clear line, never silently ignored)."""
        for name in fields:
            if template.field(name) is None:
                raise TemplateError("template.unknown_field", name=template.id, field=name,
                                    known=", ".join(template.field_names))

    def missing_fields(self, template: Template, fields: dict) -> list[str]:
        """Required fields left empty (the outcome's own included), in the template's order."""
        required = template.required_names(fields)
        return [f.name for f in template.fields
                if f.name in required and is_empty(fields.get(f.name))]

    # -- building ------------------------------------------------------------
    def prepare(self, type_id: str, lang: str, fields: dict) -> tuple[Draft, list[str]]:
        """The draft with its frame and opening sentence, and the facts note for the model."""
        if lang not in LANGUAGES:
            raise TemplateError("template.unknown_type", name=lang, known=", ".join(LANGUAGES))
        template = self.templates.get(type_id)
        fields = {k: v for k, v in (fields or {}).items()}
        self.check_fields(template, fields)
        for spec in template.fields:  # a choice left empty takes its default (an outcome…)
            if spec.type == "choice" and spec.default and is_empty(fields.get(spec.name)):
                fields[spec.name] = spec.default
        frame = build_frame(template, lang, fields, self.office, self.today)
        for block in frame.blocks:
            block.lines = [typography.fix(line, lang) for line in block.lines]
        lead = typography.fix(frame.lead, lang) if frame.lead else ""
        tail = typography.fix("\n".join(frame.tail), lang)
        subject = fields.get("subject")
        title = template.label(lang) + (f" — {subject}" if not is_empty(subject) else "")
        draft = Draft(type_id=type_id, lang=lang, fields=fields, blocks=frame.blocks,
                      body=lead, placeholders=frame.placeholders,
                      missing=self.missing_fields(template, fields), title=title, lead=lead,
                      tail=tail)
        draft.body = join_body(lead, tail)
        return draft, frame.points

    def prompt(self, draft: Draft, points: list[str], formal: bool = False) -> str:
        """The letter so far, preceded by the drafting note: what a base model continues."""
        note = [F.LABELS[draft.lang]["facts"] + (" :" if draft.lang == "fr" else ":")]
        note += [f"- {p}" for p in points]
        if formal:
            note.append(f"- {_FORMAL_NOTE[draft.lang]}")
        head = text_before_body(draft.blocks)
        return (F.EXAMPLES[draft.lang] + "\n———\n\n" + "\n".join(note) + "\n\n" + head
                + "\n\n" + draft.lead)

    def known_texts(self, draft: Draft, points: list[str]) -> list[str]:
        """Every text the user or the frame supplied: facts found elsewhere are invented."""
        texts = [b.text for b in draft.blocks] + [draft.lead, draft.tail] + points
        texts += list(F.PLACEHOLDER.values())
        for value in draft.fields.values():
            for item in as_list(value) if not isinstance(value, str) else [value]:
                texts += [str(item)] + [format_value(str(item), lang) for lang in LANGUAGES]
        texts += [str(v) for v in vars(self.office).values()]
        return texts

    # -- drafting ------------------------------------------------------------
    def draft_stream(self, type_id: str, lang: str, fields: dict,
                     cancel: CancelToken | None = None, max_tokens: int | None = None,
                     sampling: Sampling | None = None, formal: bool = False
                     ) -> Iterator[str | Draft]:
        """Yield body pieces, then the finished Draft (see the module docstring)."""
        draft, points = self.prepare(type_id, lang, fields)
        template = self.templates.get(type_id)
        cancel = cancel or CancelToken()
        started = time.perf_counter()
        if draft.lead:
            yield draft.lead
        pieces: list[str] = []
        if self.engine is not None:
            sampling = sampling or Sampling(temperature=0.0, repeat_penalty=REPEAT_PENALTY)
            stream = self.engine.stream_prompt(
                self.prompt(draft, points, formal), max_tokens=max_tokens or template.max_tokens,
                stop=F.STOPS[lang] + self.extra_stops(draft), sampling=sampling, cancel=cancel)
            for piece in stream:
                pieces.append(piece)
                yield piece
                # A small model drifts after its first paragraph: stop reading there
                # (closing the stream stops the generation too).
                if _paragraphs("".join(pieces)) > template.paragraphs:
                    stream.close()
                    break
            draft.stats = self.engine.last_stats.as_dict()
        draft.cancelled = cancel.cancelled
        draft.generated = "".join(pieces)
        if self.engine is None:  # frame only: the opening stays as the template wrote it
            body = draft.lead
        else:
            body = clean_body(draft.lead, draft.generated, lang, points, template.paragraphs,
                              draft.tail)
        if formal:
            for old, new in F.FORMAL_REPLACEMENTS[lang]:
                body = body.replace(old, new)
        self.finish(draft, join_body(body, draft.tail), points)
        draft.stats["seconds"] = round(time.perf_counter() - started, 2)
        yield draft

    def finish(self, draft: Draft, body: str, points: list[str]) -> None:
        draft.body = body
        draft.flags = find_flags(body, self.known_texts(draft, points))

    def extra_stops(self, draft: Draft) -> list[str]:
        """The signatory's name and the recipient's salutation also end a body."""
        stops = []
        signature = draft.block("signature")
        if signature and signature.lines:
            stops.append(signature.lines[-1])
        salutation = draft.block("salutation")
        if salutation and salutation.lines and draft.lang != "ar":
            stops.append("\n" + salutation.lines[0])
        return [s for s in stops if len(s) > 3]

    def draft(self, type_id: str, lang: str, fields: dict,
              on_piece: Callable[[str], None] | None = None, **kwargs) -> Draft:
        """`draft_stream` without the iterator: pieces go to `on_piece`."""
        return _drain(self.draft_stream(type_id, lang, fields, **kwargs), on_piece)

    # -- revising ------------------------------------------------------------
    def revise_stream(self, draft: Draft, action: str, target_lang: str | None = None,
                      cancel: CancelToken | None = None, max_tokens: int | None = None
                      ) -> Iterator[str | Draft]:
        """regenerate | shorten | formal | translate (into `target_lang`), as a stream."""
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; expected one of {ACTIONS}")
        if action == "shorten":
            new, points = self.prepare(draft.type_id, draft.lang, draft.fields)
            text = draft.body
            if new.tail and text.endswith(new.tail):
                text = text[: -len(new.tail)]
            new.body = join_body(shorten(text.strip(), draft.lang), new.tail)
            new.generated, new.stats = draft.generated, dict(draft.stats)
            self.finish(new, new.body, points)
            yield new.body
            yield new
            return
        if action == "translate":
            if target_lang not in LANGUAGES:
                raise ValueError(f"target_lang must be one of {LANGUAGES}")
            yield from self.draft_stream(draft.type_id, target_lang, draft.fields, cancel,
                                         max_tokens)
            return
        if action == "formal":
            yield from self.draft_stream(draft.type_id, draft.lang, draft.fields, cancel,
                                         max_tokens, formal=True)
            return
        # regenerate: a different, still repeatable, sample
        seed = int(draft.stats.get("seed", 1234)) + 1
        sampling = Sampling(temperature=0.7, repeat_penalty=REPEAT_PENALTY, seed=seed)
        for item in self.draft_stream(draft.type_id, draft.lang, draft.fields, cancel,
                                      max_tokens, sampling=sampling):
            if isinstance(item, Draft):
                item.stats["seed"] = seed
            yield item

    def revise(self, draft: Draft, action: str, target_lang: str | None = None,
               cancel: CancelToken | None = None,
               on_piece: Callable[[str], None] | None = None, **kwargs) -> Draft:
        return _drain(self.revise_stream(draft, action, target_lang, cancel, **kwargs), on_piece)


def _paragraphs(text: str) -> int:
    """Paragraphs begun in `text` (leading blank lines do not count)."""
    return len([p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]) + (
        1 if re.search(r"\S\s*\n\s*\n\s*$", text) else 0)


def join_body(text: str, tail: str) -> str:
    return "\n\n".join(p for p in (text.strip(), tail.strip()) if p)


def _drain(stream, on_piece) -> Draft:
    for item in stream:
        if isinstance(item, Draft):
            return item
        if on_piece:
            on_piece(item)
    raise RuntimeError("draft stream ended without a Draft")


def sentences(text: str) -> list[str]:
    """Split into sentences, keeping each one's ending punctuation and paragraph breaks."""
    parts, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        parts.append(text[start:m.end()])
        start = m.end()
    if text[start:].strip():
        parts.append(text[start:])
    return parts


def _key(sentence: str) -> str:
    return re.sub(r"\W+", " ", sentence.lower()).strip()[:60]


def clean_body(lead: str, generated: str, lang: str, points: list[str],
               max_paragraphs: int = 0, tail: str = "") -> str:
    """Lead + model text, with repeats, copied note lines and the unfinished tail removed."""
    text = lead + generated if lead else generated.lstrip()
    note = {_key(p) for p in points}
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        # The model sometimes copies the drafting note or starts a new letter header.
        if stripped.startswith(("- ", "• ")) and _key(stripped[2:]) in note:
            continue
        if stripped == "———":
            break
        lines.append(line.rstrip())
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if max_paragraphs:
        text = "\n\n".join(re.split(r"\n\s*\n", text)[: max_paragraphs + 1])
    # Sentences the template's tail states anyway are not said twice, and a sentence
    # copied from the example letter is about another case: both are dropped.
    kept, seen = [], {_key(s) for s in sentences(tail)}
    seen |= {_key(s) for s in sentences(F.EXAMPLES.get(lang, ""))}
    said: list[set[str]] = []
    for sentence in sentences(text):
        key = _key(sentence)
        if key and key in seen:
            continue
        # A near copy of a sentence already kept ("3 kilomètres" / "trois kilomètres").
        words = set(re.findall(r"\w+", sentence.lower()))
        if len(words) > 4 and any(len(words & w) >= 0.75 * len(words) for w in said):
            continue
        said.append(words)
        seen.add(key)
        kept.append(sentence)
    # Cut at the last full sentence; an unfinished one would be invented text.
    while len(kept) > 1 and not _SENTENCE_END.search(kept[-1].rstrip()[-3:] + " "):
        kept.pop()
    body = "".join(kept).strip()
    if body and not _SENTENCE_END.search(body[-3:] + " "):
        body += "."
    return typography.fix(body, lang)


def shorten(body: str, lang: str, keep_first: bool = True, ratio: float = 0.6) -> str:
    """Keep the opening and the sentences richest in facts, about `ratio` of the length.

    Extractive on purpose: shortening must never add a word the clerk did not see.
    """
    parts = [s for s in sentences(body) if s.strip()]
    if len(parts) <= 1:
        return body
    budget = max(len(parts[0]), int(len(body) * ratio))
    scored = sorted(range(1, len(parts)),
                    key=lambda i: (-len(re.findall(r"\d+|[A-Z]\w+", parts[i])), i))
    chosen, used = {0}, len(parts[0])
    for i in scored:
        if used + len(parts[i]) <= budget:
            chosen.add(i)
            used += len(parts[i])
    return typography.fix("".join(parts[i] for i in sorted(chosen)).strip(), lang)
