"""Quotes: mark pairing on raw text, extraction rules on hand-built Docs, and end to end."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Doc

from dyads.actors import DocActors, Mention
from dyads.quotes import (
    extract_quotes,
    phrasal_reporting_verbs,
    reporting_verbs,
    scan_marks,
    speaker_nouns,
)
from dyads.records import Actor


def stretches(text: str) -> list[str]:
    found, _ = scan_marks(text)
    return [text[q.start : q.end] for q in found]


# --------------------------------------------------------------------------- marks


@pytest.mark.parametrize(
    "text, expected",
    [
        ('"We are ready," she said.', ["We are ready,"]),
        ("“We are ready,” she said.", ["We are ready,"]),
        ("‘We are ready,’ she said.", ["We are ready,"]),
        ("'We are ready,' she said.", ["We are ready,"]),
        ("« Nous sommes prêts », a-t-elle dit.", [" Nous sommes prêts "]),
        ("«Prêts»", ["Prêts"]),
        ("‹Bereit›", ["Bereit"]),
        ("„Wir sind bereit“, sagte sie.", ["Wir sind bereit"]),
        ("‚Bereit‘", ["Bereit"]),
        ("″Ready″ he said", ["Ready"]),
        ("“[I]t is over,” he said.", ["[I]t is over,"]),
        ("“A,” he said, “b.”", ["A,", "b."]),
    ],
)
def test_quotes_marks_pair_every_style(text, expected):
    assert stretches(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“The minister told us the offer was ‘final’. We said no,” she said.", 1),
        ("‘He called it “a farce”, and left,’ she said.", 1),
        ("“Putin’s envoy said ‘no’ twice,” he said.", 1),
    ],
)
def test_quotes_marks_embedded_quotes_stay_inside(text, expected):
    found = stretches(text)
    assert len(found) == expected
    assert found[0].endswith(",")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Putin’s aides met in the ’90s.", []),
        ("The rock ’n’ roll band formed in the '90s.", []),
        ("The rock 'n' roll band played.", []),
        ("The officials’ claims were denied.", []),
        ("The officials' claims were denied.", []),
        ("They don't know. It's late.", []),
        ("Fans of ‘80s music came.", []),
        ("‘The workers’ rights come first,’ she said.", ["The workers’ rights come first,"]),
        ("“We can’t wait,” he said.", ["We can’t wait,"]),
    ],
)
def test_quotes_marks_apostrophes_are_not_quotes(text, expected):
    assert stretches(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Rail workers rejected its ”final” offer.", ["final"]),
        ("”We won,” he said. ”Every seat.”", ["We won,", "Every seat."]),
    ],
)
def test_quotes_marks_right_double_mark_used_as_opener(text, expected):
    found, warnings = scan_marks(text)
    assert [text[q.start : q.end] for q in found] == expected
    assert warnings == []


def test_quotes_marks_run_on_paragraphs():
    text = "“First, a ceasefire.\n\n“Second, talks.\n\n“Third, a vote,” he said.\n\nNo more."
    found, warnings = scan_marks(text)
    assert warnings == []
    assert len(found) == 1
    q = found[0]
    assert text[q.start : q.end] == "First, a ceasefire.\n\n“Second, talks.\n\n“Third, a vote,"
    assert [text[m] for m in q.reopened] == ["“", "“"]


@pytest.mark.parametrize(
    "text, expected, warning",
    [
        ('"We won, he said.\n\nThe port reopened.', ["We won, he said."], "never closed"),
        ("He said it was “dead.\n\n“Not so,” she said.", ["dead.", "Not so,"], "never closed"),
        ("The crowd cheered.”\n\nThey left.", [], "has no opening mark"),
        ("“One ” two ” three", ["One "], "has no opening mark"),
        ("«Prêts\n\nDone.", ["Prêts"], "never closed"),
    ],
)
def test_quotes_marks_unbalanced_recover_and_warn(text, expected, warning):
    found, warnings = scan_marks(text)
    assert [text[q.start : q.end] for q in found] == expected
    assert len(warnings) == 1
    assert warning in warnings[0]
    assert "paragraph" in warnings[0]


@pytest.mark.parametrize("text", ['"', "'", "“", "”", "\n\n“\n\n", '"""', "a'b'c\"d\"", ""])
def test_quotes_marks_never_raise(text):
    scan_marks(text)


# --------------------------------------------------------------------------- lexicons


@pytest.mark.parametrize(
    "lemma", ["say", "tell", "add", "warn", "concur", "fear", "tweet", "fume", "read"]
)
def test_quotes_reporting_verbs_listed(lemma):
    assert lemma in reporting_verbs()


@pytest.mark.parametrize(
    "noun, cls",
    [
        ("spokesman", "proxy"),
        ("minister", "person"),
        ("ministry", "organisation"),
        ("report", "document"),
    ],
)
def test_quotes_speaker_nouns(noun, cls):
    assert speaker_nouns()[noun] == cls


# --------------------------------------------------------------------------- hand-built Docs


def hand_doc(nlp_blank, rows, actors=(), mentions=()):
    """Build a parsed Doc from (word, space, head, dep, pos, tag, lemma) rows."""
    words, spaces, heads, deps, pos, tags, lemmas = (list(c) for c in zip(*rows, strict=True))
    doc = Doc(
        nlp_blank.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        sent_starts=[True] + [None] * (len(words) - 1),
    )
    found = DocActors(list(actors), list(mentions))
    found.index()
    doc._.dyads_actors = found
    return doc


JANE = Actor("A1", "Jane Doe", "person", None, None, None, ())
MINISTRY = Actor("A2", "Interior Ministry", "organisation", None, None, None, ())

#: “We won,” Doe said.
WON = [
    ("“", False, 4, "punct", "PUNCT", "``", "“"),
    ("We", True, 2, "nsubj", "PRON", "PRP", "we"),
    ("won", False, 4, "ccomp", "VERB", "VBD", "win"),
    (",", False, 4, "punct", "PUNCT", ",", ","),
    ("”", True, 4, "punct", "PUNCT", "''", "”"),
    ("Doe", True, 6, "nsubj", "PROPN", "NNP", "Doe"),
    ("said", False, 6, "ROOT", "VERB", "VBD", "say"),
    (".", False, 6, "punct", "PUNCT", ".", "."),
]


def test_quotes_direct_cue_after(nlp_blank):
    doc = hand_doc(nlp_blank, WON, [JANE], [Mention(5, 6, 0, "name")])
    (quote,) = extract_quotes(doc)
    assert (quote.kind, quote.text, quote.speaker, quote.speaker_text) == (
        "direct",
        "We won,",
        "A1",
        "Doe",
    )
    assert doc.text[quote.cue[0] : quote.cue[1]] == "said"


def test_quotes_pronoun_speaker_takes_previous_speaker(nlp_blank):
    # “We won,” Doe said. “It was hard,” she said.  (no actor linked to "she")
    second = [
        ("“", False, 15, "punct", "PUNCT", "``", "“"),
        ("It", True, 10, "nsubj", "PRON", "PRP", "it"),
        ("was", True, 15, "ccomp", "AUX", "VBD", "be"),
        ("hard", False, 10, "acomp", "ADJ", "JJ", "hard"),
        (",", False, 15, "punct", "PUNCT", ",", ","),
        ("”", True, 15, "punct", "PUNCT", "''", "”"),
        ("she", True, 15, "nsubj", "PRON", "PRP", "she"),
        ("said", False, 15, "ROOT", "VERB", "VBD", "say"),
        (".", False, 15, "punct", "PUNCT", ".", "."),
    ]
    first = [*WON[:-1], (".", True, 6, "punct", "PUNCT", ".", ".")]
    doc = hand_doc(nlp_blank, first + second, [JANE], [Mention(5, 6, 0, "name")])
    quotes = extract_quotes(doc)
    assert [(q.text, q.speaker, q.speaker_text) for q in quotes] == [
        ("We won,", "A1", "Doe"),
        ("It was hard,", "A1", "she"),
    ]


