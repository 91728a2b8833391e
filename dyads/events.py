"""Code PLOVER events from the parse: triggers, roles, modality, dates, places.

How (``docs/events.md`` has the long version):

1. One pass over the tokens looks each lemma up in the trigger lexicon
   (``en_event_triggers.tsv``); an entry matches when its extra words
   (particles, objects, modifiers) are among the head's children or
   grandchildren and its constraint flags hold. Extra words of a match are not
   triggers themselves ("signed an agreement" is one event).
2. Complement triggers are absorbed by the trigger that takes them ("agreed to
   meet" is one AGREE; "denied attacking" is a negated ASSAULT).
3. Each remaining trigger gets actor and recipient from its argument slots:
   subjects, objects (swapped in the passive), prepositional objects,
   possessors and modifiers of nominal triggers, the subject of a support verb
   ("launched airstrikes"), walking to conjuncts and up control, conjunction
   and relative-clause links. Argument tokens become actor ids through
   ``doc._.dyads_actors``.
4. Modality, date, place and attribution come from the clause around it.
5. Critical or warning statements by a speaker become ACCUSE/THREATEN events
   (``en_event_cues.tsv``).
6. Mentions of one happening merge into one event.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import codes
from .dates import resolve_date
from .errors import DataFileError
from .nlp import HEADLINE_END, PUBLISHED
from .places import locate
from .records import Actor, Event, Location, Why
from .resources import data_path, iter_tsv

LEXICON = "en_event_triggers.tsv"
CUES = "en_event_cues.tsv"
MODALITY = "en_event_modality.tsv"
CLASSES = "en_event_classes.tsv"

MODALITIES = ("asserted", "negated", "hypothetical", "future")

_FLAGS = frozenset(
    {
        "reciprocal",
        "content",
        "promise",
        "negate",
        "plural",
        "compoundhead",
        "needcontent",
        "needaim",
        "needobj",
        "ownobj",
        "needperson",
        "nonperson",
        "needmil",
        "needforce",
        "needloc",
        "needagent",
        "needcivil",
        "needcivperson",
        "needorg",
        "needigo",
        "needpartner",
        "needplace",
        "needlabour",
        "needtarget",
        "noobj",
        "nooprd",
        "needsupport",
        "nonmil",
        "withperson",
        "means",
        "extraobj",
    }
)
_POS = {
    "VERB": frozenset({"VERB"}),
    "NOUN": frozenset({"NOUN", "PROPN"}),
    "ADJ": frozenset({"ADJ", "VERB"}),
}
_SUBJ = frozenset({"nsubj", "csubj", "expl"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
_MOD_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
# A noun trigger under these is the reason or topic of another event: "over its support for".
_TOPIC_PREPS = frozenset({"over", "about", "despite", "regarding", "concerning"})
_LOCATION_PREPS = frozenset({"in", "at", "near", "into", "on", "outside", "inside", "across"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_DATE_PREPS = frozenset(
    {"on", "in", "since", "during", "at", "by", "until", "from", "before", "after"}
)
_CONTENT_PREPS = frozenset({"of", "to", "for", "on", "about", "against", "from"})
_REPORT_DEPS = frozenset({"ccomp", "parataxis"})
_THREATENING = frozenset({"SANCTION", "COERCE", "PROTEST"})
# Subordinators after which "fighting" is a noun ("as fighting spread"), unlike "after
# meeting Putin", where the gerund shares the main clause's subject.
_NOUN_GERUND_MARKS = frozenset({"as", "if", "unless", "because", "although", "though", "once"})
# Adverbial clauses of place state their own facts, whatever the modality of their head.
_PLACE_WH = frozenset({"where", "wherever", "whereby"})
# Who speaks for a state: its government, its forces, or the state itself (no sector).
_STATE_SECTORS = frozenset({"GOV", "MIL", None})
_PREPARING = frozenset({"prepare", "poise", "gear", "ready"})
# What a crowd gathers to do when the gathering is a protest: "to denounce", "to demand".
_GRIEVANCES = frozenset({"ACCUSE", "REQUEST", "REJECT", "PROTEST"})
_THREAT_BY_MODE = {
    ("COERCE", "curfew"): ("1323", "restrict"),
    ("COERCE", "martial-law"): ("1324", "restrict"),
    ("COERCE", "restrict"): ("132", "restrict"),
    ("COERCE", "censor"): ("1321", "restrict"),
    ("COERCE", "arrest"): ("132", "arrest"),
    ("COERCE", "deport"): ("136", "expel"),
    ("SANCTION", "discontinue"): ("1312", "restrict"),
    ("SANCTION", "withdraw"): ("134", "relations"),
    ("SANCTION", "expel"): ("136", "expel"),
    ("PROTEST", "boycott"): ("133", "restrict"),
    ("PROTEST", "strike"): ("133", "restrict"),
    ("PROTEST", "obstruct"): ("133", "restrict"),
}
_COOPERATIVE_FUTURE = {"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033"}
_REQUEST_BY_CONTENT = {
    "CONSULT": ("106", "meet"),
    "AGREE": ("106", "meet"),
    "RETREAT": ("105", "yield"),
    "CONCEDE": ("105", "yield"),
    "AID": ("103", "assist"),
    "COOPERATE": ("101", "assist"),
    "SUPPORT": ("102", "assist"),
}
_REJECT_BY_CONTENT = {
    "CONSULT": ("125", "meet"),
    "AGREE": ("125", "meet"),
    "RETREAT": ("124", "yield"),
    "CONCEDE": ("124", "yield"),
    "AID": ("122", "assist"),
    "COOPERATE": ("121", "assist"),
    "SUPPORT": ("121", "assist"),
}
_AGREE_BY_CONTENT = {
    "CONSULT": "036",
    "COOPERATE": "031",
    "AID": "033",
    "SUPPORT": "032",
    "RETREAT": "035",
    "CONCEDE": "035",
}
_THREAT_BY_CONTENT = {
    "ASSAULT": ("138", "violence"),
    "COERCE": ("137", "violence"),
    "MOBILIZE": ("138", "violence"),
    "SANCTION": ("131", "relations"),
    "PROTEST": ("133", "relations"),
    "REJECT": ("134", "relations"),
}


# --------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Trigger:
    """One row of the trigger lexicon."""

    id: str
    head: str
    extras: tuple[frozenset[str], ...]
    pos: str
    type: str
    mode: str | None
    cameo: str
    contexts: tuple[str, ...]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    flags: frozenset[str]
    line: int

    @property
    def source(self) -> str:
        """``file:line`` of the entry, for ``Event.why.lexicon``."""
        return f"{LEXICON}:{self.line}"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The trigger lexicon indexed for one-lookup-per-token matching."""

    entries: dict[tuple[str, str], tuple[Trigger, ...]]
    hyphen: dict[str, tuple[Trigger, ...]]
    classes: dict[str, frozenset[str]]
    modality: dict[tuple[str, str], str]
    cues: dict[str, tuple[str, str, int]]
    cue_pairs: dict[tuple[str, str], tuple[str, str, int]]
    support_forms: frozenset[str]
    modality_lines: dict[tuple[str, str], int]


def _parse_trigger(number: int, row: dict[str, str], name: str) -> Trigger:
    words = row["pattern"].split()
    if not words or row["pos"] not in _POS:
        raise DataFileError(
            f"{name}:{number}: bad pattern or pos {row['pattern']!r} {row['pos']!r}"
        )
    extras = tuple(frozenset(w.strip("{}").split("|")) for w in words[1:])
    kind, mode = row["type"], row["mode"] or None
    cameo = row["cameo"]
    if cameo not in codes.cameo_codes() and cameo[:3] not in codes.cameo_codes():
        raise DataFileError(f"{name}:{number}: unknown CAMEO code {cameo!r}")
    coding = codes.plover_for_cameo(cameo)
    types = codes.plover_types()
    if kind not in types or (mode and mode not in types[kind].modes):
        raise DataFileError(f"{name}:{number}: unknown PLOVER type or mode {kind} {mode}")
    if coding is not None and mode is None and coding.type == kind:
        mode = coding.mode
    contexts = tuple(c for c in row["context"].split(";") if c)
    if not contexts and coding is not None and coding.type == kind:
        contexts = coding.contexts
    flags = frozenset(f for f in row["flags"].split(",") if f)
    if unknown := flags - _FLAGS:
        raise DataFileError(f"{name}:{number}: unknown flag {sorted(unknown)[0]!r}")
    slots = []
    for column in ("actor", "recipient"):
        slots.append(tuple(s for s in row[column].split(",") if s))
    return Trigger(
        id=row["id"],
        head=words[0].lower(),
        extras=extras,
        pos=row["pos"],
        type=kind,
        mode=mode,
        cameo=cameo,
        contexts=contexts,
        actor=slots[0],
        recipient=slots[1],
        flags=flags,
        line=number,
    )


@functools.cache
def lexicon() -> Lexicon:
    """Return the trigger lexicon and its companion tables, loaded once."""
    grouped: dict[tuple[str, str], list[Trigger]] = {}
    hyphen: dict[str, list[Trigger]] = {}
    for number, row in iter_tsv(data_path(LEXICON)):
        entry = _parse_trigger(number, row, LEXICON)
        if entry.head.startswith("-"):
            hyphen.setdefault(entry.head[1:], []).append(entry)
        else:
            grouped.setdefault((entry.head, entry.pos), []).append(entry)

    def order(entries: list[Trigger]) -> tuple[Trigger, ...]:
        # Longer patterns first; among equals, constrained entries before their fallback.
        constrained = [
            any(f.startswith(("need", "non")) or f == "plural" for f in e.flags) for e in entries
        ]
        ranked = sorted(
            range(len(entries)), key=lambda i: (-len(entries[i].extras), not constrained[i], i)
        )
        return tuple(entries[i] for i in ranked)

    classes = {}
    for number, row in iter_tsv(data_path(CLASSES)):
        if not row["lemmas"].split() or " " in row["class"]:
            raise DataFileError(f"{CLASSES}:{number}: a class name, a tab, then its lemmas")
        classes[row["class"]] = frozenset(row["lemmas"].split())
    modality = {}
    modality_lines = {}
    for number, row in iter_tsv(data_path(MODALITY)):
        modality_lines[(row["word"], row["relation"])] = number
        if row["modality"] not in (*MODALITIES, "background"):
            raise DataFileError(f"{MODALITY}:{number}: unknown modality {row['modality']!r}")
        modality[(row["word"], row["relation"])] = row["modality"]
    cues: dict[str, tuple[str, str, int]] = {}
    pairs: dict[tuple[str, str], tuple[str, str, int]] = {}
    for number, row in iter_tsv(data_path(CUES)):
        words = row["cue"].lower().split()
        value = (row["type"], row["cameo"], number)
        if len(words) == 2:
            pairs[(words[0], words[1])] = value
        elif len(words) == 1:
            cues[words[0]] = value
        else:
            raise DataFileError(f"{CUES}:{number}: a cue is one or two words")
    return Lexicon(
        {k: order(v) for k, v in grouped.items()},
        {k: order(v) for k, v in hyphen.items()},
        classes,
        modality,
        cues,
        pairs,
        # Inflected forms too: the lemmatizer misses some ("staged" → "stag").
        frozenset(
            form
            for v in classes.get("support", ())
            for form in (v, v + "s", v + "ed", v + "d", v + "ing", v[:-1] + "ing")
        ),
        modality_lines,
    )


# --------------------------------------------------------------------------- matching


@dataclass(slots=True)
class _Match:
    """A trigger entry matched at a token."""

    token: Token
    entry: Trigger
    extras: list[Token]
    type: str = ""
    mode: str | None = None
    cameo: str = ""
    forced: str | None = None
    absorbed_by: int | None = None
    dropped: bool = False
    content: list[_Match] = field(default_factory=list)
    more_recipients: list[Token] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.type, self.mode, self.cameo = self.entry.type, self.entry.mode, self.entry.cameo


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "acl", "conj", "parataxis", "punct", "cc"})


_OWN_MARKERS = frozenset({"aux", "auxpass", "mark", "neg"})


def _near(token: Token, depth: int = 4) -> Iterator[Token]:
    """Descendants of a token within its own phrase, nearest first ("tons of food aid").

    The token's own auxiliaries are not in its phrase: the "to" of "to protest" is no
    "protest to".
    """
    level = [
        c
        for c in token.children
        if c.dep_ not in _CLAUSES and c.dep_ not in _SUBJ and c.dep_ not in _OWN_MARKERS
    ]
    for _ in range(depth):
        yield from level
        level = [g for c in level for g in c.children if g.dep_ not in _CLAUSES]


def _match_extras(token: Token, entry: Trigger, frame: Token | None) -> list[Token] | None:
    found: list[Token] = []
    for group in entry.extras:
        near = {token.i, *(t.i for t in found), *((frame.i,) if frame is not None else ())}
        hit = next(
            (
                t
                for t in (*_near(token), *(frame.children if frame is not None else ()))
                if t not in found
                and (_lemma(t) in group or t.lower_ in group)
                # A preposition belongs to the head's own phrase ("protest *to*"), not to
                # a phrase deeper down ("protest the decision of sending troops *to*").
                and (t.pos_ != "ADP" or t.head.i in near or t.head.head == token)
                # An infinitive's "to" counts only for the head's own complement ("willing
                # *to* meet"), not one further down ("protest the failure *to* act").
                and (t.dep_ != "aux" or t.head.head == token)
                and not (t.pos_ == "PART" and t.dep_ == "prep")  # a misparsed infinitive "to"
                # a date is no argument: "fired a missile *on* Thursday" fires at no one
                and not (
                    t.pos_ == "ADP" and any(c.ent_type_ in ("DATE", "TIME") for c in t.children)
                )
            ),
            None,
        )
        if hit is None:
            return None
        found.append(hit)
    return found


