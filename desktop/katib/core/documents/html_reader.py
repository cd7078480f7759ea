"""HTML pages saved from an intranet: BeautifulSoup over Python's own html.parser.

The parser never fetches anything (no external resource, no DTD); scripts,
styles and navigation are dropped.
"""

from __future__ import annotations

from katib.core.documents.errors import EmptyDocument
from katib.core.documents.limits import Deadline, ReadLimits
from katib.core.documents.model import BlockBuilder, Document
from katib.core.documents.text_reader import decode_text

SKIP = {"script", "style", "noscript", "template", "head", "nav", "svg", "iframe", "object"}
BLOCKS = {"p", "div", "section", "article", "blockquote", "pre", "address", "dd", "dt",
          "figcaption", "td", "th", "main", "header", "footer", "body", "form", "fieldset"}


def html_blocks(markup: str, out: BlockBuilder, deadline: Deadline, part: str = "body") -> str:
    """Add the blocks of an HTML text to `out`; returns the page's <title>."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup.find_all(SKIP):
        tag.decompose()
    nested = _inside_containers(soup)
    for element in soup.find_all(True):
        deadline.check()
        name = element.name
        if name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            out.add("heading", element.get_text(" ", strip=True), part=part, level=int(name[1]))
        elif name == "li":
            if not element.find(["li", "p"]):
                out.add("list_item", element.get_text(" ", strip=True), part=part)
        elif name == "tr":
            cells = [c.get_text(" ", strip=True) for c in element.find_all(["td", "th"])]
            out.add("table_row", " | ".join(cells), part=part)
        elif name in BLOCKS and id(element) not in nested:
            # Only the text directly in this block: nested blocks get their own turn.
            own = "".join(str(s) for s in element.find_all(string=True, recursive=False))
            inline = [c for c in element.children if getattr(c, "name", None) in
                      ("a", "b", "strong", "em", "i", "span", "u", "abbr", "code", "br",
                       "small", "sup", "sub", "font", "time", "mark", "q")]
            if inline:
                own = "".join(
                    c.get_text(" ") if getattr(c, "name", None) else str(c)
                    for c in element.children
                    if getattr(c, "name", None) is None or c in inline)
            out.add("paragraph", own, part=part)
    return title


_CONTAINERS = {"li", "tr", "h1", "h2", "h3", "h4"}


def _inside_containers(soup) -> set[int]:
    """ids of the elements that have a li/tr/h1-h4 ancestor, in one pass.

    (Asking `find_parent` for each element is quadratic: 50,000 nested <div>
    took minutes.)"""
    inside: set[int] = set()
    stack = [(soup, False)]
    while stack:
        node, node_inside = stack.pop()
        flag = node_inside or getattr(node, "name", None) in _CONTAINERS
        for child in getattr(node, "contents", ()):
            if getattr(child, "name", None) is None:
                continue
            if flag:
                inside.add(id(child))
            stack.append((child, flag))
    return inside


def read_html(path: str, data: bytes, limits: ReadLimits, deadline: Deadline) -> Document:
    """Read an .html / .htm file."""
    text, _ = decode_text(data)
    out = BlockBuilder()
    title = html_blocks(text, out, deadline)
    if not out.blocks:
        raise EmptyDocument(path=path)
    return Document(path=path, format="html", blocks=out.blocks, title=title)
