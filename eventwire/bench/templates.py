"""The sentences of the generated corpus, written by us.

A template is filled in two steps: every ``[a|b|c]`` is replaced by one of its choices,
then every ``{slot}`` by the story's value (``corpus.py`` lists the slots). The choices and
the shuffled order of the shared paragraphs keep two stories on the same countries from
reading alike, so that only real copies cluster.
"""

from __future__ import annotations

KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "talks": {
        "headlines": (
            "{A} and {B} open talks in {venue} on {issue}",
            "{A_adj} and {B_adj} ministers meet in {venue} as [talks resume|negotiations restart]",
        ),
        "leads": (
            "{DATELINE} — {A} and {B} [opened|began] talks in {venue} on {weekday}, with {C_adj} officials "
            "[offering|promising] to help the two sides [narrow|close] the remaining gaps on {issue}, "
            "[officials|diplomats] said.",
            "{DATELINE} — The foreign ministers of {A} and {B} met in {venue} on {weekday} for the first "
            "[round|session] of [talks|negotiations] in {months} months, [hoping|seeking] to [settle|end] a "
            "[long-running|bitter] dispute over {issue}.",
        ),
        "body": (
            "{A_fm} said the [meeting|first session] had been [frank|useful|difficult] and that {A} "
            "[wanted|sought] an agreement that [respected|protected] its [interests|security]. {B_fm} "
            "[described|called] the talks [constructive|a step forward] but [warned|cautioned] that "
            "[much|a lot of] work [remained|was left].",
            "The {C_adj} hosts [said|stressed] they were not [acting as|seeking to be] a [judge|guarantor], "
            "only [offering|providing] a [neutral|quiet] place where the two [delegations|sides] could "
            "[meet|talk] without [pressure|outside interference].",
            "[Negotiators|Delegates] are [expected|due] to [discuss|take up] {issue}, the [exchange|release] "
            "of {n} [detainees|prisoners] and the [reopening|future] of the [crossing at|border near] "
            "{place}.",
        ),
    },
    "accusation": {
        "headlines": (
            "{A} accuses {B} of {offence}",
            "{A_adj} government blames {B} for {offence}",
        ),
        "leads": (
            "{DATELINE} — {A} [accused|blamed] {B} on {weekday} of {offence}, [saying|claiming] it had "
            "[evidence|proof] that {B_adj} [agents|officials] were [behind|responsible for] the "
            "[incident|attack] near {place}.",
            "{DATELINE} — The government of {A} [accused|charged] {B} of {offence} on {weekday} and "
            "[summoned|called in] the {B_adj} ambassador to [explain|answer for] what it [called|described as] "
            "a [grave|serious] [violation|breach] of its sovereignty.",
        ),
        "body": (
            "{B} [denied|rejected] the [accusation|charge]. A [spokesman|spokeswoman] for the {B_adj} foreign "
            "ministry said the [claims|allegations] were [baseless|false] and [meant|designed] to "
            "[distract|divert attention] from {A}'s own [problems|failures].",
            "{A_leader} said the [government|country] would [respond|act] [firmly|in kind] if the "
            "[attacks|provocations] [continued|did not stop], and [asked|urged] the United Nations to "
            "[open|launch] an [inquiry|investigation].",
            "[Officials|Investigators] in {A_capital} said {n} people had been [detained|arrested] in "
            "[connection|relation] with the [incident|case], [including|among them] {n2} {B_adj} "
            "[citizens|nationals].",
        ),
    },
    "sanctions": {
        "headlines": (
            "{A} imposes sanctions on {B} over {issue}",
            "{A} targets {B_adj} [officials|firms|banks] with new sanctions",
        ),
        "leads": (
            "{DATELINE} — {A} imposed [new|fresh] sanctions on {B} on {weekday}, [freezing|blocking] the "
            "assets of {n} {B_adj} [officials|companies] it [accused|blamed] of [abuses|wrongdoing] "
            "[related|linked] to {issue}.",
            "{DATELINE} — {A} [announced|unveiled] sanctions against {B} on {weekday}, [banning|barring] "
            "[exports|sales] of {goods} and [travel|visas] for {n} senior {B_adj} officials.",
        ),
        "body": (
            "{B_fm} [condemned|denounced] the sanctions as [illegal|unlawful] and [said|vowed] {B} would "
            "[retaliate|respond] with [measures|steps] of its own, [including|such as] [limits|curbs] on "
            "imports of {goods2}.",
            "The [measures|sanctions] [add|come on top of] [restrictions|penalties] {A} [imposed|introduced] "
            "in {year}, which [officials|economists] say have [cut|reduced] trade between the two "
            "[countries|states] by [about|nearly] {pct} percent.",
            "[Business groups|Exporters] in {A_capital} [warned|cautioned] that {B_adj} [buyers|importers] "
            "[owed|still owed] them [about|more than] {amount} and [asked|urged] the government for "
            "[time|help] to [wind down|close] their [contracts|operations].",
        ),
    },
    "expulsion": {
        "headlines": (
            "{A} expels {n} {B_adj} diplomats",
            "{A} orders {B_adj} envoys out as [row|dispute] deepens",
        ),
        "leads": (
            "{DATELINE} — {A} [expelled|ordered out] {n} {B_adj} diplomats on {weekday}, [giving|allowing] "
            "them {n2} days to leave the country, [after|following] [accusing|charging] {B} of {offence}.",
            "{DATELINE} — {A} [declared|named] {n} [members|officials] of the {B_adj} embassy in "
            "{A_capital} persona non grata on {weekday}, the [sharpest|latest] [step|move] in a [row|dispute] "
            "over {issue}.",
        ),
        "body": (
            "{B} [said|promised] it would [respond|reply] in kind. \"[Every|Each] unfriendly [act|step] will "
            "[receive|get] an [answer|appropriate response],\" {B_fm} [told|said to] reporters in {B_capital}.",
            "The [expulsions|expelled diplomats] [include|included] the [deputy head|second in command] of "
            "the [mission|embassy] and {n2} [military|defence] attachés, [according to|said] a "
            "[statement|note] from the {A_adj} foreign ministry.",
            "{A} [recalled|withdrew] its own ambassador from {B_capital} [for consultations|last month], "
            "[leaving|with] both [embassies|missions] [run|led] by [junior|lower-ranking] diplomats.",
        ),
    },
    "strike": {
        "headlines": (
            "{A_adj} forces strike targets in {B}",
            "{A} [launches|carries out] [air strikes|drone strikes] on {B_adj} [positions|territory]",
        ),
        "leads": (
            "{DATELINE} — {A_adj} forces [struck|hit] targets in {B} on {weekday}, [killing|leaving dead] at "
            "least {n} people near {place}, [officials|local authorities] said, [in|marking] the "
            "[worst|deadliest] [violence|fighting] between the two [countries|neighbours] in {months} months.",
            "{DATELINE} — {A} [launched|carried out] [air strikes|drone strikes] on [what it called|what it said "
            "were] [militant|armed group] [camps|positions] inside {B} on {weekday}, [drawing|prompting] "
            "[protests|anger] from {B_capital}.",
        ),
        "body": (
            "{B_leader} [condemned|denounced] the [strikes|attack] as an [act of aggression|assault on "
            "{B_adj} sovereignty] and [put|placed] the [army|armed forces] on [alert|high alert].",
            "The {A_adj} [defence|armed forces] ministry said the [operation|strikes] [targeted|hit] "
            "[fighters|militants] who had [attacked|raided] {A_adj} [border posts|villages] and that "
            "[civilians|residents] had not been [harmed|hit].",
            "[Residents|Witnesses] in {place} said {n2} [houses|homes] had been [destroyed|damaged] and "
            "that [hundreds of|many] [families|people] had [fled|left] [towards|to] {B_capital}.",
        ),
    },
    "aid": {
        "headlines": (
            "{A} pledges {amount} in aid to {B} after {disaster}",
            "{A_adj} [aid|relief] [arrives|flows] in {B} after {disaster}",
        ),
        "leads": (
            "{DATELINE} — {A} [pledged|promised] {amount} in [emergency aid|relief] to {B} on {weekday} after "
            "{disaster} [killed|left dead] at least {n} people and [destroyed|damaged] [thousands of "
            "homes|roads and bridges] around {place}.",
            "{DATELINE} — The first {A_adj} [aircraft|planes] carrying [tents|food|medicine] [landed|arrived] "
            "in {B_capital} on {weekday}, [days|two days] after {disaster} [struck|hit] the region around {place}.",
        ),
        "body": (
            "{B_leader} [thanked|praised] {A} for its [help|support] and [appealed|called] for "
            "[more|further] [assistance|aid] from [abroad|other countries] and [international|global] "
            "[agencies|donors].",
            "[Rescue teams|Rescuers] were still [searching|digging] for [survivors|people] under the "
            "[rubble|debris] on {weekday}, and [officials|the authorities] [feared|warned] the [toll|number "
            "of dead] would [rise|climb].",
            "The United Nations said [about|more than] {n2}000 people [needed|required] [shelter|help] and "
            "that [clean water|food] was [running short|scarce] in [villages|towns] near {place}.",
        ),
    },
    "agreement": {
        "headlines": (
            "{A} and {B} sign [deal|agreement] on {issue}",
            "{A_adj}-{B_adj} [pact|accord] on {issue} [signed|sealed] in {venue}",
        ),
        "leads": (
            "{DATELINE} — {A} and {B} [signed|concluded] an agreement on {issue} in {venue} on {weekday}, "
            "[ending|closing] {months} months of [talks|negotiations] [mediated|brokered] by {C}.",
            "{DATELINE} — {A} [agreed|signed a deal] with {B} on {weekday} to [cooperate|work together] on "
            "{issue}, [officials|ministers] said at a [ceremony|signing] in {venue}.",
        ),
        "body": (
            "Under the [agreement|deal], the two [countries|sides] will [set up|create] a [joint|shared] "
            "[commission|committee] [to oversee|overseeing] {issue} and [meet|hold talks] every {n2} "
            "months.",
            "{A_leader} [called|hailed] the [deal|agreement] a [turning point|new chapter] in relations with "
            "{B}, while {B_fm} said it [showed|proved] that [dialogue|diplomacy] [worked|could work].",
            "[Critics|Opposition leaders] in {B_capital} [said|complained] the [text|agreement] "
            "[gave|conceded] too much to {A} and [vowed|promised] to [challenge|fight] it in parliament.",
        ),
    },
    "protest": {
        "headlines": (
            "Thousands protest in {B_capital} against {A}",
            "[Protesters|Crowds] rally [outside|near] {A_adj} embassy in {B_capital}",
        ),
        "leads": (
            "{DATELINE} — Thousands of people [marched|rallied] in {B_capital} on {weekday} to [protest|demonstrate] "
            "against {A}, [accusing|charging] the {A_adj} government of {offence}.",
            "{DATELINE} — [Protesters|Demonstrators] [gathered|massed] outside the {A_adj} embassy in "
            "{B_capital} on {weekday}, [chanting|shouting] slogans and [demanding|calling for] the "
            "[expulsion|removal] of the ambassador over {issue}.",
        ),
        "body": (
            "[Police|Riot police] [fired|used] tear gas to [disperse|break up] [part of the crowd|the "
            "protesters] and [detained|arrested] {n} people, [according to|said] the interior ministry.",
            "{A} [urged|called on] {B} to [protect|guard] its diplomats and [property|premises], and "
            "[warned|advised] its [citizens|nationals] to [avoid|stay away from] the [centre|city centre] "
            "of {B_capital}.",
            "[Organisers|Protest leaders] said they would [return|march again] on {next_weekday} [unless|if] "
            "the government did not [act|respond], and [called|appealed] for a [boycott|ban] of {A_adj} {goods}.",
        ),
    },
}
"""Story kinds, each with its headlines, leads and paragraphs of its own."""