def test_quotes_spokesperson_speaks_for_organisation(nlp_blank):
    # A spokesman for the ministry said the talks failed.
    rows = [
        ("A", True, 1, "det", "DET", "DT", "a"),
        ("spokesman", True, 5, "nsubj", "NOUN", "NN", "spokesman"),
        ("for", True, 1, "prep", "ADP", "IN", "for"),
        ("the", True, 4, "det", "DET", "DT", "the"),
        ("ministry", True, 2, "pobj", "NOUN", "NN", "ministry"),
        ("said", True, 5, "ROOT", "VERB", "VBD", "say"),
        ("the", True, 7, "det", "DET", "DT", "the"),
        ("talks", True, 8, "nsubj", "NOUN", "NNS", "talk"),
        ("failed", False, 5, "ccomp", "VERB", "VBD", "fail"),
        (".", False, 5, "punct", "PUNCT", ".", "."),
    ]
    doc = hand_doc(nlp_blank, rows, [MINISTRY], [Mention(3, 5, 0, "nominal")])
    (quote,) = extract_quotes(doc)
    assert (quote.kind, quote.text, quote.speaker, quote.speaker_text) == (
        "indirect",
        "the talks failed",
        "A2",
        "A spokesman for the ministry",
    )


def test_quotes_inanimate_subject_is_not_a_speaker(nlp_blank):
    # The data suggest the plan failed.
    rows = [
        ("The", True, 1, "det", "DET", "DT", "the"),
        ("data", True, 2, "nsubj", "NOUN", "NNS", "datum"),
        ("suggest", True, 2, "ROOT", "VERB", "VBP", "suggest"),
        ("the", True, 4, "det", "DET", "DT", "the"),
        ("plan", True, 5, "nsubj", "NOUN", "NN", "plan"),
        ("failed", False, 2, "ccomp", "VERB", "VBD", "fail"),
        (".", False, 2, "punct", "PUNCT", ".", "."),
    ]
    assert extract_quotes(hand_doc(nlp_blank, rows)) == []


# --------------------------------------------------------------------------- end to end


def quotes_of(result):
    names = {a.id: a.name for a in result.actors}
    return [(q.kind, q.text, names.get(q.speaker)) for q in result.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            '"The talks are over," said Maria Lopez, a spokeswoman for the union.',
            [("direct", "The talks are over,", "Maria Lopez, a spokeswoman for the union")],
        ),
        (
            "Foreign Minister Ana Silva told reporters: “We will not sign. Not today.”",
            [("direct", "We will not sign. Not today.", "Foreign Minister Ana Silva")],
        ),
        (
            "“We will rebuild,” Mayor Tom Hale said on Monday. “Every house.”",
            [
                ("direct", "We will rebuild,", "Mayor Tom Hale"),
                ("direct", "Every house.", "Mayor Tom Hale"),
            ],
        ),
        (
            "Prime Minister Ruth Okonjo said the border would stay closed.",
            [("indirect", "the border would stay closed", "Prime Minister Ruth Okonjo")],
        ),
        (
            "According to the Red Cross, 40 people were injured in the blast.",
            [("indirect", "40 people were injured in the blast", "the Red Cross")],
        ),
        (
            "Senator Paul Grady called the deal a “historic mistake” on Friday.",
            [("partial", "historic mistake", "Senator Paul Grady")],
        ),
        (
            "Senator Paul Grady said the deal “would never pass the Senate” this year.",
            [("mixed", "the deal “would never pass the Senate” this year", "Senator Paul Grady")],
        ),
    ],
)
def test_quotes_end_to_end_patterns(code, text, expected):
    result = code(text)
    assert [(q.kind, q.text, q.speaker_text) for q in result.quotes] == expected
    assert all(q.speaker is not None for q in result.quotes)


def test_quotes_named_speaker_resolves_to_the_person(code):
    result = code("“We will rebuild,” Mayor Tom Hale said. “Every house,” he added.")
    assert [name for _, _, name in quotes_of(result)] == ["Tom Hale", "Tom Hale"]


def test_quotes_floating_paragraph_continues_speaker(code):
    text = (
        "Aid worker Lena Berg said the camp had run out of water.\n\n"
        "“Children are drinking from puddles. We need trucks now.”\n\n"
        "The regional governor said supplies were on their way."
    )
    got = quotes_of(code(text))
    assert ("direct", "Children are drinking from puddles. We need trucks now.", "Lena Berg") in got


def test_quotes_multi_paragraph_quote_is_one_quote_a_paragraph(code):
    text = (
        "Rescuer Omar Haddad described the night.\n\n"
        "“We dug with our hands for six hours.\n\n"
        "“When we found her, she was still breathing,” Haddad said."
    )
    result = code(text)
    quotes = [q for q in result.quotes if q.kind == "direct"]
    # One quotation over two paragraphs: a quote for each, both by the speaker of its cue.
    assert [q.text for q in quotes] == [
        "We dug with our hands for six hours.",
        "When we found her, she was still breathing,",
    ]
    assert {q.speaker_text for q in quotes} == {"Haddad"}
    assert [result.text[slice(*q.span)] for q in quotes] == [q.text for q in quotes]


def test_quotes_headline_scare_quote_takes_headline_subject(code):
    result = code(
        "Governor Dana Whitlock said on Monday she was pleased with the deal.",
        title="Whitlock ‘very pleased’ with budget deal",
    )
    headline = [q for q in result.quotes if q.span[1] <= len("Whitlock ‘very pleased’")]
    assert [(q.kind, q.text, q.speaker_text) for q in headline] == [
        ("partial", "very pleased", "Whitlock")
    ]


def test_quotes_scare_quote_without_speaker_is_not_attributed(code):
    result = code("Police broke up the so-called “peace camp” on Sunday.")
    assert [(q.kind, q.text, q.speaker) for q in result.quotes] == [("partial", "peace camp", None)]


def test_quotes_unbalanced_marks_warn_and_keep_going(code):
    result = code('"We got what we wanted, the union leader said.\n\nThe port reopened on Friday.')
    assert any("never closed" in w and "paragraph 1" in w for w in result.warnings)
    assert [q.kind for q in result.quotes] == ["direct"]


