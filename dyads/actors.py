"""Find the actors of a document and link every mention of each.

Interface used by the later stages (quotes, events):

- :class:`Mention`: a token span (``start``/``end`` token indices, end-exclusive)
  that refers to actor number ``actor`` in :attr:`DocActors.actors`;
- :class:`DocActors`: the actors of one Doc and a token → mention index.

How (docs/actors.md has the long version):

1. One pass of :meth:`~dyads.kb.KnowledgeBase.scan` over the tokens finds KB
   names, demonyms and role nouns; spaCy's entities add names the KB lacks, and
   a few cues add the names the tagger missed or mistyped (a proper-noun
   subject, a name with an age, a given name, a noun for a person before it).
2. Each actor head (the last token of a name, or a role noun heading its noun
   phrase) becomes a mention spanning its noun phrase ("Russian President
   Vladimir Putin", "the top U.S. diplomat"); a named possessor ("Putin's") is a
   mention of its own. A country word before a non-actor noun is a mention of
   the state that owns it ("a U.S. request"); coordinated countries before a
   role noun are one actor each ("U.S. and Russian negotiators"); the backer in
   "U.S.-backed" is a mention of its own. Third-person pronouns are mentions too.
3. :func:`dyads.kb.interpret` reads each mention's words; then mentions are
   linked in document order: same KB entry or surname → same person (a person
   the text names in full before a KB namesake; honorifics tell gender); a
   definite title or nominal → the latest compatible actor; appositives merge
   into the name they follow, and a nominal into the name that follows it
   ("Kenya's interior minister, X"); "the company", "the group" → the named
   body they repeat; a titled person without a country inherits one
   from a single nationality among the group mentions just before; groups and
   people still without a country take it from a phrase after them ("rebels
   in the Ivory Coast") or the one country of their sentence; pronouns go to
   the subject that is salient, or stay unlinked.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .kb import (
    GENERIC_HEADS,
    HONORIFICS,
    KINDS,
    MEMBER_SUFFIXES,
    PARTITIVE_HEADS,
    PATRON_SUFFIXES,
    SETTLEMENT_NOUNS,
    WATER_WORDS,
    KnowledgeBase,
    Piece,
    Reading,
    given_names,
    interpret,
    kb_with,
    name_particles,
    norm,
    one_slip,
    particle_name_end,
    person_by_name,
    person_name,
    place_country,
)
from .nlp import PUBLISHED
from .places import big_city, locate
from .records import Actor
from .resources import table, word_list

TOPIC_NOUNS = "en_topic_nouns.txt"
BODY_NOUNS = "en_body_nouns.txt"
ORG_NAME_WORDS = "en_org_name_words.txt"
SPEAKER_NOUNS = "en_speaker_nouns.tsv"
PLACE_NOUNS = "en_place_nouns.txt"
REPORTING_VERBS = "en_reporting_verbs.txt"
MISSION_NOUNS = "en_mission_nouns.txt"
POSTNOMINALS = "en_quote_postnominals.txt"
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
_NP_DEPS = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "predet", "case", "punct"}
)
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_PLURAL = frozenset({"they", "them", "their", "themselves"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "\u00ab", "\u00bb"})
_BOUNDARIES = frozenset({",", ";", ":", "(", ")", "[", "]", "\u2014", "\u2013", "--"}) | _QUOTES
_FEMALE_ROLES = frozenset(
    {"queen", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "policewoman"}
)
_MALE_ROLES = frozenset({"king", "spokesman", "chairman", "congressman", "businessman", "emir"})
# Offices that a generic word can stand for: "the top diplomat" → a foreign minister.
_CLASS_ALIASES = {"leader": {"head", "leader"}, "head": {"head", "leader"}}
# Offices news never calls by the bare noun of their title: "the minister" is not the
# prime minister, nor "the president" the vice president.
_OWN_NOUN_CLASSES = frozenset({"head", "vice", "chief minister", "heir"})
# Prepositions that place a group or person: "rebels in Darfur", "King Hassan of Morocco".
_PLACE_PREPS = frozenset({"in", "of", "from", "inside", "across", "throughout"})
_ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "PRM", "UAF"})
# First words of waters named after a country ("the Sea of Japan", "the Gulf of Mexico").
_REGION_NOUNS = frozenset({"region", "province", "district", "oblast", "governorate", "county"})
# Verbs whose place is a destination or venue, not where a person belongs.
_TRAVEL_VERBS = frozenset(
    {"arrive", "visit", "fly", "travel", "return", "go", "come", "head", "land", "leave"}
    | {"tour", "attend", "reach", "meet", "stop", "stay", "hold", "host", "welcome"}
)
NON_STATE_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM"})
# Prepositions that say where something happens ("in Moscow"), not at whom it is aimed.
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "within", "near", "outside", "inside", "around", "across", "throughout"}
)
# Kinds of actor that are territory: a state (or a capital acting for it) or a place.
_TERRITORIES = frozenset({"state", "place"})
# Authorities that act at home: a group they act on or beside is placed in their country.
_DOMESTIC_AUTHORITIES = frozenset({"GOV", "COP", "JUD", "LEG"})
# Official groups ("Kenyan officials", "Chinese troops") are counterparts, not constituents.
_OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO", "ELI"})
# Offices named for what they govern: "mayor of X" names a place, not a person.
_GOVERNING_CLASSES = frozenset({"head", "governor", "mayor"})
# How many sentences back a definite nominal, pronoun or nationality may reach.
_WINDOW = 3
# A city this big is known by its other spellings one slip away ("Mykolaiv", Mykolayiv).
_BIG_CITY = 100_000


@dataclass(slots=True)
class Mention:
    """A span of tokens that refers to one actor.

    ``kind`` is ``name``, ``nominal`` or ``pronoun``.
    """

    start: int
    end: int
    actor: int
    kind: str


@dataclass(slots=True)
class DocActors:
    """The actors of one document and where each is mentioned."""

    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    _by_token: dict[int, int] = field(default_factory=dict)

    def index(self) -> None:
        """Rebuild the token → mention map after mentions change."""
        self._by_token = {i: n for n, m in enumerate(self.mentions) for i in range(m.start, m.end)}

    def mention_at(self, token: Token | int) -> Mention | None:
        """Return the mention covering a token, or None."""
        n = self._by_token.get(token if isinstance(token, int) else token.i)
        return self.mentions[n] if n is not None else None

    def actor_at(self, token: Token | int) -> Actor | None:
        """Return the actor a token refers to, or None."""
        mention = self.mention_at(token)
        return self.actors[mention.actor] if mention is not None else None

    def mentions_of(self, actor: int) -> list[Mention]:
        """Return the mentions of actor number ``actor``, in document order."""
        return [m for m in self.mentions if m.actor == actor]


@dataclass(slots=True)
class _Cand:
    """A mention found in the document, before linking."""

    start: int
    end: int
    head: int
    kind: str  # name | nominal | pronoun
    sent: int
    reading: Reading | None = None
    quoted: bool = False
    subject: bool = False
    definite: bool = False
    appositive: bool = False
    actor: int = -1
    word: str = ""
    patron: bool = False  # "U.S." in "U.S.-backed rebels": backs the next actor
    gender: str | None = None  # told by an honorific ("Ms. Ferraro")
    written: tuple[str, ...] = ()  # the personal name as written, without title or honorific


@dataclass(slots=True)
class _Chain:
    """An actor being built: what its mentions say about it."""

    name: str
    kind: str | None
    country: str | None
    sector: str | None
    role: str | None
    role_class: str | None = None
    entry_name: str | None = None
    name_words: set[str] = field(default_factory=set)
    name_len: int = 0
    gender: str | None = None
    plural: bool = False
    role_key: str | None = None
    cands: list[_Cand] = field(default_factory=list)


def extract_actors(doc: Doc, kb: KnowledgeBase | None = None) -> DocActors:
    """Return the actors of a parsed Doc with their mentions.

    Args:
        doc: A Doc parsed by the dyads pipeline (tagger, parser, NER).
        kb: The knowledge base; the bundled one by default.
    """
    kb = kb or kb_with(())
    date = doc.user_data.get(PUBLISHED)
    if isinstance(date, dt.datetime):
        date = date.date()
    words = [t.text for t in doc]
    # Whitespace matters to the scan only around hyphens ("think-tank"): read it there.
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if word == "-" and i > 0:
            spaces[i - 1], spaces[i] = bool(doc[i - 1].whitespace_), bool(doc[i].whitespace_)
    pieces = [p for p in kb.scan(words, spaces) if not _surname_role(doc, p)]
    sent_of = _sentence_numbers(doc)
    cands = _find_mentions(doc, words, sent_of, kb, pieces, date)
    chains = _link(doc, words, sent_of, kb, cands)
    return _build(doc, chains, cands)


def _surname_role(doc: Doc, piece: Piece) -> bool:
    """A capitalised role word after a given name in one personal name is a surname:
    "Martin Luther King Jr.", "Billie Jean King" (a title comes first: "King Charles")."""
    if piece.what != "role" or piece.end - piece.start != 1:
        return False
    token = doc[piece.start]
    if token.ent_type_ != "PERSON" or token.ent_iob_ != "I" or not token.text[:1].isupper():
        return False
    i = piece.start - 1
    while i >= 0 and doc[i].ent_type_ == "PERSON":
        if doc[i].lower_ in given_names():
            return True
        if doc[i].ent_iob_ == "B":
            break
        i -= 1
    return False


# ---------------------------------------------------------------------- mentions


def _sentence_numbers(doc: Doc) -> list[int]:
    """Return each token's sentence number (all 0 for a Doc without sentence boundaries)."""
    sent_of = [0] * len(doc)
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        for n, sent in enumerate(doc.sents):
            sent_of[sent.start : sent.end] = [n] * (sent.end - sent.start)
    return sent_of


def _quote_flags(words: list[str]) -> list[bool]:
    """Mark the tokens inside quotation marks (a paragraph break closes a quote)."""
    flags = [False] * len(words)
    inside = False
    for i, text in enumerate(words):
        if "\n" in text:
            inside = False
        elif text == "\u201c" or text == "\u00ab":
            inside = True
        elif text in ("\u201d", "\u00bb"):
            inside = False
        elif text == '"':
            inside = not inside
        else:
            flags[i] = inside
    return flags


