"""Find quotations and attribute each to its speaker.

Four kinds of quote come out of a document (``docs/quotes.md`` gives the rules):

- ``direct``: a stretch of words between quote marks that stands as a sentence or
  more ("“We are ready,” she said."), including a *floating* quote with no cue of
  its own that continues the previous speaker, and quotes that run over several
  paragraphs. Span = the words inside the marks.
- ``partial``: a quoted phrase outside any reported clause ("identified “a shared
  goal”", "called it “a disgrace”"), with the speaker of the reporting verb that
  governs it, or none for scare quotes. Span = the phrase.
- ``mixed``: reported speech whose content clause holds any quoted fragment (PARC
  convention: "He said the family had been “shocked”", "He said the plan “would
  never pass”"). Span = the content clause, fragment included.
- ``indirect``: reported speech without marks ("X said (that) …", "according to
  X, …"). Span = the content clause.

The work is two passes: :func:`scan_marks` pairs the quote marks of the raw text in
one regular-expression scan (no parse needed), then :func:`extract_quotes` reads the
parse around each quoted stretch and each reporting verb to find the cue and the
speaker, and resolves the speaker to an actor through ``doc._.dyads_actors``.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.attrs import IDX, IS_SPACE, LEMMA, LOWER
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from .actors import DocActors, Mention
from .kb import default_kb, given_names, norm, person_name, place_country
from .nlp import HEADLINE_END, add_warning
from .records import Actor, Quote
from .resources import data_path, iter_lines, iter_tsv, word_list

# --------------------------------------------------------------------------- lexicons


@functools.cache
def _reporting_entries() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    single: set[str] = set()
    phrasal: dict[str, set[str]] = {}
    for _, line in iter_lines(data_path("en_reporting_verbs.txt")):
        words = line.strip().lower().split()
        if len(words) == 1:
            single.add(words[0])
        else:
            phrasal.setdefault(words[0], set()).add(words[1])
    return frozenset(single), {k: frozenset(v) for k, v in phrasal.items()}


def reporting_verbs() -> frozenset[str]:
    """Return the lemmas of reporting verbs (``en_reporting_verbs.txt``)."""
    return _reporting_entries()[0]


def phrasal_reporting_verbs() -> dict[str, frozenset[str]]:
    """Return verb lemma → the particle or object that makes it report ("hit back", "put it")."""
    return _reporting_entries()[1]


@functools.cache
def cue_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Return multi-word cues (``en_quote_cues.txt``) keyed by their first word."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for _, line in iter_lines(data_path("en_quote_cues.txt")):
        words = tuple(line.strip().lower().split())
        by_first.setdefault(words[0], []).append(words)
    # Longest first, so "in the words of" is tried before a shorter cue sharing its first word.
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in by_first.items()}


@functools.cache
def finding_verbs() -> frozenset[str]:
    """Return verbs that report only for a document or data subject (``show``, ``find``)."""
    return frozenset(
        line.strip().lower() for _, line in iter_lines(data_path("en_quote_finding_verbs.txt"))
    )


@functools.cache
def _cue_hashes() -> frozenset[int]:
    """Return the string hashes of reporting-verb lemmas and cue-phrase first words.

    Lemmas in any case ("Say" opening a headline) and lower-case forms both count.
    """
    words = set(reporting_verbs()) | set(phrasal_reporting_verbs()) | set(cue_phrases())
    words |= finding_verbs()
    return frozenset(hash_string(form) for w in words for form in (w, w.capitalize(), w.upper()))


@functools.cache
def mention_nouns() -> frozenset[str]:
    """Return nouns after which quoted words are named, not quoted (``en_quote_mentions.txt``)."""
    return frozenset(
        line.strip().lower() for _, line in iter_lines(data_path("en_quote_mentions.txt"))
    )


@functools.cache
def gendered_nouns() -> dict[str, str]:
    """Return person nouns that tell gender ("mother", "widower") → ``m``/``f``."""
    return {
        row["lemma"].lower(): row["gender"]
        for _, row in iter_tsv(data_path("en_quote_gendered_nouns.tsv"))
    }


@functools.cache
def media_nouns() -> frozenset[tuple[str, ...]]:
    """Return the lemmas of news media speakers ("the paper", "state television"), as words."""
    return frozenset(
        tuple(line.lower().split()) for _, line in iter_lines(data_path("en_quote_media_nouns.txt"))
    )


def _names_a_place(name: Token) -> bool:
    """Whether a proper noun before a spokesperson or officials is a place, not a body.

    "Ohio officials", "Texas lawmakers" serve a place: the model tags the name a place, or
    tags nothing and the gazetteer knows it ("A Delta spokesman": Delta is also a town, but
    the model tags it a body).
    """
    if name.ent_type_ in ("GPE", "LOC"):
        return True
    if name.ent_type_ != "":
        return False
    # Untagged: a place the gazetteer knows, all its words ("Port Said officials": the
    # parser may hang each on the noun).
    start, end = name.left_edge.i, name.i + 1
    while end < name.head.i and name.doc[end].pos_ == "PROPN":
        end += 1
    return place_country(name.doc[start:end].text) is not None


@functools.cache
def body_nouns() -> dict[str, frozenset[str]]:
    """Return generic body nouns ("the charity") → the sectors of bodies they describe."""
    return {
        row["lemma"].lower(): frozenset(row["sectors"].split(","))
        for _, row in iter_tsv(data_path("en_quote_body_nouns.tsv"))
    }


@functools.cache
def _body_name_words() -> frozenset[str]:
    """Return words that make a name a body's ("Brightwell Energy", "Ashgrove United")."""
    return word_list("en_org_name_words.txt") | word_list("en_body_nouns.txt")


@functools.cache
def post_nominals() -> frozenset[str]:
    """Return words after a name that are not part of it (``en_quote_postnominals.txt``)."""
    return frozenset(
        line.strip().lower() for _, line in iter_lines(data_path("en_quote_postnominals.txt"))
    )


@functools.cache
def speaker_nouns() -> dict[str, str]:
    """Return common nouns that can head a speaker phrase, mapped to their class."""
    return {
        row["lemma"].lower(): row["class"] for _, row in iter_tsv(data_path("en_speaker_nouns.tsv"))
    }


# --------------------------------------------------------------------------- marks

_DOUBLE, _SINGLE = "double", "single"
_FAMILY = {
    '"': _DOUBLE, "“": _DOUBLE, "”": _DOUBLE, "„": _DOUBLE, "«": _DOUBLE, "»": _DOUBLE,
    "″": _DOUBLE, "'": _SINGLE, "‘": _SINGLE, "’": _SINGLE, "‚": _SINGLE, "‹": _SINGLE,
    "›": _SINGLE, "′": _SINGLE,
}  # fmt: skip
_OPENERS = frozenset("“„«‘‚‹")
_CLOSERS = frozenset("”»’›")
_STRAIGHT = frozenset("\"″'′")
# A low opening mark (German style) is closed by the high "opening" mark of its family.
_LOW_CLOSER = {"„": "“", "‚": "‘"}
_MARKS = re.compile("[\"'“”„«»″‘’‚‹›′]|\n\\s*")
_BEFORE_OPEN = frozenset(" \t\n([{—–-/…") | _OPENERS | _STRAIGHT
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)]}—–-/…") | _CLOSERS | _STRAIGHT
# What may stand before a quotation that runs on into the next paragraph: nothing (it
# opens the paragraph), a colon or comma after a cue, a dash, or the end of a sentence.
_RUN_ON_AFTER = frozenset(":,—–-.!?")
# Straight apostrophes that open an elided word, not a quotation: 'n', 'em, 'til, '90s.
_ELISION = re.compile(r"'(?:n'|em\b|til\b|tis\b|twas\b|cause\b|\d)", re.IGNORECASE)


@dataclass(slots=True)
class Quoted:
    """A stretch of text between matching quote marks (character offsets).

    ``start``/``end`` delimit the words inside the marks and ``open``/``close`` the
    marks themselves (``close`` is the offset just after the closing mark).
    ``reopened`` holds the marks that reopen the quotation at the start of each
    following paragraph of a multi-paragraph quote (news convention: no closing
    mark at a paragraph end). ``closed`` is False when the closing mark was missing
    and the stretch was ended at the paragraph boundary.
    """

    open: int
    start: int
    end: int
    close: int
    reopened: tuple[int, ...] = ()
    closed: bool = True


@dataclass(slots=True)
class _Open:
    char: str
    pos: int
    reopened: list[int] = field(default_factory=list)