@pytest.mark.parametrize(
    "name, size",
    [
        ("quotes_gold.jsonl", 40),
        ("quotes_heldout.jsonl", 10),
        ("quotes_heldout2.jsonl", 30),
        ("quotes_heldout3.jsonl", 25),
        ("quotes_heldout4.jsonl", 25),
        ("quotes_heldout5.jsonl", 25),
    ],
)
def test_quotes_gold_file_is_well_formed(data_dir, name, size):
    rows = [json.loads(line) for line in (data_dir / name).open(encoding="utf-8")]
    assert len(rows) >= size
    for row in rows:
        full, pos, mixed = row["title"] + "\n\n" + row["text"], 0, (0, 0)
        for q in row["quotes"]:
            assert q["kind"] in ("direct", "indirect", "partial", "mixed")
            at = full.find(q["text"], pos)
            if mixed[0] <= at < mixed[1]:
                at = full.find(q["text"], mixed[1])  # a mixed quote holds its fragments
            assert at >= 0, (row["id"], q["text"])
            pos = at + 1
            mixed = (at, at + len(q["text"])) if q["kind"] == "mixed" else (0, 0)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The ministry said the site was safe and that residents had access to doctors.",
            [
                ("indirect", "the site was safe", "The ministry"),
                ("indirect", "residents had access to doctors", "The ministry"),
            ],
        ),
        (
            # The parser hangs "told" on the quotation and leaves "said" without a subject:
            # the name right before the verb (past commas and an age) speaks.
            '"Stocks are at their lowest. Going lower would be dangerous for infants," the '
            "agency's director in Chad, Ana Ruiz, told the BBC.\n\nIn an interview with "
            "Radio Sahel, Ms Ruiz said malnutrition had climbed above 15%.\n\nIn the camp "
            "at Farchana, Amina Idriss, 29, said she now skips meals.",
            [
                (
                    "direct",
                    "Stocks are at their lowest. Going lower would be dangerous for infants,",
                    "the agency's director in Chad, Ana Ruiz",
                ),
                ("indirect", "malnutrition had climbed above 15%", "Ms Ruiz"),
                ("indirect", "she now skips meals", "Amina Idriss"),
            ],
        ),
        (
            # A quotation with no cue after a paragraph about someone is that person's,
            # followed through "she" and the speaker of her last quote.
            "Lucía Marín says the charges were invented.\n\n“They did not need to jail "
            "me,” she says.\n\nShe describes the process as slow.\n\n“The first sign "
            "was small.\n\n“By then it was too late.”",
            [
                ("indirect", "the charges were invented", "Lucía Marín"),
                ("direct", "They did not need to jail me,", "she"),
                ("direct", "The first sign was small.", "Lucía Marín"),
                ("direct", "By then it was too late.", "Lucía Marín"),
            ],
        ),
        (
            # "It" after a body's quote is that body; blaming and dismissing attribute a
            # quoted phrase like saying.
            "The embassy said in a statement that the visit was a routine exchange. It "
            'accused local media of "Cold War thinking".\n\nLima dismisses the claims '
            'as "media hype".',
            [
                ("indirect", "the visit was a routine exchange", "The embassy"),
                ("partial", "Cold War thinking", "It"),
                ("partial", "media hype", "Lima"),
            ],
        ),
        (
            # The parser found no verb in the clause "according to" ends; the parser
            # made the clause's last word the subject and the speaker its apposition.
            "Some hurled petrol bombs through the windows, according to a correspondent at "
            "the scene.",
            [
                (
                    "indirect",
                    "Some hurled petrol bombs through the windows",
                    "a correspondent at the scene",
                ),
            ],
        ),
        (
            "Crowds set fire to the council offices as temperatures climbed above 50 degrees "
            "Celsius, a security source said.",
            [
                (
                    "indirect",
                    "Crowds set fire to the council offices as temperatures climbed above 50 "
                    "degrees Celsius",
                    "a security source",
                ),
            ],
        ),
        (
            # A court's ruling reports its finding.
            "The Supreme Court ruled that the decree was unconstitutional.",
            [("indirect", "the decree was unconstitutional", "The Supreme Court")],
        ),
        (
            # A person noun of en_speaker_nouns.tsv speaks.
            "The plaintiff said she had cried when she heard the verdict.",
            [("indirect", "she had cried when she heard the verdict", "The plaintiff")],
        ),
        (
            # The parser took the reported clause's subject for the object of "told us".
            "A council diplomat told us a draft resolution calling for a pause was unlikely "
            "to pass.",
            [
                (
                    "indirect",
                    "a draft resolution calling for a pause was unlikely to pass",
                    "A council diplomat",
                )
            ],
        ),
        (
            "Stena Line said in a statement that the fault had been fixed overnight.",
            [("indirect", "the fault had been fixed overnight", "Stena Line")],
        ),
        (
            "Talks stalled on Monday over the prisoner lists, two sources close to the "
            "mediators said.",
            [
                (
                    "indirect",
                    "Talks stalled on Monday over the prisoner lists",
                    "two sources close to the mediators",
                )
            ],
        ),
        (
            "The state news agency quoted Kim as saying the launch was a complete success.",
            [("indirect", "the launch was a complete success", "Kim")],
        ),
        (
            "In a video posted online, a nurse at a hospital in Naples described the chaos.",
            [],
        ),
        ("Asked about the plan on Monday, the minister said.", []),
        (
            # A participle cue ends the clause before it and reports its own.
            "The firm's lawyers argued that the case should be dismissed, saying the "
            'plaintiffs had "no standing".',
            [
                ("indirect", "the case should be dismissed", "The firm's lawyers"),
                ("mixed", 'the plaintiffs had "no standing"', "The firm's lawyers"),
            ],
        ),
        (
            "The company said in a filing that revenue fell 12% and that it would cut 500 jobs.",
            [
                ("indirect", "revenue fell 12%", "The company"),
                ("indirect", "it would cut 500 jobs", "The company"),
            ],
        ),
        (
            # A cue inside the reported clause.
            'The agreement, the diplomat said, was "the best we could get".',
            [
                (
                    "mixed",
                    'The agreement, the diplomat said, was "the best we could get"',
                    "the diplomat",
                ),
            ],
        ),
        (
            # The clause keeps the closing mark of the quotation that ends it.
            'In a post on Truth Social, the former president wrote that the trial was "rigged".',
            [
                ("mixed", 'the trial was "rigged"', "the former president"),
            ],
        ),
        (
            "The plan will fail, the minister said on Monday.",
            [("indirect", "The plan will fail", "the minister")],
        ),
    ],
)
def test_quotes_end_to_end_reported_clauses(code, text, expected):
    result = code(text)
    assert [(q.kind, q.text, q.speaker_text) for q in result.quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # A surname behind an honorific is the person named in full before.
            "Monica Reyes runs the library.\n\nMs. Reyes said the town had lost half its people.",
            [("indirect", "the town had lost half its people", "Monica Reyes")],
        ),
        (
            # A bare surname is the person named in full, not a namesake in the KB.
            "The opposition leader, Sanjay Rao, criticised the budget.\n\n"
            "Rao said the plan would fail.",
            [("indirect", "the plan would fail", "Sanjay Rao")],
        ),
        (
            # A whole clause quoted after "that" is one mixed quote, with its end mark.
            "Governor Clara Voss spoke in Oslo.\n\n"
            'In a speech last week, she warned that "the price of doing too little will be '
            'higher than the price of doing too much."',
            [
                (
                    "mixed",
                    "the price of doing too little will be higher than the price of doing "
                    "too much.",
                    "Clara Voss",
                )
            ],
        ),
        (
            # "one of the diplomats" speaks as the diplomats.
            "Russian diplomats told reporters the talks were useful.\n\n"
            "One of the diplomats said a second round would follow in May.",
            [
                ("indirect", "the talks were useful", "Russian diplomats"),
                ("indirect", "a second round would follow in May", "Russian diplomats"),
            ],
        ),
        (
            # An unlinked pronoun opening a quote: the person last made a subject.
            "For 23 years, Alasdair MacLeod lived on a rock off the coast of Lewis.\n\n"
            "‘It was never lonely,’ he says.",
            [("direct", "It was never lonely,", "Alasdair MacLeod")],
        ),
        (
            # A pronoun linked to an unnamed title goes to the person just quoted.
            "Ukraine's foreign minister, Dmytro Kuleba, said on Twitter that the attack was "
            'a crime.\n\n"Russia must be held accountable," he wrote.',
            [
                ("indirect", "the attack was a crime", "Dmytro Kuleba"),
                ("direct", "Russia must be held accountable,", "Dmytro Kuleba"),
            ],
        ),
    ],
)
def test_quotes_speaker_resolves_to_named_actor(code, text, expected):
    assert quotes_of(code(text)) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # Any verb before the colon that opens a quotation is its cue.
            "Pop star Danni Rourke hit back at her critics.\n\n"
            'She fumed: "Who says that to a pregnant woman?"',
            [("direct", "Who says that to a pregnant woman?", "She")],
        ),
        (
            # A two-word entry of the verb lexicon: "put it".
            "Markets fell sharply on Friday.\n\n"
            'As one fund manager put it, "Nobody wants to be the last one out."',
            [("direct", "Nobody wants to be the last one out.", "one fund manager")],
        ),
        (
            "Per ESPN, at least three teams have called about the pitcher.",
            [("indirect", "at least three teams have called about the pitcher", "ESPN")],
        ),
        ("Prices rose 5 per cent in March.", []),
        (
            # A person's office speaks for the person.
            "Mayor Linda Brooks faces questions over the budget.\n\n"
            "Brooks's office said she had acted on every recommendation.",
            [("indirect", "she had acted on every recommendation", "Brooks's office")],
        ),
    ],
)
def test_quotes_cue_lexicon_patterns(code, text, expected):
    result = code(text)
    assert [(q.kind, q.text, q.speaker_text) for q in result.quotes] == expected
    names = {a.id: a.name for a in result.actors}
    if "Brooks" in text:
        assert names[result.quotes[0].speaker] == "Linda Brooks"


def test_quotes_phrasal_reporting_verbs_listed():
    assert {"back", "out"} <= phrasal_reporting_verbs()["hit"]
    assert "it" in phrasal_reporting_verbs()["put"]
    assert "put" not in reporting_verbs()


