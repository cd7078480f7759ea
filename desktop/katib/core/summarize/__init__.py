"""Summarizing documents into a note de synthèse whose every point cites its source blocks.

    from katib.core.documents.readers import read_document
    from katib.core.summarize import Summarizer, summarize_folder
    note = Summarizer(engine).summarize(read_document("pv.pdf"), lang="fr", detail="short",
                                        cancel=token, progress=callback)
    note.to_markdown(); write_note_docx(note, "note.docx")
"""

from katib.core.summarize.dossier import summarize_folder
from katib.core.summarize.note import Citation, Note, Point, ResolvedCitation, Section
from katib.core.summarize.pipeline import Progress, Summarizer, Update

__all__ = ["Citation", "Note", "Point", "Progress", "ResolvedCitation", "Section",
           "Summarizer", "Update", "summarize_folder"]
