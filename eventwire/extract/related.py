"""Headlines of the page's related-story link blocks: kept as metadata, never as text.

"Related", "More stories", "Read more", "See also" blocks list other articles. Their
headlines say what the outlet thinks the story is connected to, which is worth keeping,
but they are not part of the story: an event coder that read them would code other days'
news. A block is recognised by its class or id (``related``, ``more-stories``, ...) or by a
short heading that says so; its headlines are the texts of its links that read like a
headline (three words or more).
"""

from __future__ import annotations

import re

from lxml.etree import XPath
from lxml.html import HtmlElement

from eventwire.extract.htmltree import normalise_space

_BLOCK_NAME = re.compile(
    r"related|more[-_]?(?:stories|news|articles|from|on)|read[-_]?(?:more|next|also)|also[-_]?read|see[-_]?also|"
    r"recommended|you[-_]?may[-_]?(?:also[-_]?)?like|further[-_]?reading|other[-_]?stories",
    re.I,
)
_HEADING = re.compile(
    r"^(?:related|related (?:stories|articles|news|coverage|content|links)|more (?:stories|news|on this story|"
    r"from [\w .'-]{1,40}|on [\w .'-]{1,40})|read more|read next|read also|also read|see also|recommended(?: for you)?|"
    r"you (?:may|might) also like|further reading|other stories|in other news)\s*:?$",
    re.I,
)
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "dt")
_NEVER_BLOCKS = frozenset({"body", "html", "article", "main"})
_NAMED = XPath("//*[@class or @id]")
MIN_WORDS = 3
MAX_WORDS = 30
MAX_HEADLINES = 40


def _link_headlines(block: HtmlElement) -> list[str]:
    texts = (normalise_space(link.text_content()) for link in block.iter("a"))
    return [text for text in texts if MIN_WORDS <= len(text.split()) <= MAX_WORDS]


def _named_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """Elements whose class or id names a related-links block (outermost only)."""
    blocks: list[HtmlElement] = []
    for element in _NAMED(tree):
        if element.tag in _NEVER_BLOCKS:
            continue
        name = f"{element.get('class') or ''} {element.get('id') or ''}"
        if _BLOCK_NAME.search(name) and not any(block in element.iterancestors() for block in blocks):
            blocks.append(element)
    return blocks


def _heading_text(element: HtmlElement) -> str:
    """A heading's text; for a generic element only its own leading text (a container's
    whole text is long to build and never a heading)."""
    if element.tag.startswith("h"):
        return normalise_space(element.text_content())
    return normalise_space(element.text or "")


def _headed_blocks(tree: HtmlElement) -> list[HtmlElement]:
    """The elements that follow a "Related stories"-style heading (the heading's next siblings)."""
    blocks: list[HtmlElement] = []
    for heading in tree.iter(*_HEADING_TAGS):
        text = _heading_text(heading)
        if not text or len(text) > 60 or not _HEADING.match(text):
            continue
        sibling = heading.getnext()
        if sibling is None and heading.getparent() is not None:
            sibling = heading.getparent().getnext()
        if sibling is not None:
            blocks.append(sibling)
    return blocks


def related_headlines(tree: HtmlElement) -> list[str]:
    """Headlines of the page's related-story blocks, in page order, without repeats."""
    seen: dict[str, None] = {}
    for block in _named_blocks(tree) + _headed_blocks(tree):
        for headline in _link_headlines(block):
            seen.setdefault(headline, None)
            if len(seen) >= MAX_HEADLINES:
                return list(seen)
    return list(seen)
