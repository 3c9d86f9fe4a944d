"""One story told three times (an original and two light rewrites by other outlets) and a
different story on the same two countries, written by us for the clustering tests."""

from __future__ import annotations

MOYALE = [
    {
        "url": "https://nairobi-ledger.example/2024/06/11/kenya-recalls-ambassador",
        "title": "Kenya recalls its ambassador to Ethiopia after deadly border clash",
        "published": "2024-06-11",
        "text": (
            "NAIROBI — Kenya recalled its ambassador to Ethiopia on Tuesday after a clash between border "
            "police near the town of Moyale left three Kenyan officers dead, the foreign ministry said.\n\n"
            "Kenya accused Ethiopia of sending armed militiamen across the frontier and demanded a full "
            "investigation into the killings. \"What happened at Moyale was an attack on our sovereignty, "
            "and it will not go unanswered,\" the ministry said in a statement.\n\n"
            "Ethiopia denied that its forces had crossed the border. A government spokesman in Addis Ababa "
            "said the shooting began on the Kenyan side and called for a joint inquiry by the two countries.\n\n"
            "The African Union urged both governments to show restraint and offered to send a team of "
            "observers to the border region, where cattle raids and disputes over water have caused deadly "
            "clashes for decades.\n\n"
            "The two neighbours have been close partners in recent years, cooperating on a highway and a "
            "power line that links their grids. Trade across the Moyale crossing has grown quickly since a "
            "one-stop border post opened there.\n\n"
            "Residents of the town said shops and schools stayed shut on Tuesday as police reinforcements "
            "arrived from Marsabit."
        ),
    },
    {
        "url": "https://eastafrica-wire.example/news/kenya-envoy-moyale",
        "title": "Kenya pulls envoy from Addis Ababa as Moyale border clash kills three",
        "published": "2024-06-11",
        "text": (
            "NAIROBI — Kenya recalled its ambassador to Ethiopia on Tuesday after a clash between border "
            "police near the town of Moyale left three Kenyan officers dead, the foreign ministry said.\n\n"
            "Kenya accused Ethiopia of sending armed militiamen across the border and demanded a full "
            "investigation into the killings. \"What happened at Moyale was an attack on our sovereignty, "
            "and it will not go unanswered,\" the ministry said in a statement.\n\n"
            "The African Union urged both governments to show restraint and offered to send a team of "
            "observers to the border area, where cattle raids and quarrels over water have caused deadly "
            "clashes for decades.\n\n"
            "Ethiopia denied that its troops had crossed the border. A government spokesman in Addis Ababa "
            "said the shooting started on the Kenyan side and called for a joint inquiry by the two countries.\n\n"
            "Residents of the town said shops and schools stayed closed on Tuesday as police reinforcements "
            "arrived from Marsabit.\n\n"
            "The two neighbours have been close partners in recent years, working together on a highway and "
            "a power line that links their grids."
        ),
    },
    {
        "url": "https://horn-daily.example/2024/06/11/moyale-shooting",
        "title": "Deadly Moyale shooting: Nairobi recalls ambassador, blames Ethiopia",
        "published": "2024-06-11",
        "text": (
            "NAIROBI — Kenya recalled its ambassador to Ethiopia on Tuesday after a clash between border "
            "police near the town of Moyale left three Kenyan officers dead, the foreign ministry said.\n\n"
            "\"What happened at Moyale was an attack on our sovereignty, and it will not go unanswered,\" the "
            "ministry said in a statement. Kenya accused Ethiopia of sending armed militiamen across the "
            "frontier and demanded a full investigation into the killings.\n\n"
            "Ethiopia denied that its forces had crossed the border. A government spokesman in Addis Ababa "
            "said the shooting began on the Kenyan side, and he called for a joint inquiry by the two "
            "countries.\n\n"
            "The African Union urged both governments to show restraint. It offered to send a team of "
            "observers to the border region, where cattle raids and disputes over water have caused deadly "
            "clashes for decades.\n\n"
            "Residents said shops and schools in the town stayed shut on Tuesday as police reinforcements "
            "arrived from Marsabit. Trade across the Moyale crossing has grown quickly since a one-stop "
            "border post opened there in 2021."
        ),
    },
]
"""The Moyale story: the original, then two rewrites (moved sentences, swapped words, a new
headline, another outlet), all published the same day."""

POWER_DEAL = {
    "url": "https://nairobi-ledger.example/2024/06/13/kenya-ethiopia-power-deal",
    "title": "Kenya and Ethiopia sign power deal despite border tensions",
    "published": "2024-06-13",
    "text": (
        "NAIROBI — Kenya signed an agreement with Ethiopia on Thursday to buy more electricity from the "
        "Grand Ethiopian Renaissance Dam, energy officials said, two days after a deadly shooting on the "
        "border strained relations between the neighbours.\n\n"
        "Under the deal, Kenya will import up to 400 megawatts through the high-voltage line that runs "
        "from Wolayta Sodo to Suswa, almost doubling what it buys today. Officials said the power would "
        "be cheaper than electricity from diesel plants and would help the country meet rising demand "
        "from factories in the capital.\n\n"
        "Ethiopia's state utility said the sale would earn the country foreign currency it badly needs "
        "to pay for imports of fuel and fertiliser. Its chief executive praised Kenya as a reliable "
        "customer and said talks on a second line to Uganda were under way.\n\n"
        "Economists in Nairobi welcomed the agreement but warned that relying on a single line left the "
        "grid exposed to faults and to politics. Parliament is expected to debate the contract next month."
    ),
}
"""Another story on the same two countries two days later: not the same story, but it shares
the Kenya-Ethiopia dyad and falls within the related-articles window."""