@pytest.mark.parametrize(
    "title, text, expected",
    [
        (
            # Lower case after a comma with no cue before it is a fragment, not direct.
            "Grandmother, 82, 'left on hospital trolley for 30 hours'",
            "Edna Purvis, 82, waited on a trolley for 30 hours, her family said.",
            [
                ("partial", "left on hospital trolley for 30 hours", None),
                ("indirect", "Edna Purvis, 82, waited on a trolley for 30 hours", "her family"),
            ],
        ),
        (
            # A quoted phrase inside reported speech makes the clause one mixed quote.
            None,
            'Premier Anna Teague said residents had been "let down" by the warning system.',
            [
                (
                    "mixed",
                    'residents had been "let down" by the warning system',
                    "Premier Anna Teague",
                ),
            ],
        ),
    ],
)
def test_quotes_fragment_or_direct(code, title, text, expected):
    result = code(text, title=title)
    assert [(q.kind, q.text, q.speaker_text) for q in result.quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Northwind Energy Inc. ("Northwind" or "the Company") today announced that it had '
            "agreed to buy a solar portfolio.",
            [("indirect", "it had agreed to buy a solar portfolio", "Northwind Energy Inc.")],
        ),
        ('The Irish writer Niamh Gallagher won the prize for "Salt Year", her debut novel.', []),
        ('The word "debut" has featured on the shortlist four times.', []),
        (
            'The chair of the judges called the book "a small miracle of a novel" on Tuesday.',
            [("partial", "a small miracle of a novel", "The chair of the judges")],
        ),
        (
            "The chair of the judges, the historian Robert Lyle, called the book "
            '"a small miracle of a novel" and praised its author.',
            [("partial", "a small miracle of a novel", "the historian Robert Lyle")],
        ),
    ],
)
def test_quotes_named_words_are_not_quotes(code, text, expected):
    result = code(text)
    assert [(q.kind, q.text, q.speaker_text) for q in result.quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            'Dock workers ended their strike on Thursday.\n\n"We got what we wanted, union '
            "leader Joao Pereira said.\n\nThe port reopened.",
            ("We got what we wanted, union leader Joao Pereira said.", "union leader Joao Pereira"),
        ),
        (
            'Passengers were stranded overnight.\n\n"We were told nothing for six hours. There '
            "was no food, said Aled Price, who was travelling with his children.",
            (
                "We were told nothing for six hours. There was no food, said Aled Price, who was "
                "travelling with his children.",
                "Aled Price",
            ),
        ),
    ],
)
def test_quotes_unclosed_quote_finds_its_cue_inside(code, text, expected):
    result = code(text)
    assert [(q.text, q.speaker_text) for q in result.quotes if q.kind == "direct"] == [expected]
    assert any("never closed" in w for w in result.warnings)


def test_quotes_interview_answers_are_the_interviewees(code):
    text = (
        "Maria Santos became mayor two years ago after a career as a nurse. She spoke to us "
        "about housing.\n\nQ: What is the biggest problem facing the city?\n\n"
        "A: Housing, without question. Rents have doubled.\n\n"
        "Q: Do you still feel like an outsider?\n\n"
        "A: Every day. People are surprised that I ask what things cost."
    )
    result = code(text, title="'I never wanted to be a politician': an interview with the mayor")
    assert quotes_of(result) == [
        ("direct", "I never wanted to be a politician", "Maria Santos"),
        ("direct", "Housing, without question. Rents have doubled.", "Maria Santos"),
        ("direct", "Every day. People are surprised that I ask what things cost.", "Maria Santos"),
    ]


def test_quotes_headline_quote_takes_the_body_speaker_of_its_words(code):
    text = (
        "For 23 years, Alasdair MacLeod lived on a rock off the coast of Lewis.\n\n"
        "‘It was never lonely,’ he says. ‘You learn to listen to the sea.’"
    )
    result = code(text, title="The last lighthouse keepers: ‘You learn to listen to the sea’")
    assert quotes_of(result)[0] == ("direct", "You learn to listen to the sea", "Alasdair MacLeod")


def test_quotes_trailing_attribution_with_a_quoted_phrase_is_mixed(code):
    result = code(
        'Marco Delgado is "devastated" by reports that the team is shopping him, friends of '
        "the outfielder say.",
        title="Yankees slugger 'devastated' by trade rumors, pals say",
    )
    assert [(q.kind, q.text, q.speaker_text) for q in result.quotes] == [
        ("mixed", "Yankees slugger 'devastated' by trade rumors", "pals"),
        (
            "mixed",
            'Marco Delgado is "devastated" by reports that the team is shopping him',
            "friends of the outfielder",
        ),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # PARC: reported speech holding any quoted fragment is one mixed quote.
            'The coroner said the crew had been "utterly exhausted" by the long shift.',
            [
                (
                    "mixed",
                    'the crew had been "utterly exhausted" by the long shift',
                    "The coroner",
                )
            ],
        ),
        (
            # Two fragments in one clause: still one quote.
            'Aid worker Lena Berg said conditions were "grim" and the camp "close to collapse".',
            [
                (
                    "mixed",
                    'conditions were "grim" and the camp "close to collapse"',
                    "Aid worker Lena Berg",
                )
            ],
        ),
        (
            # No content clause: the quoted phrase stays partial.
            'Councillor Joan Pike called the decision "a disgrace" on Monday.',
            [("partial", "a disgrace", "Councillor Joan Pike")],
        ),
        (
            # A fragment with its own cue inside the clause is a nested report.
            'Dock workers rejected what the port authority called its "best" offer, the '
            "union said.",
            [
                (
                    "indirect",
                    'Dock workers rejected what the port authority called its "best" offer',
                    "the union",
                ),
                ("partial", "best", "the port authority"),
            ],
        ),
    ],
)
def test_quotes_fragments_in_reported_speech_make_mixed_quotes(code, text, expected):
    result = code(text)
    assert [(q.kind, q.text, q.speaker_text) for q in result.quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Economists said the rate cut would come too late for Germany.",
            ("Economists", "economists", "group", None),
        ),
        (
            "Local fishermen in Portugal say the catch has halved since the spring.",
            ("Local fishermen in Portugal", "local fishermen", "group", "PRT"),
        ),
        (
            "The authors wrote that the results were preliminary.",
            ("The authors", "authors", "group", None),
        ),
        (
            "One user wrote that the app had crashed twice in a week.",
            ("One user", "user", "person", None),
        ),
        (
            "Others said the fine was far too small.",
            ("Others", "others", "group", None),
        ),
    ],
)
def test_quotes_every_speaker_is_an_actor(code, text, expected):
    result = code(text)
    (quote,) = result.quotes
    actors = {a.id: a for a in result.actors}
    speaker = actors[quote.speaker]
    assert (quote.speaker_text, speaker.name, speaker.kind, speaker.country) == expected
    # Ids stay in order of first mention.
    firsts = [min(a.mentions) for a in result.actors]
    assert firsts == sorted(firsts)
    assert [a.id for a in result.actors] == [f"A{n}" for n in range(1, len(firsts) + 1)]


def test_quotes_speaker_actor_is_reused_by_name(code):
    result = code(
        "Economists said inflation would fall. Farmers said prices were too low.\n\n"
        "Economists said the bank should wait."
    )
    speakers = [q.speaker for q in result.quotes]
    assert speakers[0] == speakers[2] != speakers[1]
    assert [a.name for a in result.actors].count("economists") == 1


def test_quotes_inverted_attribution_after_comma_names_the_speaker(code):
    result = code(
        "Nurses at the clinic are exhausted after months of record demand, unions said.",
        title="Clinic nurses 'exhausted', say unions",
    )
    assert [(q.kind, q.speaker_text) for q in result.quotes] == [
        ("mixed", "unions"),
        ("indirect", "unions"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "A spokesperson for NHS England said waiting lists had fallen.",
            ("NHS England", "organisation", "GBR", "MED"),
        ),
        (
            "Police Scotland said two men had been arrested in Glasgow.",
            ("Police Scotland", "organisation", "GBR", "COP"),
        ),
        (
            "A FEMA spokesperson said crews were on the ground in Texas.",
            # A body the KB lacks is placed where things happen: Texas is a US state.
            ("FEMA", "organisation", "USA", None),
        ),
        (
            "A Northgrid spokesman said the outage was caused by a fault.",
            ("Northgrid", "organisation", None, None),
        ),
    ],
)
def test_quotes_spokesperson_speaks_for_the_body(code, text, expected):
    result = code(text)
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (actor.name, actor.kind, actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # A person named before "the paper" is not the paper.
            "Rosa Delgado Jr. led the strike at the docks, the paper said.",
            ("the paper", "paper", "organisation", None, "JRN"),
        ),
        (
            "The magazine said the festival had lost its sponsor.",
            ("The magazine", "magazine", "organisation", None, "JRN"),
        ),
        (
            "The harvest was the worst in a decade, the daily reported.",
            ("the daily", "daily", "organisation", None, "JRN"),
        ),
        (
            # Owned by the state, but a broadcaster: news media, of the demonym's country.
            "Iranian state television said the ferry had sunk near the coast.",
            ("Iranian state television", "Iranian state television", "organisation", "IRN", "JRN"),
        ),
        (
            "Chinese state media said the dam had held overnight.",
            ("Chinese state media", "Chinese state media", "organisation", "CHN", "JRN"),
        ),
        (
            # A new actor: the demonym gives the country and keeps its capital.
            "The ferry sank near the port, a Ghanaian tabloid said.",
            ("a Ghanaian tabloid", "Ghanaian tabloid", "organisation", "GHA", "JRN"),
        ),
        (
            "The convoy was stopped at the border, the news agency said.",
            ("the news agency", "news agency", "organisation", None, "JRN"),
        ),
    ],
)
def test_quotes_news_media_speak_as_media_bodies(code, text, expected):
    result = code(text)
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (quote.speaker_text, actor.name, actor.kind, actor.country, actor.sector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The New York Times reported that the mayor had quit. The paper said a vote was due.",
        "Reuters reported that the ferry had docked. The agency said 40 people were aboard.",
        "Reuters reported that the ferry had docked. The news agency said 40 were aboard.",
    ],
)
def test_quotes_a_medium_described_is_the_medium_named_before(code, text):
    result = code(text)
    first, second = result.quotes
    assert second.speaker == first.speaker
    # The quote stage leaves no actor of its own behind for the description.
    assert "paper" not in [a.name for a in result.actors]