class _Scanner:
    """One left-to-right pass over the quote marks and paragraph breaks of a text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Quoted] = []
        self.warnings: list[str] = []
        self.stack: list[_Open] = []
        self.paragraph = 1

    def run(self) -> tuple[list[Quoted], list[str]]:
        text = self.text
        marks: list[int] = []
        para_start = 0
        for m in _MARKS.finditer(text):
            if text[m.start()] == "\n":
                self.end_paragraph(marks, para_start, m.start(), m.end())
                marks, para_start = [], m.end()
                self.paragraph += 1
            else:
                marks.append(m.start())
        self.end_paragraph(marks, para_start, len(text), len(text))
        return self.found, self.warnings

    def where(self, pos: int) -> str:
        return f"at char {pos} (paragraph {self.paragraph})"

    def end_paragraph(self, marks: list[int], para_start: int, para_end: int, nxt: int) -> None:
        """Pair the marks of one paragraph, then carry, close or drop what is left open."""
        text = self.text
        carried = self.stack[0] if self.stack else None
        skip = -1
        for n, i in enumerate(marks):
            if i == skip:
                continue
            ch = text[i]
            if n == 0 and carried is not None and i == para_start:
                carried.reopened.append(i)
                continue
            role = self.role(i, marks[n + 1 :])
            if role == "elision":
                m = _ELISION.match(text, i)
                if m is not None and m.group().endswith("'"):
                    skip = m.end() - 1
                continue
            if role == "close":
                at = _open_index(self.stack, ch)
                if at is not None:
                    opened = self.stack[at]
                    del self.stack[at:]
                    if at == 0:
                        self.found.append(
                            Quoted(opened.pos, opened.pos + 1, i, i + 1, tuple(opened.reopened))
                        )
                elif _FAMILY[ch] == _DOUBLE or ch == "›":
                    self.warnings.append(
                        f"quotes: closing mark {ch} {self.where(i)} has no opening mark; ignored"
                    )
            elif role == "open":
                self.stack.append(_Open(ch, i))
        if not self.stack:
            return
        outer = self.stack[0]
        following = text[nxt] if nxt < len(text) else ""
        prefix = text[para_start : outer.pos].rstrip() if outer.pos >= para_start else ""
        if (
            following in _FAMILY
            and _FAMILY[following] == _FAMILY[outer.char]
            and following not in _CLOSERS
            and (not prefix or prefix[-1] in _RUN_ON_AFTER)
        ):
            del self.stack[1:]
            return  # A quotation running on into the next paragraph.
        self.stack.clear()
        if _FAMILY[outer.char] == _DOUBLE:
            end = para_end
            while end > outer.pos + 1 and text[end - 1].isspace():
                end -= 1
            self.found.append(
                Quoted(outer.pos, outer.pos + 1, end, end, tuple(outer.reopened), closed=False)
            )
            self.warnings.append(
                f"quotes: opening mark {outer.char} {self.where(outer.pos)} is never closed; "
                "quotation ended at the paragraph end"
            )
        elif outer.char in _OPENERS:
            self.warnings.append(
                f"quotes: opening mark {outer.char} {self.where(outer.pos)} is never closed; "
                "ignored"
            )

    def role(self, i: int, later: list[int]) -> str | None:
        """Return "open", "close", "elision" or None (an apostrophe) for the mark at ``i``."""
        text = self.text
        ch = text[i]
        before = text[i - 1] if i > 0 else "\n"
        after = text[i + 1] if i + 1 < len(text) else "\n"
        if ch in _STRAIGHT:
            if _FAMILY[ch] == _SINGLE:
                if before.isalnum() and after.isalnum():
                    return None  # don't, Putin's
                if _ELISION.match(text, i):
                    return "elision"
            can_open = before in _BEFORE_OPEN and not after.isspace()
            can_close = not before.isspace() and after in _AFTER_CLOSE
            if can_open == can_close:
                # Flanked alike on both sides: whether a quotation is open decides.
                return "close" if _open_index(self.stack, ch) is not None else "open"
            return "open" if can_open else "close"
        if ch in _OPENERS:
            if ch == "“" or ch == "‘":
                # „…“ and ‚…‘: the high mark closes a low one.
                at = _open_index(self.stack, ch)
                if at is not None and self.stack[at].char in _LOW_CLOSER:
                    return "close"
            if ch == "‘" and after.isdigit():
                return None  # ‘90s: an apostrophe curled the wrong way
            return "open"
        if (
            ch == "”"
            and (before in _BEFORE_OPEN or i == 0)
            and not after.isspace()
            and _open_index(self.stack, ch) is None
        ):
            return "open"  # scraped text that uses ” for both marks: ”final” offer
        if ch == "’":
            if before.isalnum() and after.isalnum():
                return None
            if before.isspace() or i == 0:
                return None  # ’90s, rock ’n’ roll
            if _open_index(self.stack, ch) is None:
                return None  # officials’ (plural possessive)
            if self.possessive_before_later_closer(i, later):
                return None
        return "close"

    def possessive_before_later_closer(self, i: int, later: list[int]) -> bool:
        """Return True for ``s’`` + word when a later mark can close the quotation instead.

        ‘The workers’ rights come first,’ she said: the first ’ is a plural possessive.
        """
        text = self.text
        if (
            text[i - 1] not in "sS"
            or text[i + 1 : i + 2] != " "
            or not text[i + 2 : i + 3].isalpha()
        ):
            return False
        return any(
            text[j] == "’" and not text[j - 1].isspace() and not text[j + 1 : j + 2].isalnum()
            for j in later
        )


def scan_marks(text: str) -> tuple[list[Quoted], list[str]]:
    """Pair the quote marks of a text; return the outermost quoted stretches and warnings.

    One left-to-right scan with a stack. Straight marks open or close by what flanks
    them; a right single mark between letters, after a space, or after a letter with
    no single quotation open, is an apostrophe (``Putin’s``, ``’90s``, ``officials’``).
    A paragraph that ends inside a quotation continues it when the next paragraph
    opens with a mark of the same family and the quotation opened the paragraph or
    followed a colon, comma, dash or full stop; otherwise it is closed at the paragraph
    end and a warning says where. Embedded quotations (single inside double or the
    other way round) stay inside their outer stretch.

    Args:
        text: The document text; paragraphs are separated by line breaks.

    Returns:
        The outermost quoted stretches in text order, and one-line warnings about
        unbalanced marks.
    """
    return _Scanner(text).run()


def _open_index(stack: list[_Open], ch: str) -> int | None:
    """Return the stack index of the innermost open mark that ``ch`` can close, or None."""
    family = _FAMILY[ch]
    for at in range(len(stack) - 1, -1, -1):
        opened = stack[at]
        if _FAMILY[opened.char] != family:
            continue
        low = _LOW_CLOSER.get(opened.char)
        if low is not None and ch not in (low, "”", "’", '"', "'"):
            return None
        return at
    return None


# --------------------------------------------------------------------------- parse side

_TERMINAL = frozenset({".", "!", "?", "…"})
_DASHES = frozenset({"-", "—", "–", "--"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_THING_PRONOUNS = frozenset({"it"})
_PRONOUNS = _PERSON_PRONOUNS | _GROUP_PRONOUNS | _THING_PRONOUNS
_RELATIVE = frozenset({"who", "that", "which", "whom"})
# Initials before a given name or surname: "K", "S.", "M.K.", "M. K."
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}|[A-Z]")
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Participles whose agent is a document's author: "figures released by the ONS".
_PUBLISHING = frozenset(
    {"release", "publish", "issue", "compile", "produce", "conduct", "prepare", "write"}
    | {"send", "sign", "circulate"}
)
# Reporting verbs that go on with the speaker just quoted ("he added").
_CONTINUING = frozenset({"add", "continue"})
# Speaker-noun classes whose findings report: a study, figures (en_quote_finding_verbs.txt).
_FINDERS = frozenset({"document", "data"})
_INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "appos", "dep", "oprd"})
# Verbs whose object is the addressee, not the speaker ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "urge", "warn"})
# "declined to say whether …", "refused to comment": reported non-speech.
_REFUSALS = frozenset({"decline", "refuse", "fail"})
# Person nouns by suffix, for subjects the lexicon lacks: rescuers, economists, historians.
_AGENT_SUFFIXES = ("er", "ers", "ist", "ists", "ian", "ians", "eer", "eers")
_CONTENT_MARKS = frozenset({"that", "whether", "if"})
_MAX_REGION = 40
# Words between the parts of a defined term: (“Northwind” or “the Company”).
_DEFINING_GLUE = frozenset({"the", "a", "an", "or", "and", ","})
# Lower-case words inside a title in capitals: “The Lord of the Rings”.
_TITLE_GLUE = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for"})


@dataclass(slots=True)
class _Cue:
    """A reporting verb or cue phrase (token range) and the head of its speaker phrase."""

    start: int
    end: int
    speaker: Token | None
    verb: Token | None = None


@dataclass(slots=True)
class _Found:
    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_text: str | None
    cue: tuple[int, int] | None
    para: int


class _Answer(NamedTuple):
    """An interview answer: its cue (the label or question), where it starts, who speaks."""

    cue: tuple[int, int]
    start: int
    speaker: str
    phrase: str


class _Reader:
    """One document's parse, read once for all its quotes."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.verbs = reporting_verbs()
        self.phrasal = phrasal_reporting_verbs()
        self.cues = cue_phrases()
        self.nouns = speaker_nouns()
        self.mentions = mention_nouns()
        self.actors = doc._.dyads_actors
        # One array pass instead of a Token object per word (the hot loop of this stage).
        rows = doc.to_array([IDX, IS_SPACE, LEMMA, LOWER]).tolist()
        self.starts = [row[0] for row in rows]
        self.para_of: list[int] = []
        para = 0
        for i, row in enumerate(rows):
            self.para_of.append(para)
            if row[1] and "\n" in doc[i].text:
                para += 1
        wanted = _cue_hashes()
        # Tokens that may be a reporting verb or open a cue phrase, by lemma or lower case.
        self.cue_tokens = [i for i, row in enumerate(rows) if row[2] in wanted or row[3] in wanted]
        headline_end = doc.user_data.get(HEADLINE_END, 0) or 0
        self.headline_tokens = self.token_at(headline_end) if headline_end else 0
        self.in_quote = bytearray(len(doc))
        self.found: list[_Found] = []
        self._surnames: dict[str, str | None] | None = None
        self._full_names: dict[str, str] | None = None
        self._named: frozenset[str] | None = None
        # Ids of the actors this stage made for speakers the actor stage left out.
        self.created: set[str] = set()
        # Closing offset → opening offset of each closed quotation (set by extract_quotes).
        self.closes: dict[int, int] = {}

    # ----- small lookups

    def token_at(self, char: int) -> int:
        """Return the index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)

    def token_before(self, char: int) -> int:
        """Return the index of the last token starting before ``char``."""
        return bisect.bisect_left(self.starts, char) - 1

    def actor_at(self, token: Token) -> Actor | None:
        return self.actors.actor_at(token) if self.actors is not None else None

    def mention_kind(self, token: Token) -> str | None:
        mention = self.actors.mention_at(token) if self.actors is not None else None
        return mention.kind if mention is not None else None

    def noun_class(self, token: Token) -> str | None:
        return self.nouns.get(token.lemma_.lower()) or self.nouns.get(token.lower_)

    def is_break(self, token: Token) -> bool:
        return token.is_space and "\n" in token.text

    def is_cue_verb(self, token: Token) -> bool:
        """Return True for a reporting verb that reports speech (not "declined to say")."""
        if token.pos_ not in ("VERB", "AUX"):
            return False
        lemma = token.lemma_.lower()
        if lemma in finding_verbs():
            # "Figures from the ONS show that …", "a study found that …" (not "police
            # found"); a finding in a subordinate clause is evidence for the sentence, not
            # what the text reports ("fined after an investigation found that …").
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            main = token if token.dep_ != "conj" else token.head
            if (
                subject is None
                or self.noun_class(_partitive(subject)) not in _FINDERS
                or main.dep_ != "ROOT"
            ):
                return False
        elif lemma not in self.verbs:
            words = self.phrasal.get(lemma)
            if words is None or not any(c.lower_ in words for c in token.children):
                return False
        if any(c.dep_ == "neg" for c in token.children):
            return False
        return not (token.dep_ == "xcomp" and token.head.lemma_.lower() in _REFUSALS)

    def cue_phrase_at(self, i: int) -> _Cue | None:
        """Return the multi-word cue starting at token ``i`` ("according to X"), if any."""
        doc = self.doc
        for words in self.cues.get(doc[i].lower_, ()):
            end = i + len(words)
            if end > len(doc) or any(doc[i + k].lower_ != w for k, w in enumerate(words)):
                continue
            last = doc[end - 1]
            source = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
            if source is None and end < len(doc) and doc[end].pos_ in ("PROPN", "NOUN", "DET"):
                source = _phrase_head(doc, end)
            return _Cue(i, end, source)
        return None

    # ----- speakers

    def speaker_of(self, verb: Token, depth: int = 0) -> Token | None:
        """Return the token heading the speaker phrase of a reporting verb, or None."""
        quoted = _quoted_as_saying(verb)
        if quoted is not None:
            return quoted
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and not c.is_punct]
        subject = next((s for s in subjects if not self.in_quote[s.i]), None)
        if (
            verb.i < self.headline_tokens
            and verb.tag_ == "VBN"
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
            and any(c.dep_ == "prep" and c.lower_ in ("of", "over", "for") for c in verb.children)
        ):
            # "Minister accused of ‘cruelty’ over plan": a headline passive; the minister is
            # accused, and the accuser, if any, is the "by" agent.
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        dashed = [s for s in subjects if s.i < verb.i and self.after_dash(s, verb)]
        if subject is not None and dashed and subject.i < dashed[0].i:
            # "ISLAMABAD, Feb 9 (Reuters) - Pakistan's election commission said": the
            # parser took the dateline for a subject too; the one after the dash speaks.
            subject = dashed[0]
        if (
            subject is not None
            and len(subjects) > 1
            and subjects[1].i < verb.i
            and subject.right_edge.i + 1 == subjects[1].left_edge.i
            and subjects[1].pos_ == "PROPN"
        ):
            # "The paramilitary Rapid Support Forces said": the parser split one noun
            # phrase into two subjects; the name that ends it heads it.
            subject = subjects[1]
        if verb.i > 0 and self.doc[verb.i - 1].text == ",":
            # "Staff ‘exhausted’, say unions": the parser gave the inverted verb both
            # nouns as subjects; the one after the comma and verb is the speaker.
            subject = next((s for s in subjects if s.i > verb.i), subject)
        if subject is not None and subject.dep_ == "csubj" and subject.tag_ in ("VBG", "VBN"):
            # "Opening the case at the Crown Court, prosecutor X said": the parser took
            # the fronted participle clause for the subject; the noun phrase after its
            # comma, right before the verb, is the speaker.
            subject = self.noun_before(verb, subject.right_edge.i)
        if subject is not None and subject.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        if subject is not None:
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
        if subjects:
            # The parser took words of the quotation for the subject: take a name beside the verb.
            return self.name_near(verb)
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            # "… issued a statement saying …": the statement, or whoever issued it.
            noun = verb.head
            if noun.dep_ in ("dobj", "pobj"):
                issuer = noun.head if noun.dep_ == "dobj" else noun.head.head
                owner = next((c for c in issuer.children if c.dep_ == "nsubj"), None)
                if owner is not None:
                    return owner
            return noun
        if verb.tag_ == "VBN":
            return None  # "when asked if …": a passive without its agent
        if (
            depth < 3
            and verb.dep_ == "pcomp"
            and verb.head.lower_ == "by"
            and verb.head.head.pos_ in ("VERB", "AUX")
        ):
            # "answered by chanting …"; not "stopped short of saying whether …"
            return self.speaker_of(verb.head.head, depth + 1)
        if (
            depth < 3
            and verb.dep_ in ("conj", "advcl", "xcomp")
            and verb.head.pos_ in ("VERB", "AUX")
            and not (self.in_quote[verb.head.i] and not self.in_quote[verb.i])
        ):
            head = verb.head
            if verb.tag_ == "VBG" and head.dep_ == "ccomp" and self.is_cue_verb(head.head):
                # "argued that X …, saying Y": the parser hung "saying" inside the content.
                head = head.head
            return self.speaker_of(head, depth + 1)
        if verb.lemma_.lower() not in _ADDRESSEE_VERBS:
            # Inverted order ("said the minister") that the parser did not label nsubj.
            for child in verb.rights:
                if (
                    child.dep_ in _INVERTED_DEPS
                    and child.pos_ in ("PROPN", "NOUN", "PRON")
                    and not self.in_quote[child.i]
                ):
                    return child
        # "…,” the agency's director, Marta Lindqvist, told the BBC": the parser hung the
        # verb on the quotation; the name right before it (past a comma) is its subject.
        k = verb.i - 1
        while k > verb.sent.start and (
            self.doc[k].text == "," or (self.doc[k].like_num and self.doc[k - 1].text == ",")
        ):
            k -= 1  # past commas and an age: "Nur Begum, 31, said"
        before = self.doc[k] if k >= verb.sent.start else None
        if before is not None and before.pos_ == "PROPN" and not self.in_quote[before.i]:
            return before
        return None

    def after_dash(self, subject: Token, verb: Token) -> bool:
        """Whether a dash stands between the start of the sentence and this subject's
        head word, with none between it and the verb."""
        before = self.doc[subject.sent.start : subject.i]
        between = self.doc[subject.i : verb.i]
        dashes = ("-", "–", "—")
        return any(t.text in dashes for t in before) and not any(t.text in dashes for t in between)

    def noun_before(self, verb: Token, stop: int) -> Token | None:
        """Return the head of the noun phrase that ends right before a verb, after ``stop``."""
        doc = self.doc
        k = verb.i - 1
        while k > stop and doc[k].pos_ in ("ADV", "PUNCT") and doc[k].text != ",":
            k -= 1
        if k <= stop or doc[k].pos_ not in ("NOUN", "PROPN") or self.in_quote[k]:
            return None
        return _phrase_head(doc, k)

    def name_near(self, verb: Token) -> Token | None:
        """Return the head of the proper name nearest a verb, outside quotations."""
        doc = self.doc
        for gap in range(1, 5):
            for k in (verb.i + gap, verb.i - gap):
                if 0 <= k < len(doc) and not self.in_quote[k] and doc[k].pos_ == "PROPN":
                    return _phrase_head(doc, k)
        return None

    def speaker_span(self, head: Token, bare: bool = False) -> tuple[int, int]:
        """Return the token range of a speaker phrase, without relative clauses.

        ``bare`` keeps only the head and the words before it (a headline subject).
        """
        doc = self.doc
        right = head.i
        if not bare:
            for child in head.rights:
                if child.dep_ in ("relcl", "acl", "advcl") or self.in_quote[child.i]:
                    break
                if child.dep_ != "punct":
                    right = max(right, child.right_edge.i)
        left = head.left_edge.i
        while right > left and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        opened = sum(t.text == "(" for t in doc[left : right + 1])
        if (
            right + 1 < len(doc)
            and doc[right + 1].text == ")"
            and opened > sum(t.text == ")" for t in doc[left : right + 1])
        ):
            right += 1  # "Médecins Sans Frontières (MSF)": the acronym's closing bracket
        return left, right + 1

    def resolve(self, head: Token, para: int, bare: bool = False) -> tuple[str | None, str]:
        """Return the actor id (or None) and the written phrase of a speaker.

        A name wins over a title in apposition ("the committee chair, Jane Doe"); an
        unnamed spokesperson or official speaks for the organisation in the phrase
        ("a spokesman for the ministry", "a Pentagon official"); a pronoun without a
        linked actor takes the previous speaker when it agrees; "one of the sources"
        is resolved as "the sources". A surname-only actor ("Ms. Reyes") gives way to
        the one actor with that full name ("Monica Reyes").
        """
        left, right = self.speaker_span(head, bare)
        phrase = self.doc[left:right].text
        actor_id = None if bare else self.self_named(head)
        if actor_id is None:
            actor_id = self.full_name(self.resolve_head(_partitive(head), para, left, right))
        own = self.actor_at(head)
        if (
            not bare
            and (actor_id is None or (own is not None and own.id == actor_id))
            and actor_id not in self.named()
        ):
            # "the striker said": a description of someone named before, even when the
            # actor stage made the description an unnamed actor of its own.
            actor_id = self.described_person(head) or actor_id
            if own is None or own.id in self.created or len(own.mentions) == 1:
                # "the group said": a body the actor stage linked it to stands; an actor
                # of its own (the description its only mention) is no link.
                actor_id = self.described_body(head, para) or actor_id
        if (
            not bare
            and own is not None
            and actor_id == own.id
            and actor_id not in self.named()
            and self.noun_class(head) == "proxy"
        ):
            actor_id = self.proxy_body(head, own, para) or actor_id
        if actor_id is None:
            actor_id = self.speaker_actor(_partitive(head))
        return actor_id, phrase

    def proxy_body(self, head: Token, own: Actor, para: int) -> str | None:
        """Return the body a re-mentioned spokesperson speaks for, or None.

        "A spokesperson for the Interior Ministry told reporters …" ¶ "“…,” the
        spokesperson said": the ministry, as at the first mention.
        """
        span = self.doc.char_span(*own.mentions[0], alignment_mode="expand")
        if span is None or span.root.i == head.i:
            return None
        left, right = self.speaker_span(span.root)
        body = self.resolve_head(span.root, para, left, right)
        return body if body is not None and body != own.id else None

    def self_named(self, head: Token) -> str | None:
        """Return the person of "a relative, who gave her name only as Rosa", or None.

        People who give one name (or only a first name) are named in a relative clause
        ("who gave his name as X", "who uses one name", "identified only as X").
        """
        for clause in head.subtree:
            # The parser may hang the clause on a noun inside the phrase ("a relative of
            # one of the inmates, who gave her name as …").
            if clause.dep_ not in ("relcl", "acl") or self.in_quote[clause.i]:
                continue
            words = list(clause.subtree)
            if not any(t.lemma_.lower() in _NAMING_WORDS for t in words):
                continue
            for t in words:
                nxt = self.doc[t.i + 1] if t.i + 1 < len(self.doc) else None
                if nxt is not None and nxt.text == "," and t.lower_ in _NAME_NOUNS:
                    nxt = self.doc[t.i + 2] if t.i + 2 < len(self.doc) else None
                if (
                    (t.lower_ == "as" or t.lower_ in _NAME_NOUNS)
                    and nxt is not None
                    and nxt.pos_ == "PROPN"
                    and nxt.i <= clause.right_edge.i
                ):
                    # "who gave his name as X", "gave only her first name, X", "gave only
                    # his nom de guerre X"
                    name = _phrase_head(self.doc, nxt.i)
                    actor = self.actor_at(name)
                    return actor.id if actor is not None else self.speaker_actor(name, "person")
        return None

    def described_person(self, head: Token, speaking: bool = True) -> str | None:
        """Return the named person a definite description refers back to, or None.

        "Karen Mills, a 34-year-old mother of five, …" ¶ "the mother of five said": the
        description's noun was given to a named person before, in apposition ("Dean
        Fowler, the defender"), as a title ("defender Dean Fowler"), after a copula
        ("Fowler is a defender") or as a definite description that re-mentioned the
        person last named as a subject ("Dean Fowler signed … The 29-year-old defender
        joined …"); a gendered noun ("the mother of two") is the one named person of
        that gender before it, and a person noun the text never gave anyone ("the defender
        said" after "Dean Fowler, who captained the side, …") the one named person before
        it, when it speaks (``speaking``; a subject that does not speak is no evidence).
        """
        doc = self.doc
        own = self.actor_at(head)
        if (
            speaking
            and self.is_subject(head)
            and (
                _AGE.fullmatch(head.text)
                or (head.lower_ == "old" and any(c.lower_ == "year" for c in head.children))
            )
            and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        ):
            # "“…,” the 23-year-old said": an age alone re-mentions the person last named
            # as a subject.
            return self.subject_before(head, self.para_of[head.i])
        if (
            head.pos_ != "NOUN"
            or head.tag_ == "NNS"
            or self.noun_class(head) not in (None, "person")
            or (own is not None and own.kind != "person")
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        ):
            return None
        lemma = head.lemma_.lower()
        seen = False  # whether the text used the noun before
        for k in range(head.i - 1, -1, -1):
            t = doc[k]
            # A title may be capitalised before a name ("Foreign Minister Ravi Sen").
            if t.pos_ not in ("NOUN", "PROPN") or lemma not in (t.lemma_.lower(), t.lower_):
                continue
            if self.in_quote[k]:
                continue
            seen = True
            # "Dean Fowler, a defender" / "defender Dean Fowler": the noun is the name's
            # apposition or compound, or the name is the noun's.
            linked = [c for c in t.children if c.dep_ in ("appos", "compound")]
            if t.dep_ in ("appos", "compound"):
                linked.append(t.head)
            for other in linked:
                named = self.described_name(other)
                if named is not None:
                    return named
            if t.dep_ == "attr":
                subject = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
                named = self.described_name(subject) if subject is not None else None
                if named is not None:
                    return named
            if t.dep_ in ("nsubj", "nsubjpass") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in t.children
            ):
                return self.subject_before(t, self.para_of[k])
        if self.is_subject(head) and any(
            _AGE.fullmatch(t.text)
            or (t.like_num and t.dep_ in ("appos", "amod", "npadvmod"))
            or (t.lower_ == "old" and any(c.lower_ == "year" for c in t.children))
            for t in head.subtree
            if t.i != head.i
        ):
            # "The actress, 31, …", "the 29-year-old defender": an aged description as a
            # subject re-mentions the person last named as a subject.
            found = self.subject_before(head, self.para_of[head.i])
            if found is not None:
                return found
        gender = gendered_nouns().get(lemma)
        role = default_kb().roles.get((norm(lemma),))
        personal = (
            self.noun_class(head) == "person"
            or (role is not None and role.kind == "person")
            or lemma.endswith(_AGENT_SUFFIXES)
        )
        # "The driver of the lorry said": a restrictive modifier introduces someone new.
        restricted = any(c.dep_ in ("prep", "relcl", "acl") for c in head.rights)
        if self.actors is None or (
            gender is None
            and (
                not speaking
                or seen
                or restricted
                or not personal
                or (role is not None and role.title)
            )
        ):
            return None
        # "the mother of two said": the one named person of that gender before. A noun the
        # text never gave anyone ("Dean Fowler, who captained the side, …" ¶ "the defender
        # said") is the one named person before it; a title ("the minister") may be
        # someone the text has not named.
        matching = {
            a.id
            for a in self.actors.actors
            if a.id in self.named()
            and (a.kind == "person" or self.looks_personal(a))
            and min(a.mentions)[0] < head.idx
            and (gender is None or self.gender_of(a.id) == gender)
        }
        if len(matching) != 1 and gender is None:
            # Several named people: "Anahit Sargsyan, 66, … She said …" ¶ "“…,” the former
            # schoolteacher said" is the person the text last made its subject.
            latest = self.subject_before(head, self.para_of[head.i])
            matching = {latest} if latest is not None else matching
        if len(matching) != 1:
            return None
        (found,) = matching
        if gender is None and self.described_as_other(found, lemma):
            return None  # "Singer Ray Collins" … "the promoter said": someone else
        return self.full_name(found)

    def described_body(self, head: Token, para: int) -> str | None:
        """Return the one recently named body a definite body noun describes, or None.

        "Médecins Sans Frontières (MSF) said …" ¶ "“…,” the medical charity said": a
        singular "the charity", "the agency", "the bloc" with no name of its own is the
        body named in this or the two paragraphs before that fits the noun
        (``en_quote_body_nouns.tsv``: its sector, or the noun in its name; a body of
        unknown sector fits any), when exactly one fits.
        """
        sectors = body_nouns().get(head.lemma_.lower())
        if (
            sectors is None
            # Singular; the small model may tag a lower-case "bloc" as a proper noun.
            or not (head.tag_ == "NN" or (head.tag_ == "NNP" and head.text.islower()))
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
            or any(c.pos_ == "PROPN" and c.i != head.i for c in head.subtree)
            or self.actors is None
        ):
            return None
        noun = head.lemma_.lower()
        fitting: set[str] = set()
        for mention in self.actors.mentions:
            if mention.kind != "name" or mention.start >= head.i:
                continue
            if self.para_of[mention.start] < para - 2 or self.in_quote[mention.start]:
                continue
            body = self.actors.actors[mention.actor]
            if body.kind not in ("organisation", "group"):
                continue
            if (
                "*" in sectors
                or body.sector is None
                or body.sector in sectors
                or noun in body.name.lower().split()
            ):
                fitting.add(body.id)
        return next(iter(fitting)) if len(fitting) == 1 else None

    def described_as_other(self, actor_id: str, lemma: str) -> bool:
        """Return True when the text gave a person a noun other than ``lemma``.

        "Singer Ray Collins", "Ray Collins, the singer,": a noun in or beside a name mention.
        """
        actor = self.actor_by_id(actor_id)
        assert actor is not None
        name = set(actor.name.split())
        for start, end in actor.mentions:
            first, last = self.token_at(start), self.token_at(end) - 1
            if last < first:
                continue
            near = [*self.doc[first : last + 1], *self.doc[last].children]
            if any(
                t.pos_ in ("NOUN", "PROPN")
                and t.dep_ in ("compound", "appos")
                and t.text not in name
                and lemma not in (t.lemma_.lower(), t.lower_)
                and (first <= t.i <= last or t.dep_ == "appos")
                for t in near
            ):
                return True
        return False

    def described_name(self, token: Token) -> str | None:
        """Return the actor a person noun describes by name ("Fowler, a defender"), or None.

        Being given a person noun makes a name a person's, whatever kind the tagger gave a
        lone surname ("Fowler" as an organisation); states and places are never described so.
        """
        named = self.named_person(token)
        if named is not None:
            return named
        actor = self.actor_at(token)
        if (
            actor is not None
            and token.pos_ == "PROPN"
            and self.mention_kind(token) == "name"
            and actor.kind in ("organisation", None)
        ):
            return self.full_name(actor.id)
        return None

    def recent_person(self, pronoun: Token, para: int) -> str | None:
        """Return the named person last made a subject before a he/she speaker, or None.

        "Maria Lopez said …" ¶ "“…,” said Carla Diaz." ¶ "“…,” she said": the most
        recent subject (or speaker) that is a person of the pronoun's gender, in this
        paragraph or the previous one, else the most recent of unknown gender; a
        description re-mentioning a named person ("The actress, 31, …") counts as that
        person. The actor stage links pronouns by sentence and may pick a person named
        as an object ("plays Kelly Shaw").
        """
        doc = self.doc
        want = "f" if pronoun.lower_ in ("she", "her") else "m"
        unsure: str | None = None
        reported: str | None = None
        unsure_para = -1
        for k in range(pronoun.i - 1, -1, -1):
            if self.para_of[k] < para - 1:
                break
            t = doc[k]
            if (
                not (self.is_subject(t) or _according_to(t))
                or self.in_quote[k]
                or t.lower_ in _RELATIVE
            ):
                continue
            found = self.named_person(t) or self.initialled_name(t)
            if found is None and t.lower_ in _PERSON_PRONOUNS:
                actor = self.actor_at(t)
                found = actor.id if actor is not None and actor.kind == "person" else None
                # "“…,” she says": the pronoun of a cue speaks for the speaker found for it.
                found = found or next(
                    (
                        f.speaker
                        for f in self.found
                        if f.speaker is not None
                        and f.cue is not None
                        and f.cue[0] > t.idx
                        and f.cue[0] - t.idx <= len(t.text) + 2
                    ),
                    None,
                )
            if found is None and t.pos_ in ("NOUN", "PROPN"):
                found = next(
                    (
                        named
                        for c in t.children
                        if c.dep_ in ("appos", "compound")
                        and (named := self.named_person(c)) is not None
                    ),
                    None,
                ) or (self.described_person(t, speaking=False) if t.pos_ == "NOUN" else None)
            if found is None and t.pos_ == "NOUN":
                # "A parent, who gave his name only as Malam Sani, said": a description
                # the actor stage linked to a named person is that person.
                linked = self.actor_at(t)
                if linked is not None and linked.kind == "person" and linked.id in self.named():
                    found = linked.id
            spokes = None
            if found is None and self.noun_class(t) == "proxy":
                # "A spokesman for Orbis said …. “…,” he said": the spokesman's words are
                # quoted as the body's, so are those of the pronoun that goes on with him.
                spokes = next(
                    (f.speaker for f in self.found if f.cue is not None and f.cue[0] == t.head.idx),
                    None,
                )
                found = spokes
            if found is None:
                continue
            if t.lower_ in _PERSON_PRONOUNS:
                gender = "f" if t.lower_ in ("she", "her") else "m"
            elif spokes is not None:
                gender = gendered_nouns().get(t.lemma_.lower())
            else:
                gender = self.gender_of(found)
            if self.reported_at(t.idx):
                # "His lawyer, Ian Brett, said Moss would plead not guilty." ¶ "“…,” he
                # said": a subject inside reported speech is not the one the text is
                # following; it counts only when no one else does (of unknown gender, not
                # even then: "Raj Patel said Pixelcraft is … “…,” he said").
                if gender == want:
                    reported = reported or found
                continue
            if gender == want:
                # A person of unknown gender in the pronoun's own paragraph is nearer
                # than one of its gender in the paragraph before ("Quinn disagreed.
                # “…,” he said" after "… said Paul Baxter.").
                if unsure is not None and unsure_para == para and self.para_of[k] < para:
                    return unsure
                return found
            if gender is None and unsure is None:
                unsure, unsure_para = found, self.para_of[k]
        # A person of unknown gender only when no one of the pronoun's gender is nearer
        # the start of the window: "she" skips a "Kwaku Mensah" for an earlier "Lena".
        return reported or unsure

    def reported_at(self, char: int) -> bool:
        """Return True when a character lies inside reported speech found so far."""
        return any(f.kind in ("indirect", "mixed") and f.start <= char < f.end for f in self.found)

    def is_subject(self, token: Token) -> bool:
        """Return True for a subject, or a noun phrase opening its sentence as the root.

        The small parser makes a heavy subject ("The actress, 31, who plays …, hit
        back") the root and hangs the verb on it.
        """
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ != "ROOT" or token.pos_ not in ("NOUN", "PROPN"):
            return False
        return all(t.is_space or t.is_punct for t in self.doc[token.sent.start : token.left_edge.i])

    def actor_by_id(self, actor_id: str | None) -> Actor | None:
        """Return the actor with this id, or None."""
        if self.actors is None or actor_id is None:
            return None
        return next((a for a in self.actors.actors if a.id == actor_id), None)

    def gender_of(self, actor_id: str) -> str | None:
        """Return "m"/"f" for a person by honorific or given name, else None."""
        actor = self.actor_by_id(actor_id)
        if actor is None:
            return None
        for start, end in actor.mentions:
            first = self.text[start:end].split()[0].lower().rstrip(".")
            if first in _GENDERED_HONORIFICS:
                return _GENDERED_HONORIFICS[first]
        return given_names().get(norm(actor.name.split()[0]))

    def named_person(self, token: Token) -> str | None:
        """Return the person actor a token names, or None."""
        actor = self.actor_at(token)
        if (
            actor is not None
            and self.mention_kind(token) == "name"
            and (actor.kind == "person" or self.looks_personal(actor))
        ):
            return self.full_name(actor.id)
        return None

    def resolve_head(self, head: Token, para: int, left: int, right: int) -> str | None:
        """Return the actor id of a speaker phrase's head (see :meth:`resolve`)."""
        actor = self.actor_at(head)
        if actor is not None and self.mention_kind(head) == "name":
            return (
                self.body_named_for_place(head) or self.person_after_place(head, actor) or actor.id
            )
        if self.is_medium(head):
            # "The Daily Ledger reported …" ¶ "The paper said": the paper named before.
            return self.described_body(head, para) or self.medium_actor(head, actor)
        if actor is None or self.mention_kind(head) != "name":
            initialled = self.initialled_name(head)
            if initialled is not None:
                return initialled
        for child in head.children:
            if child.dep_ in ("appos", "compound") and left <= child.i < right:
                for t in child.subtree:
                    named = self.actor_at(t)
                    # A named person, or a named body beside a common noun ("the charity
                    # Care4Calais", "the group, Just Stop Oil"), but not a state
                    # ("a U.S. official" speaks for the U.S. only as a proxy, below).
                    if (
                        named is not None
                        and self.mention_kind(t) == "name"
                        and (
                            named.kind == "person"
                            or (head.pos_ == "NOUN" and named.kind != "state")
                        )
                    ):
                        return named.id
        if head.pos_ == "NOUN":
            named_last = self.closing_appositive(head, right)
            if named_last is not None:
                return named_last
        if head.lower_ in _PRONOUNS:
            if head.lower_ in _PERSON_PRONOUNS and head.head.lemma_.lower() in _CONTINUING:
                # "“…,” said Tom Quinn. Paul Baxter shook his head. ¶ “…,” he added": adding
                # goes on with the speaker just quoted, whoever the text named since.
                previous = self.previous_speaker(para, head.lower_)
                want = "f" if head.lower_ in ("she", "her") else "m"
                if previous is not None and self.gender_of(previous) in (None, want):
                    return previous
            if head.lower_ in _PERSON_PRONOUNS:
                recent = self.recent_person(head, para)
                if recent is not None:
                    return recent
                if actor is not None and not (actor.kind == "person" or self.looks_personal(actor)):
                    # "Brightwell Energy announced …" ¶ "“…,” he said": he/she is never a
                    # body the actor chains linked it to.
                    actor = None
            if actor is not None and actor.id not in self.named():
                # Linked to a title the actor stage kept apart from its name ("Ukraine's
                # foreign minister, Dmytro Kuleba"): the speaker just quoted is that person.
                previous = self.previous_speaker(para, head.lower_)
                if previous is not None and previous in self.named():
                    return previous
            if actor is not None:
                return actor.id
            previous = self.previous_speaker(para, head.lower_)
            if previous is None and head.lower_ in _PERSON_PRONOUNS:
                return self.subject_before(head, para)
            return previous
        if self.noun_class(head) in ("proxy", "document", "data"):
            # "a spokesman for the ministry", "a statement by the EU", "figures from the
            # ONS", "statistics released by the Home Office": the body behind it.
            for child in [*head.children, *_publishers(head)]:
                if child.dep_ not in ("compound", "poss", "prep", "amod", "nmod", "agent"):
                    continue
                if (
                    child.pos_ == "PROPN"
                    and self.actor_at(child) in (None, actor)
                    and not _names_a_place(child)
                ):
                    # "A FEMA spokesperson": the actor stage kept the body inside the
                    # spokesperson's mention (or left it out); the body speaks.
                    country = actor.country if actor is not None else None
                    return self.speaker_actor(child, "organisation", country)
                # "officials in Chandigarh" are placed there; they do not speak for a town.
                located = child.dep_ == "prep" and child.lower_ not in ("for", "of", "from", "at")
                name = next((c for c in child.children if c.dep_ == "pobj"), None)
                # "Ashby and Northfield … Trust": the parser may coordinate a name's words.
                last = name
                while last is not None and (
                    tail := next(
                        (c for c in last.children if c.dep_ == "conj" and c.pos_ == "PROPN"),
                        None,
                    )
                ):
                    last = tail
                if (
                    not located
                    and name is not None
                    and last is not None
                    and last.pos_ == "PROPN"
                    and self.actor_at(last) is None
                    and not self.in_quote[last.i]
                ):
                    # "a spokesman for Sunderland NHS Foundation Trust": the head of the
                    # name says what it is; actors inside it ("NHS") are only its words.
                    inner = next(
                        (a for t in name.subtree if (a := self.actor_at(t)) is not None), None
                    )
                    country = inner.country if inner is not None else None
                    return self.speaker_actor(last, "organisation", country, name.left_edge.i)
                head_actor = self.actor_at(last) if last is not None and not located else None
                if head_actor is not None and head_actor is not actor:
                    return self.body_named_for_place(last) or head_actor.id
                for t in child.subtree:
                    principal = self.actor_at(t)
                    if (
                        principal is not None
                        and principal is not actor
                        and not self.in_quote[t.i]
                        and not (located and principal.kind == "place")
                    ):
                        return self.body_named_for_place(t) or principal.id
        if self.noun_class(head) == "document" and _refers_back(head):
            issuer = self.document_issuer(head, para) or self.court_of(head)
            if issuer is not None:
                return issuer
        if actor is not None:
            return actor.id
        # Modifiers of the head: "U.S. officials", "Russian diplomats"; an owner only for
        # a body that speaks for it ("Iran's mission", not "Putin's critics").
        owned = self.noun_class(head) in ("organisation", "proxy", "document", "data")
        for child in head.lefts:
            if child.dep_ in ("compound", "amod", "nmod") or (child.dep_ == "poss" and owned):
                found = self.actor_at(child)
                if found is not None:
                    return found.id
        if head.pos_ == "PROPN":
            # A surname the actor stage did not link ("Ricci" after "Enzo Ricci").
            return self.surnames().get(head.text)
        return None

    def document_issuer(self, head: Token, para: int) -> str | None:
        """Return who issued the document a definite description refers back to, or None.

        "The IMF said in a statement that …" ¶ "The statement said …": the latest earlier
        mention of the same document noun names its issuer as the speaker of the verb it
        is in ("said in a statement", "In a statement, X said"), the subject of a verb
        that issued it ("X issued a communiqué") or an author in its own phrase ("a
        readout from the ministry"). When that mention names no one, the document stays
        a speaker of its own.
        """
        doc = self.doc
        for k in range(head.i - 1, -1, -1):
            t = doc[k]
            if self.para_of[k] < para - 2:
                return None
            if t.lemma_.lower() != head.lemma_.lower() or self.in_quote[k]:
                continue
            for child in [*t.children, *_publishers(t)]:
                if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from"):
                    for w in child.subtree:
                        named = self.actor_at(w)
                        if named is not None and named.kind != "place":
                            return named.id
                if child.dep_ in ("poss", "compound"):
                    named = self.actor_at(child)
                    if named is not None and named.kind != "place":
                        return named.id
            verb = None
            if t.dep_ == "pobj" and t.head.lower_ == "in" and t.head.head.pos_ in ("VERB", "AUX"):
                verb = t.head.head  # "X said in a statement", "In a statement, X said"
            elif t.dep_ == "dobj" and t.head.lemma_.lower() in _PUBLISHING:
                verb = t.head  # "X issued a communiqué"
            subject = (
                next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if verb is not None
                else None
            )
            if subject is None or self.noun_class(subject) == "document":
                return None
            return self.resolve_head(subject, para, subject.left_edge.i, subject.right_edge.i + 1)
        return None

    def court_of(self, head: Token) -> str | None:
        """Return the court whose "the ruling", "the verdict" a text quotes: the latest
        judicial body (sector JUD) it names before, or None."""
        if head.lemma_.lower() not in _JUDGMENTS or self.actors is None:
            return None
        before = [
            a for a in self.actors.actors if a.sector == "JUD" and a.mentions[0][0] < head.idx
        ]
        if not before:
            return None
        return max(before, key=lambda a: max(s for s, _ in a.mentions if s < head.idx)).id

    def initialled_name(self, head: Token) -> str | None:
        """Return a person actor for a name written with initials that no actor took, or None.

        "Opposition Leader R Ashok Kumar said": Indian, Malaysian and African news write
        given names as initials ("R", "M.K.") that the tagger does not read as a name; the
        actor stage then keeps only the title. The name runs from the first initial to the
        head, and it is a person's.
        """
        if head.pos_ != "PROPN" or self.actor_at(head) is not None or self.in_quote[head.i]:
            return None
        start = head.i
        while (
            start > 0
            and self.doc[start - 1].dep_ == "compound"
            and self.doc[start - 1].head.i == head.i
            and self.doc[start - 1].pos_ == "PROPN"
            and self.actor_at(self.doc[start - 1]) is None
        ):
            start -= 1
        while start < head.i and not _INITIALS.fullmatch(self.doc[start].text):
            start += 1
        if start == head.i or not all(
            _INITIALS.fullmatch(t.text) or t.text[:1].isupper() for t in self.doc[start : head.i]
        ):
            return None
        return self.speaker_actor(head, "person", start=start)

    def closing_appositive(self, head: Token, right: int) -> str | None:
        """Return the named person that ends a description, or None.

        "A community leader in Maru, Alhaji Sani Garba, said": the parser hangs the name
        on the description's last noun (the place), not on its head; a person's name set
        off by commas at the end of a description, or a name with initials ending it, is
        who the description is.
        """
        for t in head.subtree:
            if t.dep_ != "appos" or t.head.i == head.i or t.i >= right:
                continue
            after = t.right_edge.i + 1
            # Only an appositive that closes the phrase: nothing but a comma after it.
            if after < right and not (after == right - 1 and self.doc[after].text == ","):
                continue
            named = self.named_person(t)
            if named is not None:
                return named
        # "Leader of the Opposition V Sathish said": a name with initials closing the phrase.
        last = self.doc[right - 1]
        return self.initialled_name(last) if last.i != head.i else None

    def speaker_actor(
        self,
        head: Token,
        kind: str | None = None,
        country: str | None = None,
        start: int | None = None,
        sector: str | None = None,
    ) -> str | None:
        """Return a new (or the earlier) actor for a speaker no actor covers, or None.

        Every speaker is an actor: "Economists said", "Local fishermen say", "one user
        wrote", "a local think-tank said" are quotes by a group, a person or a body
        that the actor stage left out (it keeps referents that act, not every voice).
        Pronouns stay unresolved; a document with no author in its phrase ("an internal
        memo seen by Reuters said") speaks as a body of its own; data ("figures show")
        speak only for a source the phrase names.
        ``kind`` overrides the kind read from the phrase, ``country`` gives one the
        phrase does not (a spokesperson's body, placed with its spokesperson) and
        ``start`` the first token of a name the parser split and ``sector`` one the
        head's role does not (a news medium's).
        """
        doc = self.doc
        if self.actors is None or head.pos_ not in ("NOUN", "PROPN") or self.in_quote[head.i]:
            return None
        if head.lower_ in _PRONOUNS or self.noun_class(head) == "data":
            return None
        start = head.left_edge.i if start is None else start
        while start < head.i and (
            doc[start].pos_ in ("DET", "NUM", "PUNCT") or doc[start].dep_ in ("poss", "case")
        ):
            start += 1  # "the authors", "three sources": the name is what they are
        words = [t.text for t in doc[start : head.i + 1]]
        if doc[start].pos_ != "PROPN" and doc[start].ent_type_ != "NORP":
            words[0] = words[0].lower()  # "Local fishermen", but "Ghanaian tabloid"
        name = " ".join(words)
        kind = kind or self.speaker_kind(head)
        if kind == "person" and head.pos_ == "PROPN":
            name = person_name(name)  # "his nom de guerre Abu Karim": Abu Karim
        role = default_kb().roles.get((norm(head.lemma_),)) or default_kb().roles.get(
            (norm(head.text),)
        )
        spans = [(start, head.i + 1)]
        if head.pos_ == "PROPN" and start == head.i and kind == "person":
            # "Chaudhary said" after "… led by Suresh Chaudhary …", a name no actor took.
            full = self.written_full_name(head)
            if full is not None:
                name = " ".join(t.text for t in doc[full[0] : full[1]])
                spans.insert(0, full)
        chars = {self.char_span(left, right) for left, right in spans}
        acts = self.actors
        number = next(
            (n for n, a in enumerate(acts.actors) if a.id in self.created and a.name == name),
            None,
        )
        if number is None:
            number = len(acts.actors)
            actor = Actor(
                f"A{number + 1}",
                name,
                kind,
                country or self.country_in(head),
                sector or (role.sector if role is not None else None),
                None if head.pos_ == "PROPN" else head.lower_,
                tuple(sorted(chars)),
            )
            acts.actors.append(actor)
            self.created.add(actor.id)
        else:
            old = acts.actors[number]
            acts.actors[number] = dataclasses.replace(
                old, mentions=tuple(sorted({*old.mentions, *chars}))
            )
        for left, right in spans:
            if all(acts.mention_at(k) is None for k in range(left, right)):
                written = "name" if doc[right - 1].pos_ == "PROPN" else "nominal"
                acts.mentions.append(Mention(left, right, number, written))
        acts.index()
        self._named = None  # a new name mention
        return acts.actors[number].id

    def is_medium(self, head: Token) -> bool:
        """Whether a speaker head with no name of its own is a news medium ("the paper",
        "Iranian state television"; ``en_quote_media_nouns.txt``)."""
        if head.pos_ != "NOUN" or self.in_quote[head.i] or self.mention_kind(head) == "name":
            return False
        if any(c.dep_ in ("prep", "acl", "relcl", "appos") for c in head.rights):
            return False  # "a paper published in Nature", "the paper by Lee": a document
        phrase = [
            t
            for t in head.doc[head.left_edge.i : head.i]
            if t.pos_ != "DET" and (t.pos_ != "PUNCT" or t.text == "-")
        ]
        before = " ".join(t.lower_ for t in phrase).replace(" - ", "-").split()
        # The lemma, or the word as written: the model lemmatises "media" as "medium".
        for last in {head.lemma_.lower(), head.lower_}:
            words = [*before, last]
            if any(tuple(words[-n:]) in media_nouns() for n in (1, 2)):
                return True
        return False

    def medium_actor(self, head: Token, actor: Actor | None) -> str | None:
        """Return the organisation (sector JRN) a news medium speaker is.

        An organisation the actor stage gave the phrase keeps its name and country but
        becomes news media ("state television" is a broadcaster, not the government);
        anything else the chains linked it to (a person named before "…, the paper said")
        is not the paper, which becomes an actor of its own.
        """
        if actor is not None and actor.kind in ("organisation", "group"):
            if actor.sector != "JRN" or actor.kind != "organisation":
                acts = self.actors
                assert acts is not None
                number = acts.actors.index(actor)
                acts.actors[number] = dataclasses.replace(actor, kind="organisation", sector="JRN")
                acts.index()
            return actor.id
        country = self.country_in(head) or next(
            (
                found
                for t in head.lefts
                if (found := default_kb().demonyms.get((norm(t.text),))) is not None
            ),
            None,
        )
        return self.speaker_actor(head, "organisation", country, sector="JRN")

    def speaker_kind(self, head: Token) -> str:
        """Return the actor kind a speaker phrase reads as (see :meth:`speaker_actor`)."""
        if head.pos_ == "PROPN":
            return "person" if head.ent_type_ in ("PERSON", "") else "organisation"
        if head.tag_ in ("NNS", "NNPS") or self.noun_class(head) == "group":
            return "group"
        # A document with no author named ("an internal memo seen by Reuters") speaks as a body.
        return "organisation" if self.noun_class(head) in ("organisation", "document") else "person"

    def written_full_name(self, surname: Token) -> tuple[int, int] | None:
        """Return the tokens of a full name ("Suresh Chaudhary") before a bare surname."""
        doc = self.doc
        for k in range(surname.i - 1, 0, -1):
            t = doc[k]
            if t.text != surname.text or self.in_quote[k] or doc[k - 1].pos_ != "PROPN":
                continue
            first = k - 1
            while (
                first > 0 and doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ == "compound"
            ):
                first -= 1
            if not _surname_only([w.text for w in doc[first : k + 1]]):
                return first, k + 1
        return None

    def person_after_place(self, head: Token, place: Actor) -> str | None:
        """Return a person whose name ends a mention the actor stage gave to a place.

        "Gaza-based journalist Rami Aziz said": a place, a common noun, then a personal
        name; the place only says where the person is from.
        """
        mention = self.actors.mention_at(head)
        if (
            place.kind not in ("state", "place")
            or head.pos_ != "PROPN"
            or head.ent_type_ not in ("PERSON", "")
            or mention is None
            or head.text in place.name.split()
        ):
            return None
        start = head.i
        while (
            start - 1 >= mention.start
            and self.doc[start - 1].pos_ == "PROPN"
            and self.doc[start - 1].dep_ == "compound"
        ):
            start -= 1
        if start - 1 < mention.start or self.doc[start - 1].pos_ != "NOUN":
            return None  # no common noun ("journalist", "resident") between place and name
        return self.speaker_actor(head, "person", place.country, start)

    def body_named_for_place(self, token: Token) -> str | None:
        """Return a body whose name ends in a place the actor stage took for the place.

        "NHS England", "Police Scotland": capitalised words before a country's name
        make a body's name. The mention goes to an organisation of that country; a
        qualifier of the place ("Western Australia") or a title keeps the place.
        """
        acts = self.actors
        mention = acts.mention_at(token) if acts is not None else None
        if mention is None or mention.kind != "name":
            return None
        place = acts.actors[mention.actor]
        if place.kind not in ("state", "place"):
            return None
        words = [t.text for t in self.doc[mention.start : mention.end]]
        pieces = default_kb().scan(words)
        # The place is the name that ends the mention; a body before it ("NHS") or
        # unknown capitalised words ("Transport") make the whole a body's name.
        first = next(
            (
                p.start
                for p in pieces
                if p.what == "name"
                and p.end == len(words)
                and any(e.kind in ("state", "place") for e in p.entries)
            ),
            0,
        )
        lead = 1 if words[0].lower() in ("the", "a", "an") else 0  # "The US" is the US
        if (
            first <= lead
            or any(p.role is not None and p.role.title for p in pieces if p.start < first)
            or not all(
                w[:1].isupper()
                and w.lower() not in _PLACE_QUALIFIERS
                and w.lower().rstrip(".") not in _HONORIFICS
                for w in words[lead:first]
            )
        ):
            return None
        name = " ".join(words[lead:])
        span = (self.doc[mention.start].idx, token.doc[mention.end - 1].idx + len(words[-1]))
        spans = {
            (s, e) for s, e in place.mentions if self.text[s:e] == self.text[span[0] : span[1]]
        }
        # "Police Scotland", "NHS England": a role word or a known body in the name gives
        # the body's sector.
        sector = next(
            (
                p.role.sector if p.role is not None else p.entries[0].sector
                for p in pieces
                if p.start < first and (p.role is not None or p.entries)
            ),
            None,
        )
        body = dataclasses.replace(place, name=name, kind="organisation", sector=sector, role=None)
        if spans == set(place.mentions):
            acts.actors[mention.actor] = body  # every mention of the "place" names the body
            return body.id
        number = len(acts.actors)
        acts.actors[mention.actor] = dataclasses.replace(
            place, mentions=tuple(sorted(set(place.mentions) - spans))
        )
        acts.actors.append(
            dataclasses.replace(body, id=f"A{number + 1}", mentions=tuple(sorted(spans)))
        )
        self.created.add(f"A{number + 1}")
        for m in acts.mentions:
            start = self.doc[m.start].idx
            if m.actor == mention.actor and any(s == start for s, _ in spans):
                m.actor = number
        acts.index()
        return f"A{number + 1}"

    def country_in(self, head: Token) -> str | None:
        """Return the country of the one place or state a speaker phrase names, if any."""
        countries = {
            actor.country
            for t in head.subtree
            if t.i != head.i
            and not self.in_quote[t.i]
            and (actor := self.actor_at(t)) is not None
            and actor.kind in ("state", "place")
            and actor.country is not None
        }
        return countries.pop() if len(countries) == 1 else None

    def full_name(self, actor_id: str | None) -> str | None:
        """Return the actor with the full name for a surname-only actor, else ``actor_id``."""
        if actor_id is None or self.actors is None:
            return actor_id
        if self._full_names is None:
            self._full_names = _full_names(self.actors.actors, self.text)
        return self._full_names.get(actor_id, actor_id)

    def named(self) -> frozenset[str]:
        """Return the ids of actors with at least one name mention."""
        if self._named is None:
            acts = self.actors
            self._named = (
                frozenset(acts.actors[m.actor].id for m in acts.mentions if m.kind == "name")
                if acts is not None
                else frozenset()
            )
        return self._named

    def subject_before(self, pronoun: Token, para: int) -> str | None:
        """Return the person named as the latest subject before a pronoun, or None.

        "Alasdair MacLeod lived on a rock …" ¶ "‘…,’ he says": with no chain from the
        actor stage and no earlier quote, "he" is the person the text last made its
        subject, in this paragraph or the previous one.
        """
        doc = self.doc
        for k in range(pronoun.i - 1, -1, -1):
            if self.para_of[k] < para - 1:
                return None
            t = doc[k]
            if t.dep_ not in ("nsubj", "nsubjpass") or self.in_quote[k]:
                continue
            actor = self.actor_at(t)
            kind = self.mention_kind(t)
            if actor is None or not (
                kind == "name" or (kind == "pronoun" and actor.id in self.named())
            ):
                continue  # a pronoun counts when the actor stage linked it to a name
            if actor.kind == "person" or t.ent_type_ == "PERSON" or self.looks_personal(actor):
                return actor.id
        return None

    def looks_personal(self, actor: Actor) -> bool:
        """Return True for a name the actor stage typed as a body that reads as a person's.

        The small model tags unfamiliar names ("Alasdair MacLeod") as organisations; a
        name of two or three capitalised words, none of them a noun for a body
        ("Board", "Office", "Energy") or a state, is taken for a person's.
        """
        if actor.kind not in ("organisation", None):
            return False
        core: list[str] = []
        for word in reversed(actor.name.split()):
            if not word[:1].isupper() or word.lower() in _HONORIFICS:
                break
            core.append(word)
        # Initials before a name ("K Anbarasan", "M.K. Stalin", common in Indian and
        # African news) are a person's, not an acronym's.
        initials = 0
        while len(core) > 1 and _INITIALS.fullmatch(core[-1]):
            core.pop()
            initials += 1
        return 2 - min(initials, 1) <= len(core) <= 3 and not any(
            w.lower() in self.nouns or w.isupper() or w.lower().rstrip(".") in _body_name_words()
            for w in core
        )

    def surnames(self) -> dict[str, str | None]:
        """Return the last word of each person actor's name → its id (None when shared)."""
        if self._surnames is None:
            self._surnames = {}
            for a in self.actors.actors if self.actors is not None else ():
                words = _without_post_nominals(a.name.split())
                if (a.kind == "person" or self.looks_personal(a)) and len(words) > 1:
                    key = words[-1]
                    self._surnames[key] = None if key in self._surnames else a.id
        return self._surnames

    def previous_speaker(self, para: int, pronoun: str) -> str | None:
        """Return the latest speaker of this or the previous paragraph, if the pronoun agrees."""
        kinds = {a.id: a.kind for a in self.actors.actors} if self.actors is not None else {}
        for q in reversed(self.found):
            if q.para < para - 1:
                return None
            if q.speaker is None or q.kind == "partial":
                continue
            kind = kinds.get(q.speaker)
            if pronoun in _PERSON_PRONOUNS:
                return q.speaker if kind == "person" else None
            if pronoun in _THING_PRONOUNS:
                return q.speaker if kind not in (None, "person") else None
            return q.speaker
        return None

    def acceptable_speaker(self, head: Token) -> bool:
        """Return True when a subject can be a source of speech (not "the data suggest")."""
        head = _partitive(head)
        if self.actor_at(head) is not None or head.pos_ == "PROPN":
            return True
        lower = head.lower_
        if lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS or lower in ("i", "we"):
            return True
        if lower in _THING_PRONOUNS:
            # "The embassy said … It accused the media of …": "it" speaks for a body
            # quoted just before, not in "it is said".
            previous = self.actor_by_id(
                next((f.speaker for f in reversed(self.found) if f.speaker), None)
            )
            return previous is not None and previous.kind in ("organisation", "state", "group")
        if self.noun_class(head) not in (None, "data"):
            return True
        if head.pos_ == "NOUN" and lower.endswith(_AGENT_SUFFIXES):
            return True
        role = default_kb().roles.get((norm(head.lemma_),))
        if head.pos_ == "NOUN" and role is not None and role.kind == "person":
            return True
        left, right = self.speaker_span(head)
        if any(self.actor_at(t) is not None for t in self.doc[left:right]):
            return True
        # "Statistics released by the Home Office show …": the publisher in a participle.
        return any(
            self.actor_at(t) is not None for agent in _publishers(head) for t in agent.subtree
        )

    # ----- cues around a quoted stretch

    def region_after(self, close_tok: int) -> range:
        """Return the tokens after a closing mark, up to the end of that sentence."""
        doc = self.doc
        k = close_tok + 1
        end, stop = k, min(len(doc), k + _MAX_REGION)
        while end < stop:
            t = doc[end]
            if self.is_break(t) or self.in_quote[end] or t.text in _TERMINAL:
                break
            end += 1
        return range(k, end)

    def region_before(self, open_tok: int) -> range:
        """Return the tokens before an opening mark, back to the start of that sentence."""
        doc = self.doc
        k, stop = open_tok - 1, max(-1, open_tok - 1 - _MAX_REGION)
        while k > stop:
            t = doc[k]
            if self.is_break(t) or self.in_quote[k] or t.text in _TERMINAL:
                break
            k -= 1
        return range(k + 1, open_tok)

    def cue_in(self, region: range, last: bool) -> _Cue | None:
        """Return the reporting verb or cue phrase of a region nearest the quotation."""
        for k in reversed(region) if last else region:
            phrase = self.cue_phrase_at(k)
            if phrase is not None and phrase.end <= region.stop:
                return phrase
            t = self.doc[k]
            if self.is_cue_verb(t):
                return _Cue(k, k + 1, self.speaker_of(t), t)
        return None

    def verb_before_colon(self, region: range) -> _Cue | None:
        """Return any verb that a colon introducing the quotation follows ("She fumed: …").

        Writers introduce quotations with verbs no lexicon lists; a verb right before the
        colon whose subject can speak is the cue.
        """
        doc = self.doc
        k = region.stop - 1
        if k <= region.start or doc[k].text != ":":
            return None
        verb = doc[k - 1]
        while verb.pos_ in ("ADV", "ADP", "PART") and verb.i > region.start:
            verb = doc[verb.i - 1]  # "he wrote back:", "she put it bluntly:"
        if verb.pos_ != "VERB":
            return None
        speaker = self.speaker_of(verb)
        if speaker is None or not self.acceptable_speaker(speaker):
            return None
        return _Cue(verb.i, verb.i + 1, speaker, verb)

    def document_reading(self, region: range) -> _Cue | None:
        """Return the cue of "sent a message … reading: “…”" that the parser made a noun.

        A participle before the colon ("reading", "saying") that the parser took for a
        noun hangs on a document noun earlier in its sentence; whoever sent, posted or
        wrote the document speaks, else the document. It is nearer the quotation than a
        reporting verb before it ("X told the court that Y had sent a message reading:").
        """
        k = region.stop - 1
        if k <= region.start or self.doc[k].text != ":":
            return None
        word = self.doc[k - 1]
        if not word.lower_.endswith("ing") or word.pos_ not in ("NOUN", "VERB"):
            return None
        for k in range(word.i - 1, word.sent.start - 1, -1):
            t = self.doc[k]
            if self.in_quote[k] or t.pos_ != "NOUN" or self.noun_class(t) != "document":
                continue
            if word.pos_ == "VERB" and not (word.dep_ == "acl" and word.head == t):
                return None  # a verb reads or says of its own subject (verb_before_colon)
            sender = phrase = t
            while phrase.dep_ == "compound":
                phrase = phrase.head  # "a text reading" parsed as one noun
            if phrase.dep_ == "dobj":
                sender = next((c for c in phrase.head.children if c.dep_ == "nsubj"), t)
            if not self.acceptable_speaker(sender):
                return None
            return _Cue(word.i, word.i + 1, sender, None)
        return None

    def colon_speaker(self, region: range) -> Token | None:
        """Return the speaker of "Name: “…”": the noun phrase right before a colon."""
        doc = self.doc
        if not region or doc[region.stop - 1].text != ":" or region.stop - 2 < region.start:
            return None
        t = doc[region.stop - 2]
        if t.pos_ not in ("PROPN", "NOUN"):
            return None
        head = _phrase_head(doc, t.i)
        if self.actor_at(head) is None and head.pos_ != "PROPN" and self.noun_class(head) is None:
            return None
        return head

    def missing_close(self, first: int, last: int) -> int | None:
        """Return the comma where an unclosed quotation must have ended, before its cue.

        '"We were told nothing, said Aled Price, who …' lost its closing mark: a comma
        followed by a reporting verb and its speaker (either order) within the sentence
        is where the writer's words take over again.
        """
        doc = self.doc
        for k in range(first + 1, last):
            if doc[k].text != ",":
                continue
            for j in range(k + 1, min(last + 1, k + 8)):
                t = doc[j]
                if t.text in _TERMINAL:
                    break
                if not self.is_cue_verb(t):
                    continue
                speaker = self.speaker_of(t)
                if speaker is not None and speaker.i > k and self.acceptable_speaker(speaker):
                    return k
                break
        return None

    def classify(self, q: Quoted, o: int, c: int) -> str:
        """Return "direct" or "fragment" for a quoted stretch whose marks are tokens o and c."""
        if q.reopened:
            return "direct"
        doc = self.doc
        content = self.text[q.start : q.end].lstrip(" [(….'\"‘“«")
        if not content:
            return "fragment"
        upper = content[0].isupper() or content[0].isdigit()
        k = o - 1
        while k >= 0 and doc[k].is_space and not self.is_break(doc[k]):
            k -= 1
        prev = doc[k] if k >= 0 and not self.is_break(doc[k]) else None
        starts_sentence = prev is None or prev.text in _TERMINAL or bool(self.in_quote[prev.i])
        after_cue = prev is not None and (
            prev.text in (":", ",", "—", "–") or self.is_cue_verb(prev)
        )
        if not (starts_sentence or after_cue):
            return "fragment"
        if not upper and not (prev is not None and prev.text in (",", ":")):
            return "fragment"
        if (
            not upper
            and prev is not None
            and prev.text == ","
            and self.cue_in(self.region_before(o), last=True) is None
        ):
            # '“…,” he said, “but …”' goes on after a cue; "Grandmother, 82, ‘left …’" does not.
            return "fragment"
        tail = self.text[q.start : q.end].rstrip()
        if tail and tail[-1] in ".,!?…—-:;":
            return "direct"
        if upper and prev is not None and prev.lemma_.lower() in _UTTERANCE_VERBS:
            return "direct"  # 'Farmers shouted "No deal, no peace" as the convoy passed.'
        following = doc[c + 1] if c + 1 < len(doc) else None
        if following is None or self.is_break(following) or following.is_punct:
            return "direct"
        return "direct" if self.cue_in(self.region_after(c), last=False) else "fragment"

    def direct(self, q: Quoted, o: int, c: int, para: int) -> None:
        """Record a direct quote with the cue after or before it, or as a floating quote."""
        doc = self.doc
        # An unclosed quotation cut at the comma before its cue ends there.
        end = q.end if q.closed else min(q.end, doc[c].idx + len(doc[c].text))
        tail = self.text[q.start : end].rstrip()
        cue: _Cue | None = None
        after = self.region_after(c)
        k = o - 1  # the token before the opening mark
        while k >= 0 and doc[k].is_space:
            k -= 1
        # 'chanting "Out with them all!" According to police, …': the verb before cues it.
        cued_before = k >= 0 and not self.in_quote[k] and self.is_cue_verb(doc[k])
        if after and (not tail or tail[-1] not in ".!?…"):
            cue = self.cue_in(after, last=False)
        elif after and tail[-1] != "." and not cued_before:
            # "“Why now?” she asked." goes on after a question or exclamation mark.
            cue = self.cue_in(range(after.start, min(after.stop, after.start + 4)), last=False)
        before = self.region_before(o)
        if not before and k >= 0 and doc[k].text == ":" and not self.in_quote[k]:
            # "X told the council:" closing the paragraph before the quotation.
            before = self.region_before(k + 1)
        if cue is None and before:
            cue = (
                self.document_reading(before)
                or self.cue_in(before, last=True)
                or self.verb_before_colon(before)
            )
        speaker_tok = cue.speaker if cue is not None else None
        if cue is None and before:
            speaker_tok = self.colon_speaker(before)
        if speaker_tok is not None:
            speaker, speaker_text = self.resolve(speaker_tok, para)
            cue_span = self.char_span(cue.start, cue.end) if cue is not None else None
            self.add_direct(q, speaker, speaker_text, cue_span, para)
            return
        # A floating quote: no cue of its own, so it continues the previous speaker.
        prev = next((p for p in reversed(self.found) if p.kind != "partial"), None)
        if prev is not None and prev.para >= para - 1 and prev.speaker_text is not None:
            self.add_direct(q, prev.speaker, prev.speaker_text, None, para)
            return
        # "She describes the process as slow." ¶ "“The first sign was small. …”": the
        # person the text has just made its subject.
        subject = self.actor_by_id(self.narrated_person(o, para))
        if subject is not None:
            self.add_direct(q, subject.id, subject.name, None, para)
        else:
            self.add_direct(q, None, None, None, para)

    def narrated_person(self, before: int, para: int) -> str | None:
        """Return the named person who is the latest subject before token ``before`` (in
        this paragraph or the previous one), through a he/she pronoun, or None."""
        doc = self.doc
        for k in range(before - 1, -1, -1):
            if self.para_of[k] < para - 1:
                return None
            t = doc[k]
            if self.in_quote[k] or t.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if t.lower_ in _PERSON_PRONOUNS:
                actor = self.actor_at(t)
                if actor is not None and actor.id in self.named():
                    return actor.id
                return self.recent_person(t, self.para_of[k])
            return self.named_person(t)
        return None

    def add_direct(
        self,
        q: Quoted,
        speaker: str | None,
        speaker_text: str | None,
        cue: tuple[int, int] | None,
        para: int,
    ) -> None:
        """Record a direct quote, one for each paragraph of a quotation that runs over
        several (each reopened with a mark at the paragraph start), all by its speaker."""
        starts = [q.start, *(mark + 1 for mark in q.reopened)]
        ends = [len(self.text[:mark].rstrip()) for mark in q.reopened] + [q.end]
        for n, (start, end) in enumerate(zip(starts, ends, strict=True)):
            text = self.text[start:end]
            self.add("direct", start, end, text, speaker, speaker_text, cue, para + n)

    def fragment(self, q: Quoted, first: int, last: int, para: int) -> None:
        """Record a quoted fragment as a partial quote with the speaker of its cue.

        A fragment inside a reported clause is folded into that clause's mixed quote
        afterwards (:func:`_mixed_quotes`).
        """
        doc = self.doc
        if self.is_name(q, first):
            return
        tokens = doc[first : last + 1]
        cue = self.governing_cue(tokens.root, first, last)
        if cue is None:
            cue = self.sentence_cue(first, last)
        bare = False
        if cue is None:
            cue, bare = self.headline_cue(q, first), True
        speaker = speaker_text = cue_span = None
        if cue is not None and cue.speaker is not None:
            speaker, speaker_text = self.resolve(cue.speaker, para, bare)
            if cue.end > cue.start:
                cue_span = self.char_span(cue.start, cue.end)
        self.add(
            "partial", q.start, q.end, self.quote_text(q), speaker, speaker_text, cue_span, para
        )

    def is_name(self, q: Quoted, first: int) -> bool:
        """Return True for quoted words that name something rather than quote someone.

        A defined term in parentheses ("(“Northwind” or “the Company”)"), words after a
        noun of ``en_quote_mentions.txt`` ("the word “debut”", "the film “Heat”"), and a
        title in capitals inside a body sentence ("won for “Salt Year”").
        """
        doc = self.doc
        k = self.token_before(q.open + 1) - 1
        while k >= 0 and doc[k].is_space and not self.is_break(doc[k]):
            k -= 1
        if k < 0 or self.is_break(doc[k]):
            return False
        j = k
        while j >= 0 and (self.in_quote[j] or doc[j].lower_ in _DEFINING_GLUE):
            j -= 1
        if j >= 0 and doc[j].text == "(":
            return True
        noun = doc[k]
        if (
            noun.pos_ in ("NOUN", "PROPN")
            and (noun.lemma_.lower() in self.mentions or noun.lower_ in self.mentions)
            and not self.is_cue_verb(noun.head)
        ):
            return True  # but "called the book “a small miracle”" quotes the caller
        if first < self.headline_tokens or doc[k].text in _TERMINAL or doc[k].text == ":":
            return False
        words = [w for w in self.text[q.start : q.end].split() if w[:1].isalpha()]
        return (
            len(words) >= 2
            and all(w[:1].isupper() or w.lower() in _TITLE_GLUE for w in words)
            and words[0][:1].isupper()
        )

    def governing_cue(self, root: Token, first: int, last: int) -> _Cue | None:
        """Return the reporting verb or cue phrase that the fragment depends on, if any."""
        node = root
        for _ in range(12):
            outside = not (first <= node.i <= last) and not self.in_quote[node.i]
            if outside and self.is_cue_verb(node):
                speaker = self.speaker_of(node)
                if speaker is not None and self.acceptable_speaker(speaker):
                    return _Cue(node.i, node.i + 1, speaker, node)
                if speaker is None and node.tag_ == "VBN":
                    # "when asked if … “concrete steps”": an unnamed questioner's words.
                    return _Cue(node.i, node.i + 1, None, node)
            if node.dep_ == "pobj" and outside:
                for start in range(max(0, node.head.i - 3), node.head.i + 1):
                    phrase = self.cue_phrase_at(start)
                    if phrase is not None and phrase.end == node.head.i + 1:
                        return phrase
            if node.head is node:
                return None
            node = node.head
        return None

    def sentence_cue(self, first: int, last: int) -> _Cue | None:
        """Return the reporting verb of the fragment's sentence nearest it, outside quotes."""
        best: _Cue | None = None
        best_gap = len(self.doc)
        for t in self.doc[first].sent:
            if self.in_quote[t.i] or not self.is_cue_verb(t):
                continue
            speaker = self.speaker_of(t)
            gap = min(abs(t.i - first), abs(t.i - last))
            if speaker is not None and self.acceptable_speaker(speaker) and gap < best_gap:
                best, best_gap = _Cue(t.i, t.i + 1, speaker, t), gap
        return best

    def headline_cue(self, q: Quoted, first: int) -> _Cue | None:
        """Return the headline subject a scare quote follows ("Minister ‘very pleased’ …")."""
        if first >= self.headline_tokens:
            return None
        doc = self.doc
        k = self.token_before(q.open + 1) - 1
        if k >= 0 and doc[k].text == ":":
            k -= 1
        if k < 0 or doc[k].pos_ not in ("PROPN", "NOUN"):
            return None
        head = doc[k]
        if self.actor_at(head) is None and self.noun_class(head) is None and head.pos_ != "PROPN":
            return None
        return _Cue(k + 1, k + 1, head)

    # ----- reported speech

    def indirect_candidates(
        self, direct: list[tuple[int, int]]
    ) -> list[tuple[int, _Cue, int, int]]:
        """Return (position, cue, start, end) for each reported clause outside quotations."""
        doc = self.doc
        out = []
        for i in self.cue_tokens:
            t = doc[i]
            if self.in_quote[i]:
                continue
            contents: list[tuple[int, int]] = []
            if self.is_cue_verb(t):
                trailing = self.trailing_content(t)
                if trailing is not None:
                    speaker, start, end = trailing
                    cue: _Cue | None = _Cue(t.i, t.i + 1, speaker, t)
                    contents = [(start, end)]
                else:
                    cue = _Cue(t.i, t.i + 1, self.speaker_of(t), t)
                    contents = [
                        self.clause_chars(c) for c in _contents_of(t) if self.is_content(c, t)
                    ]
            elif t.lower_ in self.cues:
                cue = self.cue_phrase_at(t.i)
                content = self.according_chars(cue) if cue is not None else None
                contents = [content] if content is not None else []
            else:
                continue
            if cue is None or not contents or cue.speaker is None:
                continue
            if not self.acceptable_speaker(cue.speaker):
                continue
            for start, end in contents:
                if end - start < 8 or any(s < end and start < e for s, e in direct):
                    continue
                out.append((min(start, t.idx), cue, start, end))
        return out

    def trailing_content(self, verb: Token) -> tuple[Token, int, int] | None:
        """Return (speaker, start, end) for a sentence that ends in its attribution.

        Wire copy puts the source last: "Talks stalled on Monday, two sources said."
        / "…, said the ministry on Tuesday." The parser often hangs the reported clause
        elsewhere in such sentences (or takes its first noun for the subject), so the
        shape decides: a comma, the speaker phrase and the verb (either order), then
        nothing but adverbials up to the sentence end or to a comma. The content is the
        sentence before that comma.
        """
        doc = self.doc
        sent = verb.sent
        for c in verb.children:
            if (
                c.i > verb.i
                and c.dep_ in ("ccomp", "xcomp", "attr", "oprd", "dobj")
                and (c.dep_ != "dobj" or verb.lemma_.lower() not in _ADDRESSEE_VERBS)
            ):
                return None  # "described scenes of chaos": the verb has its own object
        k = verb.i + 1
        while k < sent.end and doc[k].text not in (",", ";") and not self.is_break(doc[k]):
            t = doc[k]
            if t.pos_ in ("VERB", "AUX") or t.lower_ == "that" or self.in_quote[k]:
                return None
            k += 1
        before = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i]
        if before:
            speaker = before[-1]
            comma = speaker.left_edge.i - 1
            appos = next((c for c in speaker.rights if c.dep_ == "appos"), None)
            if (
                doc[comma].text != ","
                and speaker.left_edge.i > sent.start  # not "Dr X, a scientist, pointed to"
                and appos is not None
                and doc[appos.left_edge.i - 1].text == ","
            ):
                # "… above 50 degrees Celsius, a security source said": the parser made the
                # content's last word the subject and the speaker its apposition.
                speaker, comma = appos, appos.left_edge.i - 1
        else:
            speaker = self.speaker_of(verb)
            comma = verb.i - 1
            if speaker is None or speaker.i < verb.i:
                return None
        if comma <= sent.start or doc[comma].text != "," or self.in_quote[comma]:
            return None
        if speaker.lower_ in _RELATIVE:
            return None
        left = self.after_dateline(sent.start, comma)
        while left < comma and (doc[left].is_punct or doc[left].is_space):
            left += 1
        if doc[left].pos_ in ("ADP", "SCONJ", "ADV") or doc[left].tag_ in ("VBN", "VBG"):
            # "In a video posted online, …", "Asked about the plan, …": an adverbial
            return None
        has_verb = any(
            doc[j].tag_.startswith("VB") or doc[j].tag_ == "MD" for j in range(left, comma)
        )
        if not has_verb and k < sent.end and doc[k].text == ",":
            # "The agreement, the diplomat said, was “the best we could get”": the cue
            # stands inside the reported clause, whose verb comes after it.
            rest = range(k + 1, sent.end)
            if comma > left and any(doc[j].tag_ in ("VBD", "VBZ", "VBP", "MD") for j in rest):
                last = sent.end - 1
                while last > k and self.is_break(doc[last]):
                    last -= 1
                start, end = self.trimmed(left, last)
                return speaker, start, end
        if comma - left < 3:
            return None
        if not has_verb and left >= self.headline_tokens:
            return None
        start, end = self.trimmed(left, comma - 1)
        return speaker, start, end

    def is_content(self, clause: Token, verb: Token) -> bool:
        """Return False for a "clause" before the verb that has no subject of its own.

        "In an email sent the following day, he wrote: …" puts a fronted participle
        phrase in the ccomp slot; a fronted reported clause has a subject ("The plan
        will fail, he said").
        """
        if clause.i > verb.i:
            return True
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)

    def indirect(self, cue: _Cue, start: int, end: int) -> None:
        assert cue.speaker is not None
        para = self.para_of[cue.start]
        speaker, speaker_text = self.resolve(cue.speaker, para)
        cue_span = self.char_span(cue.start, cue.end)
        self.add(
            "indirect", start, end, self.text[start:end], speaker, speaker_text, cue_span, para
        )

    def clause_chars(self, clause: Token) -> tuple[int, int]:
        """Return the characters of a content clause, without "that", dateline or end marks."""
        doc = self.doc
        left, right = clause.left_edge.i, clause.right_edge.i
        verb = clause.head
        split = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if (
            split is not None
            and clause.dep_ == "ccomp"
            and split.right_edge.i + 1 == left
            and not any(c.dep_ in _SUBJECT_DEPS for c in clause.children)
            and any(c.dep_ == "dative" for c in verb.children)
        ):
            # "told us a draft resolution … was unlikely": the parser took the clause's
            # subject for the verb's object.
            left = split.left_edge.i
        for conj in clause.children:
            if conj.dep_ == "conj" and _has_that(conj) and conj.left_edge.i > clause.i:
                right = conj.left_edge.i - 1
                while right > clause.i and (
                    doc[right].dep_ == "cc" or doc[right].text in (",", ";")
                ):
                    right -= 1
                break
        for child in clause.rights:
            if child.tag_ == "VBG" and child.i > left and self.is_cue_verb(child):
                # "…should be dismissed, saying the plaintiffs had …": a report of its own.
                right = min(right, child.left_edge.i - 1)
                while right > clause.i and doc[right].text in (",", ";", "—", "–"):
                    right -= 1
                break
        left = self.after_dateline(left, right)
        while left < right and (
            (doc[left].dep_ == "mark" and doc[left].lower_ in _CONTENT_MARKS)
            # "said that revenue fell": the parser took the complementizer for a determiner
            or (left == clause.left_edge.i and doc[left].lower_ == "that" and clause.i > left + 1)
            or doc[left].is_punct
            or doc[left].is_space
        ):
            left += 1
        # A quotation closing the clause keeps its closing mark: said it was “rigged”.
        while (
            right + 1 < len(doc)
            and self.in_quote[right + 1]
            and doc[right + 1].is_quote
            and self.closes.get(doc[right + 1].idx + 1, -1) >= doc[left].idx
        ):
            right += 1
        return self.trimmed(left, right)

    def after_dateline(self, left: int, right: int) -> int:
        """Skip a dateline ("LONDON (Reuters) -") at the start of a paragraph."""
        doc = self.doc
        start = left
        while start > 0 and left - start < 6 and not self.is_break(doc[start - 1]):
            start -= 1
        if start > 0 and not self.is_break(doc[start - 1]):
            return left
        for k in range(left, min(right, start + 12)):
            if (
                doc[k].text in _DASHES
                and k > left
                and (doc[k - 1].text == ")" or doc[k - 1].is_upper)
            ):
                return k + 1
        return left

    def trimmed(self, left: int, right: int) -> tuple[int, int]:
        doc = self.doc
        # "12%": a percent sign is punctuation to spaCy but a noun in the parse; keep it.
        while right > left and (
            (doc[right].is_punct and doc[right].pos_ != "NOUN" and not self.in_quote[right])
            or doc[right].is_space
        ):
            right -= 1
        return doc[left].idx, doc[right].idx + len(doc[right].text)

    def according_chars(self, cue: _Cue) -> tuple[int, int] | None:
        """Return the content of "according to X, …": the clause the cue phrase modifies."""
        doc = self.doc
        anchor = doc[cue.start]
        head = anchor.head
        phrase_left, phrase_right = anchor.left_edge.i, anchor.right_edge.i
        if head is anchor or head.pos_ not in ("VERB", "AUX"):
            # The parser missed the clause's verb ("Some hurled petrol bombs …, according to
            # a correspondent"): the rest of the sentence, when the phrase opens or ends it.
            sent = anchor.sent
            if phrase_right >= sent.end - 2 and phrase_left > sent.start:
                left, right = sent.start, phrase_left - 1
            elif phrase_left <= sent.start + 1 and phrase_right < sent.end - 1:
                left, right = phrase_right + 1, sent.end - 1
            else:
                return None
            while right > left and (doc[right].is_punct or doc[right].is_space):
                right -= 1
            while left < right and (doc[left].is_punct or doc[left].is_space):
                left += 1
            return self.trimmed(left, right) if right > left else None
        left, right = head.left_edge.i, head.right_edge.i
        if phrase_left <= left:
            left = phrase_right + 1
        elif phrase_right >= right - 1:
            right = phrase_left - 1
        left = self.after_dateline(left, right)
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        if right <= left:
            return None
        return self.trimmed(left, right)

    # ----- interviews and headlines

    def interview_answers(self) -> None:
        """Record the answers of a Q&A interview as direct quotes of the interviewee.

        Three layouts: "Q: …" ¶ "A: …" (the interviewee is the first person the text names
        before the first question); answers labelled with the interviewee's name or
        initials ("Velasquez: The ocean is running a fever.", "AV: …"); and bare question
        paragraphs (two or more paragraphs that are one question each, at least a quarter
        of the paragraphs from the first question on), where the paragraphs up to the
        next question answer it.
        """
        answers: list[_Answer] = []
        marks = [(m.group(1), m.start(), m.end()) for m in _QA.finditer(self.text)]
        questions = [start for kind, start, _ in marks if kind == "Q"]
        if questions:
            interviewee = self.first_person(questions[0])
            if interviewee is not None:
                answers += [
                    _Answer((start, start + 1), end, *interviewee)
                    for kind, start, end in marks
                    if kind == "A"
                ]
        for m in _LABEL.finditer(self.text):
            person = self.labelled_person(m.group(1))
            if person is not None:
                answers.append(_Answer(m.span(1), m.end(), person, m.group(1)))
        if not answers:
            answers = self.answers_to_questions()
        for cue, start, actor_id, phrase in answers:
            end = self.text.find("\n", start)
            end = len(self.text) if end < 0 else end
            end = len(self.text[:end].rstrip())
            if end <= start or any(
                f.start < end and start < f.end for f in self.found if f.kind != "indirect"
            ):
                continue
            # Reported speech inside an answer is the interviewee's own, like that inside marks.
            self.found = [
                f for f in self.found if not (f.kind == "indirect" and start <= f.start < end)
            ]
            para = self.para_of[self.token_at(start)]
            self.add("direct", start, end, self.text[start:end], actor_id, phrase, cue, para)

    def labelled_person(self, label: str) -> str | None:
        """Return the person an answer label names ("Velasquez", "Amara Velasquez", "AV")."""
        if self.actors is None or label in ("Q", "A"):
            return None
        people = [
            a
            for a in self.actors.actors
            if (a.kind == "person" or self.looks_personal(a)) and a.id in self.named()
        ]
        if label.isupper() and 2 <= len(label) <= 3:
            # Initials: those of the one named person whose name gives them.
            found = {
                self.full_name(a.id)
                for a in people
                if "".join(w[0] for w in _core_name(a.name.split())) == label
            }
        else:
            words = label.split()
            found = {
                self.full_name(a.id)
                for a in people
                if _core_name(a.name.split())[-len(words) :] == tuple(words)
            }
        return found.pop() if len(found) == 1 else None

    def answers_to_questions(self) -> list[_Answer]:
        """Return the paragraphs that answer bare question paragraphs, as interview answers."""
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        asked = [
            k
            for k, (start, end) in enumerate(paragraphs)
            if k > 0
            and self.text[start:end].rstrip().endswith("?")
            and self.text[start:end].count("?") == 1
            and not any(ch in _FAMILY for ch in self.text[start:end])
        ]
        # A transcript alternates questions and answers; two rhetorical questions in a
        # long article do not make one.
        if len(asked) < 2 or 4 * len(asked) < len(paragraphs) - asked[0]:
            return []
        interviewee = self.first_person(paragraphs[asked[0]][0])
        if interviewee is None:
            return []
        # The question is the cue of the paragraphs that answer it.
        answers = []
        first_person = 0
        question = paragraphs[asked[0]]
        for k in range(asked[0] + 1, len(paragraphs)):
            if k in asked:
                question = paragraphs[k]
            else:
                answers.append(_Answer(question, paragraphs[k][0], *interviewee))
                first_person += bool(_FIRST_PERSON.search(self.text, *paragraphs[k]))
        # An interviewee speaks in the first person; an explainer's subheads ("What
        # happens next?") are answered in the third.
        return answers if 2 * first_person >= len(answers) else []

    def first_person(self, before: int) -> tuple[str, str] | None:
        """Return (actor id, phrase) of the first person named before char ``before``."""
        if self.actors is None:
            return None
        for t in self.doc:
            if t.idx >= before:
                return None
            actor = self.actor_at(t)
            if (
                actor is not None
                and self.mention_kind(t) == "name"
                and (actor.kind == "person" or self.looks_personal(actor))
            ):
                mention = self.actors.mention_at(t)
                assert mention is not None
                return actor.id, self.doc[mention.start : mention.end].text
        return None

    def headline_speakers(self) -> None:
        """Give a headline quotation with no cue the speaker of the body quote it comes from.

        Headlines lift a speaker's words from the body: the body quote holding the same
        words, else the speaker of most body quotes (the article's main voice). A headline
        partial quote whose subject names no one ("Minister ‘deeply concerned’") takes the
        named speaker of the body quote holding its words (a headline verb is evidence of
        its own and keeps its subject).
        """
        headline_end = self.doc.user_data.get(HEADLINE_END, 0) or 0
        body = [f for f in self.found if f.start >= headline_end and f.speaker is not None]
        for f in self.found:
            if f.start >= headline_end:
                continue
            if f.kind == "partial" and f.cue is None and f.speaker not in self.named():
                # "Minister ‘deeply concerned’ …": a title or common noun over words that a
                # named person says in the body is that person.
                words = _words(f.text)
                source = next(
                    (
                        b
                        for b in body
                        if b.speaker in self.named() and words and words in _words(b.text)
                    ),
                    None,
                )
                if source is not None:
                    f.speaker = source.speaker
                continue
            if f.kind != "direct" or f.speaker_text is not None:
                continue
            words = _words(f.text)
            source = next((b for b in body if words and words in _words(b.text)), None)
            if source is None:
                voices = [b for b in body if b.kind == "direct"]
                counts: dict[str | None, int] = {}
                for b in voices:
                    counts[b.speaker] = counts.get(b.speaker, 0) + 1
                source = max(voices, key=lambda b: counts[b.speaker], default=None)
                if source is None:
                    continue
            f.speaker, f.speaker_text = source.speaker, source.speaker_text

    # ----- output

    def quote_text(self, q: Quoted) -> str:
        """Return the text of a quoted stretch (schema: a quote's text is its span's text)."""
        return self.text[q.start : q.end]

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        doc = self.doc
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)

    def add(
        self,
        kind: str,
        start: int,
        end: int,
        text: str,
        speaker: str | None,
        speaker_text: str | None,
        cue: tuple[int, int] | None,
        para: int,
    ) -> None:
        self.found.append(_Found(kind, start, end, text, speaker, speaker_text, cue, para))


