"""Find quotations and attribute each to its speaker.

Four kinds of quote come out of a document (``docs/quotes.md`` gives the rules):

- ``direct``: a stretch of words between quote marks that stands as a sentence or
  more ("“We are ready,” she said."), including a *floating* quote with no cue of
  its own that continues the previous speaker, and quotes that run over several
  paragraphs. Span = the words inside the marks.
- ``partial``: a quoted phrase inside the writer's own sentence ("identified “a
  shared goal”"), with the speaker of the reporting verb that governs it, or none
  for scare quotes. Span = the phrase.
- ``mixed``: reported speech whose content clause holds a quoted fragment that is
  itself a clause ("He said the plan “would never pass”"). Span = the content clause.
- ``indirect``: reported speech without marks ("X said (that) …", "according to
  X, …"). Span = the content clause.

The work is two passes: :func:`scan_marks` pairs the quote marks of the raw text in
one regular-expression scan (no parse needed), then :func:`extract_quotes` reads the
parse around each quoted stretch and each reporting verb to find the cue and the
speaker, and resolves the speaker to an actor through ``doc._.dyads_actors``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .nlp import HEADLINE_END, add_warning
from .records import Actor, Quote
from .resources import data_path, iter_lines, iter_tsv

# --------------------------------------------------------------------------- lexicons


@functools.cache
def reporting_verbs() -> frozenset[str]:
    """Return the lemmas of reporting verbs (``en_reporting_verbs.txt``)."""
    return frozenset(
        line.strip().lower() for _, line in iter_lines(data_path("en_reporting_verbs.txt"))
    )


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
_MARKS = re.compile("[\"'“”„«»″‘’‚‹›′]|\n")
_BEFORE_OPEN = frozenset(" \t\n([{—–-/…") | _OPENERS | _STRAIGHT
_AFTER_CLOSE = frozenset(" \t\n.,;:!?)]}—–-/…") | _CLOSERS | _STRAIGHT
# Straight apostrophes that open an elided word, not a quotation: 'n', 'em, 'til, '90s.
_ELISION = re.compile(r"'(?:n'|em\b|til\b|tis\b|twas\b|cause\b|\d)", re.IGNORECASE)


@dataclass(slots=True)
class Quoted:
    """A stretch of text between matching quote marks (character offsets).

    ``start``/``end`` delimit the words inside the marks; ``reopened`` holds the
    marks that reopen the quote at the start of each following paragraph of a
    multi-paragraph quote (news convention: no closing mark at a paragraph end).
    ``closed`` is False when the closing mark was missing and the stretch was
    ended at the paragraph boundary.
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