def test_quotes_a_paper_with_a_restrictive_modifier_is_a_document(code):
    result = code("A paper published in a medical journal said the drug was safe.")
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (actor.name, actor.kind, actor.sector) == ("paper", "organisation", None)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ohio officials said the bridge would reopen in March.",
            ("Ohio officials", "group", "USA", "GOV"),
        ),
        (
            "Texas lawmakers said the bill would pass next week.",
            ("Texas lawmakers", "group", "USA", "LEG"),
        ),
    ],
)
def test_quotes_a_place_before_officials_is_no_body(code, text, expected):
    result = code(text)
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (actor.name, actor.kind, actor.country, actor.sector) == expected
    # The place only says where they serve: no organisation is made of it.
    assert [a.name for a in result.actors] == [expected[0]]


def test_quotes_a_place_of_two_words_before_officials_is_no_body(code):
    # Both words hung on the noun by the parser; the model tags them a place.
    result = code("New York officials said the tunnel would stay shut.")
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (actor.name, actor.kind, actor.sector) == ("New York officials", "group", "GOV")
    assert [a.name for a in result.actors] == ["New York officials"]


def test_quotes_a_body_named_like_a_town_still_speaks(code):
    # Delta is also a town in the gazetteer, but the model tags it a body here.
    result = code("A Delta spokesman said the flight was delayed by fog.")
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (actor.name, actor.kind) == ("Delta", "organisation")


def test_quotes_a_place_qualifier_keeps_the_place(code):
    result = code("Western Australia said the ban would stay.")
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    # An Australian state, not Australia: the region's own name, in its country.
    assert (actor.name, actor.kind, actor.country) == ("Western Australia", "place", "AUS")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # A definite description that re-mentioned the person last named.
            "Tom Okafor signed a new deal on Friday. The 27-year-old striker joined the club "
            'from Hull in 2020.\n\n"I never wanted to leave," the striker said.',
            ("the striker", "Tom Okafor"),
        ),
        (
            # The description was given in apposition.
            "Ruth Abara, a 41-year-old nurse, lost her flat in the fire.\n\n"
            "The nurse said the landlord had ignored every warning.",
            ("The nurse", "Ruth Abara"),
        ),
        (
            # A person who gives one name.
            "Flood water reached the village overnight.\n\n"
            "A farmer, who gave his name only as Tendai, said the river rose within an hour.",
            ("A farmer", "Tendai"),
        ),
        (
            # A gendered description is the one named person of that gender.
            "Councillor Mark Ellis backed the bypass. Jane Porter, a retired teacher, "
            "feared the noise.\n\nThe mother of two said she would join the protest.",
            ("The mother of two", "Jane Porter"),
        ),
        (
            # Officials placed in a town speak as officials, not for the town.
            "Officials in Chandigarh said compensation would be paid within a month.",
            ("Officials in Chandigarh", "Officials"),
        ),
    ],
)
def test_quotes_description_speaker_is_the_named_person(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    (quote,) = result.quotes
    assert (quote.speaker_text, names[quote.speaker]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # The most recent speaker of the pronoun's gender, not the first one.
            "Mayor Maria Lopez said the bridge would reopen in May.\n\n"
            '"We have waited long enough," said Carla Diaz, a shop owner.\n\n'
            '"Nobody listens to us," she said.',
            "Carla Diaz",
        ),
        (
            # A given name tells the gender: "she" skips John Reyes.
            "Ana Silva said the port would stay open. John Reyes, her deputy, disagreed.\n\n"
            '"It is a good plan," she said.',
            "Ana Silva",
        ),
        (
            # A person of unknown gender yields to one of the pronoun's gender.
            "Lena Brooks said the plan would fail. Kwaku Mensah, the mayor, said it was "
            'fine.\n\n"We will see," she said.',
            "Lena Brooks",
        ),
        (
            # An aged description re-mentions the named person; a name given as the
            # object of a verb ("plays …") is not the antecedent.
            "Singer Lena Brooks has hit back at critics of her new album.\n\n"
            "The singer, 28, who plays the villain Rosa Mendes in a new film, posted a "
            "video on Sunday.\n\n"
            'She wrote: "Nobody tells me how to make music."',
            "Lena Brooks",
        ),
    ],
)
def test_quotes_pronoun_speaker_is_the_latest_compatible_person(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert names[result.quotes[-1].speaker] == expected


def test_quotes_fronted_participle_clause_is_not_the_speaker(code):
    result = code(
        "Opening the case at Leeds Crown Court, prosecutor Nadia Quinn KC said the "
        "defendant had lied to police."
    )
    (quote,) = result.quotes
    names = {a.id: a.name for a in result.actors}
    assert (quote.speaker_text, names[quote.speaker]) == (
        "prosecutor Nadia Quinn KC",
        "Nadia Quinn",  # the actor stage leaves post-nominals out of names
    )


def test_quotes_bare_surname_takes_the_full_name_written_before(code):
    result = code(
        "The protest was led by Suresh Chaudhary of the farmers' union.\n\n"
        "Chaudhary told reporters the mill owed farmers Rs 40 crore."
    )
    (quote,) = result.quotes
    speaker = next(a for a in result.actors if a.id == quote.speaker)
    assert (quote.speaker_text, speaker.name, speaker.kind) == (
        "Chaudhary",
        "Suresh Chaudhary",
        "person",
    )
    assert [result.text[s:e] for s, e in speaker.mentions] == ["Suresh Chaudhary", "Chaudhary"]


def test_quotes_home_office_spokesperson_speaks_for_a_placed_body(code):
    result = code(
        "The couple said they had lost everything.\n\n"
        "A Home Office spokesperson said the case was under review."
    )
    actors = {a.id: a for a in result.actors}
    assert [(actors[q.speaker].name, actors[q.speaker].kind) for q in result.quotes] == [
        ("couple", "group"),
        ("Home Office", "organisation"),
    ]
    assert actors[result.quotes[1].speaker].country == "GBR"


def test_quotes_headline_title_over_body_words_is_the_named_speaker(code):
    result = code(
        'Education Secretary Helen Marsh said she was "bitterly disappointed" by the exam results.',
        title="Minister 'bitterly disappointed' by exam results",
    )
    names = {a.id: a.name for a in result.actors}
    assert [(q.kind, q.speaker_text, names[q.speaker]) for q in result.quotes] == [
        ("partial", "Minister", "Helen Marsh"),
        ("mixed", "Education Secretary Helen Marsh", "Helen Marsh"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "A spokeswoman for Northfield NHS Foundation Trust said the ward would reopen.",
        "A spokeswoman for Ashby and Northfield NHS Foundation Trust said the ward would reopen.",
    ],
)
def test_quotes_spokesperson_body_is_the_head_of_its_name(code, text):
    # The head word of the name says what it is, whatever actors lie inside it ("NHS").
    result = code(text)
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (actor.name.endswith("NHS Foundation Trust"), actor.kind) == (True, "organisation")


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # A company as the earlier subject: he/she never resolves to a body.
            "Brightwell Energy announced record profits on Tuesday. Its shares rose 4 per "
            'cent.\n\n"We are delighted with the result," he said.',
            None,
        ),
        (
            # The body is the subject, the person is quoted after it.
            "Harbour Freight Ltd said on Monday it would close two depots.\n\n"
            "Mark Tilden, a driver, said staff were told by text message.\n\n"
            '"Nobody saw this coming," he said.',
            "Mark Tilden",
        ),
        (
            # Two men named: "he added" is the speaker of the quote just before.
            "Paul Baxter, the opposition leader, said the cuts were reckless. Tom Quinn "
            'defended them.\n\n"We had no choice," Quinn said.\n\n'
            '"The money simply is not there," he added.',
            "Tom Quinn",
        ),
        (
            # A person introduced in the same paragraph, after another man was named.
            "Rovers lost 3-0 at home on Saturday. Manager Gary Holt blamed the referee.\n\n"
            'Colin Mabey, the club\'s chairman, was in the stand. "We will not panic," he said.',
            "Colin Mabey",
        ),
        (
            # "he added" goes on with the speaker just quoted, not a man named since.
            '"We had no choice," said Tom Quinn. Paul Baxter, who arrived late, shook his '
            'head.\n\n"The money is not there," he added.',
            "Tom Quinn",
        ),
        (
            # The subject of the sentence just before, in the pronoun's paragraph, even of
            # unknown gender, beats a man quoted in the paragraph before.
            '"We had no choice," said Tom Quinn.\n\n"It is a disgrace," said Paul Baxter.'
            '\n\nQuinn disagreed. "We will not back down," he said.',
            "Tom Quinn",
        ),
        (
            # A subject inside reported speech is not the one the text follows.
            "Police said Daniel Moss, 42, was arrested at his home. His lawyer, Ian Brett, "
            'said Moss would plead not guilty.\n\n"He is innocent," he said.',
            "Ian Brett",
        ),
    ],
)
def test_quotes_he_she_is_a_person(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert names.get(result.quotes[-1].speaker) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The description was never given: the one named person before it.
        "Dean Fowler, who captained the side for six seasons, has retired at 34.\n\n"
        '"It was the right time," the defender said.',
        # A descriptor before the name.
        "The 29-year-old defender Dean Fowler has signed a new contract.\n\n"
        '"I am happy here," the defender said.',
        "Liverpool defender Dean Fowler has been ruled out for a month.\n\n"
        '"It is frustrating," the defender said.',
        # A copula.
        'Dean Fowler is a defender who joined the club in 2019.\n\n"It hurts," the defender said.',
    ],
)
def test_quotes_description_after_a_name_intro_is_that_person(code, text):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    (quote,) = result.quotes
    assert (quote.speaker_text, names[quote.speaker]) == ("the defender", "Dean Fowler")