# "Q:" and "A:" opening the paragraphs of an interview transcript.
_QA = re.compile(r"(?m)^(Q|A):[ \t]*")
# Words of someone speaking for themselves, in interview answers.
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|My|we|We|our|Our|us)\b")
# An answer labelled with a name or initials at a paragraph start: "Velasquez: …", "AV: …".
_LABEL = re.compile(r"(?m)^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):[ \t]+(?=\S)")


def _words(text: str) -> str:
    """Return the words of a text, lower case, one space apart (for containment tests)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def _phrase_head(doc: Doc, k: int) -> Token:
    """Return the head of the noun phrase token ``k`` belongs to ("Jane" → "Doe")."""
    t = doc[k]
    for _ in range(4):
        if t.dep_ in ("compound", "amod", "det", "poss", "nummod") and t.head.i > t.i:
            t = t.head
        else:
            break
    return t


# Words that qualify a place's name rather than name a body: "Western Australia".
_PLACE_QUALIFIERS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"central", "greater", "upper", "lower", "new", "great", "inner", "outer", "rural"}
)

# Verbs whose object in quotation marks is what was uttered, word for word.
_UTTERANCE_VERBS = frozenset({"say", "chant", "shout", "yell", "scream", "sing", "exclaim"})
_AGE = re.compile(r"\d+-year-old", re.IGNORECASE)

_PARTITIVES = frozenset({"one", "some", "many", "most", "two", "three", "several", "each"})
_QUANTITIES = frozenset({"hundreds", "thousands", "dozens", "scores", "millions", "tens"})


def _publishers(head: Token) -> list[Token]:
    """Return the agents of a document's publishing participle ("released by X": "by").

    Who released, published or issued a document speaks through it; who saw or obtained
    it ("a memo seen by Reuters") does not.
    """
    return [
        agent
        for child in head.children
        if child.dep_ == "acl" and child.lemma_.lower() in _PUBLISHING
        for agent in child.children
        if agent.dep_ == "agent"
    ]


def _refers_back(head: Token) -> bool:
    """Return True for a document phrase that refers back: "the statement", "its report".

    "A readout of the call" is the readout of an event told before, as definite as "the".
    """
    return any(
        (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        or (c.dep_ == "poss" and c.lower_ in ("its", "their"))
        or (c.dep_ == "prep" and c.lower_ == "of")
        for c in head.children
    )


# What a court issues: "the ruling said" quotes the court.
_JUDGMENTS = frozenset({"ruling", "verdict", "judgment", "judgement"})
# Words of a relative clause that names the person it follows ("who gave his name as").
_NAME_NOUNS = frozenset({"name", "names", "pseudonym", "nickname", "alias", "guerre"})
_NAMING_WORDS = _NAME_NOUNS | {"identify", "call"}


def _according_to(token: Token) -> bool:
    """Whether a token heads the source of "according to": a speaker, like a subject."""
    return (
        token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.lower_ == "according"
    )


def _partitive(head: Token) -> Token:
    """Return "sources" for "one of the sources" or "several hundred of his supporters",
    else the head itself."""
    if head.lower_ not in _PARTITIVES and not (head.like_num or head.lower_ in _QUANTITIES):
        return head
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return pobj if pobj is not None else head


@functools.cache
def _title_words() -> frozenset[str]:
    """Return the words of titles that stand before a name ("Senator", "Lieutenant")."""
    return frozenset(
        word
        for _, row in iter_tsv(data_path("en_roles.tsv"))
        if row["title"] == "yes"
        for word in row["phrase"].split()
    )


# Honorifics and abbreviated titles before a surname: a closed class, like the pronouns.
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "fr"}
    | {"sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt", "cllr", "det", "insp", "supt"}
)


_GENDERED_HONORIFICS = {
    "mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f",
    "lady": "f",
}  # fmt: skip


def _surname_only(words: list[str]) -> bool:
    """Return True for a name that is a surname behind titles ("Ms. Reyes", "Fed's X")."""
    return all(
        word[:1].islower()
        or word.lower().rstrip(".") in _HONORIFICS
        or word.lower() in _title_words()
        or word.endswith(("'s", "’s"))
        for word in words[:-1]
    )


def _without_post_nominals(words: list[str]) -> list[str]:
    """Return a name's words without the suffixes after it ("Hale KC", "Smith Jr.", "X, PhD")."""
    end = len(words)
    while end > 1 and (
        words[end - 1] == ","
        or (
            words[end - 1][:1].isupper()
            and words[end - 1].lower().replace(".", "").rstrip(",") in post_nominals()
        )
    ):
        end -= 1
    return [w.rstrip(",") for w in words[:end]]