def _flanks(text: str, i: int) -> tuple[bool, bool]:
    """Return whether the mark at ``i`` can open and whether it can close a quotation."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    can_open = before in _BEFORE_OPEN and not after.isspace()
    can_close = not before.isspace() and after in _AFTER_CLOSE
    return can_open, can_close


def _paragraph_number(breaks: list[int], pos: int) -> int:
    return bisect.bisect_right(breaks, pos) + 1


def scan_marks(text: str) -> tuple[list[Quoted], list[str]]:
    """Pair the quote marks of a text; return the outermost quoted stretches and warnings.

    One left-to-right scan with a stack per paragraph. Straight marks open or close by
    what flanks them; a right single mark between letters, or after a letter with no
    single quotation open, is an apostrophe (``Putin’s``, ``officials’``, ``’90s``).
    A paragraph that ends inside a quotation continues it when the next paragraph
    opens with a mark of the same family; otherwise the quotation is closed at the
    paragraph end and a warning says where. Embedded quotations (single inside double
    or the other way round) stay inside their outer stretch.

    Args:
        text: The document text.

    Returns:
        The quoted stretches in text order, and one-line warnings about unbalanced marks.
    """
    found: list[Quoted] = []
    warnings: list[str] = []
    stack: list[_Open] = []
    breaks: list[int] = []
    # Marks of the current paragraph, gathered first so a closer can look ahead.
    para: list[int] = []
    carried: _Open | None = None

    def close(opened: _Open, end: int, close_end: int, closed: bool = True) -> None:
        start = opened.pos + 1
        found.append(Quoted(opened.pos, start, end, close_end, tuple(opened.reopened), closed))

    def run_paragraph(marks: list[int], para_end: int, next_start: int) -> _Open | None:
        stack.clear()
        if carried is not None:
            stack.append(carried)
        skip: set[int] = set()
        for n, i in enumerate(marks):
            if i in skip:
                continue
            ch = text[i]
            fam = _FAMILY[ch]
            if (
                n == 0
                and carried is not None
                and _FAMILY[ch] == _FAMILY[carried.char]
                and (ch in _OPENERS or ch in _STRAIGHT)
                and text[para_start(i) : i].strip() == ""
            ):
                carried.reopened.append(i)
                continue
            can_open, can_close = _flanks(text, i)
            if ch in _STRAIGHT:
                if fam == _SINGLE:
                    if text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum():
                        continue  # don't, Putin's
                    if _ELISION.match(text, i):
                        m = _ELISION.match(text, i)
                        if m and m.group().endswith("'"):
                            skip.add(m.end() - 1)
                        continue
                if (can_open and can_close) or not (can_open or can_close):
                    # Flanked the same on both sides: the stack decides.
                    can_close = _open_index(stack, fam, ch) is not None
                    can_open = not can_close
            elif ch in _OPENERS:
                low = next((o for o in reversed(stack) if _LOW_CLOSER.get(o.char) == ch), None)
                if low is not None and not (can_open and not can_close):
                    can_open, can_close = False, True
                elif ch == "‘" and text[i + 1 : i + 2].isdigit():
                    continue  # ‘90s: an apostrophe curled the wrong way
                else:
                    can_open, can_close = True, False
            else:  # a closing mark
                if ch == "’":
                    if text[i - 1 : i].isalnum() and text[i + 1 : i + 2].isalnum():
                        continue
                    if i == 0 or text[i - 1].isspace():
                        continue  # ’90s, rock ’n’ roll
                    if _open_index(stack, fam, ch) is None:
                        continue  # officials’ (plural possessive)
                    if _possessive_before_later_closer(text, i, marks[n + 1 :]):
                        continue
                can_open, can_close = False, True
            at = _open_index(stack, fam, ch) if can_close else None
            if at is not None:
                opened = stack[at]
                del stack[at:]
                if at == 0:
                    close(opened, i, i + 1)
            elif can_open:
                stack.append(_Open(ch, i))
            elif (ch in _CLOSERS and ch != "’") or ch == '"':
                warnings.append(
                    f"quotes: closing mark {ch} at char {i} (paragraph "
                    f"{_paragraph_number(breaks, i)}) has no opening mark; ignored"
                )
        if not stack:
            return None
        outer = stack[0]
        following = next_start if next_start < len(text) else -1
        if following >= 0:
            nxt = text[following]
            if nxt in _FAMILY and _FAMILY[nxt] == _FAMILY[outer.char] and nxt not in _CLOSERS:
                return outer
        if _FAMILY[outer.char] == _DOUBLE or outer.char in "‘‚‹":
            warnings.append(
                f"quotes: opening mark {outer.char} at char {outer.pos} (paragraph "
                f"{_paragraph_number(breaks, outer.pos)}) is never closed; "
                "quotation ended at the paragraph end"
            )
        if _FAMILY[outer.char] == _DOUBLE:
            end = para_end
            while end > outer.pos + 1 and text[end - 1].isspace():
                end -= 1
            close(outer, end, end, closed=False)
        return None

    starts = [0]

    def para_start(i: int) -> int:
        return starts[-1]

    for m in _MARKS.finditer(text):
        i = m.start()
        if text[i] == "\n":
            # A run of line breaks is one paragraph break.
            if i > 0 and text[i - 1] == "\n":
                starts[-1] = i + 1
                continue
            nxt = i + 1
            while nxt < len(text) and text[nxt] in "\n \t":
                nxt += 1
            carried = run_paragraph(para, i, nxt)
            para = []
            breaks.append(i)
            starts.append(i + 1)
            continue
        para.append(i)
    run_paragraph(para, len(text), len(text))
    found.sort(key=lambda q: q.start)
    return found, warnings


def _open_index(stack: list[_Open], family: str, ch: str) -> int | None:
    """Return the stack index of the innermost open mark ``ch`` can close, or None."""
    for at in range(len(stack) - 1, -1, -1):
        opened = stack[at]
        if _FAMILY[opened.char] == family:
            low = _LOW_CLOSER.get(opened.char)
            if low is None or ch in (low, "”", "’", '"', "'"):
                return at
            return None
    return None


def _possessive_before_later_closer(text: str, i: int, later: list[int]) -> bool:
    """Return True for ``s’`` + word when a later mark can close the quotation instead.

    ‘The workers’ rights come first,’ she said: the first ’ is a plural possessive.
    """
    if text[i - 1 : i] not in ("s", "S") or text[i + 1 : i + 2] != " ":
        return False
    if not text[i + 2 : i + 3].isalpha():
        return False
    return any(text[j] == "’" and _flanks(text, j)[1] and not text[j - 1].isspace() for j in later)


# --------------------------------------------------------------------------- parse side

_TERMINAL = frozenset({".", "!", "?", "…"})
_BOUNDARY_BEFORE = frozenset({".", "!", "?", "…", ":", ",", ";", "—", "–", "-", "(", "--"})
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_THING_PRONOUNS = frozenset({"it"})
_RELATIVE = frozenset({"who", "that", "which", "whom"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_INVERTED_DEPS = frozenset({"nsubj", "dobj", "attr", "npadvmod", "appos", "dep", "oprd"})
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "inform", "remind", "assure", "urge", "warn"})
_FINITE_TAGS = frozenset({"VBD", "VBP", "VBZ", "MD"})
_MAX_REGION = 40


@dataclass(slots=True)
class _Cue:
    """A reporting verb or cue phrase and the token heading its speaker phrase."""

    start: int
    end: int
    speaker: Token | None
    verb: Token | None


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


class _Reader:
    """Everything one document's extraction needs, computed once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self.verbs = reporting_verbs()
        self.cues = cue_phrases()
        self.nouns = speaker_nouns()
        self.actors = doc._.dyads_actors
        self.starts = [t.idx for t in doc]
        self.para_of: list[int] = []
        para = 0
        for t in doc:
            self.para_of.append(para)
            if t.is_space and "\n" in t.text:
                para += 1
        headline_end = doc.user_data.get(HEADLINE_END, 0) or 0
        self.headline_tokens = self.token_at(headline_end) if headline_end else 0
        self.in_quote = bytearray(len(doc))
        self.found: list[_Found] = []

    def token_at(self, char: int) -> int:
        """Return the index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)

    def token_before(self, char: int) -> int:
        """Return the index of the last token starting before ``char``."""
        return bisect.bisect_left(self.starts, char) - 1

    def actor_at(self, token: Token) -> Actor | None:
        return self.actors.actor_at(token) if self.actors is not None else None

    def is_cue_verb(self, token: Token) -> bool:
        return token.lemma_.lower() in self.verbs and token.pos_ in ("VERB", "AUX")

    def is_break(self, token: Token) -> bool:
        return token.is_space and "\n" in token.text

    # ----- cues and speakers

    def cue_phrase_at(self, i: int) -> _Cue | None:
        """Return the multi-word cue starting at token ``i`` ("according to X"), if any."""
        doc = self.doc
        for words in self.cues.get(doc[i].lower_, ()):
            end = i + len(words)
            if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(words)):
                last = doc[end - 1]
                source = next((c for c in last.children if c.dep_ in ("pobj", "dobj")), None)
                if source is None and end < len(doc) and doc[end].pos_ in ("PROPN", "NOUN", "DET"):
                    source = _phrase_head(doc, end)
                return _Cue(i, end, source, None)
        return None

    def speaker_of(self, verb: Token, depth: int = 0) -> Token | None:
        """Return the token heading the speaker phrase of a reporting verb, or None."""
        subject = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is not None and subject.dep_ == "nsubjpass":
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return subject
        if subject is not None:
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
        if verb.dep_ == "relcl":
            return verb.head
        if (
            depth < 3
            and verb.dep_ in ("conj", "advcl", "xcomp")
            and verb.head.pos_ in ("VERB", "AUX")
        ):
            return self.speaker_of(verb.head, depth + 1)
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head  # "a statement saying ...": the statement
        if verb.lemma_.lower() not in _ADDRESSEE_VERBS:
            # Inverted order ("said the minister") that the parser did not label nsubj.
            for child in verb.rights:
                if child.dep_ in _INVERTED_DEPS and child.pos_ in ("PROPN", "NOUN", "PRON"):
                    return child
        return None

    def speaker_span(self, head: Token) -> tuple[int, int]:
        """Return the token range of a speaker phrase, without relative clauses."""
        right = head.i
        for child in head.rights:
            if child.dep_ in ("relcl", "acl", "advcl", "prep") and child.dep_ != "prep":
                break
            if child.dep_ in ("relcl", "acl", "advcl"):
                break
            if child.dep_ == "punct":
                continue
            right = max(right, child.right_edge.i)
        left = head.left_edge.i
        doc = self.doc
        while right > left and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        return left, right + 1

    def resolve(self, head: Token, para: int) -> tuple[str | None, str]:
        """Return the actor id (or None) and the written phrase of a speaker."""
        doc = self.doc
        left, right = self.speaker_span(head)
        phrase = doc[left:right].text
        actor = self.actor_at(head)
        if actor is not None:
            return actor.id, phrase
        lower = head.lower_
        if lower in _PERSON_PRONOUNS | _GROUP_PRONOUNS | _THING_PRONOUNS:
            return self.previous_speaker(para, lower), phrase
        # A named person in the phrase ("Jane Doe, a spokeswoman") speaks for herself; an
        # unnamed spokesperson speaks for the organisation named in the phrase.
        first: Actor | None = None
        for k in range(left, right):
            found = self.actor_at(doc[k])
            if found is None:
                continue
            if found.kind == "person":
                return found.id, phrase
            if first is None:
                first = found
        return (first.id if first is not None else None), phrase

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
        if self.actor_at(head) is not None:
            return True
        lower = head.lower_
        if lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS or lower in ("i", "we"):
            return True
        if head.lemma_.lower() in self.nouns or lower in self.nouns:
            return True
        if head.pos_ == "PROPN":
            return True
        left, right = self.speaker_span(head)
        return any(self.actor_at(self.doc[k]) is not None for k in range(left, right))

    # ----- regions around a quoted stretch

    def region_after(self, close_tok: int) -> range:
        doc = self.doc
        k = close_tok + 1
        stop = min(len(doc), k + _MAX_REGION)
        end = k
        while end < stop:
            t = doc[end]
            if self.is_break(t) or self.in_quote[end] or t.text in _TERMINAL:
                break
            end += 1
        return range(k, end)

    def region_before(self, open_tok: int) -> range:
        doc = self.doc
        k = open_tok - 1
        stop = max(-1, k - _MAX_REGION)
        while k > stop:
            t = doc[k]
            if self.is_break(t) or self.in_quote[k] or t.text in _TERMINAL:
                break
            k -= 1
        return range(k + 1, open_tok)

    def cue_in(self, region: range, last: bool) -> _Cue | None:
        """Return the reporting verb or cue phrase in a region nearest the quote."""
        doc = self.doc
        order = reversed(region) if last else iter(region)
        for k in order:
            t = doc[k]
            phrase = self.cue_phrase_at(k)
            if phrase is not None and phrase.end <= region.stop:
                return phrase
            if self.is_cue_verb(t):
                return _Cue(k, k + 1, self.speaker_of(t), t)
        return None

    def colon_speaker(self, region: range) -> Token | None:
        """Return the speaker of "Name: “…”", a colon right before the quote and no verb."""
        doc = self.doc
        if len(region) < 2 or len(region) > 10 or doc[region.stop - 1].text != ":":
            return None
        if any(doc[k].pos_ in ("VERB", "AUX") for k in region):
            return None
        for k in range(region.stop - 2, region.start - 1, -1):
            if doc[k].pos_ in ("PROPN", "NOUN", "PRON"):
                return _phrase_head(doc, k)
        return None

    # ----- quoted stretches

    def classify(self, q: Quoted, o: int, c: int, first: int, last: int) -> str:
        """Return "direct" or "fragment" for the quoted stretch with mark tokens o, c."""
        if q.reopened:
            return "direct"
        doc, text = self.doc, self.text
        content = text[q.start : q.end].lstrip(" [(….'\"‘“")
        if not content:
            return "fragment"
        upper = content[0].isupper() or content[0].isdigit()
        k = o - 1
        while k >= 0 and doc[k].is_space and not self.is_break(doc[k]):
            k -= 1
        prev = doc[k] if k >= 0 and not self.is_break(doc[k]) else None
        starts_sentence = (
            prev is None
            or prev.text in _TERMINAL
            or (prev.i < o and self.in_quote[prev.i] and prev.text in _CLOSERS | _STRAIGHT)
        )
        after_cue = prev is not None and (
            prev.text in (":", ",", "—", "–") or self.is_cue_verb(prev)
        )
        if not (starts_sentence or after_cue):
            return "fragment"
        if not upper and not (after_cue and prev is not None and prev.text in (",", ":")):
            return "fragment"
        tail = text[q.start : q.end].rstrip()
        ends_punct = bool(tail) and tail[-1] in ".,!?…—-:;"
        if ends_punct:
            return "direct"
        nxt = c + 1
        following = doc[nxt] if nxt < len(doc) else None
        if following is None or self.is_break(following) or following.is_punct:
            return "direct"
        return "direct" if self.cue_in(self.region_after(c), last=False) else "fragment"

    def direct(self, q: Quoted, o: int, c: int, para: int) -> None:
        text = self.text
        tail = text[q.start : q.end].rstrip()
        ends_sentence = bool(tail) and tail[-1] in ".!?…" and tail[-1] != ","
        cue: _Cue | None = None
        after = self.region_after(c)
        if after and not ends_sentence:
            cue = self.cue_in(after, last=False)
        elif after and tail and tail[-1] in "?!…":
            # "“Why now?” she asked." continues the sentence in lower case.
            first = self.doc[after.start]
            if first.text[:1].islower() or self.is_cue_verb(first):
                cue = self.cue_in(after, last=False)
        before = self.region_before(o)
        if cue is None and before:
            cue = self.cue_in(before, last=True)
        speaker_tok = cue.speaker if cue is not None else None
        if cue is None and before:
            speaker_tok = self.colon_speaker(before)
        span_text = self.quote_text(q)
        if speaker_tok is not None:
            speaker, speaker_text = self.resolve(speaker_tok, para)
            cue_span = self.char_span(cue.start, cue.end) if cue is not None else None
            self.add("direct", q.start, q.end, span_text, speaker, speaker_text, cue_span, para)
            return
        # A floating quote: no cue of its own, so it continues the previous speaker.
        prev = next(
            (p for p in reversed(self.found) if p.kind != "partial" and p.para >= para - 1), None
        )
        if prev is not None and (prev.speaker is not None or prev.speaker_text is not None):
            self.add(
                "direct", q.start, q.end, span_text, prev.speaker, prev.speaker_text, None, para
            )
        else:
            self.add("direct", q.start, q.end, span_text, None, None, None, para)

    def fragment(self, q: Quoted, first: int, last: int, para: int) -> None:
        """Record a quoted fragment as a partial quote, or the clause holding it as mixed."""
        doc = self.doc
        tokens = doc[first : last + 1]
        root = tokens.root
        cue: _Cue | None = None
        clause: Token | None = None
        node = root
        for _ in range(12):
            if (
                self.is_cue_verb(node)
                and not self.in_quote[node.i]
                and node.i not in range(first, last + 1)
            ):
                cue = _Cue(node.i, node.i + 1, None, node)
                cue.speaker = self.speaker_of(node)
                break
            if node.dep_ in ("ccomp", "parataxis") or (node.dep_ == "conj" and clause is None):
                clause = node if node.dep_ == "ccomp" else clause
            if node.dep_ == "pobj" and node.head.lower_ in {
                w[-1] for ws in self.cues.values() for w in ws
            }:
                phrase = self.cue_phrase_at(node.head.i - len(_cue_words_before(node.head)) + 1)
                if phrase is not None:
                    cue = phrase
                    break
            if node.head is node:
                break
            node = node.head
        if cue is None:
            cue = self.sentence_cue(first, last)
        if cue is None:
            cue = self.headline_cue(q, first)
        speaker = speaker_text = None
        if cue is not None and cue.speaker is not None:
            speaker, speaker_text = self.resolve(cue.speaker, para)
        cue_span = (
            self.char_span(cue.start, cue.end) if cue is not None and cue.verb is not None else None
        )
        if cue is not None and cue.verb is None and cue.end > cue.start:
            cue_span = self.char_span(cue.start, cue.end)
        has_clause = any(t.tag_ in _FINITE_TAGS for t in tokens) or any(
            t.tag_ == "VB" and t.i > first and doc[t.i - 1].lower_ == "to" for t in tokens
        )
        content = _content_of(cue.verb) if cue is not None and cue.verb is not None else None
        if has_clause and speaker_text is not None and content is not None:
            start, end = self.clause_chars(content)
            if start <= q.start and end >= q.end:
                self.add(
                    "mixed", start, end, self.text[start:end], speaker, speaker_text, cue_span, para
                )
                return
        self.add(
            "partial", q.start, q.end, self.quote_text(q), speaker, speaker_text, cue_span, para
        )

    def sentence_cue(self, first: int, last: int) -> _Cue | None:
        """Return the nearest reporting verb of the fragment's sentence, outside any quote."""
        doc = self.doc
        sent = doc[first].sent
        best: _Cue | None = None
        best_gap = len(doc)
        for t in sent:
            if self.in_quote[t.i]:
                continue
            if self.is_cue_verb(t):
                speaker = self.speaker_of(t)
                gap = min(abs(t.i - first), abs(t.i - last))
                if speaker is not None and gap < best_gap:
                    best, best_gap = _Cue(t.i, t.i + 1, speaker, t), gap
        return best

    def headline_cue(self, q: Quoted, first: int) -> _Cue | None:
        """Return the headline subject a scare quote follows ("Minister ‘very pleased’ …")."""
        if first >= self.headline_tokens:
            return None
        doc = self.doc
        o = self.token_before(q.open + 1)
        k = o - 1
        if k < 0:
            return None
        if doc[k].text == ":":
            k -= 1
        if k < 0 or doc[k].pos_ not in ("PROPN", "NOUN"):
            return None
        head = _phrase_head(doc, k)
        if self.actor_at(head) is None and head.lemma_.lower() not in self.nouns:
            return None
        return _Cue(k + 1, k + 1, head, None)

    def indirect(self) -> None:
        """Record reported speech: reporting verbs with a content clause, and cue phrases."""
        doc = self.doc
        covered = [(f.start, f.end) for f in self.found if f.kind in ("direct", "mixed")]
        for t in doc:
            if self.in_quote[t.i]:
                continue
            cue: _Cue | None = None
            content: tuple[int, int] | None = None
            if self.is_cue_verb(t):
                clause = _content_of(t)
                if clause is None:
                    continue
                cue = _Cue(t.i, t.i + 1, self.speaker_of(t), t)
                content = self.clause_chars(clause)
            elif t.lower_ in self.cues:
                cue = self.cue_phrase_at(t.i)
                if cue is None:
                    continue
                content = self.according_chars(cue)
            else:
                continue
            if cue.speaker is None or content is None or not self.acceptable_speaker(cue.speaker):
                continue
            start, end = content
            if end - start < 8 or any(s < end and start < e for s, e in covered):
                continue
            if any(
                self.in_quote[k] for k in range(self.token_at(start), self.token_before(end) + 1)
            ) and any(f.kind == "direct" and f.start < end and start < f.end for f in self.found):
                continue
            para = self.para_of[t.i]
            speaker, speaker_text = self.resolve(cue.speaker, para)
            cue_span = self.char_span(cue.start, cue.end)
            self.add(
                "indirect", start, end, self.text[start:end], speaker, speaker_text, cue_span, para
            )

    def clause_chars(self, clause: Token) -> tuple[int, int]:
        """Return the character span of a content clause, without "that" and edge punctuation."""
        doc = self.doc
        left, right = clause.left_edge.i, clause.right_edge.i
        while left < right and (
            (doc[left].dep_ == "mark" and doc[left].lower_ in ("that", "whether", "if"))
            or doc[left].is_punct
            or doc[left].is_space
        ):
            left += 1
        while right > left and (
            (doc[right].is_punct and not self.in_quote[right]) or doc[right].is_space
        ):
            right -= 1
        return doc[left].idx, doc[right].idx + len(doc[right].text)

    def according_chars(self, cue: _Cue) -> tuple[int, int] | None:
        """Return the content of "according to X, …": the clause the cue phrase modifies."""
        doc = self.doc
        anchor = doc[cue.start]
        head = anchor.head
        if head is anchor or head.pos_ not in ("VERB", "AUX"):
            return None
        phrase_left, phrase_right = anchor.left_edge.i, anchor.right_edge.i
        left, right = head.left_edge.i, head.right_edge.i
        if phrase_left <= left:
            left = phrase_right + 1
        elif phrase_right >= right - 1:
            right = phrase_left - 1
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        while right > left and (
            (doc[right].is_punct and not self.in_quote[right]) or doc[right].is_space
        ):
            right -= 1
        if right <= left:
            return None
        return doc[left].idx, doc[right].idx + len(doc[right].text)

    # ----- output

    def quote_text(self, q: Quoted) -> str:
        if not q.reopened:
            return self.text[q.start : q.end]
        parts, at = [], q.start
        for mark in q.reopened:
            parts.append(self.text[at:mark])
            at = mark + 1
        parts.append(self.text[at : q.end])
        return "".join(parts)

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


