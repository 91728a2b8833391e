"""The coding loop: memory zones around batches."""

from __future__ import annotations

import pytest
import spacy

from dyads.pipeline import UNZONED_DOCS, batch_zone


@pytest.mark.parametrize("first, later", [("Zorblatt", "Quixmoor")])
def test_pipeline_batch_zone_frees_new_words_after_the_first_documents(first, later):
    nlp = spacy.blank("en")
    with batch_zone(nlp, UNZONED_DOCS):  # the pipeline's first documents: no zone
        nlp.make_doc(f"{first} said.")
    with batch_zone(nlp, 1):
        assert later in nlp.make_doc(f"{later} said.").text
        assert later in nlp.vocab.strings
    assert first in nlp.vocab.strings  # parsed outside a zone: kept
    assert later not in nlp.vocab.strings  # parsed in a zone: freed with it
