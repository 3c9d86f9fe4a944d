"""Lead-image caption and credit in the shapes pages use."""

from __future__ import annotations

import pytest

from eventwire.extract.htmltree import parse_html
from eventwire.extract.images import credit_in, lead_image


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Delegates at the palace in Istanbul. © AFP", "AFP"),
        ("Soldiers parade in Niamey. Credit: Getty Images", "Getty Images"),
        ("Protesters in Caracas. (Photo: EFE)", "EFE"),
        ("The two leaders shake hands. (PTI Photo)", "PTI"),
        ("Merz addresses supporters. Photo: dpa / Jens Hartmann", "dpa / Jens Hartmann"),
        ("A quiet street after the storm.", None),
    ],
)
def test_credit_at_the_end_of_a_caption(caption: str, credit: str | None) -> None:
    assert credit_in(caption) == credit


def test_credit_element_inside_a_figcaption() -> None:
    page = (
        "<html><body><figure><img src='a.jpg'><figcaption>Workers at the plant. "
        "<cite>The Canadian Press / Paul Girard</cite></figcaption></figure><p>Text.</p></body></html>"
    )
    assert lead_image(parse_html(page)) == ("Workers at the plant. The Canadian Press / Paul Girard", "The Canadian Press / Paul Girard")


def test_text_box_beside_an_image_with_a_credit() -> None:
    page = "<html><body><div><img src='a.jpg'><span>Crowds in the square. (Photo: EFE)</span></div></body></html>"
    assert lead_image(parse_html(page)) == ("Crowds in the square. (Photo: EFE)", "EFE")
