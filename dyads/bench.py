"""Time dyads against a bare spaCy pass over the same texts: how dyads reports its speed.

Both passes run in the same way — the same cleaned texts, in chunks, on the same
number of fresh worker processes, each loading its pipeline (and warming it up on
the first articles) before the clock starts — and differ only in the dyads
extraction stages (``dyads.nlp.STAGES``) and in building the output records and
sending them back, as ``dyads code --workers`` does. The passes take turns over
the corpus, so that other jobs on the machine slow both alike. Peak memory is the
resident-set high-water mark (``ru_maxrss``) of each pass's workers and of this process.

Example:
    >>> print(bench(workers=2, docs=1000).render())
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .batch import CHUNK_SIZE, WorkerPool, dyads_setup, dyads_task, peak_rss_mb
from .errors import InputError
from .ingest import read_inputs
from .nlp import MODEL, build_pipeline
from .pipeline import batch_zone, prepare
from .records import Article, CodedDocument

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles.jsonl"


@dataclass(frozen=True, slots=True)
class Pass:
    """Throughput and memory of one pass over the corpus."""

    name: str
    docs: int
    sentences: int
    words: int
    seconds: float
    peak_rss_mb: float
    cpu_seconds: float = 0.0  # CPU time of the workers, which other jobs on the machine spare

    def rate(self, count: int) -> float:
        return count / self.seconds if self.seconds > 0 else 0.0

    @property
    def docs_per_s(self) -> float:
        return self.rate(self.docs)

    @property
    def sentences_per_s(self) -> float:
        return self.rate(self.sentences)

    @property
    def words_per_s(self) -> float:
        return self.rate(self.words)


@dataclass(frozen=True, slots=True)
class BenchResult:
    """The two passes of :func:`bench` and what they ran on."""

    corpus: str
    workers: int
    model: str
    spacy: Pass
    dyads: Pass
    main_peak_rss_mb: float

    @property
    def ratio(self) -> float:
        """dyads throughput as a fraction of the bare spaCy pass (1.0: no cost at all)."""
        return self.dyads.docs_per_s / self.spacy.docs_per_s if self.spacy.docs_per_s else 0.0

    def render(self) -> str:
        """Return the figures as a small plain-text table."""
        head = f"{'':<14}{'docs/s':>10}{'sentences/s':>13}{'words/s':>11}{'peak RSS/worker':>17}"
        lines = [
            f"dyads bench: {self.dyads.docs:,} documents ({self.corpus}), "
            f"{self.dyads.sentences:,} sentences, {self.dyads.words:,} words; "
            f"{self.workers} worker{'s' if self.workers > 1 else ''}; model {self.model}",
            head,
        ]
        for p in (self.spacy, self.dyads):
            lines.append(
                f"{p.name:<14}{p.docs_per_s:>10,.1f}{p.sentences_per_s:>13,.1f}"
                f"{p.words_per_s:>11,.0f}{p.peak_rss_mb:>14,.0f} MB"
            )
        lines.append(f"dyads / spaCy: {self.ratio:.2f} of bare spaCy throughput")
        if self.spacy.cpu_seconds and self.dyads.cpu_seconds and self.dyads.docs:
            bare, full = (1000 * p.cpu_seconds / p.docs for p in (self.spacy, self.dyads))
            lines.append(
                f"worker CPU per document: spaCy {bare:,.1f} ms, dyads {full:,.1f} ms "
                f"({bare / full:.2f})"
            )
        lines.append(f"peak RSS of this process: {self.main_peak_rss_mb:,.0f} MB")
        return "\n".join(lines)


_WARM_UP = Article("warm-up", "Kenya and Ghana agreed on Monday to resume talks, officials said.")
# Articles of the corpus each worker codes before the clock starts: data files that load
# on first use (the gazetteer, the knowledge base) must not be timed as throughput.
WARM_UP_ARTICLES = 8
# Parts of the corpus the two passes take turns over: the more, the less a burst of
# other work on the machine favours one pass.
ROUNDS = 8


def bare_setup(model: str, warm_up: Sequence[Article] = (_WARM_UP,)) -> Any:
    """Worker setup for the bare pass: the dyads pipeline without its extraction stages."""
    nlp = build_pipeline(model, stages=())
    bare_task(nlp, (list(warm_up), 8))
    return nlp


def warm_dyads_setup(
    model: str, actor_files: tuple[str, ...], warm_up: Sequence[Article] = (_WARM_UP,)
) -> Any:
    """Worker setup for the dyads pass: the full pipeline, with its data files loaded."""
    nlp = dyads_setup(model, actor_files)
    dyads_task(nlp, (list(warm_up), 8))  # knowledge base, lexicons, gazetteer load on first use
    return nlp


def bare_task(nlp: Any, payload: tuple[list[Article], int]) -> tuple[int, int, int]:
    """Worker task for the bare pass: parse a chunk, return (docs, sentences, words)."""
    articles, batch_size = payload
    n = sentences = words = 0
    for i in range(0, len(articles), batch_size):
        batch = articles[i : i + batch_size]
        with batch_zone(nlp, len(batch)):  # as dyads.pipeline.code_articles parses
            for doc in nlp.pipe((prepare(nlp, a)[0] for a in batch), batch_size=batch_size):
                n += 1
                sentences += sum(1 for _ in doc.sents)
                words += sum(1 for t in doc if not (t.is_punct or t.is_space))
    return n, sentences, words


def bench(
    inputs: Sequence[str | Path] | None = None,
    workers: int = 1,
    docs: int = 200,
    model: str = MODEL,
    batch_size: int = 32,
) -> BenchResult:
    """Code a corpus with dyads and parse it with bare spaCy; return both passes' figures.

    Both passes run on their own pools of ``workers`` processes, loaded and warmed up
    on the first articles of the corpus before any clock starts. They take turns over
    about :data:`ROUNDS` consecutive parts of the corpus, in the order bare-dyads,
    dyads-bare, bare-dyads …, so that changes in the load of a shared machine during
    the run weigh on both alike.

    Args:
        inputs: Articles to time (files or folders); the bundled examples by default,
            or a generated news-style corpus when they are not there.
        workers: Worker processes for each pass.
        docs: Number of documents: the texts are repeated (or cut) to this many.
        model: spaCy pipeline.
        batch_size: Documents per ``nlp.pipe`` batch.

    Raises:
        InputError: The inputs hold no readable article.
    """
    if inputs:
        source = [a for a in read_inputs(inputs) if isinstance(a, Article)]
        corpus = ", ".join(str(i) for i in inputs)
    elif EXAMPLES.is_file():
        source = [a for a in read_inputs([EXAMPLES]) if isinstance(a, Article)]
        corpus = "examples/articles.jsonl"
    else:
        source = list(synthetic_articles(docs))
        corpus = "generated news-style articles"
    if not source:
        raise InputError(f"{corpus}: no readable article to time")
    if len(source) < docs:
        corpus += f" ×{-(-docs // len(source))}"
    articles = list(_cycle(source, docs))
    # Small corpora get smaller chunks, so that there are rounds to take turns over.
    size = max(8, min(CHUNK_SIZE, docs // (ROUNDS * workers)))
    chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
    # A round gives every worker the same number of chunks, so that none waits long.
    per_round = workers * max(1, len(chunks) // (ROUNDS * workers))
    rounds = [chunks[i : i + per_round] for i in range(0, len(chunks), per_round)]
    warm_up = source[:WARM_UP_ARTICLES]

    with (
        WorkerPool(workers, bare_setup, (model, warm_up), bare_task) as bare_pool,
        WorkerPool(workers, warm_dyads_setup, (model, (), warm_up), dyads_task) as dyads_pool,
    ):
        spacy_clock = _PassClock(bare_pool, batch_size)
        dyads_clock = _PassClock(dyads_pool, batch_size)
        for n, part in enumerate(rounds):
            first, second = (spacy_clock, dyads_clock) if n % 2 == 0 else (dyads_clock, spacy_clock)
            first.run(part)
            second.run(part)
    spacy_pass = spacy_clock.result("spaCy (bare)")
    # The same texts: sentences and words are counted once, in the bare pass.
    dyads_pass = dyads_clock.result("dyads", spacy_pass.sentences, spacy_pass.words)
    import spacy.util

    version = spacy.util.get_package_version(model) or "?"
    return BenchResult(corpus, workers, f"{model} {version}", spacy_pass, dyads_pass, peak_rss_mb())


def _cycle(source: list[Article], n: int) -> Iterator[Article]:
    for i in range(n):
        article = source[i % len(source)]
        rounds = i // len(source)
        doc_id = article.doc_id if rounds == 0 else f"{article.doc_id}#{rounds}"
        yield Article(doc_id, article.text, article.title, article.published, origin=doc_id)


class _PassClock:
    """The time one pass's workers spend on the chunks given to :meth:`run`, added up."""

    def __init__(self, pool: WorkerPool, batch_size: int) -> None:
        self.pool = pool
        self.batch_size = batch_size
        self.seconds = 0.0
        self.docs = self.sentences = self.words = 0

    def run(self, chunks: list[list[Article]]) -> None:
        """Code ``chunks`` on the pool, keeping every worker busy, and time it."""
        pool = self.pool
        start = time.perf_counter()
        todo = iter(enumerate(chunks))
        in_flight = 0
        for seq, chunk in todo:
            pool.submit(seq, (chunk, self.batch_size))
            in_flight += 1
            if in_flight >= 2 * len(pool.procs):
                break
        while in_flight:
            _, out = pool.result()
            in_flight -= 1
            if isinstance(out, tuple):
                self.docs += out[0]
                self.sentences += out[1]
                self.words += out[2]
            else:
                self.docs += sum(isinstance(r, CodedDocument) for r in out)
            nxt = next(todo, None)
            if nxt is not None:
                pool.submit(nxt[0], (nxt[1], self.batch_size))
                in_flight += 1
        self.seconds += time.perf_counter() - start

    def result(self, name: str, sentences: int | None = None, words: int | None = None) -> Pass:
        """Return the pass's figures; ``sentences`` and ``words`` replace its own counts."""
        return Pass(
            name,
            self.docs,
            self.sentences if sentences is None else sentences,
            self.words if words is None else words,
            self.seconds,
            self.pool.peak_rss,
            self.pool.cpu_seconds,
        )


