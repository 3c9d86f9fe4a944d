"""Headlines of the page's related-story link blocks: kept as metadata, never as text.

"Related", "More stories", "Read more", "See also" blocks list other articles. Their
headlines say what the outlet thinks the story is connected to, which is worth keeping,
but they are not part of the story: an event coder that read them would code other days'
news. A block is recognised by its class or id (``related``, ``more-stories``, ...) or by a
short heading that says so ("More from West Africa", "Most read", "See also:"); its
headlines are the texts of its links that read like a headline (three words or more). A
link that says so itself ("Read more: ...") counts wherever it stands. Headlines are
returned in page order.
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
    r"(?:from|in|on) [\w .'-]{1,40})|most (?:read|popular|viewed)|read more|read next|read also|also read|see also|"
    r"recommended(?: for you)?|you (?:may|might) also like|further reading|other stories|in other news)\s*:?$",
    re.I,
)
_LINK_PREFIX = re.compile(r"^(?:read more|read also|also read|see also|related)\s*[:>»|–—-]\s*", re.I)
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "dt")
_NEVER_BLOCKS = frozenset({"body", "html", "article", "main"})
_NAMED = XPath("//*[@class or @id]")
MIN_WORDS = 3
MAX_WORDS = 30
MAX_HEADLINES = 40
# A heading's own box is the block when it is small (a rail, an aside, a "See also" line);
# a heading inside a big column points to its next sibling instead.
MAX_BOX_CHARS = 1500

Found = tuple[int, str]  # (source line, headline): page order


def _headline(link: HtmlElement) -> str | None:
    text = _LINK_PREFIX.sub("", normalise_space(link.text_content()))
    return text if MIN_WORDS <= len(text.split()) <= MAX_WORDS else None


def _link_headlines(block: HtmlElement) -> list[Found]:
    return [(link.sourceline or 0, text) for link in block.iter("a") if (text := _headline(link))]


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
    """The boxes of "Related stories"-style headings: the heading's parent when small, else its next sibling."""
    blocks: list[HtmlElement] = []
    for heading in tree.iter(*_HEADING_TAGS):
        text = _heading_text(heading)
        if not text or len(text) > 60 or not _HEADING.match(text):
            continue
        parent = heading.getparent()
        if parent is not None and parent.tag not in _NEVER_BLOCKS and len(parent.text_content()) <= MAX_BOX_CHARS:
            blocks.append(parent)
        elif (sibling := heading.getnext()) is not None:
            blocks.append(sibling)
    return blocks


def _self_announced(tree: HtmlElement) -> list[Found]:
    """Links whose own text starts "Read more:" or "See also:", wherever they are."""
    found = []
    for link in tree.iter("a"):
        text = normalise_space(link.text_content())
        if _LINK_PREFIX.match(text) and (headline := _headline(link)):
            found.append((link.sourceline or 0, headline))
    return found


def related_headlines(tree: HtmlElement) -> list[str]:
    """Headlines of the page's related-story blocks and links, in page order, without repeats."""
    found = _self_announced(tree)
    for block in _named_blocks(tree) + _headed_blocks(tree):
        found += _link_headlines(block)
    ordered = dict.fromkeys(headline for _, headline in sorted(found, key=lambda item: item[0]))
    return list(ordered)[:MAX_HEADLINES]