def _misparsed_main_verb(verb: Token) -> bool:
    """A past verb parsed as a modifier of a root noun: "Palestinian youths resorted to ..."
    with no other main verb in the sentence."""
    if verb.dep_ != "acl" or verb.tag_ not in ("VBN", "VBD"):
        return False
    root = verb.sent.root
    return root.pos_ in ("NOUN", "PROPN") and verb.i > root.i and not _prep_objects(verb, "by")


def _passive(verb: Token) -> bool:
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not _misparsed_main_verb(verb):
        return True  # "property seized by the army": a reduced passive relative
    if any(c.dep_ in _PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children):
        return True
    # "were killed or wounded": a bare participle conjoined to a passive shares it
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in _SUBJ or c.dep_ == "aux" for c in verb.children)
        and verb.head.pos_ == "VERB"
        and _passive(verb.head)
    )


def _child(token: Token, deps: frozenset[str] | set[str] | str) -> Token | None:
    deps = {deps} if isinstance(deps, str) else deps
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_objects(token: Token, prep: str) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "agent", "dative", "prt") and child.lower_ == prep:
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    return out


def _agents(noun: Token) -> list[Token]:
    """The doers a noun names: "demands *by* X", "crimes committed *by* X"."""
    out = _prep_objects(noun, "by")
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            out.extend(_prep_objects(child, "by"))
    verb = noun.head
    if not out and noun.dep_ == "dobj" and not _passive(verb):
        # "broke up a rally by opposition supporters", the "by" hung on the active verb
        out = [
            o
            for o in _prep_objects(verb, "by")
            if o.head.i == noun.right_edge.i + 1 and o.pos_ in ("NOUN", "PROPN")
        ]
    return out


def _clauses_of(token: Token) -> list[Token]:
    """Clausal complements of a trigger: "demanded *that Germany pay*", "urged X *to go*";
    for a noun, "its demand *that Israel ease* ..." (also when parsed onto the verb)."""
    out = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")]
    if token.pos_ in ("NOUN", "PROPN"):
        out += [
            c
            for c in token.children
            if c.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ]
        if token.dep_ == "dobj":
            out += [
                c
                for c in token.head.children
                if c.dep_ == "ccomp"
                and c.i > token.i
                and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
            ]
    return out


def _content_head(ctx: _Context, token: Token) -> list[Token]:
    """Tokens that can hold the content of a trigger: complements, objects, of/to/for phrases."""
    out = [c for c in _clauses_of(token) if c.dep_ == "ccomp" and c.head != token]
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "dobj", "acl", "oprd") or (
            # a purpose, not a manner: "agreed *to* ..." but not "refused, *citing* ..."
            child.dep_ == "advcl" and (child.tag_ != "VBG" or _child(child, "mark") is not None)
        ):
            out.append(child)
        elif child.dep_ in ("prep", "dative") and child.lower_ in _CONTENT_PREPS:
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
    for t in list(out):
        out.extend(t.conjuncts)
        if t.dep_ in ("dobj", "pobj") and ctx.in_class(t, "transparent"):
            out.extend(_prep_objects(t, "of"))
        if t.dep_ == "dobj" and ctx.in_class(t, "answerable"):
            # "denied responsibility for the attack", "denied involvement in the killing"
            out.extend(o for p in ("for", "in") for o in _prep_objects(t, p))
        if t.dep_ in ("xcomp", "ccomp"):
            # "agreed to hold exercises" (also when the verb is tagged as a noun: "to host")
            out.extend(c for c in t.children if c.dep_ == "dobj")
        if t.dep_ == "ccomp":
            # "warned that an offensive would be a disaster": the event spoken about
            out.extend(c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "NOUN")
    # Through verbs that only carry the act: "willing to send troops to help defend X".
    level = [t for t in out if t.dep_ == "xcomp" and t.pos_ == "VERB"]
    for _ in range(2):
        level = [
            c
            for t in level
            for c in t.children
            if c.pos_ == "VERB"
            and (
                c.dep_ == "xcomp"
                or (
                    c.dep_ == "advcl"
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                )
            )
        ]
        out.extend(level)
    return out


class _Context:
    """Per-document state shared by the rules: actors, quotes, entities, publication date."""

    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.lex = lex
        self.actors = doc._.dyads_actors
        self.published: dt.date | None = doc.user_data.get(PUBLISHED)
        self.headline_end: int = doc.user_data.get(HEADLINE_END) or 0
        self.ent_at: dict[int, Span] = {t.i: e for e in doc.ents for t in e}
        self.quotes = [q for q in (doc._.dyads_quotes or ()) if q.speaker]
        self.drafted: list[_Draft] = []  # events drafted so far, in text order

    def in_class(self, token: Token | None, name: str) -> bool:
        return token is not None and (
            _lemma(token) in self.lex.classes.get(name, ())
            or token.lower_ in self.lex.classes.get(name, ())
        )

    def speaks_for(self, speaker: str | None, actors: list[str]) -> bool:
        """Whether a statement's speaker is one of the actors or speaks for their side.

        "Venezuela could mobilise troops if ..., the defence minister said" is Venezuela's own
        conditional threat; the same words from analysts are a forecast, not a threat.
        """
        if speaker is None or not actors or self.actors is None:
            return False
        if speaker in actors:
            return True
        by_id = {a.id: a for a in self.actors.actors}
        voice = by_id.get(speaker)
        if voice is None:
            return False
        if voice.sector == "GOV" and all(
            (a := by_id.get(i)) is not None and a.sector == "IGO" for i in actors
        ):
            # "the EU may halt its mediation if ..., the Dutch foreign minister said": a
            # member government speaks for the body it sits in.
            return True
        if voice.country is None:
            # "the interior minister said": an official of no stated country speaks for the
            # state whose own step the sentence announces.
            return voice.sector in ("GOV", "MIL") and all(
                (a := by_id.get(i)) is not None and a.sector in _STATE_SECTORS for i in actors
            )
        for actor in (by_id.get(i) for i in actors):
            if actor is None or actor.country != voice.country:
                return False
            state_side = voice.sector in _STATE_SECTORS and actor.sector in _STATE_SECTORS
            if not state_side and actor.sector != voice.sector:
                return False
        return True

    def actor_ids(self, token: Token | None, depth: int = 0) -> list[str]:
        """Actor ids a token refers to: itself, its name modifiers, its conjuncts."""
        if token is None or self.actors is None:
            return []
        ids: list[str] = []
        actor = self.actors.actor_at(token)
        if actor is not None:
            ids.extend(self._coordinated_owners(token, actor.id))
            if (states := self._origin_states(token)) and (
                actor.country is None or not self._named_by_modifier(token)
            ):
                ids = states
        elif depth < 2 and self.in_class(token, "boundary") and _prep_objects(token, "with"):
            # "near its border with Finland": a shared boundary stands for the other side.
            for obj in _prep_objects(token, "with"):
                ids.extend(self.actor_ids(obj, depth + 1))
        elif token.lower_ in _FIRST_PERSON and (speaker := self.speaker_at(token.idx)):
            ids.append(speaker)  # "we" in a quote: the speaker's side
        elif token.lower_ in _THIRD_PERSON and token.dep_ in _SUBJ:
            ids.extend(self._reporter(token))
        elif token.lower_ in _POSSESSIVE and token.dep_ == "poss":
            ids.extend(self._owner(token))
        elif depth < 2:
            for child in token.children:
                if child.dep_ in ("poss", "compound", "amod", "nmod", "appos"):
                    ids.extend(self.actor_ids(child, depth + 1))
                    if ids:
                        break
            if not ids and token.pos_ in ("NOUN", "PROPN"):
                # Whose act or text a noun is: "calls by the UN", "crimes committed by X".
                for obj in _agents(token):
                    ids.extend(self.actor_ids(obj, depth + 1))
            if not ids:
                for obj in (*_prep_objects(token, "of"), *_prep_objects(token, "from")):
                    ids.extend(self.actor_ids(obj, depth + 1))
        if depth == 0 or token.dep_ != "conj":
            for conj in token.conjuncts:
                if conj.i > token.i:
                    ids.extend(i for i in self.actor_ids(conj, depth + 1) if i not in ids)
        return list(dict.fromkeys(ids))

    @staticmethod
    def _named_by_modifier(token: Token) -> bool:
        """Whether a noun's own modifier names whose it is ("*Russian* troops from Belarus"),
        so that a country the actor stage gave it is not a guess from a nearby place."""
        return token.pos_ == "PROPN" or any(
            c.dep_ in ("amod", "compound", "nmod", "poss") and c.ent_type_ in _NAMING
            for c in token.children
        )

    def _origin_states(self, token: Token) -> list[str]:
        """The states or bodies an unnamed group comes from: "Border guards *from India and
        Bangladesh*" stands for India and Bangladesh (a compound actor), "delegations *from
        Israel and Hamas*" for Israel and Hamas."""
        origins = [p for o in _prep_objects(token, "from") for p in (o, *o.conjuncts)]
        found = [self.actors.actor_at(p) for p in origins]
        if not any(a is not None and a.kind == "state" for a in found):
            return []  # "officials from the ministry" keep their own, more precise actor
        return list(dict.fromkeys(a.id for a in found if a is not None))

    def _coordinated_owners(self, head: Token, head_id: str) -> list[str]:
        """The head's actor and those of coordinated modifiers, in text order.

        "Chinese and Russian warships" is two actors (PLOVER's compound actor): the
        actor stage gives each nationality its own actor, the head noun only the last.
        """
        found = {head_id: head.i}
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.conjuncts:
                for part in (child, *child.conjuncts):
                    other = self.actors.actor_at(part)
                    if other is not None:
                        found[other.id] = min(found.get(other.id, part.i), part.i)
        return sorted(found, key=found.__getitem__)

    def _reporter(self, pronoun: Token) -> list[str]:
        """The subject of the verb reporting a pronoun's clause: "Greece said it would ..."."""
        clause = pronoun.head
        if (
            clause.dep_ == "ccomp"
            and clause.head.pos_ in ("VERB", "AUX")
            and clause.i > clause.head.i
        ):
            subj = _child(clause.head, _SUBJ)
            if subj is not None and subj.lower_ not in _THIRD_PERSON:
                return self.actor_ids(subj, 1)
        return []

    def _owner(self, pronoun: Token) -> list[str]:
        """A possessive's antecedent in its own clause: "the ILO reiterated *its* demand"."""
        clause = _clause_verb(pronoun.head)
        subj = _child(clause, _SUBJ) if clause is not None else None
        if subj is None or subj.i > pronoun.i or subj.pos_ == "PRON":
            return []
        return self.actor_ids(subj, 1)

    def speaker_at(self, char: int) -> str | None:
        for quote in self.quotes:
            if quote.span[0] <= char < quote.span[1]:
                return quote.speaker
        return None