def _phrase_head(doc: Doc, k: int) -> Token:
    """Return the head of the noun phrase token ``k`` belongs to ("Jane" → "Doe")."""
    t = doc[k]
    for _ in range(4):
        if t.dep_ in ("compound", "amod", "det", "poss", "nummod") and t.head.i > t.i:
            t = t.head
        else:
            break
    return t


def _content_of(verb: Token) -> Token | None:
    """Return the head of a reporting verb's content clause, or None."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        # "The deal, she said, is dead": the verb hangs off the clause it reports.
        return None
    return None


def _cue_words_before(token: Token) -> tuple[str, ...]:
    """Return the words of the cue phrase ending at ``token`` ("according to" for "to")."""
    for phrases in cue_phrases().values():
        for words in phrases:
            n = len(words)
            if token.i - n + 1 < 0:
                continue
            doc = token.doc
            if all(doc[token.i - n + 1 + k].lower_ == w for k, w in enumerate(words)):
                return words
    return ()


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
    stretches, warnings = scan_marks(doc.text)
    for message in warnings:
        add_warning(doc, message)
    reader = _Reader(doc)
    located = []
    for q in stretches:
        o = reader.token_before(q.open + 1)
        c = reader.token_before(q.close) if q.closed else reader.token_before(q.end)
        first, last = reader.token_at(q.start), reader.token_before(q.end)
        if first > last:
            continue
        for k in range(o, c + 1):
            reader.in_quote[k] = 1
        located.append((q, o, c, first, last))
    for q, o, c, first, last in located:
        para = reader.para_of[first]
        if reader.classify(q, o, c, first, last) == "direct":
            reader.direct(q, o, c, para)
        else:
            reader.fragment(q, first, last, para)
    reader.indirect()
    found = sorted(reader.found, key=lambda f: (f.start, f.end))
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