def test_quotes_description_of_a_lone_surname_in_apposition(code):
    # The tagger may type a lone surname as a body; being "a defender" makes it a person.
    result = code(
        'Fowler, a defender, joined the club from Hull in 2019.\n\n"I am happy here," the '
        "defender said."
    )
    names = {a.id: a.name for a in result.actors}
    assert names[result.quotes[0].speaker] == "Fowler"


def test_quotes_a_new_description_is_not_a_person_described_otherwise(code):
    # "Singer Jo Marsh" was given a noun: "the promoter" is someone else.
    result = code(
        "Singer Jo Marsh said the tour would go ahead.\n\n"
        "Tickets sold out in an hour, the promoter said."
    )
    names = {a.id: a.name for a in result.actors}
    assert names[result.quotes[-1].speaker] == "promoter"


@pytest.mark.parametrize(
    "text, surname",
    [
        (
            "Prosecutor Rebecca Hale KC told the jury the fire was started deliberately.\n\n"
            "Hale said the defendant had bought petrol an hour earlier.",
            "Hale",
        ),
        ("Sir Keir Dalton MP said the bill would pass.\n\nDalton said it was close.", "Dalton"),
        ("Jane Doe QC said the appeal had merit.\n\nDoe said the judge had erred.", "Doe"),
        ("John Smith Jr. said the firm would appeal.\n\nSmith said the ruling was wrong.", "Smith"),
        (
            "Dr Amara Velasquez, PhD, who leads the study, said the reef was dying.\n\n"
            "Velasquez said the water had warmed by two degrees.",
            "Velasquez",
        ),
    ],
)
def test_quotes_post_nominals_are_not_the_surname(code, text, surname):
    result = code(text)
    first, second = result.quotes
    names = {a.id: a.name for a in result.actors}
    assert first.speaker == second.speaker
    assert second.speaker_text == surname and surname in names[second.speaker].split()


@pytest.mark.parametrize(
    "text, expected",
    [
        # Data speak for the source their phrase names.
        (
            "Figures from Eurostat show that unemployment rose in March.",
            ("Figures from Eurostat", "Eurostat", "organisation"),
        ),
        ("ONS figures show that wages rose by 5 per cent.", ("ONS figures", "ONS", "organisation")),
        # A document speaks for the author its phrase names.
        (
            "A report by Human Rights Watch said that prisoners had been beaten.",
            ("A report by Human Rights Watch", "Human Rights Watch", "organisation"),
        ),
        (
            "A memo from Pixelcraft said that the studio would close in March.",
            ("A memo from Pixelcraft", "Pixelcraft", "organisation"),
        ),
        # No author named (the outlet that saw it, the journal): the document itself.
        (
            "An internal memo seen by Reuters said that the company would cut 200 jobs.",
            ("An internal memo", "internal memo", "organisation"),
        ),
        (
            "A study published in Nature found that glaciers were melting faster than thought.",
            ("A study", "study", "organisation"),
        ),
    ],
)
def test_quotes_documents_and_data_speak_for_their_source(code, text, expected):
    result = code(text)
    (quote,) = result.quotes
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (quote.kind, (quote.speaker_text, actor.name, actor.kind)) == ("indirect", expected)


@pytest.mark.parametrize(
    "text",
    [
        "The data suggest that the vaccine works.",  # data with no source
        "Police found that the door had been forced.",  # a finding by people
        # A finding in a subordinate clause is evidence, not the report.
        "Three firms were fined after an investigation found they had dumped sewage.",
    ],
)
def test_quotes_findings_that_are_not_reports(code, text):
    assert code(text).quotes == ()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # Answers labelled with the interviewee's surname.
            "Marine biologist Amara Velasquez has studied coral for 20 years.\n\n"
            "What is happening to the reefs?\n\n"
            "Velasquez: The ocean is running a fever. The corals are starving.\n\n"
            "Can they recover?\n\nVelasquez: Some can, if the water cools.",
            ("Velasquez", "Amara Velasquez", "Some can, if the water cools."),
        ),
        (
            # Answers labelled with initials.
            "Novelist Tomas Berg spoke to us about his new book.\n\n"
            "Why write about the sea?\n\nTB: I grew up beside it. It was all I knew.\n\n"
            "Will you write another?\n\nTB: Perhaps, but not soon.",
            ("TB", "Tomas Berg", "Perhaps, but not soon."),
        ),
    ],
)
def test_quotes_labelled_interview_answers(code, text, expected):
    label, person, last = expected
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert [(q.kind, q.speaker_text) for q in result.quotes] == [("direct", label)] * 2
    # (The actor stage may keep a descriptor in the name: "Marine biologist Amara Velasquez".)
    assert all(names[q.speaker].endswith(person) for q in result.quotes)
    assert result.quotes[1].text == last


def test_quotes_paragraphs_answering_bare_questions(code):
    result = code(
        "Novelist Tomas Berg spoke to us about his new book, set on a trawler.\n\n"
        "Why write about the sea?\n\nI grew up beside it. It was all I knew.\n\n"
        "Will you write another?\n\nPerhaps, but not soon."
    )
    names = {a.id: a.name for a in result.actors}
    assert [(q.kind, q.text, names[q.speaker]) for q in result.quotes] == [
        ("direct", "I grew up beside it. It was all I knew.", "Tomas Berg"),
        ("direct", "Perhaps, but not soon.", "Tomas Berg"),
    ]


