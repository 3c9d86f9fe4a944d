"""Articles of our own for the tests of ``POST /api/articles``, and the token they post with."""

from __future__ import annotations

TOKEN = "kestrel-harbour-7319-quince"

TREATY = {
    "url": "https://lakeside-herald.example/2024/09/03/water-treaty",
    "title": "Uganda and Tanzania sign Lake Victoria water treaty",
    "published": "2024-09-03",
    "text": "KAMPALA — Uganda and Tanzania signed a treaty on Tuesday to share the waters of Lake Victoria, "
    "the two governments said.\n\nTanzanian Foreign Minister Asha Mwinyi praised Uganda for its patience in the "
    "talks. \"Our farmers will see the difference by the next harvest,\" Mwinyi told reporters in Kampala.",
}
SCRIPTED = {
    "title": "Chile accuses Peru of hacking its port authority",
    "published": "2024-10-14",
    "text": "SANTIAGO — Chile accused Peru on Monday of hacking the website of its port authority, officials said.\n\n"
    "The intruders left the line <script>alert('port')</script> on the front page, the port authority said. "
    "Peru denied the accusation.",
}
NOT_ENGLISH = {
    "text": "Der Bürgermeister der Stadt hat am Montag neue Regeln für den Verkehr in der Innenstadt angekündigt. "
    "Die Opposition kritisierte die Pläne scharf und forderte eine Abstimmung im Stadtrat.",
}