def _core_name(words: list[str]) -> tuple[str, ...]:
    """Return a name without titles before it and suffixes after it ("Rebecca Hale")."""
    words = _without_post_nominals(words)
    start = 0
    while start < len(words) - 1 and (
        words[start][:1].islower()
        or words[start].lower().rstrip(".") in _HONORIFICS
        or words[start].lower() in _title_words()
        or words[start].endswith(("'s", "’s"))
    ):
        start += 1
    return tuple(words[start:])


def _full_names(actors: list[Actor], text: str) -> dict[str, str]:
    """Map each surname-only actor to the one other actor with a full name ending alike.

    An actor is surname-only when every capitalised mention of it is a surname behind
    titles ("Ms. Reyes", "Rao"), whatever name the knowledge base gave it: a bare
    surname means the person the article named in full, not a namesake from the KB.
    Actors whose names differ only by titles and suffixes ("Prosecutor Rebecca Hale",
    "Rebecca Hale KC") are one person: each maps to the first of them.
    """
    full: dict[str, dict[tuple[str, ...], str]] = {}
    short: list[tuple[str, str]] = []
    same: dict[str, str] = {}
    for a in actors:
        if a.kind == "state":
            continue
        written = [_without_post_nominals(text[s:e].split()) for s, e in a.mentions]
        written = [
            w
            for w in written
            if w and w[0][:1].isupper() and not (len(w) == 1 and w[0].lower() in _PRONOUNS)
        ]
        surnames = {w[-1] for w in written if _surname_only(w)}
        if written and len(surnames) == 1 and all(_surname_only(w) for w in written):
            short.append((a.id, surnames.pop()))
            continue
        words = _without_post_nominals(a.name.split())
        if len(words) > 1 and words[-1][:1].isupper() and not _surname_only(words):
            cores = full.setdefault(words[-1], {})
            core = _core_name(words)
            if core in cores:
                same[a.id] = cores[core]
            else:
                cores[core] = a.id
    for actor_id, surname in short:
        cores = full.get(surname, {})
        if len(cores) == 1:
            same[actor_id] = next(iter(cores.values()))
    return same