def _constraints_hold(ctx: _Context, token: Token, entry: Trigger, extras: list[Token]) -> bool:
    flags = entry.flags
    if not flags:
        return True
    if "plural" in flags and token.tag_ not in ("NNS", "NNPS"):
        return False
    verb = token if token.pos_ in ("VERB", "AUX") else None
    obj = _child(token, {"dobj", *_PASS_SUBJ}) if verb is not None else None
    counted = _prep_objects(obj, "of") if ctx.in_class(obj, "transparent") else []
    if counted:
        obj = counted[0]  # "freed thousands of prisoners"
    subj = _verb_subject(token)[0] if verb is not None else None
    if verb is None and token.dep_ in ("dobj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        # "teachers began a strike", "drills were held by the navy": the act's doer
        subj = _verb_subject(token.head)[0]
    if "needobj" in flags and obj is None:
        return False
    if "noobj" in flags and obj is not None:
        return False
    if "nooprd" in flags and _child(token, {"oprd"}) is not None:
        return False  # "leaving five officers dead" is a result, not a withdrawal
    if "ownobj" in flags and not (
        obj is not None and any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE for c in obj.children)
    ):
        return False  # "ended *its* boycott": the actor's own act
    reversed_report = token.dep_ in ("parataxis", "ccomp") and token.head.i < token.i
    if (
        "needcontent" in flags
        and not reversed_report
        and not any(
            c.dep_ in ("xcomp", "ccomp", "acl")
            or (c.dep_ == "prep" and c.lower_ == "to" and c.pos_ != "PART")
            for c in token.children
        )
    ):
        return False
    if "needaim" in flags and not any(
        c.dep_ in ("advcl", "xcomp")
        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        and any(e.type in _GRIEVANCES for e in ctx.lex.entries.get((_lemma(c), "VERB"), ()))
        for c in token.children
    ):
        return False  # "gathered outside parliament *to denounce* the law" is a protest
    if "needperson" in flags and not _personal(ctx, obj):
        return False
    if "nonperson" in flags and obj is not None and _personal(ctx, obj):
        return False
    if "needcivperson" in flags and not (_personal(ctx, obj) or ctx.in_class(obj, "civil")):
        return False
    if "needmil" in flags and not (
        _forceful(ctx, subj) or any(_lemma(c) in ("military", "militarily") for c in token.subtree)
    ):
        return False
    if "needforce" in flags and not (_forceful(ctx, subj) or _forceful(ctx, token)):
        return False
    if "needagent" in flags and subj is None:
        return False
    if "nonmil" in flags and _forceful(ctx, subj):
        return False
    if "needcivil" in flags:
        # "thousands *of people*": the crowd a count stands for
        crowd = _prep_objects(subj, "of") if ctx.in_class(subj, "transparent") else []
        if not any(ctx.in_class(t, "civil") for t in (subj, *crowd)):
            return False
    if "needlabour" in flags:
        around = [subj, *token.children]
        if not any(ctx.in_class(t, "labour") for t in around if t is not None):
            return False
    if "needorg" in flags:
        targets = [*_prep_objects(token, "from"), *_prep_objects(token, "of")]
        if obj is not None and not _prep_objects(token, "from"):
            targets.append(obj)
        if not any(
            ctx.in_class(t, "org")
            or (
                ctx.ent_at.get(t.i) is not None
                and ctx.ent_at[t.i].label_ == "ORG"
                and not _state(ctx, t)  # a country tagged as an organisation
            )
            or _intergovernmental(ctx, t)  # "withdrawal from ECOWAS", whatever the tagger says
            for t in targets
        ):
            return False
    if "needigo" in flags and not any(
        _intergovernmental(ctx, t) for t in (obj, *_prep_objects(token, "from")) if t is not None
    ):
        return False  # "left ECOWAS", not "left the court"
    if "needplace" in flags and not (
        obj is not None
        and (
            ctx.in_class(obj, "place")
            or (obj.i in ctx.ent_at and ctx.ent_at[obj.i].label_ in _PLACE_LABELS)
        )
    ):
        return False
    if "needloc" in flags:
        targets = [t for p in ("to", "in") for t in _prep_objects(token, p)]
        if not any(t.i in ctx.ent_at and ctx.ent_at[t.i].label_ in _PLACE_LABELS for t in targets):
            return False
    partnered = bool(_prep_objects(token, "with") or _prep_objects(token, "between")) or any(
        _lemma(c) in ("joint", "combined", "bilateral", "trilateral") for c in token.children
    )
    clause = _clause_verb(token) if not partnered and "needpartner" in flags else None
    if clause is not None and (subject := _child(clause, _SUBJ)) is not None:
        partnered = bool(subject.conjuncts)  # "French and Egyptian warships launched war games"
    if "needpartner" in flags and not partnered:
        return False
    if "extraobj" in flags and extras and not _object_of(extras[-1], token, extras):
        return False  # "scrapped the strike after the pay deal": the deal is not what was scrapped
    met = [*_prep_objects(token, "with"), *(_prep_objects(token, "by") if verb is not None else ())]
    if (
        verb is not None
        and "withperson" in flags
        and obj is not None
        and obj.lower_ not in _RELATIVE
    ):
        met.append(obj)  # "met its revenue targets", "met the deadline": no one is met
    if (
        entry.type != "ACCUSE"
        and ctx.in_class(verb, "naming")
        and _child(token, {"oprd", "attr"}) is not None
    ):
        return False  # "calling it a crackdown (on the press)": naming, not a call
    if "withperson" in flags and not all(
        _partner(ctx, t) or (t is obj and _body(ctx, t)) for t in met
    ):
        return False  # "was met with a firm response", "met by fierce resistance": no meeting
    targets = ("against", "into", "in")
    return "needtarget" not in flags or any(_prep_objects(token, p) for p in targets)


def _state(ctx: _Context, token: Token) -> bool:
    actor = ctx.actors.actor_at(token) if ctx.actors is not None else None
    return actor is not None and actor.kind == "state"


def _intergovernmental(ctx: _Context, token: Token) -> bool:
    """Whether a token is an intergovernmental body ("ECOWAS", "the UN refugee agency"),
    by the actor stage's IGO sector; its forces ("UN troops") are no body one leaves."""
    actor = ctx.actors.actor_at(token) if ctx.actors is not None else None
    return actor is not None and actor.sector == "IGO" and not ctx.in_class(token, "force")


def _object_of(noun: Token, verb: Token, extras: list[Token]) -> bool:
    """Whether a noun is what a verb acts on: its object, its passive subject, or the object
    of its particle ("pulled out *of* the deal"), also as a conjunct."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ in ("dobj", *_PASS_SUBJ):
        return noun.head == verb
    prep = noun.head
    return noun.dep_ == "pobj" and (
        prep in extras
        or prep.head in extras
        or (prep.head == verb and prep.lower_ in ("of", "from", "on"))
    )


def _partner(ctx: _Context, token: Token) -> bool:
    """Whether a "with" object can be someone met: a person, group or named actor, not a
    way of being received ("met with *resistance*", "met with *tear gas*")."""
    if ctx.in_class(token, "reception"):
        return False
    named = ctx.actors is not None and ctx.actors.actor_at(token) is not None
    return named or _personal(ctx, token) or ctx.in_class(token, "civil")


def _body(ctx: _Context, token: Token) -> bool:
    """Whether a noun names a body one meets: "the board of the central bank"."""
    return ctx.in_class(token, "org") or (
        ctx.actors is not None and any(ctx.actors.actor_at(o) for o in _prep_objects(token, "of"))
    )


def _personal(ctx: _Context, token: Token | None) -> bool:
    if token is None:
        return False
    ent = ctx.ent_at.get(token.i)
    if ent is not None and ent.label_ in ("PERSON", "NORP"):
        return True
    if ctx.actors is not None:
        actor = ctx.actors.actor_at(token)
        if actor is not None and actor.kind in ("person", "group"):
            return True
    return ctx.in_class(token, "person")


def _forceful(ctx: _Context, token: Token | None) -> bool:
    if token is None:
        return False
    if ctx.in_class(token, "force"):
        return True
    if token.pos_ in ("NOUN", "PROPN") and ctx.actors is not None:
        actor = ctx.actors.actor_at(token)
        return actor is not None and actor.sector in ("MIL", "REB", "UAF", "PRM", "COP")
    return any(ctx.in_class(c, "force") for c in token.children if c.dep_ in ("compound", "amod"))


# Names, and dates: "resumed exports in *March*" is no march.
_NAME_LABELS = frozenset(
    {"ORG", "PERSON", "WORK_OF_ART", "LAW", "FAC", "GPE", "PRODUCT", "DATE", "TIME"}
)


def _names(ctx: _Context, verb: Token) -> bool:
    """Whether a verb says what its object is: "called it a crackdown", "saw the drills as
    a provocation"."""
    return ctx.in_class(verb, "naming") and any(
        c.dep_ in ("oprd", "attr") or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children
    )


def _naming_predicate(ctx: _Context, token: Token) -> bool:
    """A noun that says what another act was: "calling it *a crackdown*", "describing the
    vote as *a coup*", "in what activists called *a crackdown*" (the ``naming`` class)."""
    if token.dep_ in ("oprd", "attr") and ctx.in_class(token.head, "naming"):
        return True
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "as"
        and ctx.in_class(prep.head, "naming")
        and _child(prep.head, "dobj") is not None
    )


def _inert_noun(ctx: _Context, token: Token) -> bool:
    """A noun that names rather than reports: "aid workers", "Rapid Support Forces"."""
    if _naming_predicate(ctx, token):
        return True
    if token.dep_ == "compound":
        # "a mediation mission", "a peace effort": the head only frames the event.
        return not ctx.in_class(token.head, "transparent")
    ent = ctx.ent_at.get(token.i)
    if ent is not None and ent.label_ in _NAME_LABELS:
        return True
    # Inside an actor's phrase and not its head: "the Warsaw Pact foreign minister",
    # "Planning and Investment Minister X".
    mention = ctx.actors.mention_at(token) if ctx.actors is not None else None
    return mention is not None and mention.start <= token.i < mention.end - 1


def _split_hyphens(ctx: _Context) -> tuple[dict[int, tuple[Trigger, ...]], set[int]]:
    """Lexicon words the tokenizer split at a hyphen ("cease - fire", "build - up"): the
    entries by the token that heads the pair, and the other token, which is no trigger."""
    doc, found, parts = ctx.doc, {}, set()
    for dash in doc[1:-1]:
        first, last = doc[dash.i - 1], doc[dash.i + 1]
        if dash.text != "-" or first.whitespace_ or dash.whitespace_:
            continue
        for pos in ("NOUN", "VERB"):
            forms = {f"{first.lower_}-{last.lower_}", f"{first.lower_}-{_lemma(last)}"}
            entries = next((e for f in forms if (e := ctx.lex.entries.get((f, pos)))), None)
            if entries:
                inside = range(first.i, last.i + 1)
                head = first if last.head.i in inside and first.head.i not in inside else last
                found[head.i] = entries
                parts.add(first.i if head is last else last.i)
                break
    return found, parts


def _find_matches(ctx: _Context) -> list[_Match]:
    lex = ctx.lex
    matches: list[_Match] = []
    hyphenated, parts = _split_hyphens(ctx)
    for token in ctx.doc:
        if token.is_punct or token.is_space or token.i in parts:
            continue
        lemma = _lemma(token)
        # "a cease-fire", split by the tokenizer
        candidates: tuple[Trigger, ...] = hyphenated.get(token.i, ())
        if not candidates and token.tag_ == "VBG" and token.dep_ in _NOMINAL_DEPS:
            # a gerund used as a noun: "*Fighting* between the army and the RSF killed dozens"
            candidates = lex.entries.get((token.lower_, "NOUN"), ())
        for pos, allowed in () if candidates else _POS.items():
            main = pos == "VERB" and token.pos_ == "AUX" and token.dep_ not in ("aux", "auxpass")
            if (token.pos_ in allowed or main) and (found := lex.entries.get((lemma, pos))):
                if pos == "ADJ" and token.pos_ == "VERB" and token.dep_ not in ("amod", "acomp"):
                    continue
                candidates = found
                break
        if not candidates and "-" in token.text:
            candidates = lex.hyphen.get(token.lower_.rsplit("-", 1)[1], ())
            if not candidates and lemma != token.lower_:
                candidates = lex.hyphen.get(lemma.rsplit("-", 1)[-1], ())
        if candidates and candidates[0].pos == "NOUN" and _inert_noun(ctx, token):
            continue
        frame = None
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and ctx.in_class(token.head.head, "transparent")
        ):
            frame = token.head.head  # "a shared set of interests"
        for entry in candidates:
            extras = _match_extras(token, entry, frame) if entry.extras else []
            if extras is None or not _constraints_hold(ctx, token, entry, extras):
                continue
            matches.append(_Match(token, entry, extras))
            break
    claimed = {t.i for m in matches for t in m.extras}
    return [m for m in matches if m.token.i not in claimed]


# --------------------------------------------------------------------------- roles


def _governor(ctx: _Context, token: Token) -> tuple[Token, Token | None]:
    """Return (clause predicate, support verb) of a nominal trigger.

    The predicate carries modality and dates; a support verb ("launched", "held")
    also lends its subject.
    """
    node = token
    if node.dep_ == "compound" and ctx.in_class(node.head, "transparent"):
        node = node.head
    # "a new round of talks": climb through transparent nouns; "claimed responsibility
    # for the attack": through the claim to its event, so the claimant did it.
    if node.dep_ == "pobj" and (
        (node.head.lower_ == "of" and ctx.in_class(node.head.head, "transparent"))
        or (node.head.lower_ in ("for", "in") and ctx.in_class(node.head.head, "answerable"))
    ):
        node = node.head.head
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN"):
        node = node.head
    head = node.head
    if node.dep_ in ("dobj", "attr", "oprd") and head.pos_ in ("VERB", "AUX"):
        support = (
            ctx.in_class(head, "support")
            or head.lower_ in ctx.lex.support_forms
            or node.dep_ != "dobj"
        ) and not _names(ctx, head)  # "called the sanctions an act of war": who names it
        return head, head if support else None
    if node.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        lends = ctx.in_class(head, "support") or head.lower_ in ctx.lex.support_forms
        if node.dep_ == "nsubjpass" and lends and _prep_objects(head, "by"):
            return head, head  # "joint patrols were launched by India and Bangladesh"
        return head, None
    if node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX", "ADJ"):
        verb = head.head
        lends = ctx.in_class(verb, "support") or verb.lower_ in ctx.lex.support_forms
        return verb, verb if lends and head.lower_ in ("in", "of", "for") else None
    if node.dep_ in ("appos", "pobj", "compound", "npadvmod"):
        return _governor(ctx, head)[0] if head is not token else head, None
    return (head if head.pos_ in ("VERB", "AUX") else token), None


