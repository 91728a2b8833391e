"""Find the actors of a document and link every mention of each.

Interface used by the later stages (quotes, events):

- :class:`Mention`: a token span (``start``/``end`` token indices, end-exclusive)
  that refers to actor number ``actor`` in :attr:`DocActors.actors`;
- :class:`DocActors`: the actors of one Doc and a token → mention index.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .records import Actor

_LABEL_KIND = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}


@dataclass(slots=True)
class Mention:
    """A span of tokens that refers to one actor."""

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


def extract_actors(doc: Doc) -> DocActors:
    """Return the actors of a parsed Doc with their mentions."""
    found = DocActors()
    by_name: dict[tuple[str, str], int] = {}
    spans: dict[int, list[tuple[int, int]]] = {}
    for ent in doc.ents:
        kind = _LABEL_KIND.get(ent.label_)
        if kind is None:
            continue
        key = (kind, ent.text.lower())
        if key not in by_name:
            by_name[key] = len(by_name)
            found.actors.append(Actor(f"A{len(by_name)}", ent.text, kind, None, None, None, ()))
            spans[by_name[key]] = []
        n = by_name[key]
        found.mentions.append(Mention(ent.start, ent.end, n, "name"))
        spans[n].append((ent.start_char, ent.end_char))
    found.actors = [
        Actor(a.id, a.name, a.kind, a.country, a.sector, a.role, tuple(spans[i]))
        for i, a in enumerate(found.actors)
    ]
    found.index()
    return found


class ActorLinker:
    """spaCy component: sets ``doc._.dyads_actors``."""

    def __init__(self, actor_files: Iterable[str] = ()) -> None:
        self.actor_files = tuple(actor_files)

    def __call__(self, doc: Doc) -> Doc:
        doc._.dyads_actors = extract_actors(doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)