def test_quotes_a_label_that_names_no_person_is_no_answer(code):
    result = code(
        "Tom Quinn said the budget was tight.\n\nNote: the figures are rounded.\n\n"
        "Update: the vote was moved to Friday."
    )
    assert [q.text for q in result.quotes] == ["the budget was tight"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Opening the case at Teesside Crown Court, prosecutor Rebecca Hale KC said staff "
            "had raised concerns about the home.",
            ("prosecutor Rebecca Hale KC", "Rebecca Hale"),
        ),
        (
            "Speaking to reporters in Delhi, the minister said talks would resume next week.",
            ("the minister", "minister"),
        ),
        (
            # A perfect participle clause; "referee" is a person noun (en_speaker_nouns.tsv).
            "Having reviewed the footage, the referee said he had made a mistake.",
            ("the referee", "referee"),
        ),
        (
            "Maria Lopez was asked about the budget.\n\n"
            "Asked whether she would resign, she said she had no plans to do so.",
            ("she", "Maria Lopez"),
        ),
        # A place word before a person's title or role is not the speaker.
        (
            "Seminole resident Rebecca Lyle said her children had not been to school for a week.",
            ("Seminole resident Rebecca Lyle", "Rebecca Lyle"),
        ),
        (
            "Kyiv mayor Vitali Marchenko said the city had lost power overnight.",
            ("Kyiv mayor Vitali Marchenko", "Vitali Marchenko"),
        ),
        (
            # The actor stage may give the whole phrase to the place.
            "Gaza-based journalist Rami Aziz said the strikes continued overnight.",
            ("Gaza-based journalist Rami Aziz", "Rami Aziz"),
        ),
    ],
)
def test_quotes_fronted_clauses_and_place_words_before_the_speaker(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    quote = result.quotes[-1]
    assert quote.kind == "indirect"
    assert quote.speaker_text == expected[0] and expected[1] in names[quote.speaker]


def test_quotes_publisher_of_data_speaks_but_not_who_saw_a_document(code):
    result = code(
        "Statistics released by the Home Office on Thursday show that arrivals fell by a "
        "third.\n\nA leaked memo, seen by the BBC, said that the plan would be dropped."
    )
    actors = {a.id: a for a in result.actors}
    assert [(actors[q.speaker].name, actors[q.speaker].kind) for q in result.quotes] == [
        ("Home Office", "organisation"),
        ("leaked memo", "organisation"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # An age alone re-mentions the person last named as a subject.
            'Rovers striker Leon Hart scored twice.\n\n"It was a team effort," the 23-year-old '
            "said.",
            ("the 23-year-old", "Leon Hart"),
        ),
        (
            # A person noun without an -er ending (en_speaker_nouns.tsv) can speak.
            "Dr Priya Nair, a consultant at St Mary's Hospital, said waiting times had "
            "doubled.\n\nThe consultant said staff were exhausted.",
            ("The consultant", "Priya Nair"),
        ),
        (
            # A capitalised title before a name gave the description ("Foreign Minister").
            "Foreign Minister Ravi Sen arrived in Delhi on Monday.\n\nSpeaking to reporters, "
            "the minister said talks would resume next week.",
            ("the minister", "Ravi Sen"),
        ),
        (
            # A memo sent by a named person is hers.
            "A memo sent to staff by Pixelcraft chief executive Ana Ruiz said the studio "
            "would close.",
            ("A memo", "Ana Ruiz"),
        ),
    ],
)
def test_quotes_descriptions_titles_and_senders_name_the_person(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    quote = result.quotes[-1]
    assert (quote.speaker_text, names[quote.speaker]) == expected


def test_quotes_one_phrase_split_into_two_subjects_is_headed_by_its_name(nlp_blank):
    # The paramilitary Shield Brigades said they won.  (the parser gave "said" two subjects)
    rows = [
        ("The", True, 1, "det", "DET", "DT", "the"),
        ("paramilitary", True, 4, "nsubj", "ADJ", "JJ", "paramilitary"),
        ("Shield", True, 3, "compound", "PROPN", "NNP", "Shield"),
        ("Brigades", True, 4, "nsubj", "PROPN", "NNPS", "Brigades"),
        ("said", True, 4, "ROOT", "VERB", "VBD", "say"),
        ("they", True, 6, "nsubj", "PRON", "PRP", "they"),
        ("won", False, 4, "ccomp", "VERB", "VBD", "win"),
        (".", False, 4, "punct", "PUNCT", ".", "."),
    ]
    brigades = Actor("A1", "Shield Brigades", "group", None, None, None, ())
    doc = hand_doc(nlp_blank, rows, [brigades], [Mention(2, 4, 0, "name")])
    (quote,) = extract_quotes(doc)
    assert (quote.text, quote.speaker, quote.speaker_text) == ("they won", "A1", "Shield Brigades")


def test_quotes_an_explainer_with_question_subheads_is_no_interview(code):
    result = code(
        "Chancellor Rachel Moore will deliver the budget on Wednesday.\n\n"
        "What is in the budget?\n\nThe Treasury has hinted at cuts to fuel duty.\n\n"
        "What happens next?\n\nMPs will vote on the measures next week."
    )
    assert [q.kind for q in result.quotes] == []


def test_quotes_a_description_with_a_restrictive_modifier_is_someone_new(code):
    result = code(
        "Tom Quinn, 54, died in the crash on the A1 on Sunday.\n\n"
        "The driver of the lorry said he had not seen the car."
    )
    names = {a.id: a.name for a in result.actors}
    (quote,) = result.quotes
    assert (quote.speaker_text, names[quote.speaker]) == ("The driver of the lorry", "driver")


@pytest.mark.parametrize(
    "text",
    [
        "Union leader Tom Quinn called the offer an insult.\n\nA spokesman for Orbis Motors "
        'said the offer was fair. "We have been more than generous," he said.',
        "A spokeswoman for Orbis Motors said the case was under review.\n\n"
        '"We take these claims seriously," she added.',
    ],
)
def test_quotes_pronoun_after_a_spokesperson_speaks_for_the_body(code, text):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert [names[q.speaker] for q in result.quotes] == ["Orbis Motors", "Orbis Motors"]


@pytest.mark.parametrize(
    "text",
    [
        "Inspector Ruth Cole told the tribunal that Mark Dunn had sent a text to four "
        'junior drivers on 3 June 2023 reading: "Nobody leaves before six. No excuses."',
        'Ruth Cole told the tribunal that Mark Dunn had sent a text reading: "Nobody leaves '
        'before six."',
    ],
)
def test_quotes_a_message_reading_is_its_senders(code, text):
    # The reporting verb before it reports the sending; the message is the sender's words.
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    direct = [q for q in result.quotes if q.kind == "direct"]
    assert [(names[q.speaker], q.speaker_text) for q in direct] == [("Mark Dunn", "Mark Dunn")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The UN's refugee envoy for Chad, Mireille Dubois, said the camps were full.",
            ("Mireille Dubois", "person"),
        ),
        (
            "A village elder in Tondi, Alhaji Musa Bello, said 12 houses had burned down.",
            ("Alhaji Musa Bello", "person"),
        ),
    ],
)
def test_quotes_a_name_closing_a_description_is_the_speaker(code, text, expected):
    # The parser hangs the name on the place or body at the end of the description.
    result = code(text)
    actors = {a.id: (a.name, a.kind) for a in result.actors}
    (quote,) = result.quotes
    assert actors[quote.speaker] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The World Bank said in a statement on Friday that lending would rise. "
            "The statement said poorer states would get most of it.",
            ["World Bank", "World Bank"],
        ),
        (
            "In a statement, Greenpeace said the spill was avoidable.\n\n"
            "The statement said clean-up crews had arrived too late.",
            ["Greenpeace", "Greenpeace"],
        ),
        (
            "Trade ministers met in Geneva. The World Trade Organization issued a communiqué "
            "afterwards. The communiqué said members would cut farm subsidies.",
            ["World Trade Organization"],
        ),
        (
            "The two presidents spoke for an hour. A readout from the Kenyan State House said "
            "they discussed trade. A readout of the call said both agreed to meet in June.",
            ["Kenyan State House", "Kenyan State House"],
        ),
        # An authorless document speaks as a body of its own.
        ("The report said exports fell by a tenth.", ["report"]),
    ],
)
def test_quotes_a_document_referred_back_to_speaks_for_its_issuer(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert [names[q.speaker] for q in result.quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "R Selvam, a weaver from Tamil Nadu, lost his loom in the fire. He said the "
            "insurance would not pay.",
            "R Selvam",
        ),
        (
            "P Murugan, a teacher in Madurai, said the school had shut. He said pupils had "
            "gone home for weeks.",
            "P Murugan",
        ),
        (
            "Kerala Chief Minister P.K. Thomas toured the flooded villages. He said every "
            "family would get help.",
            "P.K. Thomas",
        ),
    ],
)
def test_quotes_names_with_initials_are_people_he_can_refer_to(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert [names.get(q.speaker) for q in result.quotes][-1] == expected
    assert all(names.get(q.speaker) == expected for q in result.quotes)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mercy Corps said its warehouse in the district had been looted.\n\n"
            '"Our staff had to run with the patients," the aid charity said.',
            ["Mercy Corps", "Mercy Corps"],
        ),
        (
            "The World Food Programme warned of famine in the north.\n\n"
            '"We are running out of food," the agency said.',
            ["World Food Programme"],
        ),
        (
            "Norvale Foods cut 300 jobs on Monday. The company said sales had slumped.",
            ["Norvale Foods"],
        ),
        (
            "The European Union imposed new sanctions on Monday.\n\n"
            '"We will not look away," the bloc said.',
            ["European Union"],
        ),
        # Two recent bodies fit "the company": neither is chosen.
        (
            "Norvale Foods and Brightmoor Mills both cut jobs on Monday. The company said "
            "sales had slumped.",
            ["company"],
        ),
    ],
)
def test_quotes_a_body_noun_is_the_one_recent_body_that_fits(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert [names[q.speaker] for q in result.quotes] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Campaigners called the plan 'reckless' and vowed to fight it.", "Campaigners"),
        ('Drivers rejected what the operator called a "generous" offer.', "operator"),
    ],
)
def test_quotes_a_scare_quote_is_its_sentences_subjects(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    (quote,) = result.quotes
    assert (quote.kind, names[quote.speaker]) == ("partial", expected)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Opposition Leader R Ashok Kumar criticised the state government on Monday. He "
            "said the state had failed its farmers.",
            ["R Ashok Kumar"],
        ),
        (
            "Leader of the Opposition V Sathish told reporters the bill was unfair. He said "
            "it would hurt tenants.",
            ["V Sathish", "V Sathish"],
        ),
    ],
)
def test_quotes_a_name_with_initials_after_a_title_is_the_person(code, text, expected):
    # The tagger does not read "R Ashok Kumar" as a name; the title alone is no speaker.
    result = code(text)
    actors = {a.id: (a.name, a.kind) for a in result.actors}
    assert [actors[q.speaker] for q in result.quotes] == [(n, "person") for n in expected]