def _find_mentions(
    doc: Doc,
    words: list[str],
    sent_of: list[int],
    kb: KnowledgeBase,
    pieces: list[Piece],
    date: dt.date | None,
) -> list[_Cand]:
    quoted = _quote_flags(words)
    sent_first: dict[int, int] = {}
    for i, n in enumerate(sent_of):
        sent_first.setdefault(n, i)
    piece_at: dict[int, Piece] = {}
    for piece in pieces:
        for i in range(piece.start, piece.end):
            piece_at[i] = piece
    ent_at: dict[int, Span] = {}
    for ent in doc.ents:
        if ent.label_ in _LABELS:
            for i in range(ent.start, ent.end):
                ent_at[i] = ent

    # Heads: the last token of a name (KB piece or entity), or of a role noun.
    heads: dict[int, tuple[int, str | None]] = {}  # head index → (name start, label)
    country_led: dict[int, int] = {}  # head → name start of "the U.S. Geological Survey"
    body_named: dict[int, int] = {}  # head → name start of "the University of Leeds"
    for piece in pieces:
        if piece.what in ("name", "demonym", "role", "patron"):
            last = piece.end - 1
            heads[last] = (piece.start, None)
    for ent, ent_label in _entity_parts(doc, words, piece_at):
        if ent_label not in _LABELS:
            continue
        end = ent.end
        while end > ent.start + 1 and norm(doc[end - 1].text) in ("'s", "'"):
            end -= 1
        first = ent.start
        while first < end - 1 and doc[first].lower_ == "the":
            first += 1
        last = end - 1
        if doc[first].lower_ in WATER_WORDS and any(t.lower_ == "of" for t in doc[first:end]):
            # "the Sea of Japan", "the Gulf of Mexico": a place named after a country.
            for i in range(ent.start, ent.end):
                heads.pop(i, None)
            continue
        covering = piece_at.get(last)
        if covering is not None and covering.what == "role" and covering.role.title:
            continue  # "State" in "Secretary of State": part of a title
        # "Nadia, 31, said": an age after a name makes it a person's, whatever the tagger said.
        named_as = _named_as(doc, first, end)
        if named_as and first in piece_at:
            # "gave his name only as Tariq": a given name, not the KB's namesake.
            dropped = piece_at.pop(first)
            heads.pop(dropped.end - 1, None)
            if dropped in pieces:
                pieces.remove(dropped)
        label = "PERSON" if _aged(doc, end) or named_as else ent_label
        if (
            label in ("ORG", "GPE")
            and end - first == 1
            and _described_as_person(doc[first], piece_at)
        ):
            label = "PERSON"  # "Fowler, a teacher, joined": a surname, not a body
        if label == "PERSON" and end - first == 1 and _town_tagged_as_person(doc, doc[first]):
            label = "GPE"
        if (
            label in ("PERSON", "ORG")
            and end - first == 1
            and first not in piece_at
            and _lone_town_name(doc, doc[first])
        ):
            label = "GPE"  # "shelled Kharkiv", "Texas officials": a town or state, not a name
        if label in ("ORG", "PERSON") and _settlement_named(doc[first:end], piece_at):
            label = "GPE"
        if label == "PERSON" and _given_name_is_place(doc, first, end, piece_at):
            # "Sofia Ekholm": a given name that is also a capital; the person wins.
            for i in range(first, end):
                dropped = piece_at.pop(i, None)
                if dropped is not None:
                    heads.pop(dropped.end - 1, None)
                    if dropped in pieces:
                        pieces.remove(dropped)
        whole_body: dict[int, int] | None = None
        if label == "ORG" and (
            _country_led_body(doc, first, end, piece_at)
            or _body_of_a_body(doc, first, end, piece_at)
        ):
            whole_body = country_led  # "the U.S. Geological Survey": a body the KB does not know
        elif label == "ORG" and _body_with_complement(doc, first, end, piece_at):
            whole_body = body_named  # "the Office for National Statistics", not "Statistics"
        if whole_body is not None:
            for i in range(first, end):
                if i in piece_at:
                    heads.pop(piece_at[i].end - 1, None)
            heads[last] = (first, label)
            whole_body[last] = first
            continue
        if any(i in piece_at and piece_at[i].what == "name" for i in range(first, end)):
            # The KB knows a name here; let its piece decide, but keep spaCy's label.
            kb_last = max(i for i in range(first, end) if i in piece_at)
            kb_piece = piece_at[kb_last]
            heads[kb_piece.end - 1] = (min(first, kb_piece.start), label)
            continue
        if label in ("GPE", "LOC") and end < len(doc) and doc[end].lower_ in _REGION_NOUNS:
            last = end  # "Idlib province", "the Kharkiv region": the region is the place
        heads[last] = (first, label)
    for first, last, label in _untagged_names(doc, words, heads, piece_at, ent_at):
        heads[last] = (first, label)
    for first, last in _comma_named_bodies(doc, words, piece_at, ent_at):
        heads[last] = (first, "ORG")

    claimed: set[int] = set()
    cands: list[_Cand] = []
    for head_i in sorted(heads):
        if head_i in claimed:
            continue
        name_start, label = heads[head_i]
        token = doc[head_i]
        piece = piece_at.get(head_i)
        if piece is not None and piece.what == "patron":
            # "U.S.-backed rebels": the backer is a mention of its own, of the state.
            if piece.country:
                cands.append(_patron_cand(kb, piece, token, sent_of, quoted))
                claimed.add(head_i)
            continue
        is_role = piece is not None and piece.what == "role" and head_i == piece.end - 1
        # "the charity Bridges4Peace": a body noun before a name the tagger missed.
        named_end = _body_name_end(doc, head_i, heads, piece_at, ent_at) if is_role else head_i
        if named_end == head_i and not _is_actor_head(
            token, piece, is_role, label, heads, piece_at
        ):
            continue
        start, reading_start = _np_start(
            doc, token, name_start, sent_first[sent_of[head_i]], heads, piece_at
        )
        end = head_i + 1
        # "the president of Armenia": take a following "of <name>" into the phrase.
        if named_end > head_i:
            end = named_end + 1
            dets = [c.i for c in doc[named_end].lefts if c.dep_ == "det" and c.i < head_i]
            start = reading_start = min([start, *dets])
        elif is_role and end + 1 < len(doc) and doc[end].lower_ == "of":
            nxt = piece_at.get(end + 1) or piece_at.get(end + 2)
            if nxt is not None and nxt.what == "name" and nxt.end - end <= 4:
                end = nxt.end
        if any(i in claimed for i in range(start, end)):
            start = max([i + 1 for i in range(start, end) if i in claimed] + [start])
            # Past a possessive, or the "-backed" of a patron who is a mention of its own.
            while start < head_i and (
                norm(doc[start].text) in ("'s", "'", "-")
                or f"-{doc[start].lower_}" in PATRON_SUFFIXES
            ):
                start += 1
            if start > head_i:
                continue
        partners = (
            _coordinated_countries(
                words, pieces, reading_start, head_i, sent_first[sent_of[head_i]]
            )
            if is_role
            else []
        )
        if partners:
            # "U.S. and Russian negotiators": one actor per country; this mention keeps the last.
            start = reading_start = max(start, partners[-1].start)
            for partner in partners[:-1]:
                if any(i in claimed for i in range(partner.start, partner.end)):
                    continue
                tokens = [*range(partner.start, partner.end), *range(partners[-1].end, end)]
                r = _read_tokens(doc, kb, pieces, tokens, date)
                cands.append(
                    _Cand(
                        partner.start,
                        partner.end,
                        partner.end - 1,
                        "nominal",
                        sent_of[head_i],
                        r,
                        quoted=quoted[head_i],
                        subject=token.dep_ in ("nsubj", "nsubjpass"),
                    )
                )
                claimed.update(range(partner.start, partner.end))
        reading = _read_tokens(doc, kb, pieces, list(range(reading_start, end)), date, label)
        if reading.kind is None and reading.country is None and reading.sector is None:
            continue
        if head_i in body_named:
            body_word = piece_at.get(body_named[head_i])
            role = body_word.role if body_word is not None and body_word.what == "role" else None
            reading.head, reading.entry, reading.kind = "name", None, "organisation"
            reading.name, reading.person_name = doc[body_named[head_i] : end].text, ()
            reading.sector = role.sector if role is not None else None
            reading.role = role.phrase if role is not None else None
            reading.plural = False
        if label == "PERSON" and _named_as(doc, head_i, head_i + 1):
            # "gave his name only as Tariq": a given name, not the KB's namesake.
            reading.head, reading.entry, reading.kind = "name", None, "person"
            reading.country = reading.sector = reading.role = None
            reading.name, reading.person_name = token.text, (token.text,)
        if head_i in country_led:
            name_words = doc[country_led[head_i] : end]
            reading.head, reading.entry, reading.kind = "name", None, "organisation"
            reading.name, reading.sector, reading.role = name_words.text, None, None
        if label == "PERSON" and reading.entry is None and _governed_place(token, piece_at):
            continue  # "mayor of Vila Serena": the tagger's person is the place governed
        if label == "PERSON" and reading.entry is None and not reading.person_name:
            reading.kind = "person"
        if label == "PERSON" and reading.entry is None and reading.head != "role":
            # "Republican Tom Ashcombe", "Kenyan runner Eliud Koros": the name is the entity's
            # own capitalised words ("manager Joe Pettigrew" if the tagger took the noun in).
            own = name_start
            while own < head_i and not doc[own].text[:1].isupper():
                own += 1
            if _descriptor_before_given_name(doc, own, head_i, piece_at):
                own += 1  # "Newcomer Ingrid Halvorsen": the noun describes her
            if reading_start < own:
                reading.name = doc[own:end].text
                reading.person_name = tuple(t.text for t in doc[own:end])
        if (
            reading.entry is None
            and label in ("PERSON", "ORG")
            and not _named_as(doc, head_i, head_i + 1)
            and reading.kind
            in (
                None,
                "person",
                "organisation",
            )
        ):
            names = [t.text for t in doc[name_start : head_i + 1] if t.text[:1].isupper()]
            person_by_name(kb, reading, names, date)
        first_word = doc[reading_start].lower_
        cand = _Cand(
            start,
            end,
            head_i,
            "nominal" if is_role and reading.head == "role" else "name",
            sent_of[head_i],
            reading,
            quoted=quoted[head_i],
            subject=token.dep_ in ("nsubj", "nsubjpass"),
            definite=first_word in ("the", "this", "that") or doc[start].dep_ == "poss",
            appositive=token.dep_ == "appos",
        )
        if cand.kind == "nominal" and reading.person_name:
            cand.kind = "name"
        if label == "ORG" and reading.entry is None and token.lower_ in word_list(BODY_NOUNS):
            # "the Harbour Workers Federation": one body, whatever its inner nouns say.
            reading.kind, reading.plural = "organisation", False
        titles = [
            piece_at[i]
            for i in range(reading_start, head_i)
            if i in piece_at and piece_at[i].what == "role" and piece_at[i].end - 1 == i
        ]
        if (
            not is_role
            and reading.head == "role"
            and reading.kind in ("organisation", "group")
            and titles
            and doc[titles[-1].end - 1].text[:1].islower()
            and all(t.text[:1].isupper() for t in doc[titles[-1].end : end])
        ):
            reading.name = doc[titles[-1].end : end].text  # "German carmaker Kroonwagen"
        if label in ("ORG", "GPE", "NORP") and reading.entry is None and not is_role:
            _person_after_person_noun(doc, kb, reading, name_start, head_i)
            if reading.kind != "person":
                _person_by_given_name(doc, reading, reading_start, head_i)
        if start > reading_start and reading.entry is None and reading.head != "role":
            # "the Fed's Moberg": the possessor is a mention of its own, not in the name
            # (nor are lower-case words before the name: "Ashgrove manager Joe Pettigrew").
            own = start
            while own < head_i and not doc[own].text[:1].isupper():
                own += 1
            reading.name = doc[own:end].text
            reading.person_name = tuple(t.text for t in doc[own:end] if t.text[:1].isupper())
        if named_end > head_i:
            cand.kind = "name"
            reading.name = doc[head_i + 1 : end].text
            cand.subject = cand.subject or doc[named_end].dep_ in ("nsubj", "nsubjpass")
        if cand.kind == "name" and reading.kind in (None, "person"):
            _honorific_name(doc, kb, cand, name_start)
        if end + 1 < len(doc) and doc[end].text == "-":
            cand.patron = f"-{doc[end + 1].lower_}" in PATRON_SUFFIXES  # "Kremlin-backed"
        cands.append(cand)
        claimed.update(range(start, end))
    for i, word in enumerate(words):
        lower = word.lower()
        if lower not in _MALE and lower not in _FEMALE and lower not in _PLURAL:
            continue
        token = doc[i]
        if i not in claimed and token.pos_ == "PRON":
            cands.append(
                _Cand(
                    token.i,
                    token.i + 1,
                    token.i,
                    "pronoun",
                    sent_of[token.i],
                    quoted=quoted[token.i],
                    subject=token.dep_ in ("nsubj", "nsubjpass"),
                    word=lower,
                )
            )
    cands.sort(key=lambda c: c.start)
    return cands


@functools.cache
def _org_words() -> frozenset[str]:
    """Words of bodies' names: ``en_org_name_words.txt`` and ``en_body_nouns.txt``."""
    return word_list(ORG_NAME_WORDS) | word_list(BODY_NOUNS)


def _body_like(tokens: Iterable[Token]) -> bool:
    """Whether a name holds a word of a body's name ("Ashgrove United", "Kestrel
    Power Inc.")."""
    return any(t.lower_.rstrip(".") in _org_words() for t in tokens)


@functools.cache
def _person_nouns() -> frozenset[str]:
    """Common nouns for one person: ``person`` rows of ``en_speaker_nouns.tsv``."""
    return frozenset(row["lemma"] for row in table(SPEAKER_NOUNS) if row["class"] == "person")


def _person_after_person_noun(
    doc: Doc, kb: KnowledgeBase, reading: Reading, name_start: int, head_i: int
) -> None:
    """Make a name the tagger typed as a body or place a person's when a noun for a
    person stands right before it ("economist Callum MacRury", "farmer Jo Reed"): a
    ``person`` row of ``en_speaker_nouns.tsv`` or a singular person role noun.
    """

    def for_a_person(token: Token) -> bool:
        role = kb.roles.get((token.lower_,))
        return token.lower_ in _person_nouns() or (
            role is not None and role.kind == "person" and not role.plural
        )

    first = name_start
    if not for_a_person(doc[first]):
        first -= 1
        if first < 0 or not for_a_person(doc[first]):
            return
    name = doc[first + 1 : head_i + 1]
    proper = all(t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper() for t in name)
    if not proper or not _read_as_person(reading, name):
        return
    reading.role = doc[first].lower_
    role = kb.roles.get((reading.role,))
    if role is not None and role.kind == "person":
        reading.sector = role.sector


def _country_led_body(doc: Doc, first: int, end: int, piece_at: dict[int, Piece]) -> bool:
    """Whether an organisation entity is a country's name or adjective followed by words
    the KB does not know ("the U.S. Geological Survey", "Brazilian Football Federation")."""
    found = [piece_at[i] for i in range(first, end) if i in piece_at]
    if not found or (end - 1) in piece_at or not doc[end - 1].text[:1].isupper():
        return False
    return all(
        (p.what == "demonym" or (p.what == "name" and p.entries[0].category == "country"))
        and p.end < end
        for p in found
    )


