"""The lead image's caption and photo credit.

A credit says whose picture it is (an agency, a photographer), which the article record
keeps apart from the body. Pages put it in a few shapes: a credit element of its own
(``<span class="credit">``, ``<cite>``), or a tail of the caption ("... Photo: GCIS",
"... © AFP", "(Photo: EFE)", "(PTI Photo)", "Credit: Getty Images"). Captions are found
as ``<figcaption>``, elements named caption/cutline/credit, or the short text that sits
beside an image in the same box.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from eventwire.extract.htmltree import normalise_space

_CAPTION_NAME = re.compile(r"caption|cutline|credit|epigrafe|legend", re.I)
_CREDIT_NAME = re.compile(r"credit|copyright|source", re.I)
_CREDIT_TAIL = re.compile(
    r"(?:©|\(c\)|\b(?:photo(?:graph)?|picture|image|credit|foto)s?\s*(?:credit)?\s*[:/])\s*(?P<credit>[^()©]+?)\s*\)?\s*\.?$",
    re.I,
)
_PHOTO_SUFFIX = re.compile(r"\((?P<credit>[^()]+?)\s+photo\)\s*\.?$", re.I)
_LABEL = re.compile(r"^(?:photo(?:graph)?|picture|image|credit|foto)s?\s*(?:credit)?\s*:\s*", re.I)
MAX_CAPTION_CHARS = 400
_MAX_IMAGES = 3


def credit_in(caption: str) -> str | None:
    """The credit at the end of a caption, if the caption ends with one.

    Not the text dump's ``split_credit``: the two read different things from one shape and
    are each pinned by their tests. Here the credit is the photographer or owner alone
    ("(AP Photo/Name)" gives "Name", "(PTI Photo)" gives "PTI"), and a "©" tail counts;
    the dump keeps the agency with the photographer ("AP Photo/Name") and bounds a credit
    to a few words, since it also decides which markup-less lines are captions.
    """
    found = _CREDIT_TAIL.search(caption) or _PHOTO_SUFFIX.search(caption)
    return normalise_space(found.group("credit")) or None if found else None


def _credit_element(box: HtmlElement) -> str | None:
    for element in box.iter():
        if element is box or not isinstance(element.tag, str):
            continue
        if element.tag == "cite" or _CREDIT_NAME.search(element.get("class") or ""):
            text = _LABEL.sub("", normalise_space(element.text_content()))
            if text:
                return text
    return None


def _caption_boxes(tree: HtmlElement) -> list[HtmlElement]:
    """Caption elements in page order: figcaptions, named captions, and text boxes beside images."""
    boxes: list[HtmlElement] = list(tree.iter("figcaption"))
    boxes += [element for element in tree.xpath("//*[@class]") if _CAPTION_NAME.search(element.get("class") or "")]
    for image in list(tree.iter("img"))[:_MAX_IMAGES]:
        parent = image.getparent()
        if parent is not None and parent.tag not in ("body", "html"):
            boxes.append(parent)
    return sorted(dict.fromkeys(boxes), key=lambda element: element.sourceline or 0)


def lead_image(tree: HtmlElement) -> tuple[str | None, str | None]:
    """(caption, credit) of the page's first captioned image."""
    caption: str | None = None
    for box in _caption_boxes(tree):
        text = normalise_space(box.text_content())
        if not text or len(text) > MAX_CAPTION_CHARS:
            continue
        credit = _credit_element(box) or credit_in(text)
        if box.tag == "figcaption" or _CAPTION_NAME.search(box.get("class") or "") or credit:
            caption = caption or text
        if credit:
            return caption, credit
    return caption, None