def _verb_subject(verb: Token, seen: int = 0) -> tuple[Token | None, str]:
    """The token acting as the subject of a verb, and the parse path to it."""
    if seen > 4:
        return None, ""
    passive = _passive(verb)
    if passive:
        agent = _prep_objects(verb, "by")
        if agent:
            return agent[0], "agent"
        for prep in verb.children:
            # "was accused of looting by officials": an active gerund takes no "by"
            # agent, so the one on it belongs to the passive.
            for gerund in (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG"):
                if prep.dep_ == "prep" and not _passive(gerund):
                    agent = _prep_objects(gerund, "by")
                    if agent:
                        return agent[0], "agent"
        for other in verb.conjuncts:
            # "was shelled and bombed by government forces": one agent for both
            agent = _prep_objects(other, "by") if _passive(other) else []
            if agent:
                return agent[0], "agent"
        for prep in (c for c in verb.children if c.dep_ == "prep"):
            # "were delivered to the town by the Red Cross", the "by" hung on the town
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                agent = _prep_objects(obj, "by")
                if agent:
                    return agent[0], "agent"
        return None, ""
    if _misparsed_main_verb(verb):
        return verb.sent.root, "nsubj"
    subj = _child(verb, _SUBJ)
    if subj is not None:
        if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head, "relcl"
        if subj.lower_ in _RELATIVE and verb.dep_ == "ccomp" and _lemma(verb.head) == "be":
            focus = _child(verb.head, "attr")  # "it was Hamas that attacked"
            if focus is not None:
                return focus, "cleft"
        return subj, "nsubj"
    if verb.dep_ == "advcl" and verb.tag_ == "VBN":
        return None, ""  # "when asked": the head's subject is the one asked
    if verb.tag_ == "VBG" and (
        any(c.dep_ == "mark" and c.lower_ in _NOUN_GERUND_MARKS for c in verb.children)
        or (verb.dep_ == "pcomp" and verb.head.lower_ in _NOUN_GERUND_MARKS)
    ):
        # "as fighting spread", "if fighting escalates": a noun the parser took for a
        # gerund; after these words a gerund does not share the main clause's subject.
        return None, ""
    if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        # Control and shared subjects: "agreed to meet", "met and discussed".
        obj = _child(verb.head, {"dobj"}) if verb.dep_ == "xcomp" else None
        if obj is not None and _animate(obj):
            return obj, "xcomp-obj"  # object control: "urged Iran to release them"
        if verb.dep_ == "xcomp" and (raised := _child(verb.head, _PASS_SUBJ)) is not None:
            return raised, "xcomp^nsubjpass"
        if verb.dep_ == "conj" and (shared := _child(verb.head, _PASS_SUBJ)) is not None:
            # "was indicted by the court and will resign": the grammatical subject is shared.
            return shared, "conj^nsubjpass"
        found, path = _verb_subject(verb.head, seen + 1)
        return found, f"{verb.dep_}^{path}" if found is not None else ""
    if verb.dep_ in ("relcl", "acl") and verb.tag_ != "VBN":
        return verb.head, verb.dep_
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX"):
        # Gerund complements: "accused the US *of spying*" (the object does it),
        # "resorted *to throwing* stones" (the subject does).
        governor = verb.head.head
        # the object, or the subject of a passive: "was criticised for expelling diplomats"
        obj, _ = _verb_object(governor)
        if obj is not None and _animate(obj):
            return obj, "pcomp-obj"
        found, path = _verb_subject(governor, seen + 1)
        return found, f"pcomp^{path}" if found is not None else ""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp":
        return _verb_subject(verb.head, seen + 1)
    return None, ""


def _clause_verb(token: Token) -> Token | None:
    """The nearest verb (or predicative adjective) a noun phrase hangs from."""
    node = token
    for _ in range(4):
        if node.head is node:
            return node if node.pos_ in ("VERB", "AUX", "ADJ") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX") or (node.pos_ == "ADJ" and node.dep_ in ("acomp", "ROOT")):
            return node
    return None


def _animate(token: Token) -> bool:
    """Whether a noun can be the one told to act ("urged *the army* to"), not "used *gas* to"."""
    if token.pos_ in ("PROPN", "PRON") or token.ent_type_:
        return True
    classes = lexicon().classes
    lemma = token.lemma_.lower()
    kinds = ("person", "force", "civil", "labour", "org", "document", "transparent")
    return any(lemma in classes.get(c, ()) for c in kinds)


def _verb_object(verb: Token) -> tuple[Token | None, str]:
    if _passive(verb):
        subj = _child(verb, _PASS_SUBJ)
        if subj is not None and subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head, "relcl"  # "the village, which was shelled by ..."
        if subj is not None:
            return subj, "nsubjpass"
        if verb.dep_ in ("acl", "relcl"):
            return verb.head, verb.dep_
        if verb.dep_ == "conj":
            return _verb_object(verb.head)  # "20 people were killed or *wounded*"
        return None, ""
    obj = _child(verb, "dobj")
    if obj is not None:
        return obj, "dobj"
    for up in verb.children:
        # "kidnapped up to 16 advisers", parsed as a particle and a preposition
        if up.lower_ == "up" and up.dep_ in ("prt", "prep", "advmod"):
            for counted in _prep_objects(up, "to"):
                if _child(counted, "nummod") is not None:
                    return counted, "dobj"
    for clause in verb.children:
        # "allowed the candidate to run", "detained farmers marching to Delhi": the object
        # parsed as the subject of a clause of its own.
        infinitive = clause.dep_ in ("ccomp", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
        )
        participle = clause.dep_ == "advcl" and clause.tag_ == "VBG" and clause.i > verb.i
        if infinitive or participle:
            subj = _child(clause, {"nsubj"})
            if subj is not None and subj.i < clause.i and (infinitive or subj.i > verb.i):
                return subj, f"{clause.dep_}:nsubj"
    return None, ""


def _slot(ctx: _Context, m: _Match, slot: str, support: Token | None) -> tuple[list[str], str]:
    """Actor ids for one argument slot of a match, and the path label."""
    token = m.token
    is_verb = token.pos_ in ("VERB", "AUX") and m.entry.pos != "NOUN"
    if m.entry.pos == "ADJ" and token.dep_ == "acomp":
        is_verb, token = True, token.head
    if slot == "subj":
        if is_verb:
            arg, path = _verb_subject(token)
        elif support is not None:
            arg, path = _verb_subject(support)
            if arg is None and _passive(support) and not _prep_objects(support, "by"):
                # "were engaged in ethnic cleansing": a stative passive keeps its subject
                arg, path = _child(support, _PASS_SUBJ), "nsubjpass"
            path = f"{path}<-{_lemma(support)}" if arg is not None else ""
        else:
            arg, path = None, ""
        ids = ctx.actor_ids(arg)
        if not ids and arg is not None and arg.dep_ == "dobj" and ctx.in_class(arg, "document"):
            # "issued a declaration demanding ...": the text speaks for who issued it.
            author, _ = _verb_subject(arg.head)
            ids = ctx.actor_ids(author)
            path = f"{path}<-{_lemma(arg.head)}" if ids else path
        return ids, path
    if slot == "obj":
        arg, path = _verb_object(token) if is_verb else (None, "")
        if m.type == "ACCUSE" and arg is not None and _act_noun(ctx, arg):
            # "condemned the arrest of nine reporters": whoever made the arrest is accused,
            # not those it befell.
            return _doers(ctx, arg), f"{path}~doer"
        if not is_verb and token.dep_ in _SUBJ and ctx.in_class(token.head, "arrival"):
            # "no aid convoys have reached the city": what the moving event reaches
            arg, path = _verb_object(token.head)
            path = f"{_lemma(token.head)}->{path}" if arg is not None else ""
        return ctx.actor_ids(arg), path
    if slot == "dative":
        arg = _child(token, "dative")
        if arg is not None and arg.pos_ == "ADP":
            arg = _child(arg, "pobj")
        return ctx.actor_ids(arg), "dative" if arg is not None else ""
    if slot == "poss":
        arg = _child(token, "poss")
        return ctx.actor_ids(arg), "poss" if arg is not None else ""
    if slot == "mod":
        ids: list[str] = []
        for child in token.children:
            if child.dep_ in _MOD_DEPS and child not in m.extras and child.i < token.i:
                ids.extend(ctx.actor_ids(child))
                if _lemma(child) == "lead":  # "Saudi-led airstrikes": the leader's
                    ids.extend(
                        i
                        for c in child.children
                        if c.dep_ in ("npadvmod", "compound", "nmod")
                        for i in ctx.actor_ids(c)
                    )
        if not ids and ctx.actors is not None and (a := ctx.actors.actor_at(token)) is not None:
            # The trigger is inside an actor's noun phrase ("U.S.-backed opposition").
            mention = ctx.actors.mention_at(token)
            if mention is not None and mention.end - 1 != token.i:
                ids.append(a.id)
        return list(dict.fromkeys(ids)), "mod" if ids else ""
    if slot == "head":
        head = token.head if token.dep_ in ("amod", "compound", "acl") else None
        if head is None:
            return [], ""
        mention = ctx.actors.mention_at(head) if ctx.actors is not None else None
        if mention is not None and mention.start <= token.i < mention.end:
            # "U.S.-backed opposition": the trigger sits inside the head's own mention.
            return [ctx.actors.actors[mention.actor].id], "head"
        return ctx.actor_ids(head), "head"
    # A preposition: its object on the trigger, else on the support verb.
    places = [token, *m.extras] + ([support] if support is not None else [])
    if slot in _LOCATIVE and is_verb and (obj := _child(token, "dobj")) is not None:
        places.append(obj)  # "deposited $3bn *in* Pakistan's central bank", hung on the sum
    if not is_verb and support is None and m.token.head.pos_ in ("VERB", "AUX"):
        places.append(m.token.head)
    if m.token.dep_ == "compound" and ctx.in_class(m.token.head, "transparent"):
        places.append(m.token.head)  # "a mediation mission between Syria and the PLO"
    if m.entry.pos == "NOUN" and slot not in _LOCATIVE and slot != "of":
        places.extend(_prep_objects(m.token, "of"))  # "the withdrawal of forces from Panama"
    if slot in _TRAILING_PREPS and is_verb:
        # "shared intelligence on the network *with Sweden*": the parser hangs a verb's
        # closing argument on the last noun of its object.
        # "talks with X" are the talks' own partner, not the verb's.
        trailing = [*_trailing_nouns(_child(token, "dobj"))]
        for prep in (c for c in token.children if c.dep_ == "prep" and c.i > token.i):
            trailing.extend(c for c in prep.children if c.dep_ == "pobj")  # "on the ring with X"
        places.extend(t for t in trailing if not _act_noun(ctx, t))
    for place in places:
        objs = _prep_objects(place, slot)
        if slot == "by" and place == m.token and m.entry.pos == "NOUN":
            objs = _agents(place)  # "killings committed by paramilitaries"
        if slot in _LOCATIVE:
            # "in", "at": a place or a named actor, never something inside a longer phrase
            # ("in support of the regime's offensive").
            named = (o if ctx.actors.actor_at(o) else _place_of(ctx, o) for o in objs)
            # The first place is where it happens; a second one locates the first.
            objs = [o for o in named if o is not None][:1] if ctx.actors is not None else []
        ids = [i for obj in objs for i in ctx.actor_ids(obj)]
        if ids:
            return list(dict.fromkeys(ids)), f"prep:{slot}"
    return [], ""


_NAMING = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
_TRAILING_PREPS = frozenset({"with", "to", "against"})
_ANAPHORIC = frozenset({"the", "this", "these", "that", "those"})


def _trailing_nouns(obj: Token | None) -> list[Token]:
    """An object and the noun closing its phrase through its last prepositional phrase:
    "*intelligence* on *the network*"."""
    if obj is None:
        return []
    last = [c for c in obj.children if c.dep_ == "prep" and c.i > obj.i]
    if not last or last[-1].right_edge.i != obj.right_edge.i:
        return [obj]
    return [obj, *(c for c in last[-1].children if c.dep_ == "pobj")]


def _act_noun(ctx: _Context, noun: Token) -> bool:
    """Whether a noun reports an act (a nominal trigger) rather than naming an actor."""
    if noun.pos_ != "NOUN" or (ctx.actors is not None and ctx.actors.actor_at(noun)):
        return False
    return bool(ctx.lex.entries.get((_lemma(noun), "NOUN")))


def _doers(ctx: _Context, noun: Token) -> list[str]:
    """Who did the act a noun reports: "*Serbia's* suppression", "*Russian* airstrikes",
    "the arrest of X *by police*"; none when it is not said."""
    owners = [c for c in noun.children if c.dep_ in ("poss", *_MOD_DEPS) and c.i < noun.i]
    ids = [i for t in (*owners, *_agents(noun)) for i in ctx.actor_ids(t)]
    if not ids and any(c.dep_ == "det" and c.lower_ in _ANAPHORIC for c in noun.children):
        # "Police arrested nine reporters. … condemned *the arrests*": the act told before
        entries = ctx.lex.entries[(_lemma(noun), "NOUN")]
        entry = next((e for e in entries if not e.extras), entries[-1])  # the bare noun's
        told = [
            d for d in ctx.drafted if d.actor and d.type == entry.type and d.trigger[1] <= noun.idx
        ]
        ids = told[-1].actor if told else []
    return list(dict.fromkeys(ids))


def _bare(noun: Token) -> bool:
    """Whether a noun is a bare common noun: "*some troops*", "*its* troops" (not "Russian
    troops", "the rebels' forces")."""
    return (
        noun.pos_ == "NOUN"
        and noun.ent_type_ not in _NAMING
        and not any(
            c.ent_type_ in _NAMING or c.pos_ == "PROPN" or (c.dep_ == "poss" and c.pos_ != "PRON")
            for c in noun.children
        )
    )


def _bare_of_object(noun: Token) -> bool:
    """Whether a noun's "of" object is bare: "the withdrawal of *some troops*"."""
    objs = _prep_objects(noun, "of")
    return bool(objs) and all(_bare(o) for o in objs)


def _roles(ctx: _Context, m: _Match, support: Token | None) -> tuple[list[str], list[str], str]:
    actors: list[str] = []
    recipients: list[str] = []
    paths = []
    slots = m.entry.actor
    if m.entry.pos == "NOUN" and "subj" not in slots:
        slots = (*slots, "subj")
    for slot in slots:
        if slot == "of" and support is not None and _bare_of_object(m.token):
            # "the US sped up the withdrawal of some forces": who does it is the subject.
            ids, path = _slot(ctx, m, "subj", support)
            if ids:
                actors = ids
                paths.append(path)
                break
        ids, path = _slot(ctx, m, slot, support)
        if ids:
            actors = ids
            paths.append(path)
            break
    # "Pompeo hopeful about talks with Putin": the clause's subject is the other side.
    partnered = m.entry.pos == "NOUN" and "reciprocal" in m.entry.flags
    if not actors and partnered and _prep_objects(m.token, "with"):
        clause = _clause_verb(m.token)
        subj, path = _verb_subject(clause) if clause is not None else (None, "")
        actors = ctx.actor_ids(subj)
        if actors and clause is not None:
            paths.append(f"{path}<-{_lemma(clause)}")
    for slot in m.entry.recipient:
        ids, path = _slot(ctx, m, slot, support)
        ids = [i for i in ids if i not in actors]
        if ids:
            recipients = ids
            paths.append(path)
            break
    if not recipients and m.entry.type in ("ASSAULT", "MOBILIZE"):
        # "airstrikes in support of the regime's offensive against Idlib"
        scope = support if support is not None else m.token
        for t in scope.subtree:
            if t.lower_ == "against" and t.dep_ == "prep" and abs(t.i - m.token.i) < 12:
                ids = [i for o in _prep_objects(t.head, "against") for i in ctx.actor_ids(o)]
                if ids:
                    recipients = [i for i in ids if i not in actors]
                    paths.append("~prep:against")
                    break
    if m.more_recipients and not recipients:
        recipients = [i for t in m.more_recipients for i in ctx.actor_ids(t) if i not in actors]
    lemma = m.entry.head
    actor_path = paths[0] if actors and paths else ""
    recipient_path = paths[-1] if recipients and paths else ""
    path = f"{actor_path}<-{lemma}->{recipient_path}".strip("<->") or lemma
    if actor_path and not recipient_path:
        path = f"{actor_path}<-{lemma}"
    elif recipient_path and not actor_path:
        path = f"{lemma}->{recipient_path}"
    return actors, recipients, path


# --------------------------------------------------------------------------- modality, time, place


@dataclass(frozen=True, slots=True)
class _Mood:
    """What the clause around a trigger says about it."""

    modality: str
    background: bool  # undated past ("had fought", "have fought ... throughout")
    intent: bool  # stated as the actor's will: "will", "would" (reported), "plans to"
    conditional: bool  # under "if"/"unless", or a question
    condition: bool  # has an "if"/"unless" clause of its own: "will withdraw unless ..."
    controls: tuple[str, ...]  # lemmas of the verbs it is the complement of


_WILL = frozenset({"will", "'ll", "wo", "shall"})


def _modality(ctx: _Context, m: _Match, predicate: Token) -> _Mood:
    """Return the modality of a match and how it is stated."""
    table = ctx.lex.modality
    found: str | None = m.forced
    background = intent = conditional = False
    controls: list[str] = []
    condition = _conditioned(predicate)
    if m.token is not predicate and m.token.dep_ in _SUBJ and ctx.in_class(predicate, "collapse"):
        found = "negated"  # "talks broke down", "the truce collapsed"
    if (
        m.token is not predicate
        and m.token.dep_ in ("dobj", *_PASS_SUBJ)
        and ctx.in_class(m.token.head, "cancel")
    ):
        found = "negated"  # "scuppered the planned strike", "the rally was cancelled"
    if m.token is not predicate:
        # What a nominal event is the object of: "feared retaliation", "the risk of war",
        # "averted a strike".
        holder = m.token.head if m.token.dep_ == "dobj" else None
        if m.token.dep_ == "pobj" and m.token.head.lower_ in ("of", "for"):
            holder = m.token.head.head  # "the risk of war", "braced for an attack"
        if holder is not None and (value := table.get((_lemma(holder), "object"))):
            found = _stronger(found, value)
        for child in m.token.children:
            if child.dep_ == "det" and (value := table.get((child.lower_, "det"))):
                found = _stronger(found, value)
            if child.dep_ == "neg":
                found = "negated"
    node = predicate
    governed = False  # an "if"/"unless" clause on a verb up the chain: "if X, Y could ask"
    for _ in range(6):
        # Not on a past verb: "threatened to close the strait if ..." is a threat made, its
        # condition the threat's content wherever the parser hangs it.
        if node.tag_ != "VBD":
            governed = governed or _conditioned(node)
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or (
                child.dep_ == "advmod" and table.get((low, "adv")) == "negated"
            ):
                found = "negated"
            elif child.dep_ in ("aux", "auxpass") and (value := table.get((low, "aux"))):
                reported = (
                    low == "would" and node.dep_ == "ccomp" and _reports(ctx, node.head, node)
                )
                if reported and not _conditioned(node):
                    value = "future"  # "announced it would withdraw": future in the past
                # "said that if the talks fail, it would ask ...": a conditional, still the
                # stated will of the reported side (a conditional offer or threat).
                intent = intent or value == "future" or low in _WILL or reported
                found = _stronger(found, value)
            elif child.dep_ == "aux" and low == "had" and node.tag_ == "VBN":
                # Past perfect is background, except as the backshift of reported speech
                # ("said it had killed").
                background = background or not (
                    node.dep_ == "ccomp" and ctx.in_class(node.head, "reporting")
                )
            elif child.dep_ in ("mark", "advmod") and (
                value := table.get((low, "mark" if child.dep_ == "mark" else "adv"))
            ):
                conditional = conditional or child.dep_ == "mark"
                found = _stronger(found, value)
            elif child.dep_ in ("prep", "advmod") and table.get((low, "background")):
                background = True
        if found == "negated" and not intent:
            break
        if node.dep_ == "xcomp" or (
            node.dep_ in ("acomp", "prep", "pcomp") and node.head.pos_ != "NOUN"
        ):
            control = node.head
            value = table.get((_lemma(control), "control"))
            controls.append(_lemma(control))
            if value == "asserted":
                node = control
                continue
            if value is not None:
                # "plans to", and refusals ("refused to accept", the verb a REJECT trigger);
                # a failure is no refusal: "failed to reach agreement" is a negated AGREE.
                refusal = value == "negated" and any(
                    e.type == "REJECT" and "negate" not in e.flags
                    for e in ctx.lex.entries.get((_lemma(control), "VERB"), ())
                )
                intent = intent or value == "future" or refusal
                found = _stronger(found, value)
            node = control
            continue
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            value = table.get((_lemma(node.head.head), "control"))
            if value:
                found = _stronger(found, value)
            node = node.head.head
            continue
        if node.dep_ in ("conj",) and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
            continue
        if node.dep_ == "advcl" and not any(
            c.dep_ == "mark" or c.lower_ in _PLACE_WH for c in node.children
        ):
            # Not into a "where" clause: "projects we can build where we have common
            # interests" states the interests.
            node = node.head
            continue
        if node.dep_ == "relcl" and any(c.lower_ in ("have", "has") for c in node.children):
            background = True
        break
    if found is None and node.dep_ == "acl" and node.head.pos_ in ("NOUN", "PROPN"):
        # An act a noun announces: "any attempt to blockade X", "no plan to attack", "a
        # plan to meet".
        noun = node.head
        dets = [table.get((c.lower_, "det")) for c in noun.children if c.dep_ == "det"]
        found = next((v for v in dets if v), None) or table.get((_lemma(noun), "control"))
        if noun.dep_ in ("dobj", *_PASS_SUBJ) and ctx.in_class(noun.head, "cancel"):
            found, intent = "negated", True  # "scrapped its plan to meet": a dropped intention
    infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in predicate.children)
    if (
        found is None
        and infinitive
        and predicate.dep_ in ("advcl", "acl", "relcl")
        # gathering or marching to protest is already the protest
        and m.type != "PROTEST"
    ):
        found = "future"  # a purpose clause: "flew to Cairo to meet the president"
    if governed and found in (None, "future"):
        found = "hypothetical"  # "if the talks fail, the government will ask the army ..."
    sent = m.token.sent
    if sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?"):
        found = found if found == "negated" else "hypothetical"
        conditional = True
    return _Mood(found or "asserted", background, intent, conditional, condition, tuple(controls))


