"""Drafting administrative documents: templates as data, a deterministic frame,
a body written by the model, typography, and facts checked against the fields.

Public API (used by the window and the command line):

    templates = load_templates()               # .types(), .get(id), .errors
    drafter = Drafter(engine, templates, settings.office)
    for item in drafter.draft_stream("reply_citizen", "fr", fields, cancel):
        ...                                    # str pieces, then one Draft (last)
    draft = drafter.revise(draft, "shorten")   # regenerate | shorten | formal | translate
    write_docx(draft, "lettre.docx", settings.office)

`draft.flags` lists invented facts with offsets into `draft.body`;
`draft.placeholders` the required fields left empty.
"""

from katib.core.drafting.draft import Draft
from katib.core.drafting.facts import Flag
from katib.core.drafting.frame import Block, Placeholder
from katib.core.drafting.pipeline import ACTIONS, Drafter
from katib.core.drafting.templates import (
    Choice,
    Field,
    Template,
    TemplateProblem,
    TemplateSet,
    load_templates,
    parse_template,
)


def write_docx(draft, path, office=None):
    """Export `draft` to a .docx (see katib.core.documents.docx_writer)."""
    from katib.core.documents.docx_writer import write_docx as _write

    return _write(draft, path, office)


__all__ = ["ACTIONS", "Block", "Choice", "Draft", "Drafter", "Field", "Flag", "Placeholder",
           "Template", "TemplateProblem", "TemplateSet", "load_templates", "parse_template",
           "write_docx"]
