"""Event coding: the trigger lexicon, roles, modality, dates, attribution, merging.

Rule tests run on hand-built Docs; end-to-end tests use the full pipeline
(``code`` fixture) on sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.tokens import Doc

from dyads import codes, nlp
from dyads.actors import DocActors, Mention
from dyads.events import extract_events, lexicon
from dyads.records import Actor
from dyads.resources import DATA_DIR

PUBLISHED = dt.date(2024, 3, 6)


def build(vocab, rows: str, actors: dict[str, tuple[str, str | None]]) -> Doc:
    """A parsed Doc from ``word lemma POS TAG dep head ent`` rows, and its actors.

    ``actors`` maps a word to (kind, country); each such word is a one-token mention.
    """
    table = [line.split() for line in rows.strip().splitlines()]
    doc = Doc(
        vocab,
        words=[r[0] for r in table],
        lemmas=[r[1] for r in table],
        pos=[r[2] for r in table],
        tags=[r[3] for r in table],
        deps=[r[4] for r in table],
        heads=[int(r[5]) for r in table],
        ents=[r[6] for r in table],
    )
    found = DocActors()
    for token in doc:
        if token.text in actors:
            kind, country = actors[token.text]
            actor = Actor(f"A{len(found.actors) + 1}", token.text, kind, country, None, None, ())
            found.actors.append(actor)
            found.mentions.append(Mention(token.i, token.i + 1, len(found.actors) - 1, "name"))
    found.index()
    doc._.dyads_actors = found
    doc._.dyads_quotes = []
    doc.user_data[nlp.PUBLISHED] = PUBLISHED
    doc.user_data[nlp.HEADLINE_END] = 0
    return doc


STATES = {w: ("state", None) for w in ("Russia", "Ukraine", "Iran", "Oman", "Serbia", "Kosovo")}
STATES |= {w: ("state", None) for w in ("Israel", "Gaza", "Chile", "Peru")}

HAND_BUILT = [
    (
        """
        Ukraine Ukraine PROPN NNP nsubjpass 2 B-GPE
        was be AUX VBD auxpass 2 O
        attacked attack VERB VBN ROOT 2 O
        by by ADP IN agent 2 O
        Russia Russia PROPN NNP pobj 3 B-GPE
        . . PUNCT . punct 2 O
        """,
        [("ASSAULT", "190", ["Russia"], ["Ukraine"], "asserted", "agent<-attack->nsubjpass")],
    ),
    (
        """
        Iran Iran PROPN NNP nsubj 1 B-GPE
        agreed agree VERB VBD ROOT 1 O
        to to PART TO aux 3 O
        meet meet VERB VB xcomp 1 O
        Oman Oman PROPN NNP dobj 3 B-GPE
        . . PUNCT . punct 1 O
        """,
        [("AGREE", "036", ["Iran"], ["Oman"], "asserted", "nsubj<-agree")],
    ),
    (
        """
        Serbia Serbia PROPN NNP nsubj 1 B-GPE
        denied deny VERB VBD ROOT 1 O
        attacking attack VERB VBG xcomp 1 O
        Kosovo Kosovo PROPN NNP dobj 2 B-GPE
        . . PUNCT . punct 1 O
        """,
        [("ASSAULT", "190", ["Serbia"], ["Kosovo"], "negated", "xcomp^nsubj<-attack->dobj")],
    ),
    (
        """
        Israel Israel PROPN NNP nsubj 1 B-GPE
        launched launch VERB VBD ROOT 1 O
        airstrikes airstrike NOUN NNS dobj 1 O
        on on ADP IN prep 2 O
        Gaza Gaza PROPN NNP pobj 3 B-GPE
        . . PUNCT . punct 1 O
        """,
        [("ASSAULT", "195", ["Israel"], ["Gaza"], "asserted", "nsubj<-launch<-airstrike->prep:on")],
    ),
    (
        """
        Chile Chile PROPN NNP nsubj 3 B-GPE
        and and CCONJ CC cc 0 O
        Peru Peru PROPN NNP conj 0 B-GPE
        met meet VERB VBD ROOT 3 O
        . . PUNCT . punct 3 O
        """,
        [("CONSULT", "040", ["Chile", "Peru"], [], "asserted", "nsubj<-meet")],
    ),
    (
        """
        Iran Iran PROPN NNP nsubj 2 B-GPE
        will will AUX MD aux 2 O
        attack attack VERB VB ROOT 2 O
        Israel Israel PROPN NNP dobj 2 B-GPE
        ? ? PUNCT . punct 2 O
        """,
        [("ASSAULT", "190", ["Iran"], ["Israel"], "hypothetical", "nsubj<-attack->dobj")],
    ),
    (
        # a main verb misparsed as a modifier of the root noun: the root noun is its subject
        """
        Farmers farmer NOUN NNS ROOT 0 O
        from from ADP IN prep 0 O
        Chile Chile PROPN NNP pobj 1 B-GPE
        donated donate VERB VBD acl 2 O
        food food NOUN NN dobj 3 O
        to to ADP IN prep 3 O
        Peru Peru PROPN NNP pobj 5 B-GPE
        . . PUNCT . punct 0 O
        """,
        [("AID", "070", ["Chile"], ["Peru"], "asserted", "nsubj<-donate->prep:to")],
    ),
    (
        # an infinitive "to" misparsed as a preposition makes no "protest to" (ACCUSE)
        """
        Chile Chile PROPN NNP nsubj 1 B-GPE
        protested protest VERB VBD ROOT 1 O
        Peru Peru PROPN NNP poss 4 B-GPE
        's 's PART POS case 2 O
        failure failure NOUN NN dobj 1 O
        to to PART TO prep 1 O
        act act ADJ JJ pobj 5 O
        . . PUNCT . punct 1 O
        """,
        [("PROTEST", "141", ["Chile"], ["Peru"], "asserted", "nsubj<-protest->dobj")],
    ),
    (
        # a place the act is done in, known as a place from its actor when the tagger missed it
        """
        Chile Chile PROPN NNP nsubj 1 B-GPE
        attacked attack VERB VBD ROOT 1 O
        a a DET DT det 3 O
        village village NOUN NN dobj 1 O
        in in ADP IN prep 1 O
        Peru Peru PROPN NNP pobj 4 O
        . . PUNCT . punct 1 O
        """,
        [("ASSAULT", "190", ["Chile"], ["Peru"], "asserted", "nsubj<-attack")],
    ),
]


@pytest.mark.parametrize("rows, expected", HAND_BUILT)
def test_events_roles_on_hand_built_docs(nlp_blank, rows, expected):
    doc = build(nlp_blank.vocab, rows, STATES)
    names = {a.id: a.name for a in doc._.dyads_actors.actors}
    got = [
        (
            e.type,
            e.cameo,
            [names[i] for i in e.actor],
            [names[i] for i in e.recipient],
            e.modality,
            e.why.path,
        )
        for e in extract_events(doc)
    ]
    assert got == expected


def test_events_hand_built_event_fields(nlp_blank):
    (event,) = extract_events(build(nlp_blank.vocab, HAND_BUILT[0][0], STATES))
    assert (event.quad_class, event.goldstein, event.mode, event.contexts) == (
        4,
        -10.0,
        None,
        ("military",),
    )
    assert (event.date, event.date_text, event.trigger, event.evidence) == (
        "2024-03-06",
        None,
        (12, 20),
        (0, 32),
    )
    assert event.why.rule == "attack.v" and event.mention_count == 1


def test_events_lexicon_entries_are_valid():
    lex = lexicon()
    entries = [e for group in lex.entries.values() for e in group]
    assert len(entries) > 600
    types = codes.plover_types()
    for entry in entries:
        assert entry.type in types, entry.id
        assert entry.mode is None or entry.mode in types[entry.type].modes, entry.id
        assert codes.goldstein(entry.cameo) is not None


def test_events_why_points_at_the_lexicon_line():
    lines = (DATA_DIR / "en_event_triggers.tsv").read_text().splitlines()
    for group in lexicon().entries.values():
        for entry in group:
            name, line = entry.source.split(":")
            assert name == "en_event_triggers.tsv"
            assert lines[int(line) - 1].split("\t")[0] == entry.id


def names_of(result, ids):
    by_id = {a.id: a.name for a in result.actors}
    return [by_id[i] for i in ids]


END_TO_END = [
    # passive with agent
    ("Ukraine was attacked by Russia on Monday.", "ASSAULT", ["Russia"], ["Ukraine"], "asserted"),
    # compound actor, nominal trigger with a support verb
    (
        "Chile and Argentina signed a border treaty.",
        "SUPPORT",
        ["Chile", "Argentina"],
        [],
        "asserted",
    ),
    (
        "Kenya's foreign minister held talks with Somalia's president.",
        "CONSULT",
        ["Kenya's foreign minister"],
        ["Somalia's president"],
        "asserted",
    ),
    ("India did not attack Pakistan.", "ASSAULT", ["India"], ["Pakistan"], "negated"),
    (
        "Morocco refused to meet the Algerian envoy.",
        "REJECT",
        ["Morocco"],
        ["Algerian envoy"],
        "asserted",
    ),
    ("Did Serbia attack Kosovo?", "ASSAULT", ["Serbia"], ["Kosovo"], "hypothetical"),
    (
        "An Israeli attack on Iran would be a disaster.",
        "ASSAULT",
        ["Israel"],
        ["Iran"],
        "hypothetical",
    ),
    # future cooperation is an intention: AGREE (PLOVER manual, AGREE)
    (
        "Brazil will host the Argentine president next week.",
        "AGREE",
        ["Brazil"],
        ["Argentine president"],
        "future",
    ),
    (
        "China accused the United States of spying.",
        "ACCUSE",
        ["China"],
        ["United States"],
        "asserted",
    ),
    (
        "The United Nations urged Ethiopia to allow aid into Tigray.",
        "REQUEST",
        ["United Nations"],
        ["Ethiopia"],
        "asserted",
    ),
    ("Vietnam invaded Cambodia in 1978.", "ASSAULT", ["Vietnam"], ["Cambodia"], "asserted"),
    # a shared border stands for the other side
    (
        "Greece said it would close its border with Turkey.",
        "THREATEN",
        ["Greece"],
        ["Turkey"],
        "asserted",
    ),
    ("Ecuador said it would not meet the rebels.", "REJECT", ["Ecuador"], ["rebels"], "asserted"),
    # a conditional threat names its target in the condition
    (
        "Iran threatened to close the strait if Washington imposed new sanctions.",
        "THREATEN",
        ["Iran"],
        ["Washington"],
        "asserted",
    ),
    # a failure is no refusal: a negated AGREE (a refusal stays a REJECT, below)
    (
        "Hungary failed to reach an agreement with Slovakia.",
        "AGREE",
        ["Hungary"],
        ["Slovakia"],
        "negated",
    ),
    (
        "Talks between Serbia and Kosovo collapsed on Friday.",
        "CONSULT",
        ["Serbia", "Kosovo"],
        [],
        "negated",
    ),
    # the purpose of an act is not another event; its object is the target
    (
        "Turkish police used tear gas to disperse the protesters.",
        "ASSAULT",
        ["Turkish police"],
        ["protesters"],
        "asserted",
    ),
    ("Syria used chemical weapons against rebels.", "ASSAULT", ["Syria"], ["rebels"], "asserted"),
    (
        "Palestinian prisoners staged a hunger strike.",
        "PROTEST",
        ["Palestinian prisoners"],
        [],
        "asserted",
    ),
    # the "to" of a purpose infinitive is no "protest to"; the purpose's object is the target
    (
        "Kurdish students began a hunger strike to protest against Turkey's decision.",
        "PROTEST",
        ["Kurdish students"],
        ["Turkey"],
        "asserted",
    ),
    # the doer of an object noun: a "by" agent, a reduced passive relative
    (
        "Norway rejected calls by Sweden to close the border.",
        "REJECT",
        ["Norway"],
        ["Sweden"],
        "asserted",
    ),
    (
        "Chile is investigating crimes committed by Peruvian soldiers.",
        "ACCUSE",
        ["Chile"],
        ["Peruvian soldiers"],
        "asserted",
    ),
    (
        "Jordan condemned the killing of civilians by Syrian forces.",
        "ACCUSE",
        ["Jordan"],
        ["Syrian forces"],
        "asserted",
    ),
    # whom an act answers: "in protest at", "in defiance of"; the object of "protest"
    (
        "Denmark recalled its ambassador in protest at Iran's decision.",
        "SANCTION",
        ["Denmark"],
        ["Iran"],
        "asserted",
    ),
    (
        "Thousands of people marched in Minsk in defiance of the Belarusian authorities.",
        "PROTEST",
        ["people"],
        ["Belarusian authorities"],
        "asserted",
    ),
    (
        "Chilean students protested the government's decision.",
        "PROTEST",
        ["Chilean students"],
        ["government"],
        "asserted",
    ),
    # a protest's place stands for its target; "the town of X", "a school in X" name X
    (
        "Kenyan teachers demonstrated outside a school in Nairobi.",
        "PROTEST",
        ["Kenyan teachers"],
        ["Nairobi"],
        "asserted",
    ),
    (
        "Turkish authorities imposed a curfew in the town of Silopi in southeastern Turkey.",
        "COERCE",
        ["Turkish authorities"],
        ["Silopi"],
        "asserted",
    ),
    # "allowed X to run" parsed as a clause of its own: X is still the object
    (
        "Kenya's Supreme Court allowed opposition leader Raila Odinga to contest the election.",
        "CONCEDE",
        ["Kenya's Supreme Court"],
        ["Raila Odinga"],
        "asserted",
    ),
    # a verb conjoined to a passive shares its grammatical subject, not its agent
    (
        "The Bolivian minister was accused by Peru of corruption and will resign.",
        "AGREE",
        ["Bolivian minister"],
        [],
        "future",
    ),
    # "up to 12 sailors" parsed as a particle and a preposition is still the object
    (
        "Somali pirates have kidnapped up to 12 Indian sailors.",
        "ASSAULT",
        ["Somali pirates"],
        ["up to 12 Indian sailors"],
        "asserted",
    ),
    # a complaint's recipient is the one complained about, not the addressee
    (
        "Ghana complained to the African Union about Togolese border raids.",
        "ACCUSE",
        ["Ghana"],
        ["Togo"],
        "asserted",
    ),
    # an adjunct noun ("despite appeals") does not take the verb's complement as its purpose
    (
        "Despite appeals by aid agencies, the Ethiopian government refused to lift the "
        "blockade on Tigray.",
        "REJECT",
        ["Ethiopian government"],
        ["Tigray"],
        "asserted",
    ),
    # the "to" of a complement further down is not the trigger's own ("protest to")
    (
        "Sudanese students began a hunger strike to protest the army's failure to act.",
        "PROTEST",
        ["Sudanese students"],
        ["army"],
        "asserted",
    ),
    # gerund complements take the subject: "resorted to throwing", "insisted on meeting"
    (
        "Armenian protesters resorted to throwing stones at the police.",
        "PROTEST",
        ["Armenian protesters"],
        ["police"],
        "asserted",
    ),
    (
        "Polish farmers insisted on meeting the Agriculture Minister.",
        "CONSULT",
        ["Polish farmers"],
        ["Agriculture Minister"],
        "asserted",
    ),
    # one offer through verbs that only carry it: "willing to send ... to help defend"
    (
        "Norway is willing to send equipment to help defend Estonia.",
        "AGREE",
        ["Norway"],
        ["Estonia"],
        "asserted",
    ),
    # the other side named inside the trigger's own argument
    (
        "Venezuelan opposition leaders said they would boycott all contact with the "
        "European Union.",
        "THREATEN",
        ["Venezuelan opposition leaders"],
        ["European Union"],
        "asserted",
    ),
    (
        "The Kenyan president has reneged on his commitment to the teachers' union.",
        "REJECT",
        ["Kenyan president"],
        ["teachers' union"],
        "asserted",
    ),
    # a text speaks for who issued it
    (
        "Zimbabwe's main opposition party issued a statement demanding that the Zimbabwean "
        "government release the journalists.",
        "REQUEST",
        ["Zimbabwe's main opposition party"],
        ["Zimbabwean government"],
        "asserted",
    ),
    # a stative passive support verb keeps its subject: "were engaged in", "were involved in"
    (
        "Ethiopian troops were engaged in heavy fighting against Eritrean forces.",
        "ASSAULT",
        ["Ethiopian troops"],
        ["Eritrean forces"],
        "asserted",
    ),
    # "the withdrawal of some/its troops": the support verb's subject withdraws them;
    # the noun's other arguments may hang on its "of" object
    (
        "France accelerated the withdrawal of its remaining troops from Mali.",
        "RETREAT",
        ["France"],
        ["Mali"],
        "asserted",
    ),
    (
        "The withdrawal of Russian troops from Moldova began on Monday.",
        "RETREAT",
        ["Russian troops"],
        ["Moldova"],
        "asserted",
    ),
    # a noun's "that" clause, also when parsed onto its verb
    (
        "Amnesty International reiterated its demand that Egypt release the journalists.",
        "REQUEST",
        ["Amnesty International"],
        ["Egypt"],
        "asserted",
    ),
    # beneficiaries of the content; investigations against X
    ("Japan agreed to provide emergency aid for Nepal.", "AGREE", ["Japan"], ["Nepal"], "asserted"),
    (
        "A Kenyan judge opened corruption investigations against three Ugandan officials.",
        "ACCUSE",
        ["Kenyan judge"],
        ["three Ugandan officials"],
        "asserted",
    ),
    # nor are the troops the actor asks for
    (
        "Lithuania's president called on allies to station more troops in the region.",
        "REQUEST",
        ["Lithuania's president"],
        [],
        "asserted",
    ),
    # a "for" object is a beneficiary only when it names an actor itself
    (
        "Germany agreed to wait for the UN report before deciding.",
        "AGREE",
        ["Germany"],
        [],
        "asserted",
    ),
    # the actor's own troops are not the other side; where they go is
    (
        "Ghana is ready to contribute 800 troops to a peacekeeping force in Mali.",
        "AGREE",
        ["Ghana"],
        ["Mali"],
        "asserted",
    ),
    # a manner participle ("citing ...") is not the content of a refusal
    (
        "Bangladesh refused to send peacekeepers to Darfur, citing security concerns.",
        "REJECT",
        ["Bangladesh"],
        ["Darfur"],
        "asserted",
    ),
    # a nominal event's doer in a reduced passive: "killings committed by X"
    (
        "Peruvian prosecutors are investigating killings committed by army soldiers.",
        "ACCUSE",
        ["Peruvian prosecutors"],
        ["army soldiers"],
        "asserted",
    ),
    # the content of an offer through a verb tagged as a noun ("to host talks")
    (
        "Egypt offered to host talks between Israel and Hamas.",
        "AGREE",
        ["Egypt"],
        ["Israel", "Hamas"],
        "asserted",
    ),
    # a gerund under a passive is done by the passive's subject, not its agent
    (
        "Moldova's prime minister was criticised by Russian officials for expelling diplomats.",
        "SANCTION",
        ["Moldova's prime minister"],
        ["diplomats"],
        "asserted",
    ),
    # "detained farmers marching ...": the object parsed as the participle's subject
    (
        "Indian police detained dozens of farmers marching towards New Delhi.",
        "COERCE",
        ["Indian police"],
        ["farmers"],
        "asserted",
    ),
    # who claims an attack did it
    (
        "The Houthis claimed responsibility for an attack on a British tanker.",
        "ASSAULT",
        ["Houthis"],
        ["United Kingdom"],
        "asserted",
    ),
    # constraints look through quantities: "freed thousands of prisoners"
    (
        "Myanmar's military government freed thousands of prisoners in an amnesty.",
        "RETREAT",
        ["Myanmar's military government"],
        ["prisoners"],
        "asserted",
    ),
    # an active gerund takes no "by" agent: it belongs to the passive above it
    (
        "Eritrean troops were accused of looting by Ethiopian officials.",
        "ACCUSE",
        ["Ethiopian officials"],
        ["Eritrean troops"],
        "asserted",
    ),
    # breaking up a protest; its "by" phrase, hung on the verb, names the protesters
    (
        "Police in Dhaka used batons to break up a rally by opposition supporters.",
        "COERCE",
        ["Police"],
        ["opposition supporters"],
        "asserted",
    ),
    # a protest's purpose names its target: "to show their anger at X's policies"
    (
        "Farmers in Warsaw blocked a road to show their anger at the European Union's trade "
        "policies.",
        "PROTEST",
        ["Farmers"],
        ["European Union"],
        "asserted",
    ),
    # whose demands are met or refused
    (
        "Colombia said it would not meet the rebels' demands.",
        "REJECT",
        ["Colombia"],
        ["rebels"],
        "asserted",
    ),
    # the actor's own forces are not the other side of a refusal
    (
        "The African Union rejected a call for its peacekeeping troops to be deployed in Sudan.",
        "REJECT",
        ["African Union"],
        [],
        "asserted",
    ),
    # a passive relative clause's subject pronoun stands for the noun it modifies
    (
        "The Ukrainian village, which was shelled by Russian forces overnight, lost power.",
        "ASSAULT",
        ["Russian forces"],
        ["Ukraine"],
        "asserted",
    ),
    # a cleft sentence's focus is the subject: "it was X that attacked"
    ("It was Hamas that attacked Israel in October.", "ASSAULT", ["Hamas"], ["Israel"], "asserted"),
    # a purpose clause's event happens where its governing verb went; driving in to
    # protest is already the protest
    (
        "Greek farmers drove their tractors into Athens to protest against rising costs.",
        "PROTEST",
        ["Greek farmers"],
        ["Athens"],
        "asserted",
    ),
    # whose mission is blocked
    (
        "The Chinese coast guard blocked a Philippine supply mission to a disputed shoal.",
        "COERCE",
        ["China Coast Guard"],
        ["Philippines"],
        "asserted",
    ),
    # a gerund used as a noun takes the noun's frame: "fighting between X and Y"
    (
        "Fighting between the army and the RSF killed dozens.",
        "ASSAULT",
        ["army", "Rapid Support Forces"],
        [],
        "asserted",
    ),
    # reciprocal fire: both sides are actors
    (
        "Israel and Hezbollah exchanged fire across the border.",
        "ASSAULT",
        ["Israel", "Hezbollah"],
        [],
        "asserted",
    ),
    # support verbs lend their subject: "slapped sanctions on"
    (
        "Beijing slapped sanctions on US defence firms over arms sales to Taiwan.",
        "SANCTION",
        ["Beijing"],
        ["US defence firms"],
        "asserted",
    ),
    # a reduced passive relative is a passive: its "by" phrase is the actor
    (
        "Bolivian farmers demanded the return of land seized by the army in 1990.",
        "COERCE",
        ["army"],
        [],
        "asserted",
    ),
    # coordinated nationalities on one noun are a compound actor, on either side
    (
        "Chinese and Russian warships held joint drills near Japan on Monday.",
        "COOPERATE",
        ["Chinese warships", "Russian warships"],
        [],
        "asserted",
    ),
    (
        "Kenyan police arrested Ugandan and Tanzanian traders at the border.",
        "COERCE",
        ["Kenyan police"],
        ["Ugandan traders", "Tanzanian traders"],
        "asserted",
    ),
    # a conditional or possible request is a hypothetical request, not an asserted threat
    (
        "The interior minister said that if the strike spreads, Ghana would ask the army to "
        "restore order.",
        "REQUEST",
        ["Ghana"],
        ["army"],
        "hypothetical",
    ),
    (
        "If the ceasefire collapses, Lebanon could ask the United Nations to send more troops, "
        "a Lebanese official said.",
        "REQUEST",
        ["Lebanon"],
        ["United Nations"],
        "hypothetical",
    ),
    # an "if" clause on the governing verb makes a future request hypothetical
    (
        "If the border talks fail, Eritrea will ask the African Union to send observers.",
        "REQUEST",
        ["Eritrea"],
        ["African Union"],
        "hypothetical",
    ),
    # a threat made stays asserted whatever its condition hangs on
    (
        "Iran threatened to close the Strait of Hormuz if the embargo was tightened.",
        "THREATEN",
        ["Iran"],
        [],
        "asserted",
    ),
    # a conditional offer to meet is an AGREE (PLOVER), its modality hypothetical
    (
        "Somali clan elders said they would meet the Kenyan envoy if he came alone.",
        "AGREE",
        ["Somali clan elders"],
        ["Kenyan envoy"],
        "hypothetical",
    ),
    # a possibility makes an intention hypothetical
    (
        "Senegal could decide to ask the African Union for help.",
        "REQUEST",
        ["Senegal"],
        ["African Union"],
        "hypothetical",
    ),
    # a reprisal is what its means are; a vow to retaliate is a threat (asserted)
    (
        "Moscow retaliated by expelling eight Estonian diplomats.",
        "SANCTION",
        ["Moscow"],
        ["eight Estonian diplomats"],
        "asserted",
    ),
    (
        "Ottawa retaliated with tariffs on American steel.",
        "SANCTION",
        ["Ottawa"],
        ["United States"],
        "asserted",
    ),
    (
        "Algeria vowed to retaliate against Morocco.",
        "THREATEN",
        ["Algeria"],
        ["Morocco"],
        "asserted",
    ),
    # a feared reprisal is no act
    ("Diplomats fear Iranian retaliation.", "ASSAULT", ["Iran"], [], "hypothetical"),
    ("Israel is bracing for an Iranian attack.", "ASSAULT", ["Iran"], [], "future"),
    # whom one warns against an act is the recipient, not the place of the act
    (
        "Hamas warned Israel against an offensive in Rafah.",
        "ACCUSE",
        ["Hamas"],
        ["Israel"],
        "asserted",
    ),
    (
        "Burkina Faso terminated a military accord with France on Monday.",
        "SANCTION",
        ["Burkina Faso"],
        ["France"],
        "asserted",
    ),
]


@pytest.mark.parametrize("text, kind, actor, recipient, modality", END_TO_END)
def test_events_end_to_end(code, text, kind, actor, recipient, modality):
    result = code(text)
    (event,) = [e for e in result.events if e.type == kind]
    assert names_of(result, event.actor) == actor
    assert names_of(result, event.recipient) == recipient
    assert event.modality == modality


@pytest.mark.parametrize(
    "text, date, date_text",
    [
        ("Vietnam invaded Cambodia in 1978.", "1978", "1978"),
        ("Ukraine was attacked by Russia on Monday.", "2024-03-04", "Monday"),
        ("Brazil will host the Argentine president next week.", "2024-03-11", "next week"),
        ("India attacked Pakistan.", "2024-03-06", None),
        # undated background: no publication date
        ("The rebels, who have fought the army for decades, signed a ceasefire.", None, None),
    ],
)
def test_events_dates(code, text, date, date_text):
    event = code(text).events[0]
    assert (event.date, event.date_text) == (date, date_text)


@pytest.mark.parametrize(
    "text, types",
    [
        # "to Iraq" belongs to "sending troops", four words down: no "protest to" (ACCUSE)
        ("Greek students protested the decision of sending troops to Iraq.", ["PROTEST"]),
        # a noun inside an actor's title is no event
        ("Trade and Investment Minister Ali Khan met the Turkish ambassador.", ["CONSULT"]),
        ("Norway is willing to send equipment to help defend Estonia.", ["AGREE"]),
        # a threat's condition is its demand, not another event
        ("Serbia threatened to close its border unless Kosovo withdrew its police.", ["THREATEN"]),
        (
            "The Kenyan opposition said it would boycott the election unless the president "
            "agreed to resign.",
            ["THREATEN"],
        ),
        (
            "Hungary threatened to block Ukraine's bid to join the EU unless Kyiv cracked down "
            "on smugglers.",
            ["THREATEN"],
        ),
        # what a warning is about is its content, not another event
        (
            "Egypt's president warned that an Israeli offensive in Rafah would have "
            "catastrophic consequences.",
            ["THREATEN"],
        ),
        # a demanded act is the demand's content: "Y must be ready to mediate"
        (
            "The Egyptian president said Qatar must be ready to mediate between Israel and Hamas.",
            ["REQUEST"],
        ),
        # what is rejected is the topic, also as a passive's subject
        ("Nigeria's call for a regional force was rejected by Algeria.", ["REJECT"]),
        # what a protest is against is its topic, not another event
        ("Tunisian lawyers went on strike to protest the arrest of a colleague.", ["PROTEST"]),
        # the aim of a protest is no separate demand
        ("Chilean students blocked roads to press their demands for free education.", ["PROTEST"]),
        # weapon systems are actors; resumed deliveries are aid; blocked texts are rejected
        ("The navy said its air defences shot down two drones at dawn.", ["ASSAULT"]),
        ("UNICEF resumed deliveries of vaccines to eastern Congo on Friday.", ["AID"]),
        ("Poland blocked a joint statement on migration at the summit.", ["REJECT"]),
        ("Farmers blocked the main avenue into the capital with tractors.", ["PROTEST"]),
        # "met with" a reception is no meeting; "met with" a person, group or actor is
        ("The proposed curfew was met with resistance from shopkeepers.", []),
        ("Striking dockers were met with water cannon outside the port.", []),
        ("The army met with fierce resistance in the northern hills.", []),
        ("The army's advance was met by fierce resistance from rebel fighters.", []),
        (
            "The French president was met at the airport by the Algerian prime minister.",
            ["CONSULT"],
        ),
        ("The Chadian envoy met with rebel leaders in Doha.", ["CONSULT"]),
        ("The Kenyan president met with the opposition on Friday.", ["CONSULT"]),
        # with no means named, a reprisal answers in kind
        ("Vietnam threatened to retaliate against the new Thai tariffs.", ["THREATEN"]),
        ("Beijing could retaliate against the tariffs, analysts said.", ["SANCTION"]),
        # weapons of mass destruction: their use is an attack, building or deploying them not
        ("The regime dropped chemical weapons on the town of Douma.", ["ASSAULT"]),
        ("Pakistan said India was developing nuclear weapons.", []),
        # a reprisal against a round of sanctions answers in kind
        ("Beijing retaliated against the latest round of sanctions.", ["SANCTION"]),
        # ending a standing agreement reduces relations: no AGREE from its noun
        ("Mali's junta cancelled its defence agreement with Russia.", ["SANCTION"]),
        ("The new government tore up the migration pact with Britain.", ["SANCTION"]),
        ("Sudan pulled out of the peace deal with the rebels.", ["SANCTION"]),
        ("Colombia and the rebels signed a peace agreement on Friday.", ["SUPPORT"]),
        ("Ministers gathered in Brussels to demand new sanctions on Russia.", ["REQUEST"]),
        # a joint investigation is judicial cooperation, no accusation
        (
            "Police from Spain and Morocco launched a joint investigation into the network.",
            ["COOPERATE"],
        ),
        # a missile test is a show of force; a date is no target ("fired ... on Thursday")
        ("India test-fired a long-range ballistic missile on Thursday.", ["MOBILIZE"]),
        # what a vowed response answers is its topic, not another event
        ("Israel vowed to respond to the Iranian missile attack.", ["THREATEN"]),
        ("Hezbollah vowed to strike Israel in retaliation.", ["THREATEN"]),
        # leaving a court room is no withdrawal from a body
        ("The former president left the court without speaking to reporters.", []),
        # lexicon words the tokenizer splits at the hyphen
        ("The rebels agreed to a cease-fire with the army.", ["AGREE"]),
        ("Russia continued its military build-up near the border.", ["MOBILIZE"]),
        ("Prisoners began a hunger-strike on Monday.", ["PROTEST"]),
        # a participle conjoined to a passive is passive: its subject is no actor
        ("Ecuador said 20 people were killed or wounded by the gang.", ["ASSAULT"]),
        ("Iran vowed to retaliate by attacking American bases.", ["THREATEN"]),
        # a cancelled meeting is a REJECT (PLOVER), abandoned talks are halted (CAMEO 164)
        ("Ethiopia scrapped the planned summit with Eritrea.", ["REJECT"]),
        ("The rebels abandoned the negotiations with the Sudanese army.", ["SANCTION"]),
        ("Israel withdrew its offer of a truce.", ["REJECT"]),
        ("The opposition withdrew from the talks with the government.", ["SANCTION"]),
        # a dropped plan to meet is a refusal to meet (PLOVER: cancelled meetings are REJECT)
        ("The Malian government scrapped its plan to meet the rebels.", ["REJECT"]),
        # what the agreement row names must be what the verb acts on, not a later phrase
        ("Chile scrapped the new visa rules after the trade deal with Peru.", ["AGREE"]),
        # "leaving N dead" is a result, no withdrawal
        ("Militants attacked a police post, leaving six officers dead.", ["ASSAULT"]),
        # "as fighting spread": a noun the parser took for a gerund borrows no subject
        ("Kenyan authorities shut down the internet in Lamu as fighting spread.", ["COERCE"]),
    ],
)
def test_events_types_coded_in_sentence(code, text, types):
    assert [e.type for e in code(text).events] == types


def test_events_reported_speech_is_attributed(code):
    result = code("The Dutch foreign minister said Russia had bombed a hospital.")
    (event,) = result.events
    assert (event.type, names_of(result, event.actor)) == ("ASSAULT", ["Russia"])
    assert names_of(result, [event.attributed_to]) == ["Dutch foreign minister"]


def test_events_quote_speaker_is_attributed(code):
    result = code('"Israel attacked the town," the Hezbollah commander said.')
    (event,) = result.events
    assert names_of(result, event.actor) == ["Israel"]
    assert names_of(result, [event.attributed_to]) == ["Hezbollah commander"]


def test_events_repeated_mentions_merge(code):
    text = (
        "Turkey attacked Kurdish fighters in Syria on Sunday. "
        "Ankara said the attack on the fighters was a response to a bombing."
    )
    result = code(text)
    attacks = [e for e in result.events if e.type == "ASSAULT"]
    assert len(attacks) == 1
    (attack,) = attacks
    assert (attack.mention_count, attack.date, attack.location.name) == (2, "2024-03-03", "Syria")
    assert names_of(result, attack.actor) == ["Turkey"]


def test_events_headline_merges_with_body(code):
    result = code(
        "Israel struck Hezbollah targets in Lebanon on Tuesday, the army said.",
        title="Israel strikes Hezbollah in Lebanon",
    )
    (event,) = result.events
    assert event.mention_count == 2
    assert event.evidence[0] > len("Israel strikes Hezbollah in Lebanon")  # body evidence kept
    assert event.date == "2024-03-05"


def test_events_headline_only_event_has_lower_confidence(code):
    headline = code("Officials gave no details.", title="Iran attacks Iraq").events
    body = code("Iran attacked Iraq.").events
    assert [e.type for e in headline] == ["ASSAULT"]
    assert headline[0].confidence < body[0].confidence


def test_events_criticism_in_a_quote_is_an_accusation(code):
    text = (
        '"The blockade of our ports is unacceptable," the Qatari foreign minister said '
        "of Saudi Arabia."
    )
    result = code(text)
    accusations = [e for e in result.events if e.type == "ACCUSE"]
    assert [names_of(result, e.actor) for e in accusations] == [["Qatari foreign minister"]]
    assert accusations[0].why.rule == "cue:unacceptable"


def test_events_warning_about_a_hypothetical_is_a_threat(code):
    text = '"Any attack on our ships would be a reckless provocation," the Chinese ambassador said.'
    types = sorted(e.type for e in code(text).events)
    assert types == ["ASSAULT", "THREATEN"]


def test_events_no_events_in_plain_text(code):
    assert code("The weather in Oslo was mild and the markets were calm.").events == ()


@pytest.mark.parametrize(
    "text",
    [
        "Heavy rain caused flooding, killing at least 12 people.",
        "Iran possesses chemical weapons.",
        "The central bank raised interest rates by half a point on Thursday.",
    ],
)
def test_events_not_political_events(code, text):
    assert code(text).events == ()


def test_events_purpose_is_absorbed(code):
    result = code("Farmers blocked roads in Warsaw to demand lower fuel prices.")
    assert [(e.type, e.location.name) for e in result.events] == [("PROTEST", "Warsaw")]


FOUNDING = Path(__file__).resolve().parents[1].parent / "shared" / "examples" / "syria-talks.txt"


@pytest.mark.slow
@pytest.mark.skipif(
    not FOUNDING.exists(), reason="the reference folder shared/ is not beside the repo"
)
def test_events_founding_article(nlp_model):
    """The founding article (read from shared/, never copied): the events dyads exists for."""
    from dyads.pipeline import code_text

    title, body = FOUNDING.read_text(encoding="utf-8").split("\n", 1)
    result = code_text(body, title=title, published=dt.date(2019, 5, 14), nlp=nlp_model)
    country = {a.id: a.country for a in result.actors}

    def found(kind, modality, actor, recipient, date=None):
        return [
            e
            for e in result.events
            if e.type == kind
            and e.modality == modality
            and actor <= {country[i] for i in e.actor}
            and recipient <= {country[i] for i in e.recipient}
            and (date is None or e.date == date)
        ]

    assert len(found("CONSULT", "asserted", {"USA"}, {"RUS"}, "2019-05-14")) == 2
    assert found("AGREE", "asserted", {"USA", "RUS"}, set())
    assert found("ACCUSE", "asserted", {"RUS"}, {"USA"})
    assert found("ASSAULT", "asserted", {"RUS"}, {"SYR"}, "2019-05-14")
    assert found("THREATEN", "asserted", {"USA"}, {"RUS"})
    assert found("ASSAULT", "hypothetical", set(), {"SYR"})
    assert found("ASSAULT", "asserted", {"RUS"}, set(), "2015")


def countries_of(result, ids):
    by_id = {a.id: a for a in result.actors}
    return [by_id[i].country for i in ids]


NEWS_COVERAGE = [
    # resumed trade, joint exercises and patrols are cooperation; "X from A and B" is A and B
    ("Qatar resumed gas exports to the United Arab Emirates.", "COOPERATE", ["QAT"], ["ARE"]),
    (
        "The Japanese navy held its first joint exercise with the Philippine coast guard.",
        "COOPERATE",
        ["JPN"],
        ["PHL"],
    ),
    (
        "Border guards from India and Bangladesh launched joint patrols on the river.",
        "COOPERATE",
        ["IND", "BGD"],
        [],
    ),
    (
        "Coast guards from Japan and the Philippines held joint patrols in the South China Sea.",
        "COOPERATE",
        ["JPN", "PHL"],
        ["CHN"],
    ),
    # a nominal act in the passive of its support verb: the agent does it
    (
        "Joint patrols were launched by India and Bangladesh along the border.",
        "COOPERATE",
        ["IND", "BGD"],
        [],
    ),
    (
        "Large-scale drills were held around Taiwan by the Chinese military.",
        "MOBILIZE",
        ["CHN"],
        ["TWN"],
    ),
    # passive conjuncts share the object and the "by" agent
    (
        "The village of Bakhmut was shelled and bombed by Russian forces.",
        "ASSAULT",
        ["RUS"],
        ["UKR"],
    ),
    # money deposited, aid flown in (also in the passive), forces sent to rescue: aid
    ("China deposited $1 billion in Sri Lanka's central bank.", "AID", ["CHN"], ["LKA"]),
    ("The UAE deposited $3bn in Pakistan's central bank.", "AID", ["ARE"], ["PAK"]),
    ("The IMF approved a $3 billion loan for Pakistan.", "AID", [None], ["PAK"]),
    ("Turkey extended a $1 billion credit line to Pakistan.", "AID", ["TUR"], ["PAK"]),
    ("The United States shipped artillery shells to Ukraine.", "AID", ["USA"], ["UKR"]),
    # a passive's agent hung on the last argument ("to the town by X")
    ("Food was delivered to the besieged town by the Egyptian army.", "AID", ["EGY"], []),
    (
        "Tents were flown to earthquake survivors in Syria by the Iranian Red Crescent.",
        "AID",
        [None],
        ["SYR"],
    ),
    ("The Nepalese army deployed soldiers to rescue flood victims.", "AID", ["NPL"], []),
    # a single side's drills and readiness checks, forces moved towards a border
    (
        "China launched large-scale air and naval drills around Taiwan.",
        "MOBILIZE",
        ["CHN"],
        ["TWN"],
    ),
    (
        "Belarus will hold snap combat-readiness checks near its border with Poland.",
        "MOBILIZE",
        ["BLR"],
        ["POL"],
    ),
    ("Russia moved tanks towards its border with Finland.", "MOBILIZE", ["RUS"], ["FIN"]),
    ("Russia stationed tactical nuclear weapons in Belarus.", "MOBILIZE", ["RUS"], ["BLR"]),
    ("Venezuela massed troops along the border with Guyana.", "MOBILIZE", ["VEN"], ["GUY"]),
    # leaving an organisation, pausing lending, cutting supplies: reductions of relations
    ("Chad announced its withdrawal from ECOWAS.", "SANCTION", ["TCD"], [None]),
    ("Gazprom cut off gas supplies to Austria.", "SANCTION", ["RUS"], ["AUT"]),
    ("Poland closed its border with Belarus.", "SANCTION", ["POL"], ["BLR"]),
    ("The African Union suspended Gabon's membership.", "SANCTION", [None], ["GAB"]),
    # cutting public services is coercion
    ("Israel cut off electricity to Gaza.", "COERCE", ["ISR"], ["PSE"]),
    # idioms of rejection
    ("Rome poured cold water on a French proposal.", "REJECT", ["ITA"], ["FRA"]),
    ("Washington brushed aside Chinese criticism.", "REJECT", ["USA"], ["CHN"]),
    ("Turkey shot down a Swedish proposal.", "REJECT", ["TUR"], ["SWE"]),
    ("Hamas said no to the Israeli offer.", "REJECT", ["PSE"], ["ISR"]),
    # a sit-in is a protest; its aim is no accusation
    (
        "Kenyan students staged a sit-in outside the Russian embassy to denounce the war.",
        "PROTEST",
        ["KEN"],
        ["RUS"],
    ),
    # a visitor received is the one who comes (PLOVER: the visitor first)
    (
        "The Egyptian president received a delegation from Hamas for discussions.",
        "CONSULT",
        ["PSE"],
        ["EGY"],
    ),
    # an arrest warrant (in absentia) threatens an arrest (PLOVER manual, THREATEN)
    (
        "A Moscow court issued an arrest warrant in absentia for an American journalist.",
        "THREATEN",
        ["RUS"],
        ["USA"],
    ),
    # ending one's own protest, taking back one's own bill: concessions
    ("The opposition withdrew its demand for early elections.", "CONCEDE", [None], []),
]


@pytest.mark.parametrize("text, kind, actor, recipient", NEWS_COVERAGE)
def test_events_news_coverage(code, text, kind, actor, recipient):
    result = code(text)
    assert [e.type for e in result.events] == [kind]
    (event,) = result.events
    assert countries_of(result, event.actor) == actor
    assert countries_of(result, event.recipient) == recipient


@pytest.mark.parametrize(
    "text, kind, modality",
    [
        # a denied act under its support verb is negated; a failure is no refusal
        ("The Sudanese army denied carrying out airstrikes in Darfur.", "ASSAULT", "negated"),
        ("Serbia failed to reach agreement with Kosovo.", "AGREE", "negated"),
        ("Israel denied responsibility for the attack on the consulate.", "ASSAULT", "negated"),
        ("The militia denied involvement in the killing of the activists.", "ASSAULT", "negated"),
        ("Israel refused to meet the Qatari mediators.", "REJECT", "asserted"),
        # an actor planning its own coercive step threatens it (the PLOVER gold convention)
        ("The IMF plans to pause new lending to Argentina.", "THREATEN", "asserted"),
        ("Thailand's court plans to ban the main opposition party.", "THREATEN", "asserted"),
        (
            "Opposition supporters plan to march on the electoral commission.",
            "THREATEN",
            "asserted",
        ),
        # an actor's own step under an ultimatum is a threat, reported or not
        (
            "Nurses will begin an indefinite strike on Monday unless the government raises pay.",
            "THREATEN",
            "asserted",
        ),
        # an announced one is a threat
        ("Russia said it would cut gas supplies to Moldova.", "THREATEN", "asserted"),
        ("Farmers could blockade border crossings next week.", "PROTEST", "hypothetical"),
        ("Truckers could blockade border crossings with Poland.", "PROTEST", "hypothetical"),
        ("No aid convoys have reached the besieged city of El Fasher.", "AID", "negated"),
        ("Protesters suspended their sit-in after the minister resigned.", "CONCEDE", "asserted"),
        ("The government has not withdrawn the bill.", "CONCEDE", "negated"),
        ("Teachers began a strike over pay on Monday.", "PROTEST", "asserted"),
        # a civilian crowd gathered to denounce or demand is a protest; officials are not
        ("Thousands of people gathered in Tbilisi to denounce the law.", "PROTEST", "asserted"),
        ("Students occupied the university building to protest fees.", "PROTEST", "asserted"),
        ("Protesters ended their sit-in after the governor resigned.", "CONCEDE", "asserted"),
        ("Niger and Mali quit ECOWAS on Sunday.", "SANCTION", "asserted"),
        ("Britain left the European Union in 2020.", "SANCTION", "asserted"),
        ("Russia halted gas deliveries to Bulgaria.", "SANCTION", "asserted"),
        ("Iraq declined a request from Turkey to extradite the suspects.", "REJECT", "asserted"),
        ("Jordan resumed electricity imports from Egypt.", "COOPERATE", "asserted"),
        ("Japan disbursed $500 million in budget support to Ukraine.", "AID", "asserted"),
        ("The European Union released 1.5 billion euros in aid to Egypt.", "AID", "asserted"),
        ("China scrambled fighter jets over the strait.", "MOBILIZE", "asserted"),
        ("The junta suspended the activities of political parties.", "COERCE", "asserted"),
        ("Police placed the opposition leader under house arrest.", "COERCE", "asserted"),
        ("Authorities revoked the citizenship of three dissidents.", "COERCE", "asserted"),
        ("Germany halted arms sales to Saudi Arabia.", "SANCTION", "asserted"),
        ("The prime minister ignored calls for a ceasefire.", "REJECT", "asserted"),
        ("The Senate voted down the aid package for Ukraine.", "REJECT", "asserted"),
        ("The court threw out the government's appeal.", "REJECT", "asserted"),
        ("The government backed down after weeks of protests.", "CONCEDE", "asserted"),
        ("The opposition ended its boycott of parliament.", "CONCEDE", "asserted"),
        ("The president agreed to the protesters' demands.", "CONCEDE", "asserted"),
        ("Hungary lifted its veto on the aid package for Ukraine.", "CONCEDE", "asserted"),
        ("The president reversed his decision to raise fuel prices.", "CONCEDE", "asserted"),
    ],
)
def test_events_news_types_and_modality(code, text, kind, modality):
    assert [(e.type, e.modality) for e in code(text).events if e.type == kind] == [(kind, modality)]


@pytest.mark.parametrize(
    "text, kind, cameo, modality",
    [
        # the threat's content is the reprisal in kind: sanctions, not violence
        (
            "Vietnam threatened to retaliate against the new Thai tariffs.",
            "THREATEN",
            "131",
            "asserted",
        ),
        ("The rebels vowed to retaliate against the army.", "THREATEN", "138", "asserted"),
        ("Seoul retaliated by recalling its ambassador from Tokyo.", "SANCTION", "161", "asserted"),
    ],
)
def test_events_retaliation_takes_its_means(code, text, kind, cameo, modality):
    (event,) = [e for e in code(text).events if e.type == kind]
    assert (event.cameo, event.modality) == (cameo, modality)


def test_events_headline_and_body_describing_sides_differently_merge(code):
    result = code(
        "Gunmen attacked a police station in northern Niger on Sunday, killing nine officers.",
        title="Militants kill nine police officers in Niger",
    )
    (event,) = result.events
    assert (event.type, event.mention_count, event.date) == ("ASSAULT", 3, "2024-03-03")
    assert names_of(result, event.actor) == ["Gunmen"]  # the body's mention is kept
    assert event.evidence[0] > len("Militants kill nine police officers in Niger")


def test_events_state_and_its_forces_in_headline_and_body_merge(code):
    result = code(
        "Turkish drones struck PKK positions in northern Iraq on Tuesday.",
        title="Turkey strikes PKK in Iraq",
    )
    (event,) = result.events
    assert (event.mention_count, names_of(result, event.actor)) == (2, ["Turkish drones"])


@pytest.mark.parametrize(
    "text",
    [
        # one actor, two named targets: two happenings
        "Russia shelled Kharkiv. Russia also shelled Odesa.",
        # two described actors of one country with different targets, both in the body
        "Gunmen killed five soldiers in Mali. Militants also attacked a police post in Mali.",
    ],
)
def test_events_distinct_body_mentions_stay_apart(code, text):
    assert len([e for e in code(text).events if e.type == "ASSAULT"]) == 2


@pytest.mark.parametrize(
    "text, types",
    [
        # a warning of a response to come is a threat by the speaker
        (
            "Any incursion into its waters will be met with a decisive response, the Greek "
            "defence minister said.",
            [("THREATEN", "138", "Greek defence minister")],
        ),
        (
            "The Turkish president said those behind the bombing would pay a heavy price.",
            [("THREATEN", "130", "Turkish president")],
        ),
        # what was met with a response is no warning, and no meeting
        ("The strike was met with a harsh response from police, the union said.", []),
    ],
)
def test_events_warnings_of_a_response(code, text, types):
    result = code(text)
    found = [(e.type, e.cameo, *names_of(result, e.actor)) for e in result.events]
    assert found == types


def test_events_a_cancelled_event_is_negated(code):
    result = code("The Kenyan government cancelled the rally by opposition supporters.")
    assert [(e.type, e.modality) for e in result.events] == [("PROTEST", "negated")]


def test_events_headline_and_body_naming_a_state_by_its_capital_merge(code):
    result = code(
        "Russia warned on Monday that it would respond to any buildup near its borders.",
        title="Moscow warns NATO of response",
    )
    assert [(e.type, e.mention_count) for e in result.events] == [("THREATEN", 2)]


def test_events_an_attempt_announced_by_any_is_hypothetical(code):
    result = code(
        "Any attempt to blockade Venezuela would be met with a firm answer, Caracas said."
    )
    assert sorted((e.type, e.modality) for e in result.events) == [
        ("COERCE", "hypothetical"),
        ("THREATEN", "asserted"),
    ]


def test_events_whom_a_warning_was_told_to_is_not_its_target(code):
    text = (
        '"Any incursion would be met with a firm answer," the Greek defence minister told the '
        "state broadcaster ERT."
    )
    result = code(text)
    (threat,) = [e for e in result.events if e.type == "THREATEN"]
    assert (names_of(result, threat.actor), threat.recipient) == (["Greek defence minister"], ())


def test_events_a_state_and_its_rebels_are_not_one_side(code):
    result = code(
        "Rebel fighters attacked a market in Khartoum on Monday.",
        title="Sudanese army attacks Khartoum",
    )
    assert [e.mention_count for e in result.events if e.type == "ASSAULT"] == [1, 1]


def test_events_headline_and_body_describing_a_person_differently_merge(code):
    result = code(
        "Senegalese police detained the leader of the main opposition party on Monday.",
        title="Police arrest opposition leader in Dakar",
    )
    assert [(e.type, e.mention_count, e.date) for e in result.events] == [
        ("COERCE", 2, "2024-03-04")
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        # The actor's own side announces the conditional step: a threat.
        (
            "Chad could close its border with Sudan if the fighting spreads, the interior "
            "minister said.",
            ("THREATEN", "asserted", ["Chad"]),
        ),
        # A member government speaks for the body it sits in.
        (
            "The African Union may suspend Niger's membership if the junta delays elections, "
            "Kenya's foreign minister said.",
            ("THREATEN", "asserted", ["African Union"]),
        ),
        # Onlookers forecast it: the step itself, hypothetical.
        (
            "Analysts said Chad could close its border with Sudan if the fighting spreads.",
            ("SANCTION", "hypothetical", ["Chad"]),
        ),
        (
            "Economists said dock workers could stage a national strike if the government "
            "scraps the wage deal.",
            ("PROTEST", "hypothetical", ["dock workers"]),
        ),
    ],
)
def test_events_a_conditional_step_is_a_threat_only_from_its_own_side(code, text, expected):
    result = code(text)
    first = result.events[0]
    assert (first.type, first.modality, names_of(result, first.actor)) == expected


# What each sentence codes: (type, CAMEO, modality, actor names, recipient names), in order.
WRONG_BEFORE = [
    # released money is aid, released captives a retreat; meeting a target meets no one
    (
        "The World Bank could release a further $300 million to Malawi if Lilongwe meets "
        "its spending targets.",
        [("AID", "071", "hypothetical", ["World Bank"], ["Malawi"])],
    ),
    (
        "The militia released four aid workers on Friday.",
        [("RETREAT", "0841", "asserted", ["militia"], ["four aid workers"])],
    ),
    ("The ministry met the deadline for the audit.", []),
    ("Egypt met all the conditions set by its creditors.", []),
    (
        "The minister met the board of the state oil company.",
        [("CONSULT", "040", "asserted", ["minister"], ["state oil company"])],
    ),
    (
        "Kenya's president met opposition leaders on Monday.",
        [("CONSULT", "040", "asserted", ["Kenya's president"], ["opposition leaders"])],
    ),
    # the condemned act is named, not done again; the accused is who did it, if said
    (
        "Human rights groups condemned the arrest of six journalists, calling it the worst "
        "crackdown in years.",
        [("ACCUSE", "111", "asserted", ["Human rights groups"], [])],
    ),
    (
        "Amnesty International condemned the arrest of three activists by Egyptian police.",
        [("ACCUSE", "111", "asserted", ["Amnesty International"], ["Egyptian police"])],
    ),
    (
        "Albania denounced Serbia's suppression of the protests.",
        [("ACCUSE", "111", "asserted", ["Albania"], ["Serbia"])],
    ),
    (
        "Police detained the editor in what activists called a crackdown on the press.",
        [("COERCE", "173", "asserted", ["Police"], ["editor"])],
    ),
    # who names an act did not do it; who calls a strike does
    ("Moscow called the new sanctions an act of war.", []),
    (
        "The unions called a general strike for Monday.",
        [("PROTEST", "143", "asserted", ["unions"], [])],
    ),
    # an official protest told with its aim is one act, by whom summons; an invitation
    # holds the visit it asks for
    (
        "Poland summoned Russia's ambassador to protest against the missile strike.",
        [("ACCUSE", "114", "asserted", ["Poland"], ["Russia's ambassador"])],
    ),
    (
        "Egypt's president invited the Kenyan foreign minister to visit Cairo.",
        [("REQUEST", "106", "asserted", ["Egypt's president"], ["Kenyan foreign minister"])],
    ),
    # an act told before: who did it is accused
    (
        "Gunmen attacked a church in Kaduna on Sunday. Nigeria's president condemned the attack.",
        [
            ("ASSAULT", "190", "asserted", ["Gunmen"], ["church"]),
            ("ACCUSE", "111", "asserted", ["Nigeria's president"], ["Gunmen"]),
        ],
    ),
    # an actor's own step under an "unless" ultimatum is a threat to whom the condition names;
    # an onlooker's forecast stays the act
    (
        "Dock workers will start an open-ended strike on Tuesday unless the port authority "
        "pays overdue wages.",
        [("THREATEN", "133", "asserted", ["Dock workers"], ["port authority"])],
    ),
    (
        "The rebels will withdraw from the peace talks unless the army halts its offensive.",
        [("THREATEN", "134", "asserted", ["rebels"], ["army"])],
    ),
    (
        "Analysts said the unions could strike if the government cuts pay.",
        [("PROTEST", "143", "hypothetical", ["unions"], [])],
    ),
    # a promise not to yield is a refusal; one not to attack an assurance
    (
        "Israel vowed not to withdraw from the occupied territories.",
        [("REJECT", "124", "asserted", ["Israel"], [])],
    ),
    ("Iran pledged not to attack its neighbours.", [("AGREE", "030", "asserted", ["Iran"], [])]),
    ("The army agreed not to attack the town.", [("AGREE", "030", "asserted", ["army"], [])]),
    # agreed sanctions are the sanctions; a denied attack is a negated one, a denied request
    # a refusal
    (
        "EU ministers agreed new sanctions against Iran on Monday.",
        [("SANCTION", "163", "asserted", ["EU ministers"], ["Iran"])],
    ),
    ("The rebels denied the attack.", [("ASSAULT", "190", "negated", ["rebels"], [])]),
    (
        "The government denied the request for asylum.",
        [("REJECT", "120", "asserted", ["government"], [])],
    ),
    # "no" on the subject negates; the convoy's arrival names its recipient
    (
        "No aid convoys have reached Taiz since March.",
        [("AID", "073", "negated", [], ["Taiz"])],
    ),
]


@pytest.mark.parametrize("text, expected", WRONG_BEFORE)
def test_events_named_acts_targets_and_ultimatums(code, text, expected):
    result = code(text)
    found = [
        (e.type, e.cameo, e.modality, names_of(result, e.actor), names_of(result, e.recipient))
        for e in result.events
    ]
    assert found == expected


# Recipients found in the argument structures the parser leaves ambiguous or nested:
# (type, actor countries, recipient countries) of the one event each sentence codes.
RECIPIENT_ARGUMENTS = [
    # a closing "with"/"to" argument hung on the last noun of the object phrase
    (
        "Jordan shared intelligence on the trafficking ring with Egypt.",
        "COOPERATE",
        ["JOR"],
        ["EGY"],
    ),
    # a bare object is the thing handed over; the named side is the recipient
    ("France pledged to send more armoured vehicles to Ukraine.", "AGREE", ["FRA"], ["UKR"]),
    # those let in, also through the noun of their coming
    ("Ethiopia allowed the return of African Union monitors.", "RETREAT", ["ETH"], [None]),
    # an act made way for by the same kind of act names its recipient
    (
        "Poland reopened the border crossing to allow the delivery of grain to Ukraine.",
        "RETREAT",
        ["POL"],
        ["UKR"],
    ),
    ("Hungary refused entry to Syrian refugees.", "REJECT", ["HUN"], ["SYR"]),
    # what is given back is its owner's
    ("Japan returned three Chinese fishing vessels on Monday.", "RETREAT", ["JPN"], ["CHN"]),
    # a protest's aim named on the verb of its purpose clause
    ("Farmers blocked roads to protest against French import rules.", "PROTEST", [None], ["FRA"]),
    (
        "Austria plans to impose restrictions on its labour market for Bulgarian workers.",
        "THREATEN",
        ["AUT"],
        ["BGR"],
    ),
    # what is received from someone is their aid; a delegation received comes from its side
    ("Ukraine received a shipment of tanks from Poland.", "AID", ["POL"], ["UKR"]),
    ("Kenya received a delegation from Somalia.", "CONSULT", ["SOM"], ["KEN"]),
    # "X-led" names who leads the act
    (
        "Saudi-led airstrikes against the Houthis killed 20 people.",
        "ASSAULT",
        ["SAU"],
        ["YEM"],
    ),
    # a place named by its province or region stands for the target's side
    (
        "Turkish jets bombed militant hideouts in Iraq's Dohuk province.",
        "ASSAULT",
        ["TUR"],
        ["IRQ"],
    ),
]


@pytest.mark.parametrize("text, kind, actor, recipient", RECIPIENT_ARGUMENTS)
def test_events_recipient_arguments(code, text, kind, actor, recipient):
    result = code(text)
    assert [e.type for e in result.events] == [kind]
    (event,) = result.events
    assert countries_of(result, event.actor) == actor
    assert countries_of(result, event.recipient) == recipient


def test_events_talks_keep_their_own_partner(code):
    # "with Kosovo" is the talks' partner, not the other side of the agreement
    result = code("Serbia agreed to French mediation in its talks with Kosovo.")
    found = [(e.type, countries_of(result, e.recipient)) for e in result.events]
    assert found == [("AGREE", ["FRA"]), ("CONSULT", ["XKX"])]


def test_events_a_where_clause_keeps_its_own_modality(code):
    text = (
        '"There are projects we can build together where we have common interests," the '
        "Ghanaian minister said."
    )
    agree = [e for e in code(text).events if e.type == "AGREE"]
    assert [e.modality for e in agree] == ["asserted"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # Someone else's act in a warning is a forecast: the act, hypothetical, no threat.
        (
            "Analysts warn that Kenya could expel the Somali envoy if talks collapse.",
            [("SANCTION", "hypothetical", ["Kenya"])],
        ),
        # The warner's own act, or what the warned side would face, is a threat.
        ("Iran warned that it would strike Israel.", [("THREATEN", "asserted", ["Iran"])]),
        (
            "The US warned Russia that it would face new sanctions.",
            [("THREATEN", "asserted", ["United States"])],
        ),
    ],
)
def test_events_a_warning_of_another_actor_s_act_is_a_forecast(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert [(e.type, e.modality, [names[i] for i in e.actor]) for e in result.events] == expected


def test_events_a_participle_on_a_nominal_act_names_its_target(code):
    result = code("Chinese forces staged live-fire drills encircling Taiwan on Thursday.")
    names = {a.id: a.name for a in result.actors}
    assert [(e.type, [names[i] for i in e.recipient]) for e in result.events] == [
        ("MOBILIZE", ["Taiwan"])
    ]