def _quoted_as_saying(verb: Token) -> Token | None:
    """Return the person of "quoted X as saying" / "X was quoted as saying", or None."""
    if verb.lemma_.lower() != "say" or verb.head.lower_ != "as":
        return None
    quote = verb.head.head
    if quote.lemma_.lower() != "quote":
        return None
    for dep in ("dobj", "nsubjpass"):
        person = next((c for c in quote.children if c.dep_ == dep), None)
        if person is not None:
            return person
    return None


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _contents_of(verb: Token) -> list[Token]:
    """Return the heads of a reporting verb's content clauses, in text order.

    Besides the ccomp, the small parser hangs "that" clauses elsewhere: as an adverbial
    clause ("told reporters that …"), on the noun of a prepositional phrase ("said in a
    statement that …", "told AFP outside the prison that …"), or as a conjunct of the verb
    itself ("said X and that Y"). A clause with its own "that" is a content clause in all
    these places, and each conjoined "that" clause is a quote of its own.
    """
    heads: list[Token] = []
    ccomp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if ccomp is not None:
        heads.append(ccomp)
    for child in verb.children:
        if child.dep_ == "ccomp":
            continue
        elif child.dep_ in ("advcl", "dep", "conj") and _has_that(child):
            heads.append(child)
        elif child.dep_ == "prep":
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                for clause in pobj.children:
                    if clause.dep_ in ("acl", "relcl") and _has_that(clause):
                        heads.append(clause)
                    elif clause.dep_ == "acl":
                        # "in a statement posted on X that …"
                        heads.extend(c for c in clause.children if c.dep_ == "ccomp")
                        heads.extend(c for c in clause.children if c.dep_ == "acl" and _has_that(c))
    for head in list(heads):
        heads.extend(c for c in head.children if c.dep_ == "conj" and _has_that(c))
    return sorted(set(heads), key=lambda t: t.i)