SHARED: tuple[str, ...] = (
    "Relations between {A} and {B} have been [strained|tense|uneasy] since {year}, when a [dispute|quarrel|row] "
    "over {issue2} [led to|ended in] the [closure of the border|suspension of flights|recall of ambassadors] "
    "for [several|many] months.",
    "The United Nations [urged|called on] both [sides|governments] to [show restraint|avoid escalation] and to "
    "[settle|resolve] their [differences|dispute] [peacefully|through dialogue]. {C} [also|likewise] "
    "[called|appealed] for [calm|restraint].",
    "Trade between the two [countries|states] was worth [about|roughly] {amount2} last year, according to "
    "[official figures|customs data], with {A} [selling|exporting] mainly {goods} and [buying|importing] {goods2}.",
    "\"[Neither side|Neither government] [wants|can afford] a [long|drawn-out] [crisis|confrontation],\" said "
    "{analyst}, [an analyst|a researcher] at the {institute}. \"But [both|the two] [leaderships|governments] "
    "[have|face] [elections|voters] [at home|to think about], and [nobody|no one] wants to [look weak|be seen "
    "to back down].\"",
    "In {A_capital}, [opposition|rival] parties [accused|criticised] the government of [mishandling|failing "
    "to manage] the [crisis|relationship] and [demanded|called for] a [debate|hearing] in parliament.",
    "{C_fm} [spoke|talked] [by telephone|on the phone] with [both|the two] foreign ministers on {weekday}, "
    "the {C_adj} foreign ministry said, and [offered|proposed] to [host|organise] [further|more] [talks|meetings].",
    "[Markets|Investors] [reacted|responded] [calmly|nervously]: the {A_adj} currency [fell|dropped] {pct2} "
    "percent against the dollar [during the day|on {weekday}], [while|and] [bond|share] prices [barely "
    "moved|slipped].",
    "[About|Some] {n3}000 {A_adj} [citizens|nationals] [live|work] in {B}, [many of them|mostly] in "
    "[construction|farming|trade], and [remittances|the money they send home] [are|remain] an "
    "[important|large] [source of income|part of the economy] for [families|households] in {A}.",
    "The [dispute|crisis] [has|had] also [strained|tested] the [regional|wider] [bloc|alliance] both "
    "[countries|states] belong to, whose [next|annual] summit is [due|scheduled] in {C_capital} in "
    "{month}.",
    "[Officials|Diplomats] [said|added] that a [new|further] [round|meeting] could [take place|be held] "
    "[on|by] {next_weekday} if [both|the two] [sides|capitals] [agreed|were ready].",
    "{B_leader} is [due|expected] to [address|speak to] parliament on {next_weekday}, [when|and] [aides|advisers] "
    "said the [relationship|dispute] with {A} would [feature|be discussed].",
    "[Local|Regional] [newspapers|media] in {B} [gave|devoted] the [story|events] [their front pages|wide "
    "coverage], with [several|some] [commentators|columnists] [calling|asking] for a [firmer|tougher] "
    "[line|response] towards {A}.",
    "The [two|neighbouring] [countries|states] [share|have] a [border|frontier] of [about|nearly] {n3}0 "
    "kilometres, much of it [mountainous|desert|forest] and [poorly|thinly] [marked|guarded]. [Smugglers|Traders] "
    "have [long|for decades] [crossed|moved across] it [freely|at will], and [local|village] [elders|leaders] on "
    "both sides [complain|say] that [decisions|rules] made in the capitals [ignore|overlook] [their|local] "
    "[needs|lives].",
    "{A_leader} [came to power|took office] [promising|vowing] to [repair|improve] ties with [the|its] "
    "neighbours, but [critics|opponents] say [little|not much] has [changed|improved]. A [poll|survey] "
    "[published|released] last month [found|showed] that [fewer than half|only a third] of {A_adj} "
    "[voters|respondents] [trusted|had confidence in] {B} [to keep|to honour] its [word|commitments].",
    "[Diplomats|Western diplomats] in {C_capital} [said|noted] that the [timing|calendar] was "
    "[awkward|difficult]: {C} [holds|chairs] the [rotating|annual] [presidency|chair] of the [regional|wider] "
    "[bloc|grouping] this year and had [hoped|wanted] to [focus|concentrate] on {issue2} [rather than|instead of] "
    "a [quarrel|dispute] between two of its [members|partners].",
    "[Shipping|Freight] [companies|firms] [said|reported] that [lorries|trucks] were [queuing|waiting] for up to "
    "{n2} days at the main [crossing|border post], and that [prices|the cost] of {goods2} in [markets|shops] in "
    "{B_capital} had [risen|gone up] by [about|nearly] {pct} percent since the [start|beginning] of the "
    "[month|year].",
    "The [last|previous] [serious|major] [crisis|confrontation] between {A} and {B}, in {year}, [ended|was "
    "settled] [only|just] after [weeks|months] of [mediation|shuttle diplomacy] by {C} and [the African "
    "Union|the European Union|the United Nations], and [left|caused] [deep|lasting] [mistrust|suspicion] "
    "[on both sides|in both capitals].",
    "[Human rights groups|Rights campaigners] [urged|called on] [both|the two] governments to [protect|respect] "
    "the rights of [civilians|ordinary people] [living|caught] near the [border|frontier], [many of whom|most of "
    "whom] [depend|rely] on [trade|farming] [across it|on the other side] for their [living|income].",
    "\"We [hope|expect] that [common sense|reason] will [prevail|win],\" a [senior|veteran] {C_adj} "
    "[diplomat|official] [said|told reporters], [speaking|who spoke] on condition of anonymity. \"[Nobody|No "
    "one] in the region [gains|benefits] from a [long|lasting] [freeze|breakdown] between [these|the] two "
    "[neighbours|countries].\"",
    "[Economists|Analysts] [estimate|say] that a [full|complete] [closure|shutdown] of the [border|frontier] "
    "would [cost|take] {A} [about|some] {pct2} percent of its [economic output|gross domestic product] [a "
    "year|annually], [mostly|chiefly] [through|because of] [lost|lower] exports of {goods} and [higher|rising] "
    "[transport|freight] costs.",
)
"""Paragraphs any story may carry, drawn and ordered at random."""

