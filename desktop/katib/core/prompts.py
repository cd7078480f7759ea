"""Turning a task into the text a given model expects.

Callers describe a task (an instruction, the material, the start of the
answer); the engine picks how to frame it for its model. Instruct models get
their own chat template from the GGUF metadata. Base models (the default Gemma
3 270M is one) get a completion frame: a document that the model continues,
because a base model writes well only when it continues a well-framed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Task:
    """What a caller wants from a model, independent of the model's family.

    instruction: what to do, in the output language.
    context: the material to work from (facts, a document's text).
    answer_prefix: the beginning of the answer, which the model continues.
    base_frame: for base models, the whole document to continue, when the
        caller knows better than the generic frame (drafting does).
    """

    instruction: str = ""
    context: str = ""
    answer_prefix: str = ""
    base_frame: str | None = None
    system: str = ""
    max_tokens: int = 256
    stop: list[str] = field(default_factory=list)


@dataclass
class Sampling:
    """Sampling settings. Temperature 0 is greedy and repeatable."""

    temperature: float = 0.0
    top_k: int = 40
    top_p: float = 0.95
    min_p: float = 0.05
    repeat_penalty: float = 1.1
    seed: int = 1234


def render_base(task: Task) -> str:
    """A completion frame for a base model: material first, the answer's start last.

    Fixed text goes first so that consecutive requests share a token prefix
    the engine does not evaluate again.
    """
    if task.base_frame is not None:
        return task.base_frame + task.answer_prefix
    parts = [p.strip() for p in (task.system, task.context, task.instruction) if p and p.strip()]
    head = "\n\n".join(parts)
    return (head + "\n\n" if head else "") + task.answer_prefix


class ChatRenderer:
    """Renders a task through an instruct model's own Jinja chat template."""

    def __init__(self, template: str, bos_token: str, eos_token: str) -> None:
        from llama_cpp.llama_chat_format import Jinja2ChatFormatter

        self._formatter = Jinja2ChatFormatter(
            template=template, eos_token=eos_token, bos_token=bos_token
        )
        self.bos_token = bos_token

    def __call__(self, task: Task) -> str:
        user = "\n\n".join(p.strip() for p in (task.instruction, task.context) if p and p.strip())
        messages = []
        if task.system:
            messages.append({"role": "system", "content": task.system})
        messages.append({"role": "user", "content": user})
        result = self._formatter(messages=messages)
        prompt = result.prompt
        # The tokenizer adds BOS itself; a second one from the template hurts quality.
        if self.bos_token and prompt.startswith(self.bos_token):
            prompt = prompt[len(self.bos_token):]
        return prompt + task.answer_prefix
