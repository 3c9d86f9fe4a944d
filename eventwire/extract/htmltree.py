"""One lxml parse per page, and the text of a tree as paragraphs.

Every HTML step (metadata, the body candidates, related links) reads the same tree, so the
page is parsed once here. The parser drops comments and processing instructions, which no
step reads, and takes bytes so that a page with an XML encoding declaration parses too
(lxml refuses such a declaration in a ``str``).

One repair is made: a ``<title>`` that is never closed (``</titlevalue=...``, an ad script
written into the title) turns the whole page into title text, since a title's content is
raw text up to ``</title>``. When the parsed title holds markup, the page is parsed again
without that start tag, so the body is found and the title falls back to other metadata.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.etree import _Element
from lxml.html import HtmlElement

_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
)
_SPACE = re.compile(r"\s+")
_TITLE_TAG = re.compile(r"<title\b[^>]*>", re.I)
_MARKUP = re.compile(r"</?[a-z]+[\s>/]", re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML cannot hold. lxml's HTML parser keeps them in a tree, but setting such a
text on an element raises ValueError, as readability does when it moves text around (found
by the fuzzer, ``make fuzz``): they are dropped before parsing."""

# Elements that start a new paragraph: HTML blocks and the tags of trafilatura's output tree.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "address", "center",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody", "thead", "tfoot", "tr", "caption",
        "figure", "figcaption", "hr", "br", "option",
        "head", "quote", "list", "item", "row", "lb", "code",
    }
)  # fmt: skip
SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "select", "button"})
CELL_TAGS = frozenset({"td", "th", "cell"})


def parse_html(html: str) -> HtmlElement:
    """The document tree of ``html``, whatever encoding it declares (the text is already decoded)."""
    html = _NOT_XML.sub("", html)
    tree = lxml.html.document_fromstring(html.encode("utf-8"), parser=_PARSER)
    title = tree.find(".//title")
    if title is not None and title.text and _MARKUP.search(title.text):
        repaired = _TITLE_TAG.sub("", html, count=1)
        tree = lxml.html.document_fromstring(repaired.encode("utf-8"), parser=_PARSER)
    return tree


def normalise_space(text: str) -> str:
    """One line: runs of white space (non-breaking spaces too) become one space."""
    return _SPACE.sub(" ", text).strip()


def paragraphs(element: _Element) -> list[str]:
    """The text under ``element`` as paragraphs: a block element or a line break ends one.

    Table cells are kept on their row's line, separated by a space, so that a row reads as
    one paragraph. Script, style and form controls are skipped.
    """
    found: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = normalise_space("".join(buffer))
        if text:
            found.append(text)
        buffer.clear()

    def walk(node: _Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in SKIPPED_TAGS:
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
        elif tag in CELL_TAGS:
            buffer.append(" ")
        if node.text and tag:
            buffer.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                buffer.append(child.tail)
        if block:
            flush()

    walk(element)
    flush()
    return found