ISSUES = ("water rights", "the shared border", "fishing rights", "a hydroelectric dam", "grazing land",
          "transit fees", "a gas pipeline", "refugee returns", "visa rules", "a disputed island",
          "customs duties", "airspace rules", "river navigation", "a rail link", "electricity exports")  # fmt: skip
OFFENCES = ("spying", "supporting rebels", "interfering in its elections", "a cyber attack on its ministries",
            "smuggling weapons across the border", "mistreating its citizens", "violating its airspace",
            "arming militias", "a campaign of disinformation", "kidnapping a border guard")  # fmt: skip
DISASTERS = ("an earthquake", "severe flooding", "a cyclone", "landslides", "a drought", "a wildfire")
GOODS = ("wheat", "fertiliser", "steel", "cement", "fuel", "medicines", "textiles", "coffee", "machinery",
         "cars", "electricity", "cotton", "rice", "timber", "fish")  # fmt: skip
INSTITUTES = ("Centre for Regional Security", "Institute of Foreign Affairs", "Borderlands Research Group",
              "Council on Neighbourhood Policy", "School of International Studies", "Policy Forum on Trade")  # fmt: skip
FIRST_NAMES = ("Amara", "Tomas", "Leila", "Ravi", "Ingrid", "Kofi", "Mei", "Dario", "Nadia", "Samuel", "Ana", "Jonas")
LAST_NAMES = ("Okafor", "Lindqvist", "Haddad", "Moreno", "Petrova", "Mensah", "Tanaka", "Kovac", "Rahman", "Silva")
PLACES = ("the border town", "the river crossing", "the northern highway", "the mountain pass", "the port",
          "the frontier district", "the coastal road")  # fmt: skip