def _stronger(found: str | None, value: str) -> str:
    """The modality so far, after a cue further up the chain: the nearest cue wins, except
    that a possibility makes an intention hypothetical ("could decide to ask")."""
    if found == "future" and value == "hypothetical":
        return value
    return found or value


def _conditioned(verb: Token) -> bool:
    """Whether a verb has an "if"/"unless" clause of its own: "will withdraw unless ..."."""
    return any(
        c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children)
        for c in verb.children
    )


def _ultimatum(verb: Token) -> bool:
    """Whether a verb has an "unless" clause of its own: "will strike unless X pays"."""
    return any(
        c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children)
        for c in verb.children
    )


def _reports(ctx: _Context, verb: Token, clause: Token) -> bool:
    """Whether a past reporting verb introduces the clause ("announced it would ...")."""
    return ctx.in_class(verb, "reporting") and verb.tag_ in ("VBD", "VBN") and verb.i < clause.i


def _date(
    ctx: _Context, m: _Match, predicate: Token, modality: str
) -> tuple[str | None, str | None]:
    """The date expression governing the trigger's clause, resolved."""
    for node in (m.token, predicate):
        for child in node.children:
            target = None
            if child.dep_ in ("npadvmod", "tmod", "advmod", "nmod") and child.i in ctx.ent_at:
                target = child
            elif child.dep_ == "prep" and child.lower_ in _DATE_PREPS:
                target = next(
                    (c for c in child.children if c.dep_ == "pobj" and c.i in ctx.ent_at), None
                )
            if target is None:
                continue
            ent = ctx.ent_at[target.i]
            if ent.label_ not in ("DATE", "TIME"):
                continue
            if ctx.actors is not None and any(ctx.actors.actor_at(t) for t in ent):
                continue  # a country the tagger took for a date: "in northern *Niger*"
            direction = "future" if modality == "future" else "past"
            text = ent.text
            if child.dep_ == "prep":
                text = f"{child.text} {text}"
            iso, _ = resolve_date(text, ctx.published, direction)
            return iso, ent.text
    return None, None


def _location(
    ctx: _Context, m: _Match, predicate: Token, recipient_tokens: list[Token]
) -> Location | None:
    nodes = [m.token, predicate]
    nodes += [c for n in nodes for c in n.children if c.dep_ == "dobj"]  # "struck targets in X"
    for node in nodes:
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ in _LOCATION_PREPS:
                for obj in child.children:
                    ent = ctx.ent_at.get(obj.i)
                    if obj.dep_ == "pobj" and ent is not None and ent.label_ in _PLACE_LABELS:
                        place = locate(ent.text)
                        if place is not None:
                            return place
    for token in recipient_tokens:
        ent = ctx.ent_at.get(token.i)
        if ent is not None and ent.label_ in _PLACE_LABELS:
            place = locate(ent.text)
            if place is not None:
                return place
    return None


def _attribution(ctx: _Context, token: Token, predicate: Token) -> str | None:
    """The actor an event is reported by: a quote's speaker, or the subject of a reporting verb."""
    speaker = ctx.speaker_at(token.idx)
    if speaker is not None:
        return speaker
    node = predicate
    for _ in range(6):
        if node.dep_ in _REPORT_DEPS and node.head.pos_ in ("VERB", "AUX"):
            subj, _ = _verb_subject(node.head)
            ids = ctx.actor_ids(subj)
            if ids:
                return ids[0]
            return None
        if node.dep_ in ("ROOT",) or node.head is node:
            break
        node = node.head
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for obj in (
                o for c in child.children for o in ([c] if c.dep_ == "pobj" else c.children)
            ):
                ids = ctx.actor_ids(obj)
                if ids:
                    return ids[0]
    return None


# --------------------------------------------------------------------------- events


@dataclass(slots=True)
class _Draft:
    """An event before merging."""

    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str
    actor: list[str]
    recipient: list[str]
    modality: str
    date: str | None
    date_text: str | None
    location: Location | None
    trigger: tuple[int, int]
    evidence: tuple[int, int]
    attributed_to: str | None
    confidence: float
    headline: bool
    why: Why
    count: int = 1
    conditions: tuple[tuple[int, int], ...] = ()  # character spans of a threat's if/unless


def _aim(m: _Match, inner: _Match) -> bool:
    """Whether an act's infinitive complement only says what the act is for: the same kind
    of act, or a grievance of an official protest ("summoned the ambassador *to protest*")."""
    return inner.type == m.type or (m.type == "ACCUSE" and inner.type in _GRIEVANCES)


def _forecast(ctx: _Context, warning: Token, head: Token) -> bool:
    """Whether a warning's content is someone else's act: a forecast, not a threat.

    "Iran warned it would strike", "warned that its forces would respond", "warned
    Russia that it would face sanctions" threaten; "Analysts warn that Ethiopia could
    attack Eritrea" foretells Ethiopia's act, coded on its own (hypothetical).
    """
    if (
        _lemma(warning) != "warn"
        or head.dep_ != "ccomp"
        or head.pos_ not in ("VERB", "AUX")
        or _passive(head)
    ):
        return False
    subj, _ = _verb_subject(head)
    if subj is None or subj.pos_ == "PRON" or subj.i < warning.i:
        return False
    if any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE for c in subj.children):
        return False  # "its forces would respond"
    sides = set(ctx.actor_ids(_verb_subject(warning)[0]))
    sides |= set(ctx.actor_ids(_verb_object(warning)[0]))
    doers = set(ctx.actor_ids(subj))
    if doers & sides:
        return False
    countries = {a.id: a.country for a in ctx.actors.actors} if ctx.actors is not None else {}
    own = {countries.get(i) for i in sides} - {None}
    return not (doers and {countries.get(i) for i in doers} <= own)


