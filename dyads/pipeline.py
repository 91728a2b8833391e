"""Code articles end to end: clean → parse and extract (spaCy pipeline) → records.

:func:`code_articles` is the one function the CLI, the batch runner, the Dask
mode and the tests all call; everything else in dyads is a stage it composes.
"""

from __future__ import annotations

import contextlib
import hashlib
import weakref
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .clean import clean_text
from .nlp import HEADLINE_END, PUBLISHED, shared_pipeline
from .records import Article, CodedDocument, Reject

# spaCy's parser needs about 1 GB per 100,000 characters of one Doc; longer texts are cut.
MAX_CHARS = 200_000


def text_hash(article: Article) -> str:
    """Return the fingerprint that decides whether a document must be re-coded."""
    digest = hashlib.blake2b(digest_size=12)
    for part in (article.title or "", article.text, str(article.published or "")):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def prepare(nlp: Language, article: Article) -> tuple[Doc, list[str]]:
    """Clean an article's text and make the unparsed Doc the pipeline will run on."""
    warnings: list[str] = []
    cleaned = clean_text(article.text, article.title)
    text = cleaned.text
    if len(text) > MAX_CHARS:
        cut = text.rfind("\n\n", 0, MAX_CHARS)
        text = text[: cut if cut > 0 else MAX_CHARS]
        warnings.append(
            f"{article.doc_id}: text of {len(cleaned.text):,} characters cut to {len(text):,}"
        )
    doc = nlp.make_doc(text)
    doc.user_data[PUBLISHED] = article.published
    doc.user_data[HEADLINE_END] = cleaned.headline_end
    return doc, warnings


def to_record(doc: Doc, article: Article, warnings: Iterable[str] = ()) -> CodedDocument:
    """Gather what the dyads components left on a Doc into a :class:`CodedDocument`."""
    actors = doc._.dyads_actors
    return CodedDocument(
        doc_id=article.doc_id,
        title=article.title,
        published=article.published,
        source=article.source,
        url=article.url,
        text=doc.text,
        actors=tuple(actors.actors) if actors is not None else (),
        events=tuple(doc._.dyads_events or ()),
        quotes=tuple(doc._.dyads_quotes or ()),
        warnings=(*warnings, *(doc._.dyads_warnings or ())),
    )


# The tokenizer caches nothing inside a memory zone: the first documents a pipeline parses
# are parsed outside one, so that the corpus's common words stay cached (a bounded one-off
# cost in memory; re-tokenising every word in every batch costs about 3% of the time).
UNZONED_DOCS = 256
_parsed_unzoned: weakref.WeakKeyDictionary[Language, int] = weakref.WeakKeyDictionary()


def batch_zone(nlp: Language, docs: int) -> AbstractContextManager[Any]:
    """Return the context a batch of ``docs`` documents is parsed in.

    After a pipeline's first :data:`UNZONED_DOCS` documents, a spaCy memory zone:
    the strings and lexemes of the batch's new words (names, numbers) are freed when
    it ends, so a process stays flat over millions of documents. Nothing made in the
    batch (Docs, Spans, Tokens) may be used after it; the records hold no spaCy object.
    """
    done = _parsed_unzoned.get(nlp, 0)
    if done >= UNZONED_DOCS:
        return nlp.memory_zone()
    _parsed_unzoned[nlp] = done + docs
    return contextlib.nullcontext()


def code_articles(
    articles: Iterable[Article | Reject],
    nlp: Language | None = None,
    batch_size: int = 32,
) -> Iterator[CodedDocument | Reject]:
    """Code a stream of articles, yielding one result per input, in input order.

    Rejects in the stream pass through untouched, so callers see every record. Batches
    are parsed in spaCy memory zones (see :func:`batch_zone`), which must not be
    nested: do not call this inside a memory zone of your own.

    Args:
        articles: Articles (and rejects) as :func:`dyads.ingest.read_inputs` yields them.
        nlp: A pipeline from :func:`dyads.nlp.build_pipeline`; the shared one by default.
        batch_size: Documents per ``nlp.pipe`` batch.
    """
    nlp = nlp or shared_pipeline()
    pending: list[Article | Reject] = []

    def flush() -> list[CodedDocument | Reject]:
        with batch_zone(nlp, len(pending)):
            prepared = [prepare(nlp, a) if isinstance(a, Article) else None for a in pending]
            texts = (p[0] for p in prepared if p is not None)
            docs = iter(list(nlp.pipe(texts, batch_size=batch_size)))
            out = [
                item if prep is None else to_record(next(docs), item, prep[1])
                for item, prep in zip(pending, prepared, strict=True)
            ]
            del prepared, docs  # records hold no spaCy object; Docs must not outlive the zone
        pending.clear()
        return out

    for item in articles:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def code_text(
    text: str,
    doc_id: str = "doc",
    title: str | None = None,
    published=None,
    nlp: Language | None = None,
) -> CodedDocument:
    """Code one text and return its :class:`CodedDocument`.

    Example:
        >>> doc = code_text("Russia attacked Ukraine on Monday.", published=date(2022, 3, 1))
    """
    article = Article(doc_id, text, title, published)
    (result,) = code_articles([article], nlp=nlp, batch_size=1)
    assert isinstance(result, CodedDocument)
    return result
