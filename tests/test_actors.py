"""Actors in documents: mentions, chains, titles, appositives, context, metonymy, pronouns.

The texts are written for these tests; the people in them are fictional and live
in the fixture knowledge base under tests/data/kb/.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyads.actors import DocActors, extract_actors
from dyads.kb import KnowledgeBase, default_kb
from dyads.nlp import PUBLISHED
from dyads.records import Actor

KB_FILES = sorted((Path(__file__).parent / "data" / "kb").glob("kb_*.tsv"))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(kb_files=KB_FILES)


@pytest.fixture(scope="module")
def find(nlp_model, kb):
    """Parse a text and return ``(doc, DocActors)`` resolved against the fixture KB."""

    def run(text: str, date: dt.date | None = dt.date(2019, 5, 14)):
        doc = nlp_model.make_doc(text)
        doc.user_data[PUBLISHED] = date
        doc = nlp_model(doc)
        return doc, extract_actors(doc, kb)

    return run


def actor_of(doc, found: DocActors, text: str) -> Actor:
    """Return the actor of the first mention that starts with ``text``."""
    start = doc.text.index(text)
    for mention in found.mentions:
        if doc[mention.start].idx <= start < doc[mention.end - 1].idx + len(doc[mention.end - 1]):
            return found.actors[mention.actor]
    raise AssertionError(f"no mention at {text!r}: {found.actors}")


def mention_texts(doc, actor: Actor) -> list[str]:
    return [doc.text[s:e] for s, e in actor.mentions]


@pytest.mark.parametrize(
    "text, date, first, expected",
    [
        (
            "Polish Foreign Minister Marta Kowalczyk arrived in Nairobi on Monday for talks "
            "with Kenyan officials. Kowalczyk said the visit would deepen trade ties.",
            dt.date(2018, 3, 1),
            "Polish Foreign",
            ("Marta Kowalczyk", "POL", "GOV", "Foreign Minister", "person"),
        ),
        (
            "Viktor Lebedev flew to Berlin on Friday for a summit on energy prices.",
            dt.date(2010, 6, 1),
            "Viktor Lebedev",
            ("Viktor Lebedev", "RUS", "GOV", "Prime Minister", "person"),
        ),
        (
            "Viktor Lebedev flew to Berlin on Friday for a summit on energy prices.",
            dt.date(2019, 6, 1),
            "Viktor Lebedev",
            ("Viktor Lebedev", "RUS", "GOV", "President", "person"),
        ),
        (
            "Pierre Lambert criticised the new budget in a radio interview on Sunday.",
            dt.date(2019, 6, 1),
            "Pierre Lambert",
            ("Pierre Lambert", "FRA", "ELI", "former President", "person"),
        ),
        (
            "The Kremlin rejected the offer on Monday.",
            None,
            "Kremlin",
            ("Kremlin", "RUS", "GOV", None, "organisation"),
        ),
        (
            "Syrian warplanes struck Idlib on Sunday, residents said.",
            None,
            "Idlib",
            ("Idlib", "SYR", "CVL", None, "place"),
        ),
        (
            "Syrian warplanes struck Idlib on Sunday, residents said.",
            None,
            "Syrian warplanes",
            ("Syrian warplanes", "SYR", "MIL", "warplanes", "group"),
        ),
        (
            "Fighters of the Northern Liberation Front ambushed a police convoy on Friday.",
            None,
            "Northern Liberation Front",
            ("Northern Liberation Front", "KEN", "REB", None, "group"),
        ),
        (
            "The United Nations called for a ceasefire on Tuesday.",
            None,
            "United Nations",
            ("United Nations", None, "IGO", None, "organisation"),
        ),
    ],
)
def test_actors_resolution(find, text, date, first, expected):
    doc, found = find(text, date)
    actor = actor_of(doc, found, first)
    assert (actor.name, actor.country, actor.sector, actor.role, actor.kind) == expected


@pytest.mark.parametrize(
    "text, first, mentions",
    [
        (
            "Polish Foreign Minister Marta Kowalczyk arrived in Nairobi on Monday for talks "
            "with Kenyan officials. Kowalczyk said the visit would deepen trade ties.",
            "Polish Foreign",
            ["Polish Foreign Minister Marta Kowalczyk", "Kowalczyk"],
        ),
        (
            "President Viktor Lebedev met German business leaders in Moscow on Thursday. "
            "The president promised lower tariffs on machinery.",
            "President Viktor",
            ["President Viktor Lebedev", "The president"],
        ),
        (
            "Daniel Harper landed in Warsaw late on Sunday. The top U.S. diplomat is "
            "expected to meet Polish leaders on Monday.",
            "Daniel Harper",
            ["Daniel Harper", "The top U.S. diplomat"],
        ),
        (
            "Secretary of State Daniel Harper met Lebedev in Geneva on Tuesday. "
            "He said the meeting had been productive.",
            "Secretary of State",
            ["Secretary of State Daniel Harper", "He"],
        ),
        (
            "Kenyan rebels attacked an army convoy near the border on Friday. "
            "They withdrew before dawn.",
            "Kenyan rebels",
            ["Kenyan rebels", "They"],
        ),
        (
            "Thomas Brandt met Anna Weber in Berlin on Monday. She said the talks had been frank.",
            "Anna Weber",
            ["Anna Weber", "She"],
        ),
        (
            "Harper upbeat on trade\n\nSecretary of State Daniel Harper arrived in Tokyo on "
            "Monday for two days of talks.",
            "Secretary of State",
            ["Harper", "Secretary of State Daniel Harper"],
        ),
        (
            "Tom Brierley, a sheep farmer, said prices had halved. Mr Brierley said he would "
            "sell the flock.",
            "Tom Brierley",
            ["Tom Brierley", "a sheep farmer", "Mr Brierley", "he"],
        ),
        (
            # A woman named in full wins over the KB's Daniel Harper for "Ms Harper".
            "Nina Harper runs a bakery in Leeds. Ms Harper said flour now cost twice as much.",
            "Nina Harper",
            ["Nina Harper", "Ms Harper"],
        ),
        (
            # A surname the tagger took for a body, before and after the full name.
            "Fed's Moberg says cuts not imminent\n\nFederal Reserve Governor Anja "
            "Moberg said on Thursday that rates would stay high. Three banks asked "
            "about Moberg last week.",
            "Federal Reserve Governor",
            ["Moberg", "Federal Reserve Governor Anja Moberg", "Moberg"],
        ),
        (
            # A known given name makes the tagger's organisation a person.
            "Democrat Julia Ferraro said the vote was rigged. Ms. Ferraro said she would appeal.",
            "Democrat Julia",
            ["Democrat Julia Ferraro", "Ms. Ferraro", "she"],
        ),
        (
            "Paul Lambert, a retired teacher, lost his car in the flood. Lambert said the "
            "water rose within minutes.",
            "Paul Lambert",
            ["Paul Lambert", "a retired teacher", "his", "Lambert"],
        ),
    ],
)
def test_actors_chains(find, text, first, mentions):
    doc, found = find(text)
    assert mention_texts(doc, actor_of(doc, found, first)) == mentions


def test_actors_title_ambiguous_stays_unlinked(find):
    text = (
        "President Viktor Lebedev met President Pierre Lambert in Paris on Monday. "
        "The president said trade would grow."
    )
    doc, found = find(text, dt.date(2012, 6, 1))
    lonely = actor_of(doc, found, "The president")
    assert mention_texts(doc, lonely) == ["The president"]
    assert (lonely.country, lonely.sector) == (None, "GOV")


@pytest.mark.parametrize(
    "text, first, expected",
    [
        (
            "Tomas Brandt, one of Lebedev's advisers, said the talks had stalled.",
            "Tomas Brandt",
            ("RUS", "GOV", "adviser"),
        ),
        (
            "Ellen Marsh, the State Department's top envoy for East Africa, said on Monday "
            "that aid deliveries would resume.",
            "Ellen Marsh",
            ("USA", "GOV", "top envoy"),
        ),
        (
            "Russian officials rejected the proposal on Wednesday. Deputy Foreign Minister "
            "Oleg Sitnikov told reporters that the plan was one-sided.",
            "Oleg Sitnikov",
            ("RUS", "GOV", "deputy foreign minister"),
        ),
        (
            "The Russian Defence Ministry announced naval drills on Monday. Deputy Defence "
            "Minister Pavel Rudin said the exercise was routine.",
            "Pavel Rudin",
            ("RUS", "MIL", "deputy defence minister"),
        ),
    ],
)
def test_actors_appositive_and_context(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (actor.country, actor.sector, actor.role) == expected


@pytest.mark.parametrize(
    "text, first, expected",
    [
        (
            "Kenya's interior minister, Wanjiku Mwangi, said the border would stay open. "
            "She added that extra police would patrol it.",
            "Wanjiku Mwangi",
            (
                ("Wanjiku Mwangi", "person", "KEN", "GOV", "interior minister"),
                ["interior minister", "Wanjiku Mwangi", "She"],
            ),
        ),
        (
            "The navy's spokesman, Felipe Arroyo, said two boats had been seized. He said "
            "the crews were detained.",
            "Felipe Arroyo",
            (
                ("Felipe Arroyo", "person", None, "GOV", "spokesman"),
                ["spokesman", "Felipe Arroyo", "He"],
            ),
        ),
        (
            "The warning was signed by the chair of the dairy association, Piet Jansen, "
            "and sent to every farm.",
            "Piet Jansen",
            (
                ("Piet Jansen", "person", None, "GOV", "chair"),
                ["the chair", "Piet Jansen"],
            ),
        ),
    ],
)
def test_actors_nominal_named_by_its_appositive(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (
        (actor.name, actor.kind, actor.country, actor.sector, actor.role),
        mention_texts(doc, actor),
    ) == expected


@pytest.mark.parametrize(
    "text, first, expected",
    [
        (
            # The parser hangs the name elsewhere; ", Name," right after the phrase still names it.
            "A complaint was signed by the chief of the pilots' association, Tove Aasen, "
            "and sent to the airline.",
            "the chief",
            ("Tove Aasen", ["the chief", "Tove Aasen"]),
        ),
        (
            # A named possessor is its own mention and no part of the name.
            "The Fed's Moberg said rates would stay high.",
            "Moberg",
            ("Moberg", ["Moberg"]),
        ),
        (
            # A country word leading an organisation the KB does not know: one body.
            "Wolves were counted last winter by the U.S. Geological Survey, its staff said.",
            "the U.S.",
            ("U.S. Geological Survey", ["the U.S. Geological Survey"]),
        ),
    ],
)
def test_actors_names_without_their_neighbours(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (actor.name, mention_texts(doc, actor)) == expected


@pytest.mark.parametrize(
    "text, first, expected",
    [
        (
            "The charity Bridges4Peace, which runs two shelters, said the camps were full.",
            "The charity",
            ("Bridges4Peace", "organisation", "NGO", ["The charity Bridges4Peace"]),
        ),
        (
            "FRANKFURT (Reuters) - German carmaker Kroonwagen is exploring a sale of its "
            "battery unit. In a statement, the company said it reviews its portfolio.",
            "German carmaker",
            ("Kroonwagen", "organisation", "BUS", ["German carmaker Kroonwagen", "the company"]),
        ),
        (
            "Shares in Kroonbier fell on Monday. In a statement, the company said it would "
            "cut 300 jobs.",
            "Kroonbier",
            ("Kroonbier", "organisation", None, ["Kroonbier", "the company"]),
        ),
        (
            "The Harbour Workers Federation called a strike on Monday. The federation said "
            "talks with the port had failed.",
            "The Harbour",
            (
                "Harbour Workers Federation",
                "organisation",
                "LAB",
                ["The Harbour Workers Federation", "The federation"],
            ),
        ),
        (
            "The Northern Liberation Front seized a police post near Garissa. The group said "
            "its fighters would hold it.",
            "The Northern",
            (
                "Northern Liberation Front",
                "group",
                "REB",
                ["The Northern Liberation Front", "The group"],
            ),
        ),
        (
            "The group, Rising Tide, said its members would continue their protests.",
            "The group",
            ("Rising Tide", "organisation", None, ["The group", "Rising Tide"]),
        ),
        (
            # No name: a body noun with words of its own, repeated by "the federation".
            "Milk prices fell again, the dairy federation warned on Monday. The federation "
            "said farms were closing.",
            "the dairy",
            (
                "dairy federation",
                "organisation",
                None,
                ["the dairy federation", "The federation"],
            ),
        ),
    ],
)
def test_actors_bodies_named_and_repeated(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (actor.name, actor.kind, actor.sector, mention_texts(doc, actor)) == expected


def test_actors_body_nominal_with_two_candidates_stays_unlinked(find):
    text = (
        "The carmaker Kroonwagen sued the retailer Marlo over unpaid bills. "
        "The company said it would appeal."
    )
    doc, found = find(text)
    assert mention_texts(doc, actor_of(doc, found, "The carmaker")) == [
        "The carmaker",
        "Kroonwagen",
    ]
    assert mention_texts(doc, actor_of(doc, found, "the retailer")) == ["the retailer", "Marlo"]
    company = found.actor_at(next(t for t in doc if t.text == "company"))
    assert company is None or company.name == "company"


@pytest.mark.parametrize(
    "text, first, mentions",
    [
        (
            "Health Minister Sofia Ekholm rejected the report. Ekholm said the figures were wrong.",
            "Health Minister",
            ["Health Minister Sofia Ekholm", "Ekholm"],
        ),
        (
            # A known given name before a country's name: a person ("Michael Jordan").
            "Michael France said he would retire at the end of the season.",
            "Michael France",
            ["Michael France", "he"],
        ),
    ],
)
def test_actors_given_name_that_is_a_place(nlp_model, text, first, mentions):
    # The bundled KB, which knows Sofia as Bulgaria's capital.
    doc = nlp_model(text)
    found = extract_actors(doc, default_kb())
    actor = actor_of(doc, found, first)
    assert (actor.kind, mention_texts(doc, actor)) == ("person", mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Russian officials and German diplomats met in Vienna on Wednesday. "
        "Deputy Foreign Minister Oleg Sitnikov told reporters that the plan was one-sided.",
        "The U.S. State Department and the Russian Foreign Ministry traded accusations. "
        "Deputy Foreign Minister Oleg Sitnikov told reporters that the plan was one-sided.",
    ],
)
def test_actors_nationality_needs_one_candidate(find, text):
    doc, found = find(text)
    assert actor_of(doc, found, "Oleg Sitnikov").country is None


def test_actors_metonyms_act_for_governments(find):
    _, found = find("Washington warned Moscow against new strikes on Saturday.")
    assert [(a.name, a.country, a.sector) for a in found.actors] == [
        ("Washington", "USA", "GOV"),
        ("Moscow", "RUS", "GOV"),
    ]


def test_actors_interface_maps_tokens(find):
    doc, found = find("Kenyan police arrested two journalists in Nairobi.")
    police = found.actor_at(doc[1])
    assert police is not None and (police.country, police.sector) == ("KEN", "COP")
    assert found.mention_at(doc[1]).kind == "nominal"
    assert found.actor_at(doc[2]) is None


@pytest.mark.parametrize(
    "text, first, expected",
    [
        # A former president's surname alone, and nothing about France: someone else.
        (
            "Lambert said the bakery would close in June.",
            "Lambert",
            ("Lambert", None, None, None),
        ),
        (
            "Mr Lambert, who runs the bakery, said it would close in June.",
            "Mr Lambert",
            ("Lambert", None, None, None),
        ),
        # The text names France: the KB's former president fits.
        (
            "French pensions were cut again. Lambert said the cuts were unfair.",
            "Lambert said",
            ("Pierre Lambert", "FRA", "ELI", "former President"),
        ),
        # A minister's surname alone needs the country too; a head of state's does not.
        (
            "Mr Harper, who runs the bakery, said it would close in June.",
            "Mr Harper",
            ("Harper", None, None, None),
        ),
        (
            "Lebedev said the talks had failed.",
            "Lebedev",
            ("Viktor Lebedev", "RUS", "GOV", "President"),
        ),
        # "Ms" tells a woman: the KB's President Viktor Lebedev is not meant.
        (
            "Ms Lebedev, a teacher, said the school was closed.",
            "Ms Lebedev",
            ("Lebedev", None, "EDU", "teacher"),
        ),
        # A title is support enough.
        (
            "Former President Lambert said the cuts were unfair.",
            "Former President",
            ("Pierre Lambert", "FRA", "ELI", "former President"),
        ),
    ],
)
def test_actors_bare_surname_needs_support_for_a_kb_person(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (actor.name, actor.country, actor.sector, actor.role) == expected


@pytest.mark.parametrize(
    "words, pos, deps, heads, expected",
    [
        (
            ["Kenyan", "police", "arrested", "protesters", "."],
            ["ADJ", "NOUN", "VERB", "NOUN", "PUNCT"],
            ["amod", "nsubj", "ROOT", "dobj", "punct"],
            [1, 2, 2, 2, 2],
            # The police act at home: the protesters they arrest are placed in Kenya.
            [
                ("Kenyan police", "KEN", "COP", "organisation"),
                ("protesters", "KEN", "CVL", "group"),
            ],
        ),
        (
            ["The", "Kremlin", "rejected", "the", "Syrian", "civil", "war", "talks", "."],
            ["DET", "PROPN", "VERB", "DET", "ADJ", "ADJ", "NOUN", "NOUN", "PUNCT"],
            ["det", "nsubj", "ROOT", "det", "amod", "amod", "compound", "dobj", "punct"],
            [1, 2, 2, 7, 6, 6, 7, 2, 2],
            [("Kremlin", "RUS", "GOV", "organisation")],
        ),
        (
            # No entity tagged: a two-word proper-noun subject is a person's name.
            ["Bryn", "Howell", "said", "the", "pier", "collapsed", "."],
            ["PROPN", "PROPN", "VERB", "DET", "NOUN", "VERB", "PUNCT"],
            ["compound", "nsubj", "ROOT", "det", "nsubj", "ccomp", "punct"],
            [1, 2, 2, 4, 5, 2, 2],
            [("Bryn Howell", None, None, "person")],
        ),
        (
            # A single word is a name when an age follows it.
            ["Yusra", ",", "24", ",", "said", "she", "fled", "."],
            ["PROPN", "PUNCT", "NUM", "PUNCT", "VERB", "PRON", "VERB", "PUNCT"],
            ["nsubj", "punct", "appos", "punct", "ROOT", "nsubj", "ccomp", "punct"],
            [4, 0, 0, 0, 4, 6, 4, 4],
            [("Yusra", None, None, "person")],
        ),
        (
            ["Ports", "and", "Border", "Control", "said", "it", "acted", "."],
            ["PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PRON", "VERB", "PUNCT"],
            ["nsubj", "cc", "compound", "conj", "ROOT", "nsubj", "ccomp", "punct"],
            [4, 0, 3, 0, 4, 6, 4, 4],
            [("Ports and Border Control", None, None, "organisation")],
        ),
        (
            ["The", "charity", "Bridges4Peace", "said", "camps", "were", "full", "."],
            ["DET", "NOUN", "PROPN", "VERB", "NOUN", "AUX", "ADJ", "PUNCT"],
            ["det", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
            [2, 2, 3, 3, 5, 3, 5, 3],
            [("Bridges4Peace", None, "NGO", "organisation")],
        ),
    ],
)
def test_actors_rules_on_hand_built_doc(nlp_blank, kb, words, pos, deps, heads, expected):
    from spacy.tokens import Doc

    doc = Doc(nlp_blank.vocab, words=words, pos=pos, deps=deps, heads=heads)
    found = extract_actors(doc, kb)
    assert [(a.name, a.country, a.sector, a.kind) for a in found.actors] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Poland rejected a U.S. request on Monday.",
            [("Poland", "POL", None, "state"), ("United States", "USA", None, "state")],
        ),
        (
            "Kenya condemned the Russian air raids.",
            [("Kenya", "KEN", None, "state"), ("Russia", "RUS", None, "state")],
        ),
        # A plural demonym in a coordination is an actor like its partner.
        (
            "Poland and the Kenyans signed the deal.",
            [("Poland", "POL", None, "state"), ("Kenyans", "KEN", None, "group")],
        ),
        # A country leading something owns it, even a topic noun.
        (
            "Kenya opposed the US-led war.",
            [("Kenya", "KEN", None, "state"), ("United States", "USA", None, "state")],
        ),
        # A topic noun: the talks are about Syria, not by it.
        ("Kenya welcomed the Syria talks on Monday.", [("Kenya", "KEN", None, "state")]),
        # Before an actor noun the adjective is part of that actor.
        ("Russian officials rejected the plan.", [("Russian officials", "RUS", "GOV", "group")]),
    ],
)
def test_actors_country_modifiers_name_the_owning_state(find, text, expected):
    _, found = find(text)
    assert [(a.name, a.country, a.sector, a.kind) for a in found.actors] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "U.S. and Russian negotiators met in Geneva.",
            [("U.S.", "USA", "GOV"), ("Russian negotiators", "RUS", "GOV")],
        ),
        (
            "French, German and Kenyan warships sailed on Monday.",
            [("French", "FRA", "MIL"), ("German", "DEU", "MIL"), ("Kenyan warships", "KEN", "MIL")],
        ),
    ],
)
def test_actors_coordinated_countries_are_separate_actors(find, text, expected):
    doc, found = find(text)
    got = [
        (doc[m.start : m.end].text, found.actors[m.actor].country, found.actors[m.actor].sector)
        for m in found.mentions
        if found.actors[m.actor].sector in ("GOV", "MIL")
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text, first, country",
    [
        # A place after the head.
        ("Rebels in Kenya rejected the appeal on Monday.", "Rebels", "KEN"),
        ("Opposition groups in Poland demanded new elections.", "Opposition groups", "POL"),
        # "of" an actor with a country; "from" a state for unarmed people, a group for all.
        ("The government of President Lebedev resigned.", "government", "RUS"),
        ("Refugees from Kenya crossed the border.", "Refugees", "KEN"),
        ("Doctors from two Kenyan aid groups donated medicine.", "Doctors", "KEN"),
        ("The withdrawal of some forces from Kenya began on Monday.", "forces", None),
        # A people is placed where the text says it lives.
        ("The Kenyans of southern Poland demanded autonomy.", "The Kenyans", "POL"),
        # Nothing in the sentence: the article's one country, if it has only one.
        ("Kenya's parliament met on Monday. Police fired tear gas at crowds.", "Police", "KEN"),
        ("Kenya and Poland signed a deal. Police fired tear gas at crowds.", "Police", None),
        # A state institution is placed like a group; officials as a group are not.
        (
            "Kenya's parliament met on Monday. The government rejected the bill.",
            "The government",
            "KEN",
        ),
        ("The government imposed a curfew in Nairobi.", "The government", "KEN"),
        # A body is not placed by a state that merely acts in its sentence.
        (
            "The International Water Council concluded that Poland must pay more.",
            "The International",
            None,
        ),
        # An occupied place is not the occupier's.
        ("The Kenyans of the Polish-occupied Nairobi marched.", "The Kenyans", "KEN"),
        # A KB organisation without a country keeps none.
        ("The United Nations sent aid to Nairobi.", "United Nations", None),
        # A state owning an act is no place; one owning a place is.
        ("Protesters burned Polish flags on Friday.", "Protesters", None),
        ("Protesters marched in the Polish capital on Friday.", "Protesters", "POL"),
        # A place no mention names, from the gazetteer.
        ("The deputy governor of the Aleppo region resigned.", "The deputy governor", "SYR"),
        # The sentence's one place.
        ("Hundreds of protesters marched through Nairobi on Monday.", "protesters", "KEN"),
        # Domestic authorities place the group they act on.
        ("Polish police dispersed the protesters on Monday.", "protesters", "POL"),
        # A foreign army places nobody; two countries place nobody.
        ("Russian troops attacked the rebels on Monday.", "rebels", None),
        ("Protesters marched in Paris and Berlin on Monday.", "Protesters", None),
        # A titled person the KB does not know: a state that owns something, civilians.
        ("President Amos Kiprono postponed Kenya's elections.", "President", "KEN"),
        ("President Amos Kiprono banned Kenyan opposition candidates.", "President", "KEN"),
        ("President Amos Kiprono imposed a curfew in Nairobi on Monday.", "President", "KEN"),
        # Not the places a person travels to or acts against, nor where officials meet.
        ("President Amos Kiprono threatened action against Poland.", "President", None),
        # Namesakes who both served Kenya: the person is not resolved, the country is.
        ("President Kamau threatened action against Poland.", "President", "KEN"),
        ("President Amos Kiprono flew to Warsaw on Monday.", "President", None),
        ("Foreign ministers met in Warsaw on Monday.", "Foreign ministers", None),
        # Other officials are counterparts, not a nationality.
        ("President Amos Kiprono met Polish officials on Monday.", "President", None),
    ],
)
def test_actors_country_from_places(find, text, first, country):
    doc, found = find(text)
    assert actor_of(doc, found, first).country == country


def test_actors_misspelt_country_tagged_as_place(nlp_blank, kb):
    from spacy.tokens import Doc

    words = ["Kenya", "rejected", "an", "offer", "from", "Germny", "."]
    doc = Doc(
        nlp_blank.vocab,
        words=words,
        pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"],
        heads=[1, 1, 3, 1, 3, 4, 1],
        ents=["B-GPE", "O", "O", "O", "O", "B-GPE", "O"],
    )
    found = extract_actors(doc, kb)
    assert [(a.name, a.country) for a in found.actors] == [("Kenya", "KEN"), ("Germany", "DEU")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "U.S.-backed rebels attacked the town.",
            [("U.S.-backed", "USA", None), ("rebels", None, "REB")],
        ),
        (
            "Russian-backed rebels attacked the town.",
            [("Russian", "RUS", None), ("rebels", None, "REB")],
        ),
        # A member's country is the member's.
        ("Russian-led forces attacked the town.", [("Russian-led forces", "RUS", "MIL")]),
    ],
)
def test_actors_patron_is_a_mention_of_its_own(find, text, expected):
    doc, found = find(text)
    got = [
        (doc[m.start : m.end].text, found.actors[m.actor].country, found.actors[m.actor].sector)
        for m in found.mentions
        if doc[m.start].text != "town"
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text, platform",
    [
        (
            "Paolo Vieri left the club on Monday, his agent said. He learned of it on Twitter.",
            "Twitter",
        ),
        ("Anna Weber posted a video on Instagram. She thanked her fans.", "Instagram"),
    ],
)
def test_actors_platforms_are_bodies_in_the_bundled_kb(nlp_model, text, platform):
    doc = nlp_model(text)
    found = extract_actors(doc, default_kb())
    actor = actor_of(doc, found, platform)
    assert (actor.kind, actor.sector) == ("organisation", "BUS")
    pronoun = next(t for t in doc if t.lower_ in ("he", "she"))
    assert found.actor_at(pronoun) == found.actors[0]
    assert found.actors[0].kind == "person"


@pytest.mark.parametrize(
    "words, pos, ents, parse, expected",
    [
        (
            # A noun for a person before a name the tagger typed as a body.
            ["Economist", "Callum", "MacRury", "said", "rates", "would", "rise", "."],
            ["NOUN", "PROPN", "PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"],
            ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O"],
            None,
            [("Callum MacRury", "person", "economist")],
        ),
        (
            ["Local", "farmer", "Jo", "Reed", "said", "prices", "fell", "."],
            ["ADJ", "NOUN", "PROPN", "PROPN", "VERB", "NOUN", "VERB", "PUNCT"],
            ["O", "O", "B-GPE", "I-GPE", "O", "O", "O", "O"],
            (
                ["amod", "compound", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"],
                [1, 3, 3, 4, 4, 6, 4, 4],
            ),
            [("Jo Reed", "person", "farmer")],
        ),
        (
            # A name holding a body noun stays the tagger's organisation.
            ["Analyst", "Harbour", "Trust", "said", "rates", "would", "rise", "."],
            ["NOUN", "PROPN", "PROPN", "VERB", "NOUN", "AUX", "VERB", "PUNCT"],
            ["O", "B-ORG", "I-ORG", "O", "O", "O", "O", "O"],
            None,
            [("Harbour Trust", "organisation", None)],
        ),
    ],
)
def test_actors_person_noun_before_a_body_name(nlp_blank, kb, words, pos, ents, parse, expected):
    from spacy.tokens import Doc

    deps, heads = parse or (None, None)
    doc = Doc(nlp_blank.vocab, words=words, pos=pos, ents=ents, deps=deps, heads=heads)
    found = extract_actors(doc, kb)
    assert [(a.name, a.kind, a.role) for a in found.actors] == expected


def test_actors_governed_place_tagged_as_person_is_no_person(nlp_blank, kb):
    from spacy.tokens import Doc

    words = ["Rosa", "Lima", "became", "mayor", "of", "Vila", "Serena", "."]
    doc = Doc(
        nlp_blank.vocab,
        words=words,
        pos=["PROPN", "PROPN", "VERB", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT"],
        deps=["compound", "nsubj", "ROOT", "attr", "prep", "compound", "pobj", "punct"],
        heads=[1, 2, 2, 2, 3, 6, 4, 2],
        ents=["B-PERSON", "I-PERSON", "O", "O", "O", "B-PERSON", "I-PERSON", "O"],
    )
    found = extract_actors(doc, kb)
    assert [(a.name, a.kind) for a in found.actors] == [
        ("Rosa Lima", "person"),
        ("mayor", "person"),
    ]


@pytest.mark.parametrize(
    "text, pronoun, expected",
    [
        # A name inside quotation marks is no antecedent for a pronoun outside them.
        (
            'Fans chanted "Martha Kane is coming home" outside the stadium. She said she '
            "was moved.",
            "She",
            None,
        ),
        (
            "Anna Reed, who plays a nurse, posted a video last night. She said the abuse "
            "had to stop.",
            "She",
            "Anna Reed",
        ),
    ],
)
def test_actors_pronoun_leaves_quoted_people_alone(find, text, pronoun, expected):
    doc, found = find(text)
    actor = found.actor_at(next(t for t in doc if t.text == pronoun))
    assert (actor.name if actor is not None else None) == expected


@pytest.mark.parametrize(
    "words, ents, expected",
    [
        # A party word before a name the tagger missed does not hide it.
        (
            ["Democrat", "Julia", "Ferraro", "replied", "."],
            ["B-NORP", "O", "O", "O", "O"],
            ("Julia Ferraro", "person"),
        ),
        # The name of a person entity is the entity's words, not the modifiers before it.
        (
            ["Republican", "Tom", "Ashcombe", "replied", "."],
            ["B-NORP", "B-PERSON", "I-PERSON", "O", "O"],
            ("Tom Ashcombe", "person"),
        ),
    ],
)
def test_actors_party_word_before_a_name(nlp_blank, kb, words, ents, expected):
    from spacy.tokens import Doc

    doc = Doc(
        nlp_blank.vocab,
        words=words,
        pos=["PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        deps=["compound", "compound", "nsubj", "ROOT", "punct"],
        heads=[2, 2, 3, 3, 3],
        ents=ents,
    )
    found = extract_actors(doc, kb)
    assert expected in [(a.name, a.kind) for a in found.actors]


def test_actors_misspelt_demonym_tagged_as_people(nlp_blank, kb):
    from spacy.tokens import Doc

    words = ["Police", "turned", "back", "Kenyians", "."]
    doc = Doc(
        nlp_blank.vocab,
        words=words,
        pos=["NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
        deps=["nsubj", "ROOT", "prt", "dobj", "punct"],
        heads=[1, 1, 1, 1, 1],
        ents=["O", "O", "O", "B-NORP", "O"],
    )
    found = extract_actors(doc, kb)
    assert [(a.name, a.country, a.sector) for a in found.actors][-1] == ("Kenyians", "KEN", "CVL")


@pytest.mark.parametrize(
    "text, country",
    [
        # The sentence names the other country that has a town of this name.
        ("Militias clashed in Tripoli, the Lebanese port, on Monday.", "LBN"),
        # The capital's own country is named: it stays.
        ("Libya said clashes in Tripoli killed ten people.", "LBY"),
    ],
)
def test_actors_town_named_like_a_capital_abroad(nlp_model, text, country):
    doc = nlp_model(text)
    found = extract_actors(doc)
    tripoli = next(a for a in found.actors if a.name == "Tripoli")
    assert tripoli.country == country


def test_actors_waters_named_after_a_country_are_no_mention(find):
    _, found = find("Kenyan warships sailed into the Gulf of Mexico on Monday.")
    assert [a.name for a in found.actors] == ["Kenyan warships"]


def test_actors_entity_split_at_its_comma(nlp_blank, kb):
    from spacy.tokens import Doc

    words = ["The", "owner", "of", "Verona", "Nuoto", ",", "Lucio", "Ferrante", ",", "denied", "it"]
    ents = ["O", "O", "O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "I-FAC", "O", "O", "O"]
    doc = Doc(nlp_blank.vocab, words=words, ents=ents)
    found = extract_actors(doc, kb)
    assert [(a.name, a.kind) for a in found.actors] == [("Lucio Ferrante", "person")]


def test_actors_role_noun_before_a_known_body_is_that_body(nlp_blank, kb):
    from spacy.tokens import Doc

    doc = Doc(
        nlp_blank.vocab,
        words=["The", "gang", "Northern", "Liberation", "Front", "said", "it", "won"],
        pos=["DET", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PRON", "VERB"],
        deps=["det", "nsubj", "compound", "compound", "appos", "ROOT", "nsubj", "ccomp"],
        heads=[1, 5, 4, 4, 1, 5, 7, 5],
    )
    found = extract_actors(doc, kb)
    assert [(a.name, a.kind, a.sector) for a in found.actors] == [
        ("Northern Liberation Front", "group", "REB")
    ]
    assert mention_texts(doc, found.actors[0]) == ["The gang", "Northern Liberation Front"]


@pytest.mark.parametrize(
    "words, expected",
    [
        (["Ashgrove", "United", "moved", "up", "."], [("Ashgrove United", "organisation")]),
        (["Bryn", "Howell", "moved", "away", "."], [("Bryn Howell", "person")]),
    ],
)
def test_actors_untagged_subject_with_a_club_word_is_a_body(nlp_blank, kb, words, expected):
    from spacy.tokens import Doc

    doc = Doc(
        nlp_blank.vocab,
        words=words,
        pos=["PROPN", "PROPN", "VERB", "ADV", "PUNCT"],
        deps=["compound", "nsubj", "ROOT", "advmod", "punct"],
        heads=[1, 2, 2, 2, 2],
    )
    found = extract_actors(doc, kb)
    assert [(a.name, a.kind) for a in found.actors] == expected


def test_actors_doubted_acronym_is_an_unknown_body(nlp_blank, tmp_path):
    from spacy.tokens import Doc

    user = tmp_path / "people.yaml"
    user.write_text(
        "- name: Greta Lindholm-Varga\n"
        "  aliases: [GLV]\n"
        "  country: KEN\n"
        "  sector: GOV\n"
        "  role: Defence Minister\n"
        "  start: 2001\n"
        "  end: 2004\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(extra_files=[user], kb_files=KB_FILES)
    words = ["GLV", "officials", "met", "on", "Monday", "."]
    doc = Doc(nlp_blank.vocab, words=words, ents=["B-ORG", "O", "O", "O", "O", "O"])
    doc.user_data[PUBLISHED] = dt.date(2019, 5, 14)
    found = extract_actors(doc, kb)
    assert (found.actors[0].name, found.actors[0].kind, found.actors[0].country) == (
        "GLV",
        "organisation",
        None,
    )


def test_actors_dateline_town_is_no_company(find):
    doc, found = find(
        "FRANKFURT - Kroonbier is exploring a sale of its battery unit. In a "
        "statement, the company said it reviews its portfolio."
    )
    company = found.actor_at(next(t for t in doc if t.text == "company"))
    assert company is None or company.name != "FRANKFURT"


@pytest.mark.parametrize(
    "text, first, expected",
    [
        # People of a body belong to it: its sector and country, kind group.
        (
            "Members of the Northern Liberation Front surrendered on Monday.",
            "Members",
            ("group", "KEN", "REB"),
        ),
        (
            "Leaders of the opposition party called for new elections in Kenya.",
            "Leaders",
            ("group", "KEN", "OPP"),
        ),
        (
            "Supporters of the Northern Liberation Front marched through the town.",
            "Supporters",
            ("group", "KEN", "REB"),
        ),
        ("Members of the Security Council met on Monday.", "Members", ("group", None, "IGO")),
        # One person of a body.
        (
            "The leader of the Harbour Workers Union said the strike would go on.",
            "The leader",
            ("person", None, "LAB"),
        ),
        # People of a state keep their own sector.
        ("Leaders of Poland met in Warsaw on Monday.", "Leaders", ("group", "POL", "GOV")),
    ],
)
def test_actors_members_of_a_body_are_its_people(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (actor.kind, actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text, first, expected",
    [
        # No title: the given name tells a person, whatever words describe her.
        ("Fan favourite Maria Lopez won the vote on Sunday.", "Maria", ("Maria Lopez", "person")),
        ("Newcomer Ingrid Halvorsen topped the poll.", "Newcomer", ("Ingrid Halvorsen", "person")),
        (
            '"The shelter is full," said Tomasz Nowak, who runs the shelter.',
            "Tomasz",
            ("Tomasz Nowak", "person"),
        ),
        # A name the tagger missed, as the object of a verb.
        ("Supporters cheered Ana Torres as she arrived.", "Ana", ("Ana Torres", "person")),
        # A town after "of", tagged as a person, is the town.
        ("The prize went to Sofia Marquez of Valencia.", "Valencia", ("Valencia", "place")),
    ],
)
def test_actors_people_without_titles(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (actor.name, actor.kind) == expected


def test_actors_known_possessor_is_no_name_of_the_person(nlp_model):
    # "Fed" is a bundled KB name; the surname after it is still the governor's.
    doc = nlp_model(
        "Fed's Moberg says rate cuts not imminent\n\n"
        "Federal Reserve Governor Anja Moberg said on Thursday the bank was in no hurry."
    )
    found = extract_actors(doc, default_kb())
    assert actor_of(doc, found, "Fed").name == "Federal Reserve"
    assert actor_of(doc, found, "Moberg says").name == "Anja Moberg"


@pytest.mark.parametrize(
    "text, first, expected",
    [
        # A town is a place; a capital acting for its government is the state.
        ("Shells hit homes in Kharkiv on Monday.", "Kharkiv", ("place", "UKR", "CVL")),
        ("Moscow said the sanctions were illegal.", "Moscow", ("state", "RUS", "GOV")),
        # A capital named only as where things happen is the town.
        ("Protesters marched in Warsaw on Saturday.", "Warsaw", ("place", "POL", "CVL")),
        (
            "Warsaw said the march was illegal. Protesters marched in Warsaw on Saturday.",
            "Warsaw",
            ("state", "POL", "GOV"),
        ),
        # An office the town owns, people who live there.
        ("Kharkiv's mayor said the city was under attack.", "mayor", ("person", "UKR", "GOV")),
        ("Kharkiv's mayor said the city was under attack.", "Kharkiv", ("place", "UKR", "CVL")),
        ("Residents of Aleppo fled the fighting.", "Residents", ("group", "SYR", "CVL")),
        # A town the tagger took for a people.
        ("Jets struck targets in Idlib and Aleppo.", "Aleppo", ("place", "SYR", "CVL")),
        # The region around a town.
        ("Shelling in Idlib province killed five people.", "Idlib", ("place", "SYR", "CVL")),
        # A name after "the village of" that no gazetteer knows.
        ("Troops entered the village of Tel Qasra on Monday.", "Tel Qasra", ("place", None, None)),
    ],
)
def test_actors_towns_are_places(find, text, first, expected):
    doc, found = find(text)
    actor = actor_of(doc, found, first)
    assert (actor.kind, actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text, first, mentions",
    [
        # One country's ministry under its two common names is one actor.
        (
            "Kenya's Foreign Ministry summoned the envoy on Monday. The Kenyan Ministry of "
            "Foreign Affairs said the remarks were unacceptable.",
            "Foreign Ministry",
            ["Foreign Ministry", "Kenyan Ministry of Foreign Affairs"],
        ),
        (
            "The Kenyan defence ministry said troops were ready. The Ministry of Defence "
            "added that leave was cancelled.",
            "The Kenyan",
            ["The Kenyan defence ministry", "Ministry of Defence"],
        ),
        # Another country's is another actor.
        (
            "The Kenyan defence ministry said troops were ready. The Polish Ministry of "
            "Defence denied it.",
            "The Kenyan",
            ["The Kenyan defence ministry"],
        ),
    ],
)
def test_actors_one_ministry_under_two_names(find, text, first, mentions):
    doc, found = find(text)
    assert mention_texts(doc, actor_of(doc, found, first)) == mentions


@pytest.mark.parametrize(
    "text, first, mentions",
    [
        (
            "The Russian Foreign Ministry said the talks had failed. The Ministry of Foreign "
            "Affairs added that a new round was possible.",
            "The Russian",
            ["The Russian Foreign Ministry", "Ministry of Foreign Affairs"],
        ),
        # A phrase after it may place it elsewhere: not linked.
        (
            "The Russian defence ministry said drones were downed. The defence ministry in "
            "Kyiv denied it.",
            "The Russian",
            ["The Russian defence ministry"],
        ),
    ],
)
def test_actors_kb_ministry_and_its_role_noun_in_the_bundled_kb(nlp_model, text, first, mentions):
    doc = nlp_model(text)
    found = extract_actors(doc, default_kb())
    assert mention_texts(doc, actor_of(doc, found, first)) == mentions


@pytest.mark.parametrize("label", ["ORG", "GPE", "LOC", "FAC"])
def test_actors_name_with_a_given_name_typed_as_a_body_or_place(nlp_blank, kb, label):
    from spacy.tokens import Doc

    doc = Doc(
        nlp_blank.vocab,
        words=["Oleksandr", "Kovalenko", "replied", "."],
        pos=["PROPN", "PROPN", "VERB", "PUNCT"],
        deps=["compound", "nsubj", "ROOT", "punct"],
        heads=[1, 2, 2, 2],
        ents=[f"B-{label}", f"I-{label}", "O", "O"],
    )
    found = extract_actors(doc, kb)
    assert [(a.name, a.kind) for a in found.actors] == [("Oleksandr Kovalenko", "person")]


def test_actors_body_named_after_a_kb_body_is_its_own(nlp_model):
    # "NHS" is a bundled KB name; the trust that holds it in its name is another body.
    doc = nlp_model("Kestrel Valley NHS Foundation Trust said the ward would reopen.")
    found = extract_actors(doc, default_kb())
    actor = actor_of(doc, found, "Kestrel")
    assert (actor.name, actor.kind) == ("Kestrel Valley NHS Foundation Trust", "organisation")


def _hand_doc(nlp_blank, words, pos, deps, heads, ents, lemmas=None):
    from spacy.tokens import Doc

    return Doc(
        nlp_blank.vocab, words=words, pos=pos, deps=deps, heads=heads, ents=ents, lemmas=lemmas
    )


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_actors_lone_town_tagged_as_a_name_is_a_place(nlp_blank, label):
    doc = _hand_doc(
        nlp_blank,
        ["Drones", "struck", "Kherson", "overnight", "."],
        ["NOUN", "VERB", "PROPN", "ADV", "PUNCT"],
        ["nsubj", "ROOT", "dobj", "advmod", "punct"],
        [1, 1, 1, 1, 1],
        ["O", "O", f"B-{label}", "O", "O"],
    )
    found = extract_actors(doc, default_kb())
    assert [(a.name, a.kind, a.country, a.sector) for a in found.actors] == [
        ("Drones", "group", None, "MIL"),
        ("Kherson", "place", "UKR", "CVL"),
    ]


def test_actors_town_name_as_speaker_or_with_a_surname_stays_a_person(nlp_blank):
    # A surname that is also a town, as the subject of a reporting verb; a town name
    # followed by a surname.
    doc = _hand_doc(
        nlp_blank,
        ["Kherson", "said", "Odesa", "Marchuk", "left", "."],
        ["PROPN", "VERB", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["nsubj", "ROOT", "compound", "nsubj", "ccomp", "punct"],
        [1, 1, 3, 4, 1, 1],
        ["B-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"],
        lemmas=["Kherson", "say", "Odesa", "Marchuk", "leave", "."],
    )
    found = extract_actors(doc, default_kb())
    assert [(a.name, a.kind) for a in found.actors] == [
        ("Kherson", "person"),
        ("Odesa Marchuk", "person"),
    ]


def test_actors_name_with_particles_split_by_the_tagger_is_one_person(nlp_blank):
    doc = _hand_doc(
        nlp_blank,
        ["Hans", "Van", "der", "Berg", "resigned", "."],
        ["PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PUNCT"],
        ["compound", "compound", "compound", "nsubj", "ROOT", "punct"],
        [3, 3, 3, 4, 4, 4],
        ["B-PERSON", "I-PERSON", "I-PERSON", "B-GPE", "O", "O"],
    )
    found = extract_actors(doc, default_kb())
    assert [(a.name, a.kind, a.country) for a in found.actors] == [
        ("Hans Van der Berg", "person", None)
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Charlotte de la Fontaine won the vote.",
            [("Charlotte de la Fontaine", "person", None, None)],
        ),
        (
            "A regional think-tank warned that prices would rise.",
            [("regional think-tank", "organisation", None, "EDU")],
        ),
        (
            "A neighbour, who gave his name only as Tariq, said the shelling lasted hours.",
            [("Tariq", "person", None, None)],
        ),
        (
            "The governor of Nevada vetoed the bill.",
            [("governor", "person", "USA", "GOV"), ("Nevada", "place", "USA", "CVL")],
        ),
        ("Oregon officials closed the highway.", [("Oregon officials", "group", "USA", "GOV")]),
        (
            "Students near the Turkish embassy chanted slogans.",
            [("Students", "group", None, "EDU"), ("Turkish embassy", "organisation", "TUR", "GOV")],
        ),
        (
            "Figures from the Office for Regional Statistics show rents rose.",
            [("Office for Regional Statistics", "organisation", None, None)],
        ),
        (
            "Research by the University of Bristol found the same.",
            [("University of Bristol", "organisation", "GBR", "EDU")],
        ),
        (
            "Coast guards in the East China Sea stopped two trawlers.",
            [("Coast guards", "organisation", None, "MIL"), ("China", "state", "CHN", None)],
        ),
    ],
)
def test_actors_names_places_and_waters_in_the_bundled_kb(nlp_model, text, expected):
    doc = nlp_model(text)
    found = extract_actors(doc, default_kb())
    assert [(a.name, a.kind, a.country, a.sector) for a in found.actors] == expected


def test_actors_postnominals_stay_out_of_a_persons_name(nlp_model):
    text = "Prosecutor Nadia Ferrer KC told the jury the van was stolen. Ferrer said it burned."
    doc = nlp_model(text)
    found = extract_actors(doc, default_kb())
    actor = actor_of(doc, found, "Prosecutor")
    assert (actor.name, actor.sector) == ("Nadia Ferrer", "JUD")
    assert mention_texts(doc, actor) == ["Prosecutor Nadia Ferrer KC", "Ferrer"]


def test_actors_one_word_body_described_as_a_person_is_a_person(nlp_blank):
    # "Abara, a nurse, said": a surname the tagger typed as a body, with a person noun.
    doc = _hand_doc(
        nlp_blank,
        ["Abara", ",", "a", "nurse", ",", "said", "it", "."],
        ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT"],
        ["nsubj", "punct", "det", "appos", "punct", "ROOT", "dobj", "punct"],
        [5, 0, 3, 0, 0, 5, 5, 5],
        ["B-ORG", "O", "O", "O", "O", "O", "O", "O"],
    )
    found = extract_actors(doc, default_kb())
    assert [(a.name, a.kind, a.sector) for a in found.actors] == [("Abara", "person", "MED")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Martin Luther King Jr. led the march.", ("Martin Luther King", "person", None)),
        ("King Charles met the envoy.", ("Charles III", "person", "King")),
    ],
)
def test_actors_a_role_word_after_a_given_name_is_a_surname(code, text, expected):
    first = code(text).actors[0]
    assert (first.name, first.kind, first.role) == expected


@pytest.mark.parametrize(
    "name, first, kind, country",
    [
        # A state or province the tagger took for a person is the place.
        (["Karnataka"], "Karnataka", "place", "IND"),
        (["Tamil", "Nadu"], "Tamil", "place", "IND"),
        # Not a state that is also a given name.
        (["Victoria"], "Victoria", "person", None),
    ],
)
def test_actors_region_tagged_as_person_is_the_region(nlp_blank, kb, name, first, kind, country):
    from spacy.tokens import Doc

    words = [*name, "said", "it", "would", "appeal", "."]
    ents = ["B-PERSON"] + ["I-PERSON"] * (len(name) - 1) + ["O"] * 5
    doc = Doc(nlp_blank.vocab, words=words, ents=ents)
    found = extract_actors(doc, kb)
    actor = found.actors[0]
    assert (actor.name.split()[0], actor.kind, actor.country) == (first, kind, country)


@pytest.mark.parametrize(
    "text, name, role, sector",
    [
        # A name the tagger missed, after a party and a parliamentary title.
        ("Labour TD Conor Daly argued that the vote was rushed.", "Conor Daly", "td", "PTY"),
        ("Police said MEP Ana Ruiz had been questioned.", "Ana Ruiz", "mep", "LEG"),
    ],
)
def test_actors_untagged_name_after_a_title(code, text, name, role, sector):
    (actor,) = [a for a in code(text).actors if a.kind == "person"]
    assert (actor.name, actor.role, actor.sector) == (name, role, sector)


@pytest.mark.parametrize(
    "text, group, country",
    [
        # "its forces" are the forces of the state named before them in the sentence.
        ("Ankara denied that its forces had shelled the village.", "its forces", "TUR"),
        ("Kenya said its troops would stay in Somalia.", "its troops", "KEN"),
        # no state before them: no country
        ("The rebels said their fighters had seized the town.", "their fighters", None),
    ],
)
def test_actors_a_group_owned_by_a_pronoun_takes_the_owner_s_country(code, text, group, country):
    result = code(text)
    (actor,) = [a for a in result.actors if result.text[slice(*a.mentions[0])] == group]
    assert actor.country == country


def test_actors_a_body_word_before_a_title_places_the_person(code):
    result = code(
        "Gunmen attacked a post in northern Niger, the army said.\n\n"
        '"They will be caught," army spokesman Colonel Issa Moussa said.'
    )
    (person,) = [a for a in result.actors if a.kind == "person"]
    assert (person.name, person.country) == ("Issa Moussa", "NER")