def _absorb(ctx: _Context, matches: list[_Match]) -> None:
    """Let content-taking triggers absorb their complements; fold noun subjects into verbs."""
    by_token = {m.token.i: m for m in matches}
    for m in matches:
        if "content" in m.entry.flags:
            for head in _content_head(ctx, m.token):
                inner = by_token.get(head.i)
                if inner is None or inner is m or inner.absorbed_by is not None:
                    continue
                if "negate" in m.entry.flags and (
                    head.dep_ in ("xcomp", "ccomp", "pcomp")
                    or head.pos_ == "VERB"
                    # "denied carrying out airstrikes": the act its support verb does
                    or (
                        head.dep_ == "dobj"
                        and head.head.dep_ in ("xcomp", "ccomp", "pcomp")
                        and ctx.in_class(head.head, "support")
                    )
                    # "denied responsibility for the attack": the act it would answer for
                    or (head.dep_ == "pobj" and ctx.in_class(head.head.head, "answerable"))
                    # "denied the attack" (not "denied the request": a refusal)
                    or (
                        head.dep_ == "dobj"
                        and head.head == m.token
                        and codes.quad_class(inner.type) == 4
                    )
                ):
                    inner.forced = "negated"
                    m.dropped = True
                elif (
                    m.type == "AGREE"
                    and "promise" not in m.entry.flags
                    and codes.quad_class(inner.type) >= 3
                    and _child(head, "neg") is None  # "agreed not to attack": an assurance
                ):
                    m.dropped = True  # "agreed new sanctions": a decision, the act itself
                elif m.type == "THREATEN" and _forecast(ctx, m.token, head):
                    m.dropped = True  # "analysts warn that Ethiopia could attack Eritrea"
                else:
                    inner.absorbed_by = m.token.i
                    m.content.append(inner)
        # The aim of an act is its topic, not another event: "began a hunger strike to
        # protest", "blocked roads to press demands", "telephoned to discuss" (PLOVER
        # manual, PROTEST). The clause may hang from the trigger or from its support verb.
        anchors = [m.token]
        if m.entry.pos == "NOUN":
            # Only the verb that does the act ("used tear gas to disperse"), not one the
            # noun is an adjunct of ("despite warnings, refused to lift").
            predicate, support = _governor(ctx, m.token)
            if support is not None or (m.token.dep_ == "dobj" and m.token.head == predicate):
                anchors.append(predicate)
        for anchor in anchors:
            for clause in anchor.children:
                inner = by_token.get(clause.i)
                if (
                    inner is None
                    and m.type == "PROTEST"
                    and clause.pos_ == "VERB"
                    and _child(clause, "mark") is None  # not "unless Israel rescinded ..."
                ):
                    # "blocked roads to press their demands": the demand is the protest's aim.
                    obj = _child(clause, "dobj")
                    inner = by_token.get(obj.i) if obj is not None else None
                if inner is None or inner is m or inner.absorbed_by is not None:
                    continue
                # "used tear gas to disperse": an xcomp of the support verb is a purpose too.
                # "summoned the ambassador to protest": one act, told with its aim.
                purpose = (
                    clause.dep_ == "advcl"
                    or (clause.dep_ == "xcomp" and (anchor is not m.token or _aim(m, inner)))
                ) and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
                topic = m.type == "PROTEST" and clause.dep_ in ("advcl", "xcomp")
                if purpose or topic:  # "marched through the capital demanding ..."
                    inner.absorbed_by = m.token.i
                    if purpose and m.type == "MOBILIZE" and inner.type == "AID":
                        # forces sent to rescue or feed people are aid (PLOVER, MOBILIZE)
                        m.type, m.mode, m.cameo = inner.type, inner.mode, inner.cameo
                    if (m.type == "PROTEST" or inner.type == m.type) and not m.content:
                        # its aim, or the same act it makes way for ("opened the border to
                        # allow deliveries to X"), names its recipient
                        m.content.append(inner)
        if "means" in m.entry.flags:
            # "retaliated by expelling diplomats", "retaliated with tariffs": the act is
            # what its means are (PLOVER codes what was done, not why).
            for arg in (*_prep_objects(m.token, "by"), *_prep_objects(m.token, "with")):
                inner = by_token.get(arg.i)
                if inner is not None and inner is not m and inner.absorbed_by is None:
                    inner.absorbed_by = m.token.i
                    m.type, m.mode, m.cameo = inner.type, inner.mode, inner.cameo
                    m.content.insert(0, inner)
                    break
        if (
            m.entry.pos == "VERB"
            and not m.dropped  # "agreed new sanctions": the sanctions are the act itself
            and (
                codes.quad_class(m.type) in (1, 3)
                or m.type == "PROTEST"
                or "means" in m.entry.flags
            )
        ):
            # What a statement is about: "rejected an appeal", "conceded to demands",
            # "called off a strike", "vowed to respond to the attack" (on a verb of the
            # trigger's own pattern); what a reprisal answers: "retaliated against the
            # tariffs" — the nominal event is its topic.
            verbs = [m.token, *(t for t in m.extras if t.pos_ == "VERB")]
            for child in (c for verb in verbs for c in verb.children):
                args = [child] if child.dep_ in ("dobj", "nsubjpass") else []
                if child.dep_ == "prep":
                    args = [c for c in child.children if c.dep_ == "pobj"]
                if "means" in m.entry.flags:
                    # "retaliated against earlier rounds of sanctions"
                    args += [
                        o
                        for a in args
                        if ctx.in_class(a, "transparent")
                        for o in _prep_objects(a, "of")
                    ]
                for arg in args:
                    inner = by_token.get(arg.i)
                    if (
                        inner is not None
                        and inner.entry.pos == "NOUN"
                        and inner.absorbed_by is None
                    ):
                        inner.absorbed_by = m.token.i
                        if not m.content:
                            m.content.append(inner)
            if "means" in m.entry.flags and m.type == m.entry.type and m.content:
                # No means named: a reprisal answers in kind ("retaliate against the
                # tariffs" is a sanction), a material one at least.
                answered = m.content[0]
                if codes.quad_class(answered.type) == 4:
                    m.type, m.mode, m.cameo = answered.type, answered.mode, answered.cameo
        if m.token.pos_ == "VERB" and m.entry.pos == "VERB":
            subj = _child(m.token, _SUBJ)
            noun = by_token.get(subj.i) if subj is not None else None
            if noun is not None and noun.entry.pos == "NOUN" and noun.type == m.type:
                obj, _ = _verb_object(m.token)
                if obj is not None:
                    noun.more_recipients.append(obj)
                m.dropped = True
    for m in matches:
        if not m.content:
            continue
        inner = m.content[0]
        refused = m.type == "AGREE" and _child(inner.token, "neg") is not None
        if refused and codes.quad_class(inner.type) <= 2:
            # "vowed not to withdraw", "agreed not to release them": a refusal to yield
            cameo, mode = _REJECT_BY_CONTENT.get(inner.type, ("120", None))
            m.type, m.mode, m.cameo = "REJECT", mode, cameo
        elif refused:
            m.cameo = "030"  # "vowed not to attack": an assurance, no threat
        elif "promise" in m.entry.flags:
            if codes.quad_class(inner.type) >= 3:
                cameo, mode = _THREAT_BY_CONTENT.get(inner.type, ("130", None))
                m.type, m.mode, m.cameo = "THREATEN", mode, cameo
            elif m.type == "AGREE":
                m.cameo = _AGREE_BY_CONTENT.get(inner.type, m.cameo)
        elif m.type == "AGREE":
            m.cameo = _AGREE_BY_CONTENT.get(inner.type, m.cameo)
        elif m.type == "REQUEST" and inner.type in _REQUEST_BY_CONTENT:
            m.cameo, m.mode = _REQUEST_BY_CONTENT[inner.type]
        elif m.type == "REJECT" and inner.type in _REJECT_BY_CONTENT:
            m.cameo, m.mode = _REJECT_BY_CONTENT[inner.type]
        elif m.type == "THREATEN" and inner.type in _THREAT_BY_CONTENT:
            m.cameo, m.mode = _THREAT_BY_CONTENT[inner.type]