OUTLETS: tuple[tuple[str, str], ...] = (
    ("The Harbour Courier", "harbour-courier.example"),
    ("Meridian Daily", "meridian-daily.example"),
    ("The Evening Ledger", "evening-ledger.example"),
    ("Continental Wire", "continental-wire.example"),
    ("The Frontier Post", "frontier-post.example"),
    ("Capital Observer", "capital-observer.example"),
    ("Northern Gazette", "northern-gazette.example"),
    ("The Plain Dealer Online", "plain-dealer-online.example"),
    ("Global Desk", "global-desk.example"),
    ("The Morning Register", "morning-register.example"),
    ("Delta Times", "delta-times.example"),
    ("World Briefing", "world-briefing.example"),
)
"""Fictional outlets (name, host); ``.example`` is reserved, so no URL points anywhere."""

REWORDINGS: tuple[tuple[str, str], ...] = (
    (" said ", " stated "), (" on Monday", " on Monday morning"), (" officials ", " authorities "),
    (" talks ", " negotiations "), (" government ", " administration "), (" country ", " nation "),
    (" about ", " around "), (" people ", " residents "), (" warned ", " cautioned "), (" also ", " too "),
)  # fmt: skip
"""Word swaps a syndicating desk makes to a copy (a few per copy)."""