def _body_of_a_body(doc: Doc, first: int, end: int, piece_at: dict[int, Piece]) -> bool:
    """Whether an organisation entity holds a KB body's name but names a body of its own
    that ends in a body word after it ("Sunderland NHS Foundation Trust", "Kestrel Fed
    Watchers Club"): one organisation named by the entity, not the KB body."""
    found = [piece_at[i] for i in range(first, end) if i in piece_at]
    names = [p for p in found if p.what == "name"]
    if not names or any(e.kind != "organisation" for p in names for e in p.entries):
        return False
    tail = doc[names[-1].end : end]
    return (
        len(tail) >= 1
        and all(t.text[:1].isupper() for t in tail)
        and doc[end - 1].lower_.rstrip(".") in _org_words()
    )


def _governed_place(token: Token, piece_at: dict[int, Piece]) -> bool:
    """Whether a name is what an office governs: "mayor of X", "governor of X", "the
    president of X" name a place or body, not a person."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of":
        return False
    office = piece_at.get(prep.head.i)
    return (
        office is not None
        and office.what == "role"
        and office.role is not None
        and office.role.cls in _GOVERNING_CLASSES
    )


def _settlement_named(ent: Span, piece_at: dict[int, Piece]) -> bool:
    """Whether an entity the KB does not know names a settlement: "the village of Kfar
    Nabl", "the town of Vila Serena" (``of`` after a noun of ``SETTLEMENT_NOUNS``)."""
    if any(i in piece_at for i in range(ent.start, ent.end)):
        return False
    root = ent.root
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.pos_ == "NOUN"
        and prep.head.lower_ in SETTLEMENT_NOUNS
    )


def _town_tagged_as_person(doc: Doc, token: Token) -> bool:
    """Whether a one-word person entity is a town: the object of "of"/"in"/"from"/"near"
    ("Sofia Marquez of Valencia"), a place the gazetteer knows by that very name, and no
    word of a longer person's name in the text."""
    if token.dep_ != "pobj" or token.head.lower_ not in ("of", "in", "from", "near"):
        return False
    if place_country(token.text) is None:
        return False
    return not any(
        e.label_ == "PERSON" and len(e) > 1 and any(t.text == token.text for t in e)
        for e in doc.ents
    )


def _lone_town_name(doc: Doc, token: Token) -> bool:
    """Whether a one-word person or body entity is a town or US state the gazetteer knows
    by that very name (a city of ``_BIG_CITY`` people also by another spelling): no known
    given name, no common noun before it ("the retailer Marlo"), no surname after it, no
    word of a longer person's name in the text, and not the speaker of a reporting verb
    ("Jackson said", "Nokia announced": a person or a company named like a town)."""
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.lower_ in given_names() or not token.text[:1].isupper() or token.text.isupper():
        return False
    if nxt is not None and nxt.pos_ == "PROPN" and nxt.text[:1].isupper():
        return False
    prev = doc[token.i - 1] if token.i > 0 else None
    if (
        prev is not None
        and prev.pos_ == "NOUN"
        and prev.text[:1].islower()
        and prev.lower_ not in SETTLEMENT_NOUNS
    ):
        return False  # "the retailer Marlo": a noun names what the name is
    if token.dep_ == "nsubj" and token.head.lemma_ in word_list(REPORTING_VERBS):
        return False
    if place_country(token.text) is None:
        city = big_city(token.text, _BIG_CITY)
        if city is None or not one_slip(token.lower_, city[0].lower()):
            return False  # "Abara" is listed for Ibarra: too far to trust
    return not any(
        e.label_ == "PERSON" and len(e) > 1 and any(t.text == token.text for t in e)
        for e in doc.ents
    )


def _descriptor_before_given_name(
    doc: Doc, first: int, head_i: int, piece_at: dict[int, Piece]
) -> bool:
    """Whether a person entity opens with a capitalised word that is no name, then a known
    given name and one or two more words ("Neighbour Olga Petrenko", "Newcomer Ingrid
    Halvorsen"): the first word describes the person."""
    return (
        head_i - first >= 2
        and head_i - first <= 3
        and first not in piece_at
        and doc[first].lower_ not in given_names()
        and doc[first].lower_.rstrip(".") not in HONORIFICS
        and doc[first + 1].lower_ in given_names()
    )


def _person_by_given_name(doc: Doc, reading: Reading, start: int, head_i: int) -> None:
    """Make a name the tagger typed as a body or place a person's when it starts with a
    known given name ("Democrat Julia Ferraro": "Julia Ferraro"; ``en_first_names.tsv``)."""
    given = [i for i in range(start, head_i) if doc[i].lower_ in given_names()]
    if not given:
        return
    name = doc[given[0] : head_i + 1]
    if all(t.text[:1].isupper() and not t.text.isupper() for t in name):
        _read_as_person(reading, name)


def _read_as_person(reading: Reading, name: Span) -> bool:
    """Read a two- or three-word name that names no body or place as an unknown person's."""
    if not 2 <= len(name) <= 3 or _body_like(name) or locate(name.text) is not None:
        return False
    reading.kind, reading.country, reading.sector = "person", None, None
    reading.person_name = tuple(t.text for t in name)
    reading.name = name.text
    return True


def _body_with_complement(doc: Doc, first: int, end: int, piece_at: dict[int, Piece]) -> bool:
    """Whether a body entity is a body word with an "of"/"for" complement of capitalised
    words the KB does not know ("the Office for National Statistics", "the University of
    Leeds"): one body named by the entity, whatever nouns its complement holds."""
    if end - first < 3 or doc[first + 1].lower_ not in ("of", "for"):
        return False
    word = doc[first]
    piece = piece_at.get(first)
    if not word.text[:1].isupper() or (piece is not None and piece.end > first + 1):
        return False  # "Ministry of Foreign Affairs": a role the KB reads whole
    if word.lower_ not in _org_words():
        return False
    if any(piece_at[i].what == "name" for i in range(first, end) if i in piece_at):
        return False
    return all(t.text[:1].isupper() or t.lower_ in ("of", "for", "and") for t in doc[first:end])


def _described_as_person(token: Token, piece_at: dict[int, Piece]) -> bool:
    """Whether a one-word name has an appositive noun for one person ("Fowler, a teacher,",
    "Abara, a nurse,": ``en_speaker_nouns.tsv`` person rows or a singular person role)."""
    for child in token.children:
        if child.dep_ != "appos" or child.pos_ != "NOUN" or not child.text[:1].islower():
            continue
        piece = piece_at.get(child.i)
        role = piece.role if piece is not None and piece.what == "role" else None
        if child.lower_ in _person_nouns() or (
            role is not None and role.kind == "person" and not role.plural
        ):
            return True
    return False


def _named_as(doc: Doc, first: int, end: int) -> bool:
    """Whether a one-word name follows "gave (his|her|their) name (only) as" ("a relative,
    who gave her name only as Rosa"): a person's given name, whatever the tagger said."""
    if end - first != 1 or first < 4 or doc[first - 1].lower_ != "as":
        return False
    k = first - 2
    if doc[k].lower_ == "only":
        k -= 1
    if k < 2 or doc[k].lower_ not in ("name", "names"):
        return False
    owner = doc[k - 1]
    if owner.lower_ == "first" and k >= 3:
        owner = doc[k - 2]
    return (
        owner.lower_ in ("his", "her", "their", "its")
        and owner.i > 0
        and doc[owner.i - 1].lemma_ == "give"
    )


def _aged(doc: Doc, end: int) -> bool:
    """Whether the name ending before token ``end`` is followed by an age: "Nadia, 31,"."""
    if end + 2 >= len(doc) or doc[end].text != "," or doc[end + 2].text != ",":
        return False
    age = doc[end + 1].text
    return age.isdigit() and 0 < int(age) < 120


def _untagged_names(
    doc: Doc,
    words: list[str],
    heads: dict[int, tuple[int, str | None]],
    piece_at: dict[int, Piece],
    ent_at: dict[int, Span],
) -> list[tuple[int, int, str]]:
    """Find names the tagger missed: ``(first, last, label)`` for each.

    A run of two or three capitalised proper nouns that is the subject of a verb ("Bryn
    Howell said"), one followed by an age ("Yusra, 24,") or one that starts with a known
    given name ("cheered Ana Torres") is a person's name, unless it is
    a known place or holds a body noun ("Harbour Relief Trust said": an organisation). A
    run joined by "and"/"of"/"for" ("Ports and Border Control said") is a body.
    """
    covered = heads.keys() | piece_at.keys() | ent_at.keys()
    bare = [
        w[:1].isupper()
        and not (w.isupper() and len(w) > 1)
        and i not in covered
        and doc[i].pos_ == "PROPN"
        for i, w in enumerate(words)
    ]
    found: list[tuple[int, int, str]] = []
    size = len(doc)
    i = 0
    while i < size:
        if not bare[i]:
            i += 1
            continue
        # Not the tail of a name the tagger cut short; a party or nationality word may lead.
        before = doc[i - 1] if i > 0 else None
        if (
            before is not None
            and before.text[:1].isupper()
            and before.pos_ == "PROPN"
            and before.ent_type_ != "NORP"
            # "Kenyan", or a title: "Labour TD Conor Daly", "MP Ana Ruiz"
            and not (before.i in piece_at and piece_at[before.i].what in ("demonym", "role"))
        ):
            i += 1
            continue
        end = i + 1
        joined = False
        while end < size:
            if bare[end]:
                end += 1
            elif end + 1 < size and bare[end + 1] and doc[end].lower_ in ("and", "of", "for", "&"):
                joined = True
                end += 2
            else:
                break
        run = doc[i:end]
        subject = any(
            t.dep_ in ("nsubj", "nsubjpass")
            and not i <= t.head.i < end
            and t.head.pos_ in ("VERB", "AUX")
            for t in run
        )
        body = _body_like(run)
        if (subject and (joined or body)) and end - i >= 2:
            found.append((i, end - 1, "ORG"))
        elif (
            not joined
            and not body
            and (
                (subject and 2 <= end - i <= 3)
                or (end - i <= 3 and _aged(doc, end))
                or (2 <= end - i <= 3 and run[0].lower_ in given_names())
            )
        ) and locate(run.text) is None:
            found.append((i, end - 1, "PERSON"))
        i = end
    return found


def _entity_parts(doc: Doc, words: list[str], piece_at: dict[int, Piece]) -> list[tuple[Span, str]]:
    """Return the entities with their labels, split at commas inside them.

    The tagger sometimes runs a name and its appositive together ("Verona Nuoto, Lucio
    Ferrante"). Each part is an entity of its own; a later part of two or three capitalised
    words that the KB and the gazetteer do not know is a person's name.
    """
    parts: list[tuple[Span, str]] = []
    for ent in doc.ents:
        commas = [t.i for t in ent if t.text == ","]
        if not commas:
            parts.append((ent, ent.label_))
            continue
        bounds = [ent.start, *[c + 1 for c in commas]]
        ends = [*commas, ent.end]
        for n, (start, end) in enumerate(zip(bounds, ends, strict=True)):
            if start >= end:
                continue
            span = doc[start:end]
            label = ent.label_
            personal = (
                n > 0
                and 2 <= len(span) <= 3
                and all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in span)
                and not any(t.text.isupper() for t in span)
                and not _body_like(span)
                and not any(t.i in piece_at for t in span)
                and locate(span.text) is None
            )
            parts.append((span, "PERSON" if personal else label))
    return _particle_names(doc, words, parts, piece_at)


