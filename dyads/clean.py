"""Turn scraped article text into clean paragraphs before parsing.

Removes what scrapers leave behind (lone punctuation lines, "Related Content"
blocks, share/subscribe prompts, short lines repeated as navigation) and keeps
the paragraph structure: paragraphs are joined by a blank line, and the
headline, when known, is the first paragraph. Every offset dyads reports
indexes into the text returned here.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from .resources import data_path, iter_lines

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_NO_WORDS = re.compile(r"^[\W_]*$")


@dataclass(frozen=True, slots=True)
class CleanText:
    """Cleaned text and where its headline paragraph ends (0 when there is none)."""

    text: str
    headline_end: int
    removed: int


@functools.cache
def _boilerplate() -> re.Pattern[str]:
    patterns = [line.strip() for _, line in iter_lines(data_path("en_boilerplate.txt"))]
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def paragraphs(text: str) -> list[str]:
    """Split raw text into paragraphs with normalised whitespace.

    Blank lines separate paragraphs; a text without any blank line is taken to
    have one paragraph a line. Single line breaks inside a paragraph become spaces.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    blank_line = re.compile(r"\n[ \t\u00a0]*\n")
    blocks = blank_line.split(text) if blank_line.search(text) else text.split("\n")
    out = []
    for block in blocks:
        para = _SPACES.sub(" ", block.replace("\n", " ")).strip()
        if para:
            out.append(para)
    return out


def is_boilerplate(paragraph: str) -> bool:
    """Return True for a paragraph that is scraper debris rather than article text."""
    return bool(_NO_WORDS.match(paragraph)) or bool(_boilerplate().fullmatch(paragraph))


def clean_text(text: str, title: str | None = None) -> CleanText:
    """Clean an article body and put its headline first.

    Args:
        text: The raw body as scraped or supplied.
        title: The headline, if known. It becomes the first paragraph unless the
            body already starts with it.

    Returns:
        The cleaned text, the end offset of the headline paragraph, and how many
        paragraphs were dropped as boilerplate.
    """
    paras = paragraphs(text)
    kept: list[str] = []
    seen_short: dict[str, int] = {}
    for para in paras:
        key = para.lower()
        if len(para) < 60:
            seen_short[key] = seen_short.get(key, 0) + 1
    for para in paras:
        if is_boilerplate(para):
            continue
        # A short line without sentence punctuation that recurs is navigation, not prose.
        if seen_short.get(para.lower(), 0) > 1 and not para.endswith(
            (".", "?", "!", "\u201d", '"')
        ):
            continue
        kept.append(para)
    removed = len(paras) - len(kept)
    if title:
        title_para = " ".join(paragraphs(title))
        if title_para and (not kept or kept[0] != title_para):
            kept.insert(0, title_para)
    headline_end = len(kept[0]) if title and kept else 0
    return CleanText("\n\n".join(kept), headline_end, removed)
