"""Actors in documents: mentions, chains, titles, appositives, context, metonymy, pronouns.

The texts are written for these tests; the people in them are fictional and live
in the fixture knowledge base under tests/data/kb/.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyads.actors import DocActors, extract_actors
from dyads.kb import KnowledgeBase
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
            ("Idlib", "SYR", "CVL", None, "state"),
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