_LOCATIVE = frozenset({"in", "at", "near", "inside", "outside", "along"})
_THIRD_PERSON = frozenset({"it", "they", "he", "she"})
_POSSESSIVE = frozenset({"its", "their", "his", "her"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
_ARGUMENT_PREPS = ("with", "to", "on", "against", "from", "into", "between", "for")
_REACTION_PREPS = ("against", "at", "of", "over", "to", "for")
_AIM_PREPS = (*_ARGUMENT_PREPS, "at", "of", "over")  # "to show their anger *at* X"
_PLACE_PREPS = ("in", "into", "at", "outside")


def _content_recipients(ctx: _Context, m: _Match, actors: list[str]) -> list[str]:
    """Who the content of an agreement, refusal or demand is about: "agreed to lift
    embargoes on Iran", "offered to negotiate with Armenia", "agreed to US mediation"."""
    for head in _content_head(ctx, m.token):
        candidates: list[Token] = []
        if _own_means(ctx, head):
            continue  # "called on allies to station more troops"
        if head.pos_ in ("VERB", "AUX"):
            obj, _ = _verb_object(head)
            named = obj is not None and not _bare(obj)
            candidates.extend([obj] if named else [])
            candidates.extend(o for p in _ARGUMENT_PREPS for o in _prep_objects(head, p))
            # "pledged to send more air defence systems *to Ukraine*": a bare object is the
            # thing handed over, the named side the recipient.
            candidates.extend([obj] if obj is not None and not named else [])
            candidates.extend(
                o
                for c in head.children
                if c.dep_ == "dobj"
                for p in _ARGUMENT_PREPS
                for o in _prep_objects(c, p)
            )
        else:
            candidates.extend(c for c in head.children if c.dep_ in ("poss", *_MOD_DEPS))
            candidates.extend(o for p in _ARGUMENT_PREPS for o in _prep_objects(head, p))
        for token in candidates:
            if _own_means(ctx, token) or _indirect_beneficiary(ctx, token):
                continue
            ids = [i for i in ctx.actor_ids(token) if i not in actors]
            if ids:
                return ids
    return []


def _partner_recipients(ctx: _Context, m: _Match, actors: list[str]) -> list[str]:
    """The other side named inside the trigger's own argument: "boycott all contact *with*
    the United States", "reneged on his commitment *to* the people"."""
    if m.entry.pos == "NOUN" or m.type == "ASSAULT":
        return []  # an attack's object is its target, not a go-between
    args = [a for a in (_verb_object(m.token)[0],) if a is not None]
    args += [t for t in m.extras if t.pos_ in ("NOUN", "PROPN")]
    args += [o for slot in m.entry.recipient for o in _prep_objects(m.token, slot)]
    for arg in args:
        for prep in _ARGUMENT_PREPS:
            objs = [
                o
                for o in _prep_objects(arg, prep)
                if not _own_means(ctx, o) and not _indirect_beneficiary(ctx, o)
            ]
            ids = [i for o in objs for i in ctx.actor_ids(o) if i not in actors]
            if ids:
                return ids
    return []


def _indirect_beneficiary(ctx: _Context, noun: Token) -> bool:
    """A "for" object counts only when it names an actor itself: "aid *for Romania*", not
    "wait for the UN report"."""
    return (
        noun.head.lower_ == "for" and ctx.actors is not None and ctx.actors.actor_at(noun) is None
    )


def _own_means(ctx: _Context, noun: Token) -> bool:
    """An unnamed force is the actor's own means, not the other side: "send 4,000 troops",
    "a call for its peacekeeping forces to be deployed"."""
    return _bare(noun) and ctx.in_class(noun, "force")


def _clause_recipients(ctx: _Context, m: _Match, predicate: Token, actors: list[str]) -> list[str]:
    """Recipients from a clause the event governs.

    A threat's condition names whom it is aimed at ("threatened to stop the talks if the
    United States goes ahead"); force used for a purpose names its target ("opened fire
    to disperse the demonstrators").
    """
    heads = [predicate, *(_content_head(ctx, m.token) if "content" in m.entry.flags else ())]
    for head in heads:
        for clause in head.children:
            if clause.dep_ not in ("advcl", "xcomp") or (
                clause.dep_ == "xcomp" and m.entry.pos != "NOUN"
            ):
                continue
            marks = {c.lower_ for c in clause.children if c.dep_ in ("mark", "aux")}
            if m.type == "PROTEST" and "to" in marks:
                # "blocked a road to show their disapproval of X's policies"
                obj, _ = _verb_object(clause)
                args = [obj] if obj is not None else []
                args += [o for a in list(args) for p in _AIM_PREPS for o in _prep_objects(a, p)]
                # "stopped work to protest *at* the arrest of their leaders by police"
                args += [o for p in _AIM_PREPS for o in _prep_objects(clause, p)]
                ids = [i for a in args for i in ctx.actor_ids(a) if i not in actors]
                if ids:
                    return ids
                continue
            if m.type == "THREATEN" and marks & {"if", "unless"}:
                subj, _ = _verb_subject(clause)
            elif m.type in ("ASSAULT", "COERCE", "MOBILIZE") and "to" in marks:
                subj, _ = _verb_object(clause)
                if subj is not None and ctx.actors is not None and not ctx.actors.actor_at(subj):
                    continue  # only a named target: not "to prevent the overthrow of X"
            else:
                continue
            ids = [i for i in ctx.actor_ids(subj) if i not in actors]
            if ids:
                return ids
    if m.entry.pos == "NOUN" and m.type in ("ASSAULT", "COERCE", "MOBILIZE", "THREATEN"):
        # "drills encircling Taiwan", "strikes targeting Houthi positions": a participle on
        # the act names what it is aimed at.
        for clause in m.token.children:
            if clause.dep_ == "acl" and clause.tag_ == "VBG":
                obj, _ = _verb_object(clause)
                ids = [i for i in ctx.actor_ids(obj) if i not in actors]
                if ids:
                    return ids
    return []


def _reaction_recipients(
    ctx: _Context, m: _Match, predicate: Token, support: Token | None, actors: list[str]
) -> list[str]:
    """Whom an act answers: "in protest at X's decision", "in defiance of X",
    "in retaliation for X's raid" (the ``reaction`` class of ``en_event_classes.tsv``)."""
    nodes = [m.token, predicate, *([support] if support is not None else ())]
    nodes += [c for n in nodes for c in n.children if c.dep_ == "dobj"]
    for node in dict.fromkeys(nodes):
        for noun in _prep_objects(node, "in"):
            if not ctx.in_class(noun, "reaction"):
                continue
            preps = [c for c in noun.children if c.dep_ == "prep"]
            after = noun.nbor() if noun.i + 1 < len(noun.doc) else None
            if after is not None and after.dep_ == "prep":
                preps.append(after)  # "in protest at ...", the "at" hung on the verb
            for prep in preps:
                if prep.lower_ not in _REACTION_PREPS:
                    continue
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                ids = [i for o in objs for i in ctx.actor_ids(o) if i not in actors]
                if ids:
                    return ids
    return []


def _place_of(ctx: _Context, token: Token) -> Token | None:
    """The named place a locative object stands for: "Kirkuk", "the town *of* Cizre",
    "a jail *in* northern Israel"."""
    if _is_place(ctx, token):
        return token
    if ctx.in_class(token, "boundary") and ctx.actors is not None:
        # "near its border with Lithuania", "near the Ukrainian border": the other side
        sides = _prep_objects(token, "with") + [
            c for c in token.children if c.dep_ in ("amod", "compound") and ctx.actors.actor_at(c)
        ]
        if sides:
            return sides[0]
    if ctx.in_class(token, "place"):
        # "the town of X" names a place whatever label the tagger gave X; so does "X
        # province", "Russia's X region".
        named = [o for o in _prep_objects(token, "of") if o.pos_ == "PROPN"]
        named += [c for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        if named:
            return named[0]
    return next((o for o in _prep_objects(token, "in") if _is_place(ctx, o)), None)


def _is_place(ctx: _Context, token: Token) -> bool:
    """A place name: tagged as one, or resolved to a state or place actor."""
    ent = ctx.ent_at.get(token.i)
    if ent is not None and ent.label_ in _PLACE_LABELS:
        return True
    actor = ctx.actors.actor_at(token) if ctx.actors is not None else None
    return actor is not None and actor.kind in ("state", "place") and token.pos_ == "PROPN"


def _place_recipients(
    ctx: _Context, m: _Match, predicate: Token, support: Token | None, actors: list[str]
) -> list[str]:
    """A place the event is done in stands for its recipient: "lifted the curfew in Montenegro"."""
    nodes = [m.token, *m.extras] + ([support] if support is not None else [])
    if m.token.dep_ in ("advcl", "xcomp") and _child(m.token, "aux") is not None:
        nodes.append(m.token.head)  # "drove into Athens to protest": where the protest is
    if "content" in m.entry.flags:
        nodes += _content_head(ctx, m.token)  # "threatened to ban voting in East Jerusalem"
    nodes += [c for n in list(nodes) for c in n.children if c.dep_ == "dobj"]
    # "fired at targets in Jericho"
    nodes += [o for n in list(nodes) for slot in m.entry.recipient for o in _prep_objects(n, slot)]
    # "ready to contribute troops to a force in Liberia": where the act is directed
    nodes += [o for n in list(nodes) for o in _prep_objects(n, "to")]
    for node in nodes:
        for obj in (o for p in _PLACE_PREPS for o in _prep_objects(node, p)):
            place = _place_of(ctx, obj)
            if place is not None:
                ids = [i for i in ctx.actor_ids(place) if i not in actors]
                if ids:
                    return ids[:1]
    return []


def _draft(ctx: _Context, m: _Match) -> _Draft | None:
    if m.entry.pos == "NOUN":
        predicate, support = _governor(ctx, m.token)
        # "in support of", "in response to": a bare noun in an adverbial phrase is no event.
        if (
            m.token.dep_ == "pobj"
            and m.token.head.lower_ in ("in", "as")
            and not any(c.dep_ in ("det", "poss", "amod", "compound") for c in m.token.children)
            and _prep_objects(m.token, "of")
            + _prep_objects(m.token, "to")
            + _prep_objects(m.token, "for")
        ):
            return None
        partner = "reciprocal" in m.entry.flags and _prep_objects(m.token, "with")
        if m.token.dep_ == "pobj" and m.token.head.lower_ in _TOPIC_PREPS and not partner:
            return None
        if "needsupport" in m.entry.flags and support is None:
            return None  # "used chemical weapons", not "possesses chemical weapons"
    else:
        predicate, support = (m.token.head if m.token.dep_ == "acomp" else m.token), None
    actors, recipients, path = _roles(ctx, m, support)
    if m.type in ("REQUEST", "THREATEN", "ACCUSE") and not recipients:
        # "demanded that Germany pay", "urged the army to withdraw"
        for clause in _clauses_of(m.token):
            if clause.pos_ in ("VERB", "AUX"):
                subj, _ = _verb_subject(clause)
                recipients = [i for i in ctx.actor_ids(subj) if i not in actors]
                if recipients:
                    path = f"{path}->ccomp:nsubj"
                    break
    if m.content and not recipients:
        inner = m.content[0]
        inner_support = _governor(ctx, inner.token)[1] if inner.entry.pos == "NOUN" else None
        inner_actors, inner_recipients, _ = _roles(ctx, inner, inner_support)
        if m.type in ("ACCUSE", "REQUEST", "REJECT"):
            recipients = [i for i in inner_actors if i not in actors] or recipients
        if m.type == "REQUEST" and not recipients:
            # "called for sanctions against Nigeria"
            recipients = [i for i in inner_recipients if i not in actors]
        if m.type in ("THREATEN", "AGREE", "PROTEST", inner.type) or "means" in m.entry.flags:
            # "marched demanding the resignation of the president"; "retaliated by
            # expelling British diplomats"; "opened the border to allow deliveries to X"
            recipients = [i for i in inner_recipients if i not in actors] or recipients
    if not recipients and m.content is not None and "content" in m.entry.flags:
        recipients = _content_recipients(ctx, m, actors)
    if not recipients:
        recipients = _reaction_recipients(ctx, m, predicate, support, actors)
    if not recipients and m.type != "CONSULT":
        recipients = _clause_recipients(ctx, m, predicate, actors)
    if not recipients and actors and m.type != "CONSULT":
        # A place only stands for the other side of a known actor's act.
        recipients = _place_recipients(ctx, m, predicate, support, actors)
    if not recipients:
        recipients = _partner_recipients(ctx, m, actors)
    if not actors and not recipients:
        return None
    if not actors and m.entry.pos == "VERB" and "subj" in m.entry.actor:
        doer, _ = _verb_subject(m.token)
        if doer is not None and doer.pos_ in ("NOUN", "PROPN") and not _animate(doer):
            return None  # the doer is named but no political actor: "rain caused flooding, killing"
    if m.absorbed_by is not None:
        return None
    mood = _modality(ctx, m, predicate)
    modality, background = mood.modality, mood.background
    kind, mode, cameo = m.type, m.mode, m.cameo
    attributed = _attribution(ctx, m.token, predicate)
    own = attributed is not None and attributed in actors
    if modality == "negated" and mood.intent and codes.quad_class(kind) <= 2:
        # "said it would not meet the demands", "will not accept refugees": a refusal.
        cameo, mode = _REJECT_BY_CONTENT.get(kind, ("120", None))
        kind, modality = "REJECT", "asserted"
    elif (
        modality in ("future", "hypothetical")
        and mood.intent
        and not mood.conditional
        and (kind in _THREATENING or kind == "ASSAULT")
        and (own or (predicate.dep_ == "xcomp" and kind != "ASSAULT"))
    ):
        # An actor announcing, or planning, its own coercive step is threatening it: the
        # PLOVER gold codes "plans to impose restrictions", "will extend the curfew" THREATEN.
        cameo, mode = _THREAT_BY_MODE.get((kind, mode)) or _THREAT_BY_CONTENT[kind]
        kind, modality = "THREATEN", "asserted"
    elif (
        modality in ("future", "hypothetical")
        and mood.condition
        and kind in _THREAT_BY_CONTENT
        and ctx.speaks_for(attributed, actors)
    ) or (
        modality in ("future", "hypothetical")
        and mood.intent
        and _ultimatum(predicate)
        and (kind in _THREAT_BY_CONTENT or kind == "RETREAT")
        and (attributed is None or ctx.speaks_for(attributed, actors))
    ):
        # "said it will withdraw its force unless ...", "may halt mediation if ..., the
        # minister said": a conditional threat of a coercive act stated by its own side; so
        # is an actor's own step under an ultimatum, reported or not ("teachers will strike
        # unless ...", "will withdraw unless ...", as the PLOVER gold codes it). A
        # conditional request stays one ("could ask ... if"), and an onlooker's forecast
        # stays the act ("analysts said the unions could strike if ...").
        cameo, mode = _THREAT_BY_MODE.get((kind, mode)) or _THREAT_BY_CONTENT.get(
            kind, ("130", None)
        )
        kind, modality = "THREATEN", "asserted"
        if not recipients:
            # whom the condition asks to act: "unless *the government* pays arrears"
            m.type = kind
            recipients = _clause_recipients(ctx, m, predicate, actors)
    elif kind == "ASSAULT" and set(mood.controls) & _PREPARING:
        # "the army prepared to resume shelling": a show of force (CAMEO 150).
        kind, mode, cameo = "MOBILIZE", None, "150"
    elif kind in _COOPERATIVE_FUTURE and (
        modality == "future" or (modality == "hypothetical" and mood.intent and mood.condition)
    ):
        # An intended or conditionally offered cooperation is an AGREE: "will meet",
        # "said they would meet X if he ..." (PLOVER, AGREE).
        kind, mode, cameo = "AGREE", None, _COOPERATIVE_FUTURE[kind]
    elif modality == "future" and kind in ("RETREAT", "CONCEDE"):
        kind, mode, cameo = "AGREE", None, "035"
    coding = codes.plover_for_cameo(cameo)
    contexts = m.entry.contexts if kind == m.entry.type else (coding.contexts if coding else ())
    date, date_text = _date(ctx, m, predicate, modality)
    if (
        date is None
        and date_text is None
        and not background
        and modality in ("asserted", "negated")
    ) and ctx.published is not None:
        date = ctx.published.isoformat()
    recipient_tokens = [t for slot in m.entry.recipient for t in _prep_objects(m.token, slot)]
    location = _location(ctx, m, predicate, recipient_tokens)
    tokens = [m.token, *m.extras]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    sent = m.token.sent
    headline = start < ctx.headline_end
    confidence = 0.35 + (0.3 if actors else 0) + (0.2 if recipients else 0.05)
    if m.entry.pos == "VERB":
        confidence += 0.1
    elif support is None and not actors:
        confidence -= 0.1
    if headline:
        confidence *= 0.7
    return _Draft(
        type=kind,
        mode=mode,
        contexts=contexts,
        cameo=cameo,
        actor=actors,
        recipient=recipients,
        modality=modality,
        date=date,
        date_text=date_text,
        location=location,
        trigger=(start, end),
        evidence=(sent.start_char, sent.end_char),
        attributed_to=attributed,
        confidence=round(max(0.05, min(0.95, confidence)), 3),
        headline=headline,
        why=Why(rule=m.entry.id, lexicon=m.entry.source, path=path),
        conditions=_conditions(ctx, m, predicate) if kind == "THREATEN" else (),
    )


def _conditions(ctx: _Context, m: _Match, predicate: Token) -> tuple[tuple[int, int], ...]:
    """Character spans of the if/unless clauses of a threat and of its content."""
    heads = [predicate, *(_content_head(ctx, m.token) if "content" in m.entry.flags else ())]
    spans = []
    # anywhere under the threat: "threatened to block the bid to join unless X ..."
    for clause in {t.i: t for head in heads for t in head.subtree}.values():
        if clause.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in clause.children
        ):
            first, last = clause.left_edge, clause.right_edge
            spans.append((first.idx, last.idx + len(last.text)))
    return tuple(spans)


def _within_conditions(drafts: list[_Draft]) -> list[_Draft]:
    """Drop what a threat's condition states: "threatened to strike unless Israel *withdrew*"
    is one THREATEN aimed at Israel, the withdrawal only its demand."""
    spans = [span for d in drafts for span in d.conditions]
    return [d for d in drafts if not any(a <= d.trigger[0] < b for a, b in spans)]


def _obligation_drafts(ctx: _Context, matches: list[_Match]) -> list[_Draft]:
    """Reported obligations are demands: "Russia said Sudan must return the helicopter"."""
    by_token = {m.token.i: m for m in matches}
    drafts = []
    for token in ctx.doc:
        if token.dep_ != "aux" or ctx.lex.modality.get((token.lower_, "obligation")) is None:
            continue
        clause = token.head
        if clause.dep_ == "ccomp" and clause.head.pos_ in ("VERB", "AUX"):
            subj, _ = _verb_subject(clause.head)
            speakers = ctx.actor_ids(subj)
            speaker = speakers[0] if speakers else None
        else:
            speaker = ctx.speaker_at(token.idx)
        target, _ = _verb_subject(clause)
        recipients = [i for i in ctx.actor_ids(target) if i != speaker]
        if speaker is None or not recipients:
            continue
        cameo, mode = "100", None
        # "Y must return ...", "Y must be ready to mediate": the demanded act.
        inner = next(
            (
                by_token[t.i]
                for t in (clause, *(c for c in clause.children if c.dep_ in ("acomp", "xcomp")))
                if t.i in by_token
            ),
            None,
        )
        if inner is not None:
            inner.absorbed_by = token.i
            cameo, mode = _REQUEST_BY_CONTENT.get(inner.type, (cameo, mode))
        sent = token.sent
        line = ctx.lex.modality_lines[(token.lower_, "obligation")]
        drafts.append(
            _Draft(
                type="REQUEST",
                mode=mode,
                contexts=(),
                cameo=cameo,
                actor=[speaker],
                recipient=recipients,
                modality="asserted",
                date=ctx.published.isoformat() if ctx.published else None,
                date_text=None,
                location=None,
                trigger=(token.idx, token.idx + len(token.text)),
                evidence=(sent.start_char, sent.end_char),
                attributed_to=speaker,
                confidence=0.5,
                headline=token.idx < ctx.headline_end,
                why=Why(
                    rule=f"obligation:{token.lower_}",
                    lexicon=f"{MODALITY}:{line}",
                    path="nsubj<-say->ccomp:aux",
                ),
            )
        )
    return drafts


def _evaluative(token: Token) -> bool:
    """Whether a cue word judges ("would be reckless") rather than describes ("illegal aliens")."""
    if token.dep_ in ("acomp", "attr", "ROOT", "conj", "oprd", "dobj", "nsubj", "appos"):
        return True
    return token.dep_ == "amod" and token.head.dep_ in ("attr", "ROOT", "appos", "oprd", "dobj")


def _addressees(ctx: _Context, tokens: Iterable[Token], speaker: str) -> list[str]:
    """Actors a statement is about: not the speaker, not the speaker's "we", not bare places,
    not whom it was told to ("told the news agency TASS")."""
    found: list[str] = []
    if ctx.actors is None:
        return found
    for t in tokens:
        actor = ctx.actors.actor_at(t)
        if actor is None or actor.id == speaker or actor.id in found or t.lower_ in _FIRST_PERSON:
            continue
        if _audience(ctx, t):
            continue
        ent = ctx.ent_at.get(t.i)
        if ent is not None and (
            ent.label_ in ("LOC", "FAC") or (ent.label_ == "GPE" and actor.sector == "CVL")
        ):
            continue
        found.append(actor.id)
    return found


_NOUN_PHRASE_DEPS = frozenset(
    {"det", "amod", "compound", "appos", "nummod", "poss", "case", "pobj", "prep", "conj"}
)


def _audience(ctx: _Context, token: Token) -> bool:
    """Whether a token is in the object of a reporting verb: whom a statement was told to."""
    node = token
    for _ in range(4):
        if node.dep_ in ("dobj", "dative") and ctx.in_class(node.head, "reporting"):
            return True
        if node.head is node or node.dep_ not in _NOUN_PHRASE_DEPS:
            return False
        node = node.head
    return False


def _cue_drafts(ctx: _Context, taken: set[int]) -> list[_Draft]:
    """Criticism and warnings by a speaker, from evaluative cue words (one per sentence)."""
    drafts: list[_Draft] = []
    for sent in ctx.doc.sents:
        if sent.start_char not in taken:
            found = _find_cue(ctx.lex, list(sent))
            if found is not None and (draft := _cue_draft(ctx, sent, *found)) is not None:
                drafts.append(draft)
    return drafts


def _find_cue(lex: Lexicon, tokens: list[Token]) -> tuple[Token, str, tuple[str, str, int]] | None:
    words = [(t.lemma_.lower(), t.lower_) for t in tokens]
    for k, (lemma, lower) in enumerate(words):
        hit = lex.cues.get(lemma) or lex.cues.get(lower)
        if hit is not None and _evaluative(tokens[k]):
            return tokens[k], lemma, hit
        if k + 1 < len(words):
            nxt_lemma, nxt_lower = words[k + 1]
            hit = lex.cue_pairs.get((lemma, nxt_lemma)) or lex.cue_pairs.get((lower, nxt_lower))
            if hit is not None:
                return tokens[k], f"{lower} {nxt_lower}", hit
    return None


def _cue_draft(
    ctx: _Context, sent: Span, token: Token, cue: str, hit: tuple[str, str, int]
) -> _Draft | None:
    lex = ctx.lex
    predicate = token
    while predicate.dep_ not in ("ROOT", "ccomp") and predicate.head is not predicate:
        if predicate.pos_ in ("VERB", "AUX") and predicate.dep_ in ("ccomp", "xcomp", "advcl"):
            break
        predicate = predicate.head
    speaker = _attribution(ctx, token, predicate)
    if speaker is None:
        return None
    kind, cameo, line = hit
    others = _addressees(ctx, sent, speaker)
    quote = next((q for q in ctx.quotes if q.span[0] <= token.idx < q.span[1]), None)
    if not others and quote is not None:
        # The speaker's words just before: "We are raising this with the Russians. Any
        # operation would be reckless."
        for q in ctx.quotes:
            if q.speaker == speaker and quote.span[0] - 400 < q.span[0] <= quote.span[0]:
                span = ctx.doc.char_span(*q.span, alignment_mode="expand")
                others = others or (_addressees(ctx, span, speaker) if span else [])
    modal = {
        lex.modality.get((c.lower_, "aux"))
        for node in (token, token.head, predicate)
        for c in node.children
        if c.dep_ in ("aux", "auxpass")
    }
    if kind == "THREATEN" and not modal & {"hypothetical", "future"}:
        return None  # a warning is about what would or will happen: "was met with a firm response"
    if kind != "THREATEN" and "hypothetical" in modal:
        kind, cameo = "THREATEN", "130"
    coding = codes.plover_for_cameo(cameo)
    published = ctx.published.isoformat() if ctx.published else None
    return _Draft(
        type=kind,
        mode=coding.mode if coding else None,
        contexts=coding.contexts if coding else (),
        cameo=cameo,
        actor=[speaker],
        recipient=others[:1],
        modality="asserted",
        date=published,
        date_text=None,
        location=None,
        trigger=(token.idx, token.idx + len(token.text)),
        evidence=(sent.start_char, sent.end_char),
        attributed_to=speaker,
        confidence=0.4 if others else 0.3,
        headline=token.idx < ctx.headline_end,
        why=Why(rule=f"cue:{cue}", lexicon=f"{CUES}:{line}", path="quote>cue"),
    )


def _without_orphans(drafts: list[_Draft]) -> list[_Draft]:
    """Drop actorless events beside events with actors; keep one where a sentence has no other.

    PLOVER codes no event without an actor ("20 people were killed"); dyads keeps
    one, with its low confidence, when it is all a sentence states.
    """
    with_actor = {d.evidence for d in drafts if d.actor}
    kept: list[_Draft] = []
    orphans: dict[tuple[int, int], _Draft] = {}
    for d in drafts:
        if d.actor:
            kept.append(d)
        elif d.evidence not in with_actor:
            best = orphans.get(d.evidence)
            if best is None or d.confidence > best.confidence:
                orphans[d.evidence] = d
    return kept + list(orphans.values())


def _compatible_dates(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def _described(actor: Actor) -> bool:
    """An actor the text only describes ("gunmen", "12 soldiers", "the army", "the
    opposition leader"), not one it names ("Ousmane Sonko"): another mention of the same
    happening may describe it differently."""
    if actor.role is None:
        return False
    return actor.kind != "person" or actor.role.lower() in actor.name.lower()


def _loosely_same(a: Actor | None, b: Actor | None) -> bool:
    """Whether two actors may be one side of one happening: one is only described, and both
    are of the same country ("militants" and "gunmen" in Mali; "Israel" and "Israeli jets"),
    or, with no country known, of the same sector; or both stand for one state ("Russia" and
    "Moscow")."""
    if a is None or b is None:
        return False
    if a.kind == b.kind == "state" and a.country is not None:
        return a.country == b.country  # a state and its capital: "Russia" and "Moscow"
    if not (_described(a) or _described(b)):
        return False
    if a.country is not None or b.country is not None:
        return a.country == b.country and _same_camp(a.sector, b.sector)
    return a.sector is not None and a.sector == b.sector


# Sectors that may stand for one side told twice: a state and its organs ("Mali" and "12
# soldiers"), or irregular armed groups ("militants" and "gunmen") — never a state and its
# rebels, nor soldiers and civilians.
_CAMPS = (
    frozenset({None, "GOV", "MIL", "COP", "SPY", "LEG", "JUD"}),
    frozenset({"REB", "UAF", "PRM", "CRM"}),
)


def _same_camp(a: str | None, b: str | None) -> bool:
    return a == b or any(a in camp and b in camp for camp in _CAMPS)


def _side(a: list[str], b: list[str], actors: dict[str, Actor]) -> str:
    """How two mentions' actors (or recipients) agree: "same" (a shared actor), "loose"
    (see :func:`_loosely_same`), or "" (they do not, or one names none)."""
    if set(a) & set(b):
        return "same"
    if any(_loosely_same(actors.get(x), actors.get(y)) for x in a for y in b):
        return "loose"
    return ""


def _merge(drafts: list[_Draft], actors: dict[str, Actor]) -> list[_Draft]:
    merged: list[_Draft] = []
    for d in drafts:
        target = None
        sides, best = ("", ""), -1
        for e in merged:
            # A publication date a draft fell back on does not set mentions apart.
            dated = e.date_text is not None and d.date_text is not None
            if (
                e.type != d.type
                or e.modality != d.modality
                or (dated and not _compatible_dates(e.date, d.date))
            ):
                continue
            by = _side(e.actor, d.actor, actors)
            to = _side(e.recipient, d.recipient, actors)
            # A headline reports the article's main happening: its mention may describe
            # both sides differently from the body's ("Militants kill 12 soldiers in Mali"
            # and "gunmen attacked an army post, killing 12 soldiers"); two body mentions
            # must share an actor on one side.
            anchored = "same" in (by, to) or e.headline != d.headline
            if not anchored:
                continue
            if e.actor and d.actor:
                if not by:
                    continue
            elif to != "same" and not (to and e.headline != d.headline):
                continue  # one names no actor: the recipients must agree
            same_sentence = e.evidence == d.evidence
            # In one sentence, one actor's acts of one type are one happening:
            # "shelled the town, killing 20 people".
            if e.recipient and d.recipient and not to and not same_sentence:
                continue
            # The mention sharing the most wins over a loose match found earlier.
            score = (by == "same") + (to == "same")
            if target is None or score > best:
                target, sides, best = e, (by, to), score
        if target is None:
            merged.append(d)
            continue
        better = (
            d
            if (target.headline and not d.headline)
            or (target.headline == d.headline and d.confidence > target.confidence)
            else target
        )
        keep = target
        by, to = sides
        # Loosely matched sides are one referent told twice: keep the better mention's.
        if by == "loose":
            keep.actor = list(better.actor)
        else:
            keep.actor = list(dict.fromkeys(target.actor + d.actor))
        if to == "loose":
            keep.recipient = list(better.recipient)
        elif not (target.recipient and d.recipient and target.evidence == d.evidence):
            keep.recipient = list(dict.fromkeys(target.recipient + d.recipient))
        if better is d:
            for name in (
                "trigger",
                "evidence",
                "why",
                "headline",
                "attributed_to",
                "mode",
                "cameo",
            ):
                setattr(keep, name, getattr(d, name))
        if d.date_text is not None and keep.date_text is None:
            keep.date = d.date
        keep.date_text = keep.date_text or d.date_text
        keep.location = keep.location or d.location
        keep.count += d.count
        keep.confidence = round(min(0.95, max(keep.confidence, d.confidence) + 0.05), 3)
    return merged


def extract_events(doc: Doc) -> list[Event]:
    """Return the PLOVER events of a parsed Doc (after ``dyads_actors`` and ``dyads_quotes``)."""
    ctx = _Context(doc, lexicon())
    matches = _find_matches(ctx)
    _absorb(ctx, matches)
    drafts = _obligation_drafts(ctx, matches)
    for m in matches:
        if not m.dropped and (d := _draft(ctx, m)) is not None:
            drafts.append(d)
            ctx.drafted.append(d)
    # A sentence that already states a criticism or threat needs no cue event.
    taken = {d.evidence[0] for d in drafts if d.type in ("ACCUSE", "THREATEN")}
    drafts = _without_orphans(_within_conditions(drafts))
    drafts.extend(_cue_drafts(ctx, taken))
    drafts.sort(key=lambda d: d.trigger)
    events = []
    by_id = {a.id: a for a in ctx.actors.actors} if ctx.actors is not None else {}
    for n, d in enumerate(_merge(drafts, by_id), start=1):
        quad = codes.quad_class(d.type)
        events.append(
            Event(
                id=f"E{n}",
                type=d.type,
                mode=d.mode,
                contexts=tuple(d.contexts),
                cameo=d.cameo,
                quad_class=quad,
                goldstein=codes.goldstein(d.cameo),
                actor=tuple(d.actor),
                recipient=tuple(d.recipient),
                modality=d.modality,
                date=d.date,
                date_text=d.date_text,
                location=d.location,
                trigger=d.trigger,
                evidence=d.evidence,
                attributed_to=d.attributed_to,
                confidence=d.confidence,
                mention_count=d.count,
                why=d.why,
            )
        )
    return events


class EventCoder:
    """spaCy component: sets ``doc._.dyads_events``."""

    def __init__(self) -> None:
        lexicon()

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyads_events = extract_events(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