def test_quotes_a_speaker_phrase_keeps_the_bracket_of_its_acronym(code):
    result = code("Human Rights Watch (HRW) said the arrests were unlawful.")
    names = {a.id: a.name for a in result.actors}
    (quote,) = result.quotes
    assert (quote.speaker_text, names[quote.speaker]) == (
        "Human Rights Watch (HRW)",
        "Human Rights Watch",
    )


@pytest.mark.parametrize(
    "text, quoted, speaker",
    [
        # A chanted or shouted slogan is the crowd's direct quote.
        (
            'Hundreds of students marched on the ministry, chanting "Free our teachers!"',
            "Free our teachers!",
            "Hundreds of students",
        ),
        (
            'Farmers shouted "No deal, no peace" as the convoy passed.',
            "No deal, no peace",
            "Farmers",
        ),
        # The verb the chanting hangs on gives the subject.
        (
            'The mayor spoke for an hour. The crowd answered by chanting "Bread and work!"',
            "Bread and work!",
            "The crowd",
        ),
        # A quantity of people speaks as those people; the cue of the next sentence
        # ("According to …") is not this quotation's.
        (
            "Several hundred of his supporters clashed with police, chanting "
            '"Out with them all!" According to the police, nine officers were hurt.',
            "Out with them all!",
            "Several hundred of his supporters",
        ),
    ],
)
def test_quotes_chanted_slogans_are_direct(code, text, quoted, speaker):
    result = code(text)
    quote = result.quotes[0]
    actor = next(a for a in result.actors if a.id == quote.speaker)
    assert (quote.kind, quote.text, quote.speaker_text) == ("direct", quoted, speaker)
    assert actor.name.split()[-1] in speaker  # an actor, not only the written phrase


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            # An age written with hyphens the tokenizer splits ("52 - year - old").
            "Opposition leader Awa Ndour told supporters the count was rigged. The "
            "52-year-old former mayor of Thiès said her party would appeal.",
            [("indirect", "the count was rigged", "Awa Ndour"),
             ("indirect", "her party would appeal", "Awa Ndour")],
        ),
        (
            # A body re-mentioned with one describing word before its noun.
            "Save the Children said on Monday that its clinic had closed. \"We had no "
            'choice,\" the aid charity said.',
            [("indirect", "its clinic had closed", "Save the Children"),
             ("direct", "We had no choice,", "Save the Children")],
        ),
        (
            # A bare "the minister" is the minister of any portfolio named last, not a
            # former minister.
            "The envoy, former Malian foreign minister Awa Keita, met the press. "
            '"We saw no fraud," she said.\n\nDefence Minister Jonas Berg wrote that '
            'troops were ready. "We will not be rushed," the minister added.',
            [("direct", "We saw no fraud,", "Awa Keita"),
             ("indirect", "troops were ready", "Jonas Berg"),
             ("direct", "We will not be rushed,", "Jonas Berg")],
        ),
        (
            # A new description of several people named: the subject last made of one.
            "The envoy Lars Holm said the talks were slow. Among the crowd was Rosa Petit, "
            "70, who fled in 2020. She said she had come from Lyon.\n\n"
            '"I lost my house," the retired nurse said.',
            [("indirect", "the talks were slow", "Lars Holm"),
             ("indirect", "she had come from Lyon", "Rosa Petit"),
             ("direct", "I lost my house,", "Rosa Petit")],
        ),
        (
            # "the court" re-mentions the court named before; "the ruling" speaks for it.
            "The Supreme Court on Monday struck down the law. In a split verdict, the court "
            'also ordered a new count.\n\n“The law was void from the start,” the ruling said.',
            [("direct", "The law was void from the start,", "Supreme Court")],
        ),
        (
            # An indefinite description named later by "the colonel, X" is X.
            "A retired army colonel who served in Tumbes said the attack was a warning.\n\n"
            '"They can hit where they want," said the colonel, Jorge Paredes.',
            [("indirect", "the attack was a warning", "Jorge Paredes"),
             ("direct", "They can hit where they want,", "Jorge Paredes")],
        ),
        (
            # A body the tagger took for a person, inside reported speech, is not whom a
            # later "he" follows.
            "Lena Ortiz told a radio station she would switch to a rival app.\n\nAnalyst "
            "Raj Mehta of Creative Metrics said Pixelcraft is following a well-worn path. "
            '"Every consumer app hits this moment," he said.',
            [("indirect", "she would switch to a rival app", "Lena Ortiz"),
             ("indirect", "Pixelcraft is following a well-worn path", "Raj Mehta"),
             ("direct", "Every consumer app hits this moment,", "Raj Mehta")],
        ),
        (
            # A dateline the parser took for a second subject does not speak.
            "LUSAKA, May 2 (Reuters) - Zambia's electoral commission said on Friday that "
            "the count would be delayed.",
            [("indirect", "the count would be delayed", "Zambia's electoral commission")],
        ),
        (
            # The source of "according to" is followed like a subject; a re-mentioned
            # spokesperson speaks for the body named at the first mention.
            "A spokesperson for the Health Ministry told reporters that no decision had "
            'been made. "This is for parliament," the spokesperson said.\n\nAccording to '
            "law professor Jan Vos of Leiden University, a ruling could take years. "
            '"The bar is high," he said.',
            [("indirect", "no decision had been made", "Health Ministry"),
             ("direct", "This is for parliament,", "Health Ministry"),
             ("indirect", "a ruling could take years", "Jan Vos"),
             ("direct", "The bar is high,", "Jan Vos")],
        ),
        (
            # A relative clause names the person it follows; a later pronoun goes on
            # with that person, not with one named in an earlier paragraph.
            "In a statement signed by its commissioner, Ibrahim Bello, the state government "
            "said it had closed 12 schools.\n\nA parent, who gave his name only as Musa "
            'Tanko, said two of his sons were taken. "I have not slept," he told reporters.'
            "\n\nOne organiser, who gave only his nom de guerre Abu Karim, said the vigil "
            "would go on.",
            [("indirect", "it had closed 12 schools", "state government"),
             ("indirect", "two of his sons were taken", "Musa Tanko"),
             ("direct", "I have not slept,", "Musa Tanko"),
             ("indirect", "the vigil would go on", "Abu Karim")],
        ),
        (
            # An office the tagger read as a name, then the person's name in apposition.
            "The Director of Army Public Relations, Brigadier Tunde Okon, spoke in Abuja. "
            'He said: "The roads are open again."',
            [("direct", "The roads are open again.", "Tunde Okon")],
        ),
    ],
)  # fmt: skip
def test_quotes_descriptions_and_appositives_name_the_speaker(code, text, expected):
    result = code(text)
    names = {a.id: a.name for a in result.actors}
    assert [(q.kind, q.text, names.get(q.speaker)) for q in result.quotes] == expected


def test_quotes_a_bill_is_no_speaker_for_a_pronoun(code):
    result = code(
        "The Government published the Bill on Monday. Dara Quinn said the Bill was rushed. "
        '"It is a disgrace," he said.'
    )
    names = {a.id: a.name for a in result.actors}
    assert [names.get(q.speaker) for q in result.quotes] == ["Dara Quinn", "Dara Quinn"]
    assert "Bill" not in names.values()


def test_quotes_the_accused_of_a_headline_passive_is_no_speaker(code):
    result = code(
        "The minister faced criticism from charities on Monday.",
        title="Minister accused of ‘cruelty’ over camp plan",
    )
    (quote,) = result.quotes
    assert (quote.kind, quote.text, quote.speaker) == ("partial", "cruelty", None)