def _mixed_quotes(found: list[_Found], text: str) -> list[_Found]:
    """Fold each quoted fragment inside a reported clause into one mixed quote (PARC).

    Reported speech holding any verbatim fragment is a *mixed* quote, whatever the
    fragment's grammar: "said the family had been “shocked”" is one quote, the clause.
    A fragment whose own cue stands inside the clause ("… rejected what the operator
    called its “final” offer, the union said") is a report nested in the clause and
    stays a partial quote of its own speaker.
    """
    reported = [f for f in found if f.kind == "indirect"]
    folded: set[int] = set()
    for n, f in enumerate(found):
        if f.kind != "partial":
            continue
        host = next(
            (
                r
                for r in reported
                if r.start <= f.start < r.end
                and (f.cue is None or f.cue == r.cue or not (r.start <= f.cue[0] < r.end))
            ),
            None,
        )
        if host is None:
            continue
        host.kind = "mixed"
        if f.end > host.end:
            # The parser ended the clause inside the quotation: it runs to the fragment's end.
            host.end = f.end
            host.text = text[host.start : host.end]
        if host.speaker_text is None:
            host.speaker, host.speaker_text = f.speaker, f.speaker_text
        folded.add(n)
    return [f for n, f in enumerate(found) if n not in folded]


def _renumber(acts: DocActors) -> dict[str, str]:
    """Put actors back in order of first mention after speakers were added; old → new id."""
    order = sorted(range(len(acts.actors)), key=lambda n: min(acts.actors[n].mentions))
    new_number = {old: new for new, old in enumerate(order)}
    renamed: dict[str, str] = {}
    actors = []
    for new, old in enumerate(order):
        actor = acts.actors[old]
        if actor.id != f"A{new + 1}":
            renamed[actor.id] = f"A{new + 1}"
            actor = dataclasses.replace(actor, id=f"A{new + 1}")
        actors.append(actor)
    acts.actors = actors
    for m in acts.mentions:
        m.actor = new_number[m.actor]
    acts.index()
    return renamed


