"""E-mail (.eml): headers, the text body (or the HTML one), the names of attachments."""

from __future__ import annotations

import email
from email import policy

from katib.core.documents.errors import EmptyDocument
from katib.core.documents.html_reader import html_blocks
from katib.core.documents.limits import Deadline, ReadLimits
from katib.core.documents.model import BlockBuilder, Document
from katib.core.documents.text_reader import text_blocks


def read_eml(path: str, data: bytes, limits: ReadLimits, deadline: Deadline) -> Document:
    """Read one e-mail message saved as .eml."""
    message = email.message_from_bytes(data, policy=policy.default)
    out = BlockBuilder()
    subject = str(message.get("subject", "") or "")
    for label in ("From", "To", "Cc", "Date", "Subject"):
        value = message.get(label)
        if value:
            out.add("paragraph" if label != "Subject" else "heading", f"{label}: {value}",
                    part="header")
    try:
        body = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, LookupError, ValueError):
        body = None
    if body is not None:
        try:
            content = body.get_content()
        except (LookupError, ValueError, UnicodeError, AttributeError):
            raw = body.get_payload(decode=True) or b""
            content = raw.decode("utf-8", errors="replace") if isinstance(raw, bytes) else ""
        if not isinstance(content, str):
            content = ""
        if body.get_content_subtype() == "html":
            html_blocks(content, out, deadline)
        else:
            text_blocks(content, False, out, deadline)
    names = []
    for part in message.iter_attachments() if message.is_multipart() else []:
        name = part.get_filename()
        if name:
            names.append(name)
    if names:
        out.add("paragraph", "Attachments: " + ", ".join(names), part="attachment")
    if not out.blocks:
        raise EmptyDocument(path=path)
    return Document(path=path, format="eml", blocks=out.blocks, title=subject)