# -- a generated corpus -------------------------------------------------------------------------

_STATES = [
    ("Kenya", "Kenyan", "Nairobi"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Poland", "Polish", "Warsaw"),
    ("Germany", "German", "Berlin"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("the Philippines", "Philippine", "Manila"),
    ("Colombia", "Colombian", "Bogota"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Canada", "Canadian", "Ottawa"),
    ("Mexico", "Mexican", "Mexico City"),
]
_GIVEN = ["Amara", "Tomasz", "Lucia", "Rahul", "Mei", "Daniel", "Ines", "Kwame", "Sofia", "Jonas"]
_FAMILY = ["Okafor", "Nowak", "Ferreira", "Iyer", "Tran", "Mensah", "Keller", "Ortega", "Laine"]
_ROLES = ["Foreign Minister", "Defence Minister", "President", "Prime Minister", "Trade Minister"]
_ORGS = ["the United Nations", "the African Union", "the European Union", "the World Bank"]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_SENTENCES = [
    "{A} and {B} agreed on {day} to resume talks on border security, officials said.",
    "{role} {name} of {A} met {B}'s {role2} in {city} to discuss trade and energy.",
    "{dem} troops shelled positions near the border overnight, according to local officials.",
    "{A} accused {B} of violating a ceasefire agreed last month.",
    "Police in {city} arrested dozens of protesters who had gathered outside parliament.",
    "{org} called on both sides to show restraint and protect civilians.",
    "{A} will send humanitarian aid to flood-hit regions of {B}, the ministry said.",
    "The {dem} government denied the reports and said it had not fired on civilians.",
    "{A} recalled its ambassador from {B} after the incident.",
    "Talks between {A} and {B} ended without agreement, a spokesman told reporters.",
    "{name} said {A} would not negotiate while the blockade continued.",
    "{B} threatened to impose new sanctions if the attacks did not stop.",
]
_QUOTES = [
    '"We are ready to talk, but not under pressure," {name} told reporters in {city}.',
    '"This is a serious violation of international law," said {role} {name}.',
    "{name} said the talks had been \u201cconstructive and frank\u201d.",
    '"Our forces acted in self-defence," a spokesman for the {dem} army said.',
]


def synthetic_articles(
    n: int,
    seed: int = 0,
    published: dt.date = dt.date(2024, 3, 6),
    paragraphs: tuple[int, int] = (3, 6),
) -> Iterator[Article]:
    """Yield ``n`` generated news-style articles (fictional events, real countries).

    Deterministic for a given seed; used by the benchmark and the tests when no
    corpus is given. Each article has between ``paragraphs[0]`` and ``paragraphs[1]``
    paragraphs of one to three sentences.
    """
    rng = random.Random(seed)
    for i in range(n):
        paras = []
        a, b = rng.sample(_STATES, 2)
        for _ in range(rng.randint(*paragraphs)):
            count = rng.randint(1, 3)
            picks = rng.sample(_SENTENCES, count) + (
                [rng.choice(_QUOTES)] if rng.random() < 0.5 else []
            )
            sentences = []
            for template in picks:
                x, y = (a, b) if rng.random() < 0.7 else (b, a)
                sentences.append(
                    template.format(
                        A=x[0],
                        B=y[0],
                        dem=x[1],
                        city=x[2],
                        day=rng.choice(_DAYS),
                        role=rng.choice(_ROLES),
                        role2=rng.choice(_ROLES),
                        name=f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}",
                        org=rng.choice(_ORGS),
                    )
                )
            text = " ".join(sentences)
            paras.append(text[0].upper() + text[1:])
        title = f"{a[0][0].upper()}{a[0][1:]} and {b[0]} trade accusations after border clash"
        yield Article(
            f"gen-{seed}-{i:06d}",
            "\n\n".join(paras),
            title,
            published,
            origin=f"generated:{i}",
        )


def write_jsonl(articles: Iterable[Article], path: Path) -> int:
    """Write articles as an input JSONL file (``id``, ``title``, ``published``, ``text``)."""
    import json

    count = 0
    with path.open("w", encoding="utf-8") as handle:
        for a in articles:
            record = {"id": a.doc_id, "title": a.title, "text": a.text}
            if a.published:
                record["published"] = a.published.isoformat()
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