def extract_quotes(doc: Doc) -> list[Quote]:
    """Return the quotes of a parsed Doc, in text order, with speakers resolved to actors.

    Unbalanced quote marks never raise: each is recovered at its paragraph boundary and
    reported with :func:`dyads.nlp.add_warning`.

    Args:
        doc: A Doc that went through the parser and, for speaker resolution, the
            ``dyads_actors`` component.

    Returns:
        The quotes, ids ``Q1``, ``Q2``, … in order of their spans.
    """
    reader = _Reader(doc)
    stretches, warnings = scan_marks(reader.text)
    for message in warnings:
        add_warning(doc, message)
    reader.closes = {q.close: q.open for q in stretches if q.closed}
    located = []
    for q in stretches:
        o = reader.token_before(q.open + 1)
        c = reader.token_before(q.close) if q.closed else reader.token_before(q.end)
        first, last = reader.token_at(q.start), reader.token_before(q.end)
        if first > last:
            continue
        if not q.closed:
            c = reader.missing_close(first, last) or c
        for k in range(o, c + 1):
            reader.in_quote[k] = 1
        located.append((q, o, c, first, last))
    # Speakers carry forward (floating quotes, pronouns), so quotes are read in text order.
    items: list[tuple[int, int, tuple]] = []
    direct_spans = []
    for q, o, c, first, last in located:
        kind = reader.classify(q, o, c)
        if kind == "direct":
            direct_spans.append((q.start, q.end))
        items.append((q.open, 0, (kind, q, o, c, first, last)))
    for position, cue, start, end in reader.indirect_candidates(direct_spans):
        items.append((position, 1, ("indirect", cue, start, end)))
    items.sort(key=lambda item: (item[0], item[1]))
    for _, _, item in items:
        para = reader.para_of[item[4] if item[0] != "indirect" else item[1].start]
        if item[0] == "direct":
            reader.direct(item[1], item[2], item[3], para)
        elif item[0] == "fragment":
            reader.fragment(item[1], item[4], item[5], para)
        else:
            reader.indirect(item[1], item[2], item[3])
    reader.interview_answers()
    reader.headline_speakers()
    found = sorted(_mixed_quotes(reader.found, reader.text), key=lambda f: (f.start, f.end))
    if reader.created:
        renamed = _renumber(reader.actors)
        for f in found:
            f.speaker = renamed.get(f.speaker, f.speaker) if f.speaker is not None else None
    return [
        Quote(f"Q{n}", f.kind, (f.start, f.end), f.text, f.speaker, f.speaker_text, f.cue)
        for n, f in enumerate(found, start=1)
    ]


class QuoteFinder:
    """spaCy component: sets ``doc._.dyads_quotes``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyads_quotes = extract_quotes(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