def _particle_names(
    doc: Doc, words: list[str], parts: list[tuple[Span, str]], piece_at: dict[int, Piece]
) -> list[tuple[Span, str]]:
    """Replace the entities inside a personal name with particles by that name, a person.

    "Hans Van den Broek" (tagged "Hans Van den" and "Broek"), "Ludwig van Beethoven"
    (tagged a body): a run that starts with a known given name and joins capitalised
    words with particles (``particle_name_end``) is one person's name, unless an entity
    runs past it ("the Charles de Gaulle airport"), it holds a body's word or the KB
    or the gazetteer knows it.
    """
    # Only a particle's first word can start one: most texts have none and cost one pass.
    firsts = {p[0] for p in name_particles()}
    particles = [k for k, w in enumerate(words) if w.lower() in firsts]
    if not particles:
        return parts
    names = given_names()
    starts = [
        k
        for k in range(max(0, particles[0] - 5), particles[-1])
        if words[k][:1].isupper() and words[k].lower() in names
    ]
    reached = 0
    for i in starts:
        if i < reached:
            continue
        end = particle_name_end(words, i)
        if end == i or (i > 0 and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper()):
            continue
        span = doc[i:end]
        inside = [p for p in parts if p[0].start < end and p[0].end > i]
        if (
            all(i <= p[0].start and p[0].end <= end for p in inside)
            and not (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper())
            and not (span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN")
            and not _body_like(span)
            and not any(k in piece_at for k in range(i, end))
            and locate(span.text) is None
        ):
            parts = [p for p in parts if p not in inside]
            parts.append((span, "PERSON"))
        reached = end
    return parts


def _comma_named_bodies(
    doc: Doc, words: list[str], piece_at: dict[int, Piece], ent_at: dict[int, Span]
) -> list[tuple[int, int]]:
    """Find the names in "the group, Rising Tide, said": ``(first, last)`` of each name
    that follows "the" + a body noun and a comma, up to the next comma (at most four
    capitalised words the KB does not know and no tagger took for a person or place).
    """
    body_nouns = word_list(BODY_NOUNS)
    found: list[tuple[int, int]] = []
    for i, word in enumerate(words[:-3]):
        if word.lower() not in body_nouns or words[i + 1] != "," or i == 0:
            continue
        if doc[i - 1].lower_ != "the":
            continue
        end = i + 2
        while end < len(words) and end - i <= 6 and words[end] != ",":
            end += 1
        run = range(i + 2, end)
        if (
            end >= len(words)
            or not 1 <= len(run) <= 4
            or not all(words[k][:1].isupper() or words[k].lower() in ("of", "and") for k in run)
            or not words[end - 1][:1].isupper()
            or any(k in piece_at for k in run)
            or any(k in ent_at and ent_at[k].label_ not in ("ORG", "FAC") for k in run)
        ):
            continue
        found.append((i + 2, end - 1))
    return found


def _given_name_is_place(doc: Doc, first: int, end: int, piece_at: dict[int, Piece]) -> bool:
    """Whether a PERSON entity holds a KB place or state that is part of a name here.

    "Sofia Ekholm", "Georgia Mills": the KB's only names in the entity are one-word
    places, and a capitalised word the KB does not know ends it. "Michael Jordan": a
    known given name (``en_first_names.tsv``) starts it and a one-word place ends it.
    """
    if end - first < 2:
        return False
    found = [piece_at[i] for i in range(first, end) if i in piece_at]
    places = bool(found) and all(
        p.what == "name" and p.end - p.start == 1 and all(e.kind == "state" for e in p.entries)
        for p in found
    )
    if not places:
        return False
    last = doc[end - 1]
    if last.i not in piece_at:
        return last.text[:1].isupper()
    given = doc[first]
    return given.i not in piece_at and given.lower_ in given_names()


def _body_name_end(
    doc: Doc,
    head_i: int,
    heads: dict[int, tuple[int, str | None]],
    piece_at: dict[int, Piece],
    ent_at: dict[int, Span],
) -> int:
    """Return the last token of a name no tagger found right after a body noun ("the
    charity Bridges4Peace"), or ``head_i`` when there is none.
    """
    token = doc[head_i]
    if token.lower_ not in word_list(BODY_NOUNS) or token.pos_ not in ("NOUN", "PROPN"):
        return head_i
    end = head_i
    while end + 1 < len(doc) and end - head_i < 4:
        nxt = doc[end + 1]
        if not nxt.text[:1].isupper() or nxt.pos_ not in ("PROPN", "NOUN"):
            break
        if nxt.i in heads or nxt.i in piece_at or nxt.i in ent_at:
            return head_i  # a name of its own: merged later (_named_nominals)
        end += 1
    if end == head_i:
        return head_i
    tail = range(head_i + 1, end + 1)
    # Joined in the parse; or, as the parser often has it, both subjects of one verb.
    linked = (
        token.head.i in tail
        or any(doc[i].head.i == head_i for i in tail)
        or (doc[end].head.i == token.head.i and doc[end].dep_ == token.dep_)
    )
    return end if linked else head_i


def _honorific_name(doc: Doc, kb: KnowledgeBase, cand: _Cand, name_start: int) -> None:
    """Note a personal name's honorific and written words; an honorific vetoes a KB namesake
    of the other gender ("Ms. Vance" is no Mr Vance).
    """
    first = doc[cand.start : cand.head + 1]
    honorifics = [t for t in first if norm(t.text).rstrip(".") in HONORIFICS]
    cand.written = tuple(
        t.text
        for t in doc[min(name_start, cand.head) : cand.head + 1]
        if t.text[:1].isupper()
        and norm(t.text).rstrip(".") not in HONORIFICS
        and norm(t.text) not in ("'s", "'")
        and (norm(t.text),) not in kb.roles
    )
    r = cand.reading
    assert r is not None
    _drop_postnominals(r, cand)
    if not honorifics:
        return
    cand.gender = HONORIFICS[norm(honorifics[-1].text).rstrip(".")]
    if r.person_name:
        r.person_name = tuple(w for w in r.person_name if norm(w).rstrip(".") not in HONORIFICS)
    words = r.name.split()
    if r.entry is None and len(words) > 1 and norm(words[0]).rstrip(".") in HONORIFICS:
        r.name = " ".join(words[1:])  # "Ms Lebedev" is named "Lebedev"
    entry = r.entry
    vetoed = (
        entry is not None and entry.kind == "person" and entry.gender not in (None, cand.gender)
    )
    if vetoed and cand.gender and cand.written:
        _unresolve(r, cand.written)


def _drop_postnominals(r: Reading, cand: _Cand) -> None:
    """Leave post-nominal letters out of an unknown person's name ("Rebecca Hale KC",
    "Keir Dalton MP": ``en_quote_postnominals.txt``), so that "Hale" joins her."""
    if r.entry is not None or r.kind != "person":
        return
    suffixes = word_list(POSTNOMINALS)

    def suffix(word: str) -> bool:
        return word[:1].isupper() and word.lower().rstrip(".") in suffixes

    while len(cand.written) > 1 and suffix(cand.written[-1]):
        cand.written = cand.written[:-1]
    while len(r.person_name) > 1 and suffix(r.person_name[-1]):
        r.person_name = r.person_name[:-1]
    words = r.name.split()
    while len(words) > 1 and suffix(words[-1]):
        words.pop()
    r.name = " ".join(words)


def _unresolve(r: Reading, written: tuple[str, ...]) -> None:
    """Turn a reading of a KB person back into the unknown person named as written (an
    acronym, such as "AKK" for a body, into an unknown organisation)."""
    acronym = len(written) == 1 and written[0].isupper() and len(written[0]) > 1
    r.entry, r.kind, r.head = None, "organisation" if acronym else "person", "name"
    r.country = r.sector = r.role = r.role_class = None
    r.former = False
    r.person_name = () if acronym else written
    r.name = " ".join(written)


def _patron_cand(
    kb: KnowledgeBase, piece: Piece, token: Token, sent_of: list[int], quoted: list[bool]
) -> _Cand:
    entry = kb.countries.get(piece.country or "")
    name = entry.name if entry is not None else token.text
    reading = Reading(text=token.text, name=name, kind="state", country=piece.country, sector=None)
    if piece.entries and piece.entries[0].category != "country":
        first = piece.entries[0]  # "Hezbollah-backed", "Kremlin-backed"
        reading.name, reading.kind, reading.sector = first.name, first.kind, first.sector
        reading.entry = first
    reading.head = "name"
    return _Cand(
        token.i,
        token.i + 1,
        token.i,
        "name",
        sent_of[token.i],
        reading,
        quoted=quoted[token.i],
        patron=True,
    )


def _read_tokens(
    doc: Doc,
    kb: KnowledgeBase,
    pieces: list[Piece],
    tokens: list[int],
    date: dt.date | None,
    label: str | None = None,
) -> Reading:
    """Interpret the words at ``tokens`` (in order, possibly with gaps) as one phrase."""
    position = {t: n for n, t in enumerate(tokens)}
    local = [
        Piece(position[p.start], position[p.end - 1] + 1, p.what, p.entries, p.country, p.role)
        for p in pieces
        if p.start in position
        and p.end - 1 in position
        and position[p.end - 1] - position[p.start] == p.end - 1 - p.start
    ]
    words = [doc[t].text for t in tokens]
    spaces = [
        bool(doc[t].whitespace_) or (t + 1 not in position and n + 1 < len(tokens))
        for n, t in enumerate(tokens)
    ]
    return interpret(kb, words, local, date, label=label, spaces=spaces)


def _coordinated_countries(
    words: list[str], pieces: list[Piece], start: int, head: int, floor: int
) -> list[Piece]:
    """Return the countries coordinated before a role noun ("U.S. and Russian", "French,
    German and Italian"), or [] when there are fewer than two.

    The chain ends inside the noun phrase (``start``..``head``) and may reach back past
    the commas that cut the phrase, down to ``floor`` (the sentence start).
    """
    countries = [
        p
        for p in pieces
        if floor <= p.start
        and p.end <= head
        and (
            p.what == "demonym"
            or (p.what == "name" and p.entries and p.entries[0].category == "country")
        )
    ]
    if not countries or countries[-1].start < start:
        return []
    chain = [countries[-1]]
    joiners: set[str] = set()
    for piece in reversed(countries[:-1]):
        between = {norm(w) for w in words[piece.end : chain[0].start]}
        if not between or not between <= {",", "and", "or", "&"}:
            break
        chain.insert(0, piece)
        joiners |= between
    return chain if len(chain) > 1 and joiners & {"and", "or", "&"} else []


def _is_actor_head(
    token: Token,
    piece: Piece | None,
    is_role: bool,
    label: str | None,
    heads: dict[int, tuple[int, str | None]],
    piece_at: dict[int, Piece],
) -> bool:
    """Decide whether a name or role noun heads an actor mention here."""
    if is_role and piece is not None and piece.role is not None and piece.role.title:
        nxt = token.doc[piece.end] if piece.end < len(token.doc) else None
        if (
            nxt is not None
            and nxt.text[:1].isupper()
            and (nxt.ent_type_ == "PERSON" or nxt.i in heads or nxt.i in piece_at)
        ):
            return False  # "Secretary of State Mike Pompeo": the title belongs to the name
    if is_role:
        if token.pos_ not in ("NOUN", "PROPN", "PRON", "NUM", "X", "ADJ"):
            return False
        if token.pos_ == "ADJ" and token.dep_ not in ("nsubj", "dobj", "pobj", "conj", "appos"):
            return False
        if token.dep_ in ("compound", "amod", "nmod"):
            # "press conference", "army base": a modifier, unless it has words of its own
            # ("an Assad regime offensive") or modifies another actor noun.
            governor = token.head
            if governor.i in heads and governor.i != token.i:
                return False
            return any(c.dep_ in ("compound", "det", "poss", "amod") for c in token.lefts)
        return True
    doc = token.doc
    if (
        piece is not None
        and piece.what in ("demonym", "name")
        and piece.end + 1 < len(doc)
        and doc[piece.end].text == "-"
        and f"-{doc[piece.end + 1].lower_}" in PATRON_SUFFIXES
    ):
        return True  # "Russian-backed rebels": the backer is an actor of its own
    if (
        piece is not None
        and piece.end + 1 < len(doc)
        and doc[piece.end].text == "-"
        and f"-{doc[piece.end + 1].lower_}" in MEMBER_SUFFIXES
    ):
        # "Russian-led forces": part of the forces' own phrase; "the US-led war": its leader.
        led = doc[piece.end + 1].head
        return led.i not in heads and led.i not in piece_at and led.pos_ in ("NOUN", "PROPN")
    if piece is not None and piece.what == "demonym":
        # "the Russians", "Syrians" are actors; "Russian" before an actor noun is part of
        # that actor; before any other noun ("a Russian request") it names the state.
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "Israel and the Palestinians": a conjunct like the first
        if first.dep_ not in ("amod", "compound", "nmod") and token.pos_ != "ADJ":
            return True
        return _owning_state(token, heads, piece_at)
    if token.dep_ in ("amod", "compound", "nmod") and token.head.i != token.i:
        governor = token.head
        if governor.i in heads or governor.i in piece_at:
            return False  # part of a bigger actor phrase ("U.S. officials", "Assad regime")
        if label in ("GPE", "NORP", "LOC") or (piece is not None and label is None):
            entries = piece.entries if piece is not None else ()
            if entries and entries[0].kind in ("person", "organisation", "group"):
                return True  # "Hamas rockets", "the Houthis' missiles": a named actor
            # "a U.S. request": a country owns the act; a town ("the Idlib offensive") does not.
            # "the U.S.-led war": leading it, whatever the noun.
            led = any(token.lower_.endswith(suffix) for suffix in MEMBER_SUFFIXES)
            return (
                bool(entries)
                and entries[0].category == "country"
                and _owning_state(token, heads, piece_at, topics=not led)
            )
    # "U.N.-led", "U.S.-backed": an adjective, not an actor.
    return not ("-" in token.text[1:] and token.pos_ == "ADJ")


def _owning_state(
    token: Token, heads: dict[int, tuple[int, str | None]], piece_at, topics: bool = True
) -> bool:
    """Whether a country word modifying a noun names the state that owns it.

    "a U.S. request", "Israeli air raids", "French and Egyptian proposals": yes. Not
    when the noun is itself an actor ("Russian officials": one actor), only a
    modifier of another noun ("the Syrian civil war talks") or a topic noun from
    ``en_topic_nouns.txt`` ("the Syria talks").
    """
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.dep_ not in ("amod", "compound", "nmod") or first.head.i == first.i:
        return False
    governor = first.head
    if governor.i in heads or governor.i in piece_at:
        return False
    if topics and (
        governor.lemma_.lower() in word_list(TOPIC_NOUNS)
        or governor.lower_ in word_list(TOPIC_NOUNS)
    ):
        return False  # "the Syria talks": about the state, not by it
    return governor.pos_ in ("NOUN", "PROPN") and governor.dep_ not in (
        "compound",
        "amod",
        "nmod",
    )


def _np_start(
    doc: Doc,
    token: Token,
    name_start: int,
    sent_start: int,
    heads: dict[int, tuple[int, str | None]],
    piece_at: dict[int, Piece],
) -> tuple[int, int]:
    """Return (mention start, reading start) of the noun phrase a head token ends.

    The reading start takes in a named possessor ("Putin's advisers") for its
    country; the mention itself starts after it, the possessor being its own mention.
    """
    start = min(name_start, token.i)
    for child in token.lefts:
        if child.dep_ in _NP_DEPS:
            start = min(start, child.left_edge.i)
    start = max(start, sent_start)
    for i in range(token.i - 1, start - 1, -1):
        spaced_dash = (
            doc[i].text == "-"
            and bool(doc[i].whitespace_)
            and i > 0
            and bool(doc[i - 1].whitespace_)
        )
        if doc[i].text in _BOUNDARIES or "\n" in doc[i].text or spaced_dash:
            start = i + 1
            break
    reading_start = start
    mention_start = start
    for i in range(start, token.i):
        if norm(doc[i].text) in ("'s", "'") and doc[i].dep_ == "case":
            possessor = doc[i - 1] if i > 0 else None
            if possessor is not None and (possessor.i in heads or possessor.i in piece_at):
                piece = piece_at.get(possessor.i)
                if piece is None or piece.what == "name":
                    mention_start = i + 1
    return mention_start, reading_start


# ---------------------------------------------------------------------- linking


def _role_class(kb: KnowledgeBase, role: str | None) -> str | None:
    if not role:
        return None
    words = tuple(norm(w) for w in role.split())
    for size in range(len(words), 0, -1):
        found = kb.roles.get(words[-size:])
        if found is not None:
            return found.cls
    return None


def _former(role: str | None) -> bool:
    return bool(role) and role.split()[0].lower() in ("former", "ex-")


def _deputy(role: str | None) -> bool:
    return bool(role) and role.split()[0].lower() in ("deputy", "vice", "assistant", "junior")


def _classes_match(kb: KnowledgeBase, a: str | None, b: str | None) -> bool:
    """Whether a nominal of office class ``a`` may refer to a holder of class ``b``."""
    if not a or not b:
        return False
    return b in _CLASS_ALIASES.get(a, {a}) or b in _narrower_classes(kb).get(a, ())


@functools.lru_cache(maxsize=4)
def _narrower_classes(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Map the class of a bare office noun to the classes of the offices it heads.

    "the minister" may be the interior or the foreign minister named before: every
    role in ``en_roles.tsv`` whose last word is "minister" lends its class to it.
    """
    found: dict[str, set[str]] = {}
    for phrase, role in kb.roles.items():
        head = kb.roles.get(phrase[-1:])
        if (
            len(phrase) > 1
            and role.cls
            and role.cls not in _OWN_NOUN_CLASSES
            and head is not None
            and head.kind == "person"
            and head.cls == phrase[-1]  # a generic noun: "minister", "secretary"
        ):
            found.setdefault(head.cls, set()).add(role.cls)
    return {cls: frozenset(v) for cls, v in found.items()}


def _new_chain(kb: KnowledgeBase, cand: _Cand) -> _Chain:
    r = cand.reading
    assert r is not None
    chain = _Chain(
        name=r.name,
        kind=r.kind,
        country=r.country,
        sector=r.sector,
        role=r.role,
        role_class=r.role_class or _role_class(kb, r.role),
        entry_name=r.entry.name if r.entry is not None and r.entry.category != "place" else None,
        plural=r.plural,
    )
    if r.entry is not None and r.entry.kind == "person":
        chain.gender = r.entry.gender
    chain.gender = cand.gender or chain.gender
    if r.role and r.role.split()[-1] in _FEMALE_ROLES:
        chain.gender = "f"
    elif r.role and r.role.split()[-1] in _MALE_ROLES:
        chain.gender = "m"
    if r.kind == "person" and (r.person_name or (r.entry is not None and r.entry.kind == "person")):
        chain.name_words = set(norm(r.entry.name if r.entry else " ".join(r.person_name)).split())
        chain.name_len = len(r.person_name) if r.person_name else len(chain.name_words)
        if chain.gender is None:
            chain.gender = given_names().get(norm(chain.name.split()[0]))
    if cand.kind == "nominal":
        chain.role_key = r.role
    return chain


def _link(
    doc: Doc, words: list[str], sent_of: list[int], kb: KnowledgeBase, cands: list[_Cand]
) -> list[_Chain]:
    chains: list[_Chain] = []
    by_entry: dict[str, int] = {}
    by_text: dict[tuple[str, str | None], int] = {}
    by_office: dict[str, list[int]] = {}  # class of a body's role noun → its actors

    def attach(cand: _Cand, n: int) -> None:
        cand.actor = n
        chains[n].cands.append(cand)
        r = cand.reading
        office = _office_of_body(kb, r) if r is not None else None
        if office is not None:
            by_office.setdefault(office, []).append(n)

    def same_office(cand: _Cand, r: Reading) -> int | None:
        """The body of the same office and country named before ("Kenya's Foreign Ministry"
        … "the Kenyan Ministry of Foreign Affairs"); with no country, the one such body
        unless a phrase after it may place it elsewhere ("the defence ministry in Kyiv")."""
        if r.kind != "organisation" or not r.role_class or r.entry is not None:
            return None
        placed = any(t.dep_ == "prep" and t.lower_ in _PLACE_PREPS for t in doc[cand.head].rights)
        if not r.country and placed:
            return None
        found = [n for n in by_office.get(r.role_class, ()) if chains[n].country]
        if r.country:
            found = [n for n in found if chains[n].country == r.country]
        elif len({chains[n].country for n in found}) > 1:
            return None
        return found[-1] if found else None

    def new(cand: _Cand) -> int:
        chains.append(_new_chain(kb, cand))
        attach(cand, len(chains) - 1)
        return len(chains) - 1

    _doubt_bare_surnames(kb, cands)
    named = _named_nominals(doc, cands)
    for cand in cands:
        if cand.kind == "pronoun":
            continue
        r = cand.reading
        assert r is not None
        if cand.kind == "name":
            if r.entry is not None and r.entry.kind == "person":
                n = _namesake_in_text(chains, cand)
                if n is not None:
                    # "Harriet Vance … Ms. Vance": the person the text named, not the KB's.
                    _unresolve(r, cand.written)
                    attach(cand, n)
                    continue
            if r.entry is None or r.entry.category == "place":
                n = _same_person(chains, r, doc, cand)
                if n is not None:
                    attach(cand, n)
                    _merge(chains[n], r)
                    continue
            if r.entry is not None and r.entry.name in by_entry and r.entry.category != "place":
                n = by_entry[r.entry.name]
                attach(cand, n)
                _merge(chains[n], r)
                continue
            n = _same_person(chains, r, doc, cand)
            if n is None and r.kind != "person":
                n = by_text.get((norm(r.name), r.kind))
            if n is None:
                n = same_office(cand, r)
            if n is None:
                n = new(cand)
            else:
                attach(cand, n)
                _merge(chains[n], r)
            if r.entry is not None and r.entry.category != "place":
                by_entry.setdefault(r.entry.name, n)
            if r.kind != "person":
                by_text.setdefault((norm(r.name), r.kind), n)
        else:
            # An appositive nominal names the person it follows (linked below), nobody earlier;
            # nor does a nominal followed by its name ("the foreign minister, X").
            alone = cand.appositive or id(cand) in named
            n = None if alone else by_text.get((norm(r.name), r.kind))
            if n is None and not alone:
                n = _antecedent(chains, cand, kb)
            if n is None and not alone:
                n = same_office(cand, r)
            if n is None:
                n = new(cand)
                by_text.setdefault((norm(r.name), r.kind), n)
            else:
                attach(cand, n)
    _surname_mentions(doc, words, sent_of, cands, chains)
    _appositives(doc, kb, cands, chains)
    _named_by_appositive(cands, chains, named)
    _named_later(doc, cands, chains, named)
    _body_anaphora(doc, words, kb, sent_of, cands, chains)
    _nationality_from_context(cands, chains)
    _places_by_context(cands, chains)
    _capitals_only_as_places(doc, chains)
    _country_from_places(doc, cands, chains)
    _members_of_bodies(doc, cands, chains)
    _pronouns(cands, chains)
    _owned_by_pronoun(doc, cands, chains)
    _placed_by_body_word(doc, chains)
    return chains


def _surname_mentions(
    doc: Doc, words: list[str], sent_of: list[int], cands: list[_Cand], chains: list[_Chain]
) -> None:
    """Add the bare surnames spaCy missed ("Pompeo" in a headline) of people already named.

    A surname the tagger made a body or place of its own ("Fed's Moberg" in a
    headline, "about Vieri") joins the one person of that surname named in full.
    """
    surnames: dict[str, set[int]] = {}
    for n, chain in enumerate(chains):
        if chain.kind == "person" and chain.cands and len(chain.name_words) >= 2:
            surnames.setdefault(norm(chain.name.split()[-1]), set()).add(n)
    if not surnames:
        return
    added = False
    for chain in chains:
        owners = surnames.get(norm(chain.name))
        alone = all(
            c.kind == "name"
            and c.end - c.start == 1
            and c.reading is not None
            and (c.reading.entry is None or c.reading.entry.category == "place")
            for c in chain.cands
        )
        if chain.kind == "person" or not chain.cands or not alone or not owners:
            continue
        if len(owners) == 1:
            n = next(iter(owners))
            for cand in chain.cands:
                cand.actor = n
                chains[n].cands.append(cand)
            chain.cands = []
            added = True
    claimed = {i for c in cands for i in range(c.start, c.end)}
    for i, word in enumerate(words):
        if i in claimed or not word[:1].isupper():
            continue
        owners = surnames.get(norm(word))
        if owners is None or len(owners) != 1:
            continue
        n = next(iter(owners))
        token = doc[i]
        cand = _Cand(
            token.i,
            token.i + 1,
            token.i,
            "name",
            sent_of[token.i],
            chains[n].cands[0].reading,
            subject=token.dep_ in ("nsubj", "nsubjpass"),
            actor=n,
        )
        chains[n].cands.append(cand)
        cands.append(cand)
        added = True
    if added:
        cands.sort(key=lambda c: c.start)
        for chain in chains:
            chain.cands.sort(key=lambda c: c.start)


def _merge(chain: _Chain, r: Reading) -> None:
    """Fill what a chain does not know yet from another of its mentions."""
    chain.country = chain.country or r.country
    chain.sector = chain.sector or r.sector
    if r.role and not chain.role:
        chain.role = r.role
        chain.role_class = r.role_class
    if r.person_name and len(r.person_name) > chain.name_len and r.entry is None:
        chain.name = r.name
        chain.name_len = len(r.person_name)
        chain.name_words |= {norm(w) for w in r.person_name}


def _doubt_bare_surnames(kb: KnowledgeBase, cands: list[_Cand]) -> None:
    """Undo a KB match made on a surname alone when nothing in the text supports it.

    "Yusuf said", "Mr Carr said": a former office holder of that surname, or a minister
    or other official below the head of state or government, is the person meant only
    when the text names the person's country somewhere else; otherwise the mention is
    the unknown person as written. Titles ("President Carr"), given names and heads of
    state or government in office on the date ("Putin said") are trusted as before.
    """
    bare = [
        c
        for c in cands
        if c.kind == "name"
        and c.reading is not None
        and c.reading.entry is not None
        and c.reading.entry.kind == "person"
        and (c.reading.former or _role_class(kb, c.reading.entry.role) not in ("head", "leader"))
        and c.reading.role_class is None
        and len(c.written) == 1
        and norm(c.written[0]) != norm(c.reading.entry.name)
    ]
    if not bare:
        return
    kept = {c.reading.country for c in cands if c not in bare and c.reading is not None}
    for cand in bare:
        r = cand.reading
        assert r is not None and r.entry is not None
        if r.entry.country not in kept:
            _unresolve(r, cand.written)


def _namesake_in_text(chains: list[_Chain], cand: _Cand) -> int | None:
    """Find an unknown person named in full earlier whose name holds this KB person's
    name as written ("Harriet Vance" before "Vance" or "Ms. Vance"), when the KB person's
    own full name is not written here.
    """
    r = cand.reading
    assert r is not None and r.entry is not None
    words = {norm(w) for w in cand.written}
    if not words or set(norm(r.entry.name).split()) <= words:
        return None
    for n in range(len(chains) - 1, -1, -1):
        chain = chains[n]
        if chain.kind != "person" or chain.entry_name is not None or chain.plural:
            continue
        if len(chain.name_words) > len(words) and words <= chain.name_words:
            if cand.gender and chain.gender and cand.gender != chain.gender:
                continue
            return n
    return None


def _same_person(chains: list[_Chain], r: Reading, doc: Doc, cand: _Cand) -> int | None:
    """Find the person an unknown name (or a surname tagged ORG/GPE) repeats."""
    words = {norm(w) for w in r.person_name} if r.person_name else set()
    if not words and r.entry is None:
        text = doc[cand.head].text
        if text[:1].isupper() and cand.end - cand.start <= 2:
            words = {norm(text)}
    if not words:
        return None
    for n in range(len(chains) - 1, -1, -1):
        chain = chains[n]
        if chain.kind != "person" or not chain.name_words:
            continue
        if cand.gender and chain.gender and cand.gender != chain.gender:
            continue
        if words <= chain.name_words or (
            r.entry is None and chain.name_words <= words and chain.entry_name is None
        ):
            if r.entry is not None and chain.entry_name not in (None, r.entry.name):
                continue
            if r.kind not in (None, "person"):
                r.kind = "person"
                r.country, r.sector = chain.country, chain.sector
            return n
    return None


def _office_of_body(kb: KnowledgeBase, r: Reading) -> str | None:
    """The office class of a body: its role noun's ("Foreign Ministry"), or that of the
    role noun inside the KB's name for it ("Russian Ministry of Foreign Affairs")."""
    if r.kind != "organisation":
        return None
    if r.entry is None:
        return r.role_class
    return _class_in_name(kb, r.entry.name) if r.entry.kind == "organisation" else None


@functools.cache
def _class_in_name(kb: KnowledgeBase, name: str) -> str | None:
    words = name.split()
    for start in range(1, len(words)):  # the whole name is the KB's own piece
        for p in kb.scan(words[start:]):
            if p.what == "role" and p.role is not None and p.role.cls:
                return p.role.cls
    return None


def _antecedent(chains: list[_Chain], cand: _Cand, kb: KnowledgeBase) -> int | None:
    """Link a definite nominal to the latest compatible actor, or to none."""
    r = cand.reading
    assert r is not None
    if not cand.definite and not r.plural:
        return None
    found: list[int] = []
    unknown: list[int] = []  # compatible people whose country the text has not given
    for n in range(len(chains) - 1, -1, -1):
        chain = chains[n]
        last = chain.cands[-1]
        if cand.sent - last.sent > _WINDOW * 3:
            continue
        if r.country and chain.country and r.country != chain.country:
            continue
        if r.kind == "person" and not r.plural:
            if chain.kind != "person" or chain.plural:
                continue
            if not _classes_match(kb, r.role_class, chain.role_class):
                continue
            if _deputy(r.role) != _deputy(chain.role):
                continue
            if _former(chain.role) and not _former(r.role):
                continue  # "the minister" is not the former minister named before
            (unknown if r.country and not chain.country else found).append(n)
        elif r.country and not chain.country:
            continue
        elif chain.role_key and chain.role_key == r.role and chain.plural == r.plural:
            found.append(n)
    if not found and len(unknown) == 1:
        # "Secretary of State X … the top U.S. diplomat": the only diplomat in play, and
        # the nominal tells his country.
        chains[unknown[0]].country = r.country
        return unknown[0]
    if not found:
        return None
    if len(found) > 1 and not r.country:
        # Two presidents in play and "the president" gives no country: leave it unlinked.
        distinct = {chains[n].entry_name or chains[n].name for n in found}
        if len(distinct) > 1 and r.kind == "person":
            return None
    return found[0]


def _appositives(doc: Doc, kb: KnowledgeBase, cands: list[_Cand], chains: list[_Chain]) -> None:
    """Merge "X, the State Department's top diplomat" and "X, one of Y's advisers" into X."""
    by_head = {c.head: c for c in cands if c.reading is not None}
    for cand in cands:
        if cand.kind != "name" or cand.reading is None or chains[cand.actor].kind != "person":
            continue
        for token in doc[cand.head].rights:
            if token.dep_ != "appos":
                continue
            target = by_head.get(token.i)
            group = False
            if target is None and (token.lower_ in ("one", "some", "two") or token.pos_ == "NUM"):
                for prep in token.rights:
                    if prep.lower_ == "of":
                        for obj in prep.rights:
                            target = by_head.get(obj.i)
                group = True
            if target is None or target.reading is None or target.kind == "pronoun":
                continue
            chain = chains[cand.actor]
            r = target.reading
            if not group and r.kind == "person" and not r.plural:
                # The appositive is another name for X: move its mention over.
                old = chains[target.actor]
                if target in old.cands and chain.name_len == 0 and old.name_len > 0:
                    # "The Director of Media Operations, Major General Ada Obi": an office
                    # the tagger took for a name; the person and her name are the name's.
                    _move_mentions(chains, target.actor, cand.actor)
                    chain.name, chain.name_words = old.name, old.name_words
                    chain.name_len, chain.entry_name = old.name_len, old.entry_name
                    chain.gender = chain.gender or old.gender
                elif target in old.cands and len(old.cands) == 1:
                    old.cands.remove(target)
                    target.actor = cand.actor
                    chain.cands.append(target)
            chain.country = chain.country or r.country
            if chain.entry_name is None or not chain.role:
                role = r.role
                if group and role and role.endswith("s"):
                    role = role[:-1]
                chain.role = chain.role or role
                chain.sector = chain.sector or r.sector
                chain.role_class = chain.role_class or r.role_class


def _named_nominals(doc: Doc, cands: list[_Cand]) -> dict[int, _Cand]:
    """Return the singular nominals followed by their own name, keyed by ``id(nominal)``.

    "Ukraine's foreign minister, Olena Hrytsenko", "A shopkeeper, Rosa Mendel": the parser
    makes the name an appositive of the nominal. The value is the name's mention.
    """
    names = {c.head: c for c in cands if c.kind == "name" and c.reading is not None}
    starts = {c.start: c for c in names.values()}
    found: dict[int, _Cand] = {}
    for cand in cands:
        r = cand.reading
        if cand.kind != "nominal" or r is None or r.plural or cand.appositive:
            continue
        if r.kind not in ("person", "organisation", "group"):
            continue
        after = starts.get(cand.end)
        if (
            r.kind != "person"
            and after is not None
            and after.reading is not None
            and (
                after.reading.kind in (None, "organisation", "group") or after.reading.entry is None
            )
            and after.reading.kind not in _TERRITORIES
            and not after.reading.plural
            and (
                doc[cand.head].lower_ in word_list(BODY_NOUNS)
                or (after.reading.entry is not None and after.reading.kind != "person")
            )
        ):
            # "the charity Safe Passage", "the rebel group M23", "the paramilitary RSF"
            found[id(cand)] = after
            continue
        head = doc[cand.head]
        # "the chair of the dairy association, Piet Jansen": the parser may hang the name
        # on the body the person heads.
        owned = [o for p in head.rights if p.lower_ == "of" for o in p.rights if o.dep_ == "pobj"]
        tokens = [t for t in head.rights if t.dep_ == "appos"]
        if r.kind == "person":
            tokens += [t for o in owned for t in o.rights if t.dep_ == "appos"]
            # Wherever the parser hung it: ", Name," right after the nominal's own phrase.
            after_phrase = starts.get(head.right_edge.i + 2)
            if after_phrase is not None and doc[head.right_edge.i + 1].text == ",":
                closing = doc[after_phrase.end] if after_phrase.end < len(doc) else None
                if closing is None or closing.text in (",", ".", ";"):
                    tokens.append(doc[after_phrase.head])
        for token in tokens:
            name = names.get(token.i)
            if name is None or name.reading is None:
                continue
            if doc[name.start - 1].text != "," or name.start <= cand.end - 1:
                continue  # only "X, Name": "the group Hamas" is one phrase
            named = name.reading
            if r.kind == "person":
                # A name the KB gives to a body or place is not this person.
                if named.entry is not None and named.entry.kind != "person":
                    continue
                if named.kind in _TERRITORIES or (
                    named.kind == "group" and named.entry is not None
                ):
                    continue
            elif named.kind not in ("organisation", "group") or named.plural:
                continue
            found[id(cand)] = name
            break
    return found


def _move_mentions(chains: list[_Chain], source: int, target: int) -> None:
    """Move every mention of actor ``source`` to actor ``target``, in text order."""
    moved = chains[source].cands
    chains[source].cands = []
    for cand in moved:
        cand.actor = target
    chains[target].cands.extend(moved)
    chains[target].cands.sort(key=lambda c: c.start)


def _named_later(
    doc: Doc, cands: list[_Cand], chains: list[_Chain], named: dict[int, _Cand]
) -> None:
    """Merge "A retired army colonel … said" into the person a later "the colonel, X" names.

    The earlier mention is an indefinite singular person nominal with the same head noun,
    at most two sentences before, that no other mention joined.
    """
    for cand in cands:
        name = named.get(id(cand))
        r = cand.reading
        if name is None or r is None or r.kind != "person" or not cand.definite:
            continue
        noun = doc[cand.head].lemma_.lower()
        for earlier in cands:
            if earlier.start >= cand.start or cand.sent - earlier.sent > 2:
                continue
            er = earlier.reading
            if (
                earlier.kind != "nominal"
                or earlier.definite
                or er is None
                or er.kind != "person"
                or er.plural
                or doc[earlier.head].lemma_.lower() != noun
                or earlier.actor < 0
                or earlier.actor == name.actor
                or len(chains[earlier.actor].cands) != 1
            ):
                continue
            chain = chains[name.actor]
            _move_mentions(chains, earlier.actor, name.actor)
            chain.country = chain.country or er.country
            chain.sector = chain.sector or er.sector
            chain.role = chain.role or er.role


def _named_by_appositive(cands: list[_Cand], chains: list[_Chain], named: dict[int, _Cand]) -> None:
    """Merge a nominal into the name that follows it as an appositive.

    The name's actor takes the nominal's mention and, where it lacks them, its role,
    country and sector; an unknown name after a person nominal is a person.
    """
    for cand in cands:
        name = named.get(id(cand))
        if name is None or cand.actor < 0 or name.actor < 0 or cand.actor == name.actor:
            continue
        old, chain = chains[cand.actor], chains[name.actor]
        r = cand.reading
        assert r is not None
        if chain.entry_name is None and r.kind != "person" and chain.kind == "person":
            # "the retailer Marlo": the tagger's person is the body's name.
            chain.kind, chain.name_words, chain.name_len, chain.gender = r.kind, set(), 0, None
        if chain.entry_name is None and r.kind == "person" and chain.kind != "person":
            chain.kind = "person"
            written = name.reading.person_name if name.reading is not None else ()
            chain.name_words = {norm(w) for w in written or chain.name.split()}
            chain.name_len = len(chain.name_words)
            chain.country = chain.country or r.country
        if chain.entry_name is None or not chain.role:
            chain.country = chain.country or r.country
            chain.sector = chain.sector or r.sector
            chain.role = chain.role or r.role
            chain.role_class = chain.role_class or r.role_class
        chain.gender = chain.gender or old.gender
        _move_mentions(chains, cand.actor, name.actor)


def _body_anaphora(
    doc: Doc,
    words: list[str],
    kb: KnowledgeBase,
    sent_of: list[int],
    cands: list[_Cand],
    chains: list[_Chain],
) -> None:
    """Link "the company", "the group", "the federation" to the named body they repeat.

    The nominal is "the" + a singular noun from ``en_body_nouns.txt`` and nothing else. Its
    antecedent is the latest named organisation or group within a few sentences whose
    mentions hold the noun ("the Harbour Workers Federation"; "the group" also fits any
    group the KB knows, such as an armed group); else the one such body whose sector is
    the noun's (a named company for "the company"); else, for a business noun, the one
    named organisation of unknown sector. Otherwise the nominal stays as it was.
    """
    body_nouns = word_list(BODY_NOUNS)
    found = [doc[i] for i, w in enumerate(words) if w.lower() in body_nouns]
    found = [t for t in found if t.pos_ == "NOUN"]
    if not found:
        return
    covered = {i: c for c in cands for i in range(c.start, c.end)}
    # The named mentions of each singular body, with their words.
    bodies: dict[int, list[tuple[_Cand, frozenset[str]]]] = {}
    for n, chain in enumerate(chains):
        if chain.kind not in ("organisation", "group") or chain.plural:
            continue
        for c in chain.cands:
            span = doc[c.start : c.end]
            if c.kind == "name" or any(t.pos_ == "PROPN" for t in span):
                bodies.setdefault(n, []).append((c, frozenset(t.lower_ for t in span)))
    added = False
    for token in found:
        noun = token.lower_
        lefts = list(token.lefts)
        start = token.i - len(lefts)
        # "the group", or "the medical charity", "the rights group": one describing word.
        described = len(lefts) == 2 and _describing_modifier(lefts[1])
        if (
            (len(lefts) != 1 and not described)
            or lefts[0].lower_ != "the"
            or [t.i for t in lefts] != list(range(start, token.i))
        ):
            continue
        cand = covered.get(token.i)
        after = covered.get(token.i + 2)
        if cand is None and after is not None and doc[token.i + 1].text == ",":
            chain = chains[after.actor] if after.actor >= 0 else None
            if chain is not None and chain.kind in ("organisation", "group") and not chain.plural:
                _link_body_nominal(doc, token, sent_of, cands, chains, after.actor)
                added = True
                continue  # "the group, Rising Tide": the name that follows
        if cand is not None and (
            cand.kind != "nominal"
            or (cand.start, cand.end) != (start, token.i + 1)
            or chains[cand.actor].cands != [cand]
        ):
            continue  # part of a bigger phrase, or already linked
        n = _body_antecedent(kb, chains, bodies, noun, sent_of[token.i], token.i - 1)
        if n is None and cand is None:
            n = _unnamed_body(doc, kb, token, found, covered, sent_of, cands, chains)
            added = added or n is not None
        if n is None:
            continue
        if cand is None:
            _link_body_nominal(doc, token, sent_of, cands, chains, n)
            added = True
        else:
            _move_mentions(chains, cand.actor, n)
    if added:
        cands.sort(key=lambda c: c.start)


# Modifiers that set a body apart from the one named before ("the opposition party" after
# the ruling party): not a re-mention.
_CONTRASTING = frozenset(
    {"other", "new", "former", "opposition", "ruling", "rival", "main", "another", "same"}
    | {"first", "second", "third", "largest", "smaller", "junior", "senior", "local", "national"}
)


def _describing_modifier(token: Token) -> bool:
    """Whether a word before a body noun only describes the body named before: "the
    medical charity", "the rights group", "the aid agency" (not "the opposition party")."""
    return (
        token.dep_ in ("amod", "compound")
        and token.text.islower()
        and token.is_alpha
        and token.lower_ not in _CONTRASTING
    )


def _unnamed_body(
    doc: Doc,
    kb: KnowledgeBase,
    token: Token,
    found: list[Token],
    covered: dict[int, _Cand],
    sent_of: list[int],
    cands: list[_Cand],
    chains: list[_Chain],
) -> int | None:
    """Make "the dairy federation" an actor when "the federation" repeats it.

    The earlier phrase is the latest one in the last few sentences whose head is the same
    body noun with words of its own before it; it is an organisation named by those
    words. Returns the new actor's number, or None.
    """
    for earlier in reversed([t for t in found if t.i < token.i - 1]):
        if sent_of[token.i] - sent_of[earlier.i] > _WINDOW * 2:
            return None
        if earlier.lower_ != token.lower_ or earlier.i in covered:
            continue
        modifiers = [c for c in earlier.lefts if c.dep_ in ("compound", "amod", "poss", "nmod")]
        if not modifiers:
            continue
        start = earlier.left_edge.i
        taken = [i for i in range(start, earlier.i) if i in covered]
        if taken:
            start = max(taken) + 1
        while start < earlier.i and norm(doc[start].text) in ("'s", "'"):
            start += 1
        name = doc[earlier.left_edge.i : earlier.i + 1]
        words = name[1:] if name[0].lower_ == "the" else name
        reading = Reading(
            text=name.text,
            name=words.text,
            kind="organisation",
            country=None,
            sector=None,
            role=token.lower_,
            head="role",
        )
        first = _Cand(
            start,
            earlier.i + 1,
            earlier.i,
            "nominal",
            sent_of[earlier.i],
            reading,
            subject=earlier.dep_ in ("nsubj", "nsubjpass"),
            definite=True,
            actor=len(chains),
        )
        chains.append(_new_chain(kb, first))
        chains[-1].cands.append(first)
        cands.append(first)
        for i in range(first.start, first.end):
            covered[i] = first
        return len(chains) - 1
    return None


def _dateline(name: str) -> bool:
    """Whether a name is written like a dateline's town ("FRANKFURT"), not a body's."""
    return name.isupper() and len(name) > 4 and name.isalpha()


def _link_body_nominal(
    doc: Doc, token: Token, sent_of: list[int], cands: list[_Cand], chains: list[_Chain], n: int
) -> None:
    """Add "the <noun>" at ``token`` as a nominal mention of actor ``n``."""
    cand = _Cand(
        token.i - 1,
        token.i + 1,
        token.i,
        "nominal",
        sent_of[token.i],
        Reading(
            text=doc[token.i - 1 : token.i + 1].text,
            name=token.lower_,
            kind="organisation",
            country=None,
            sector=None,
            role=token.lower_,
            head="role",
        ),
        subject=token.dep_ in ("nsubj", "nsubjpass"),
        definite=True,
        actor=n,
    )
    cands.append(cand)
    chains[n].cands.append(cand)
    chains[n].cands.sort(key=lambda c: c.start)


def _body_antecedent(
    kb: KnowledgeBase,
    chains: list[_Chain],
    bodies: dict[int, list[tuple[_Cand, frozenset[str]]]],
    noun: str,
    sent: int,
    before: int,
) -> int | None:
    """The named body "the <noun>" at token ``before`` refers to, or None (see
    :func:`_body_anaphora`)."""
    role = kb.roles.get((noun,))
    sector = role.sector if role is not None else None
    by_words: list[int] = []
    by_sector: list[int] = []
    unknown: list[int] = []
    for n, mentions in bodies.items():
        chain = chains[n]
        named = [(c, w) for c, w in mentions if c.start < before]
        if not named or not 0 <= sent - named[-1][0].sent <= _WINDOW * 2:
            continue
        words = set().union(*(w for _, w in named))
        if chain.role:
            words.update(chain.role.lower().split())
        if noun in words or (noun == "group" and chain.kind == "group" and chain.entry_name):
            by_words.append(n)
        elif sector is not None and chain.sector == sector:
            by_sector.append(n)
        elif chain.sector is None and chain.entry_name is None and not _dateline(chain.name):
            unknown.append(n)
    if by_words:
        return max(by_words, key=lambda n: chains[n].cands[-1].start)
    if len(by_sector) == 1:
        return by_sector[0]
    if not by_sector and sector == "BUS" and len(unknown) == 1:
        return unknown[0]  # "Kroonbier … the company": the one business-like name
    return None


def _nationality_from_context(cands: list[_Cand], chains: list[_Chain]) -> None:
    """Give a titled person with no country the one nationality of the groups just before.

    The groups are plural group nominals ("Russian officials") and organisations in the
    same and the two previous sentences, outside quotations.
    """
    for chain in chains:
        if chain.kind != "person" or chain.country or not chain.role or not chain.cands:
            continue
        first = chain.cands[0]
        countries: set[str] = set()
        evidence: set[str] = set()
        excluded: set[str] = set()
        for cand in cands:
            if cand.start >= first.start and cand.sent == first.sent and not cand.quoted:
                break
            if cand.sent < first.sent - _WINDOW + 1 or cand.reading is None:
                continue
            if cand.start >= first.start and cand.sent > first.sent:
                break
            r = cand.reading
            if cand.quoted:
                # "our U.S. counterparts" in the speaker's own words: not the speaker's country.
                if r.country and r.role and "counterpart" in r.role:
                    excluded.add(r.country)
                continue
            collective = (r.kind == "group" and r.plural) or r.kind == "organisation"
            if collective and r.country:
                countries.add(r.country)
                if r.sector == chain.sector:
                    evidence.add(r.country)
        countries -= excluded
        # Every collective mention nearby must agree, and one must share the person's sector.
        if len(countries) == 1 and countries <= evidence:
            chain.country = countries.pop()


def _capitals_only_as_places(doc: Doc, chains: list[_Chain]) -> None:
    """Make a capital that the text names only as where things happen a place.

    "Protesters marched in Moscow": the town, kind ``place``, sector ``CVL``; "Moscow
    said" anywhere in the text keeps it the government (a ``state``, ``GOV``).
    """
    for chain in chains:
        named = [c for c in chain.cands if c.kind != "pronoun"]
        if chain.kind != "state" or not named:
            continue
        r = named[0].reading
        if r is None or r.entry is None or r.entry.category != "metonym":
            continue
        if all(
            doc[c.head].dep_ == "pobj" and doc[c.head].head.lower_ in _LOCATIVE_PREPS for c in named
        ):
            chain.kind, chain.sector = "place", "CVL"


def _places_by_context(cands: list[_Cand], chains: list[_Chain]) -> None:
    """Move a town that shares its name with one abroad to the country the text names.

    "Tripoli ... the north Lebanese port": Lebanon's Tripoli, not Libya's capital, when
    the sentence names Lebanon and the text never names Libya.
    """
    named: dict[int, set[str]] = {}
    everywhere: set[str] = set()
    for cand in cands:
        r = cand.reading
        if cand.kind == "pronoun" or r is None or not r.country or r.kind != "state":
            continue
        if (r.entry is not None and r.entry.category == "country") or r.head == "demonym":
            named.setdefault(cand.sent, set()).add(r.country)
            everywhere.add(r.country)
    for chain in chains:
        if chain.kind != "state" or not chain.cands or chain.country in everywhere:
            continue
        first = chain.cands[0]
        r = first.reading
        if r is None or r.entry is None or r.entry.category not in ("metonym", "place"):
            continue
        nearby = named.get(first.sent, set()) - {chain.country}
        if len(nearby) != 1:
            continue
        found = locate(chain.name, prefer=nearby)
        if found is not None and found.country in nearby:
            chain.country, chain.sector, chain.kind = found.country, "CVL", "place"


def _pp_owner(
    chains: list[_Chain], cands_at: dict[int, _Cand], chain: _Chain, prep: Token, obj: Token
) -> _Chain | None:
    """The actor a prepositional phrase after a head places it with, if any.

    "in"/"across" take a state or place ("rebels in the Ivory Coast"); "of" also any actor
    with a country ("the government of President X", "members of the Y Association");
    "from" a state for unarmed people ("refugees from Syria"; not "forces from Panama",
    which moves them) and any group with a country ("doctors from American aid groups").
    """
    if obj.lower_ in WATER_WORDS and obj.text[:1].isupper():
        return None  # "in the South China Sea": waters, no state's ground
    # The object's own mention first ("the Israeli-occupied West Bank": the West Bank).
    for token in sorted(obj.subtree, key=lambda t: t.i != obj.i):
        cand = cands_at.get(token.i)
        if cand is None or cand.reading is None or cand.actor < 0:
            continue
        owner = chains[cand.actor]
        if not owner.country and owner.sector not in NON_STATE_SECTORS:
            continue
        state = cand.reading.kind in _TERRITORIES
        word = prep.lower_
        if word == "of" or (state and word != "from"):
            return owner
        if word == "from" and (not state or chain.sector not in _ARMED_SECTORS):
            return owner
        return None
    return None


def _country_from_places(doc: Doc, cands: list[_Cand], chains: list[_Chain]) -> None:
    """Give groups and people without a country the one the text places them in.

    First a place or owner after the head ("rebels in the Ivory Coast", "King Hassan of
    Morocco", "the government of President X"; see :func:`_pp_owner`). Else the
    sentence's one country. A civilian, armed or police group, or a person who holds no
    office, is placed by the states and places
    named ("demonstrated in Serbia") and by the domestic authorities ("Egyptian police ...
    demonstrators"). An official is placed by states that own something or where something
    happens ("Haiti's elections", "a curfew in Algiers"; not "flew to Paris", "met in
    Geneva", "action against Russia") and by civilian groups ("Ugandan opposition
    candidates"). Officials are not placed by where they
    meet, foreign armies place nobody ("U.S. forces killed militants" gives the militants
    no country), and two countries give none.
    """
    cands_at = {i: c for c in cands for i in range(c.start, c.end) if c.kind != "pronoun"}
    open_chains = []
    for chain in chains:
        if chain.country and chain.cands and _people_of(chain):
            # "the Albanians of southern Serbia": a people is placed where it lives.
            for prep in doc[chain.cands[0].head].rights:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "of"):
                    for obj in prep.children:
                        owner = _pp_owner(chains, cands_at, chain, prep, obj)
                        if obj.dep_ == "pobj" and owner is not None and owner.kind in _TERRITORIES:
                            chain.country = owner.country
            continue
        if chain.country or not chain.cands or chain.sector in NON_STATE_SECTORS:
            continue
        if chain.kind not in ("group", "person", "organisation"):
            continue
        if chain.kind == "person" and not (chain.role and chain.sector):
            continue
        if chain.entry_name is not None and chain.kind != "person":
            continue  # the KB leaves Greenpeace or Caritas without a country on purpose
        open_chains.append(chain)  # placed by its sentence below if not by a phrase
        for cand in chain.cands:
            if cand.kind == "pronoun":
                continue
            for prep in doc[cand.head].rights:
                if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS:
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj" or chain.country:
                        continue
                    owner = _pp_owner(chains, cands_at, chain, prep, obj)
                    if owner is None:
                        if prep.lower_ in ("in", "of") and not cands_at.get(obj.i):
                            chain.country = _unnamed_place(obj)
                        continue
                    chain.country = owner.country
                    partitive = bool(chain.role) and chain.role.split()[-1] in GENERIC_HEADS
                    if partitive and prep.lower_ == "of" and chain.sector in (None, "UNK"):
                        chain.sector = owner.sector  # "members of the Y Association"
    by_sent: dict[int, list[_Cand]] = {}
    for cand in cands:
        if cand.kind != "pronoun" and cand.reading is not None and cand.actor >= 0:
            by_sent.setdefault(cand.sent, []).append(cand)
    for chain in open_chains:
        if chain.country:
            continue
        first = next(c for c in chain.cands if c.kind != "pronoun")
        # A named body the KB does not know ("the Third World Water Forum") is placed as
        # officials are: by where things happen, not by every state its sentence names.
        named_body = chain.kind == "organisation" and not chain.role
        official = chain.sector in _OFFICIAL_SECTORS - {"COP"} or named_body
        if first.quoted or (official and chain.kind == "group"):
            continue  # "foreign ministers met in Brussels": officials travel
        found = _countries_placing(doc, chains, by_sent.get(first.sent, ()), first, official)
        if not found and chain.kind != "person":
            # Nothing in the sentence: the article's one country ("Police fired tear gas",
            # "the government said"); people travel, so not for them.
            every = [c for n in sorted(by_sent) for c in by_sent[n]]
            found = _countries_placing(doc, chains, every, first, official)
        if len(found) == 1:
            chain.country = found.pop()


def _members_of_bodies(doc: Doc, cands: list[_Cand], chains: list[_Chain]) -> None:
    """Give "leaders of the opposition party" the body's sector and country.

    People named by a noun of ``PARTITIVE_HEADS`` ("members", "leaders", "supporters")
    with "of" and a body or group belong to it ("members of the Taliban": AFG/REB);
    "leaders of Russia" keep their own sector.
    """
    cands_at = {i: c for c in cands for i in range(c.start, c.end) if c.kind != "pronoun"}
    for cand in cands:
        if cand.kind == "pronoun" or cand.actor < 0 or doc[cand.head].lower_ not in PARTITIVE_HEADS:
            continue
        chain = chains[cand.actor]
        if chain.entry_name is not None:
            continue
        for prep in doc[cand.head].rights:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for obj in prep.children:
                found = cands_at.get(obj.i) if obj.dep_ == "pobj" else None
                if found is None or found.actor < 0 or found.actor == cand.actor:
                    continue
                owner = chains[found.actor]
                if owner.kind in ("organisation", "group") and owner.sector:
                    chain.sector = owner.sector
                    non_state = owner.sector in NON_STATE_SECTORS
                    chain.country = None if non_state else owner.country or chain.country


def _countries_placing(
    doc: Doc, chains: list[_Chain], others: Iterable[_Cand], first: _Cand, official: bool
) -> set[str]:
    """The countries that the mentions ``others`` place an actor in (see above)."""
    found: set[str] = set()
    for other in others:
        r = other.reading
        country = chains[other.actor].country
        if other.actor == first.actor or r is None or not country or other.quoted:
            continue
        if other.patron or _names_waters(doc[other.head]):
            # "U.S.-backed rebels" are not in the United States, nor are people in the
            # South China Sea in China.
            continue
        if official:
            places = (r.kind in _TERRITORIES and _locates(doc[other.head])) or (
                r.kind == "group" and r.sector not in _OFFICIAL_SECTORS
            )
        else:
            # A state owning an act ("burned Israeli flags", "independence from
            # Indonesian rule") is no place; one owning a place is ("the Syrian capital").
            owner = other.end - other.start == 1 and doc[other.head].dep_ in _MODIFIER_DEPS
            places = (r.kind in _TERRITORIES and (not owner or _names_place(doc[other.head]))) or (
                r.sector in _DOMESTIC_AUTHORITIES
                and (r.role or "").lower() not in word_list(MISSION_NOUNS)
            )
        if places:
            found.add(country)
    return found


def _unnamed_place(obj: Token) -> str | None:
    """The country of a place no mention names ("the Tyumen region", "Khanty-Mansiysk")."""
    words = [t.text for t in obj.subtree if t.i <= obj.i and t.text[:1].isupper()]
    if not words or (obj.text[:1].islower() and obj.lower_ not in _REGION_NOUNS):
        return None
    if obj.text[:1].islower():
        words.append(obj.text)
    return place_country(" ".join(words))


def _people_of(chain: _Chain) -> bool:
    """Whether an actor is a people named by a plural demonym ("the Albanians")."""
    first = chain.cands[0].reading
    return first is not None and first.head == "demonym" and first.plural


def _names_waters(token: Token) -> bool:
    """Whether a state word is part of the name of waters ("the South China Sea")."""
    head = token.head
    return (
        token.dep_ in _MODIFIER_DEPS
        and head.i != token.i
        and head.lower_ in WATER_WORDS
        and head.text[:1].isupper()
    )


def _names_place(token: Token) -> bool:
    """Whether a modifying state word sits on a place noun ("the Syrian capital")."""
    return token.head.lemma_.lower() in word_list(PLACE_NOUNS)


def _locates(token: Token) -> bool:
    """Whether a state or place mention says where things are, not where they go.

    "Haiti's elections", "a curfew in Algiers": yes. "flew to Paris", "met in Geneva",
    "action against Russia": no.
    """
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ in ("poss", "amod", "compound", "nmod"):
        return not _names_waters(node)
    if node.dep_ != "pobj" or node.head.lower_ not in _LOCATIVE_PREPS:
        return False
    verb = node.head.head
    while verb.dep_ in ("prep", "pobj", "conj") and verb.head.i != verb.i:
        verb = verb.head
    return verb.lemma_.lower() not in _TRAVEL_VERBS


def _owned_by_pronoun(doc: Doc, cands: list[_Cand], chains: list[_Chain]) -> None:
    """Give "its forces", "their troops" the country of the state or body named before.

    The owner is the nearest state (or body with a country) mentioned earlier in the
    sentence: "Moscow denied that its forces had bombed …" (Russia's forces).
    """
    for chain in chains:
        if chain.country or chain.kind not in ("group", "organisation") or not chain.cands:
            continue
        first = chain.cands[0]
        token = doc[first.head]
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            continue
        before = [
            c
            for c in cands
            if c.end <= first.start and c.sent == first.sent and c.actor >= 0 and c is not first
        ]
        for cand in reversed(before):
            owner = chains[cand.actor]
            if owner.kind == "state" or (owner.kind == "organisation" and owner.country):
                chain.country = owner.country
                break


def _placed_by_body_word(doc: Doc, chains: list[_Chain]) -> None:
    """Give "army spokesman Colonel X" the country of "the army" the text placed before.

    A person or group with no country whose first mention holds a common noun, as a
    modifier, that heads a mention of organisations of one country takes that country.
    """
    bodies: dict[str, set[str]] = {}
    for chain in chains:
        if chain.kind == "organisation" and chain.country:
            for c in chain.cands:
                head = doc[c.head]
                if head.pos_ == "NOUN":
                    bodies.setdefault(head.lower_, set()).add(chain.country)
    if not bodies:
        return
    for chain in chains:
        if chain.country or chain.kind not in ("person", "group") or not chain.cands:
            continue
        first = chain.cands[0]
        for token in doc[first.start : first.end]:
            found = bodies.get(token.lower_) if token.dep_ == "compound" else None
            if found is not None and len(found) == 1:
                chain.country = next(iter(found))
                break


def _pronouns(cands: list[_Cand], chains: list[_Chain]) -> None:
    """Link he/she/they to a salient antecedent; leave them out when in doubt."""
    persons = [c for c in cands if c.kind != "pronoun" and c.actor >= 0]
    for cand in cands:
        if cand.kind != "pronoun":
            continue
        if cand.word in _PLURAL:
            if cand.quoted:
                continue
            cand.actor = _plural_antecedent(persons, chains, cand)
        else:
            want = "m" if cand.word in _MALE else "f"
            cand.actor = _person_antecedent(persons, chains, cand, want)
        if cand.actor >= 0:
            chains[cand.actor].cands.append(cand)


def _person_antecedent(persons: list[_Cand], chains: list[_Chain], cand: _Cand, want: str) -> int:
    def fits(c: _Cand) -> bool:
        chain = chains[c.actor]
        return (
            chain.kind == "person"
            and not chain.plural
            and chain.gender in (None, want)
            and c.start < cand.start
            and (cand.quoted or not c.quoted)
        )

    same = [c for c in persons if c.sent == cand.sent and fits(c)]
    subjects = [c for c in same if c.subject]
    if subjects:
        return subjects[-1].actor
    if same and not cand.subject:
        actors = {c.actor for c in same}
        if len(actors) == 1:
            return same[-1].actor
    for back in range(1, _WINDOW):
        sent = [c for c in persons if c.sent == cand.sent - back and fits(c)]
        if not sent:
            continue
        subjects = [c for c in sent if c.subject and not c.quoted]
        if subjects:
            return subjects[0].actor
        actors = {c.actor for c in sent}
        return sent[-1].actor if len(actors) == 1 else -1
    return -1


def _plural_antecedent(persons: list[_Cand], chains: list[_Chain], cand: _Cand) -> int:
    for back in range(0, 2):
        sent = [
            c
            for c in persons
            if c.sent == cand.sent - back
            and c.start < cand.start
            and not c.quoted
            and chains[c.actor].plural
            and chains[c.actor].kind in ("group", "organisation")
        ]
        actors = {c.actor for c in sent}
        if len(actors) == 1:
            return sent[-1].actor
        subjects = {c.actor for c in sent if c.subject}
        if len(subjects) == 1:
            return subjects.pop()
        if len(actors) > 1:
            return -1
    return -1


# ---------------------------------------------------------------------- output


def _build(doc: Doc, chains: list[_Chain], cands: list[_Cand]) -> DocActors:
    found = DocActors()
    number: dict[int, int] = {}
    # Actors in the order of their first mention (a chain made late may start early).
    order = sorted(
        (n for n, chain in enumerate(chains) if chain.cands),
        key=lambda n: min(c.start for c in chains[n].cands),
    )
    for n in order:
        chain = chains[n]
        number[n] = len(found.actors)
        spans = tuple(
            sorted(
                (doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text))
                for c in chain.cands
            )
        )
        kind = chain.kind if chain.kind in KINDS else "group"
        found.actors.append(
            Actor(
                f"A{len(found.actors) + 1}",
                person_name(chain.name) if kind == "person" else chain.name,
                kind,
                chain.country,
                chain.sector,
                chain.role,
                spans,
            )
        )
    for cand in cands:
        if cand.actor in number:
            found.mentions.append(Mention(cand.start, cand.end, number[cand.actor], cand.kind))
    found.index()
    return found


class ActorLinker:
    """spaCy component: sets ``doc._.dyads_actors``.

    The knowledge base (bundled files plus ``actor_files``) is loaded once, when
    the component is made.
    """

    def __init__(self, actor_files: Iterable[str] = ()) -> None:
        self.actor_files = tuple(str(f) for f in actor_files)
        self.kb = kb_with(self.actor_files)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyads_actors = extract_actors(doc, self.kb)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
