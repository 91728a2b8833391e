"""PLOVER and CAMEO vocabularies: types, modes, QuadClass, scores, the CAMEO→PLOVER map."""

from __future__ import annotations

import pytest

from dyads import codes
from dyads.resources import DATA_DIR

PLOVER_TYPES = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}


def test_codes_sixteen_types_with_quad_classes():
    assert {name: t.quad_class for name, t in codes.plover_types().items()} == PLOVER_TYPES


@pytest.mark.parametrize(
    "event_type, mode, score",
    [
        ("ASSAULT", None, -9.0),
        ("ASSAULT", "aerial", -9.5),
        ("CONSULT", "phone", 1.5),
        ("RETREAT", "disarm", 10.0),
        ("ACCUSE", None, -3.0),
        ("PROTEST", "vandalize", -5.0),
        ("AID", "no-such-mode", 10.0),
    ],
)
def test_codes_plover_score(event_type, mode, score):
    assert codes.plover_score(event_type, mode) == score


@pytest.mark.parametrize(
    "cameo, expected",
    [
        ("195", ("ASSAULT", "aerial", ("military",))),
        ("0841", ("RETREAT", "release", ("legal",))),
        ("163", ("SANCTION", "discontinue", ("economic",))),
        ("036", ("AGREE", None, ("diplomatic",))),
        ("0354", ("AGREE", None, ("economic",))),
        ("1123", ("ACCUSE", "allege", ("military",))),
        ("173", ("COERCE", "arrest", ("legal",))),
        ("042", ("CONSULT", "visit", ())),
        ("14", ("PROTEST", None, ())),
    ],
)
def test_codes_plover_for_cameo(cameo, expected):
    coding = codes.plover_for_cameo(cameo)
    assert (coding.type, coding.mode, coding.contexts) == expected


@pytest.mark.parametrize("cameo", ["010", "0231", "02", "01"])
def test_codes_statements_and_appeals_are_dropped(cameo):
    assert codes.plover_for_cameo(cameo) is None


def test_codes_every_cameo_code_from_03_maps_to_a_plover_type():
    unmapped = [
        c
        for c in codes.cameo_codes()
        if c[:2] not in ("01", "02") and not codes.plover_for_cameo(c)
    ]
    assert unmapped == []
    assert len(codes.cameo_codes()) == 312


@pytest.mark.parametrize(
    "cameo, name, goldstein",
    [
        ("195", "Employ aerial weapons", -10.0),
        ("057", "Sign formal agreement", 8.0),
        ("1823", "Kill by physical assault", -10.0),
        ("036", "Express intent to meet or negotiate", 4.0),
    ],
)
def test_codes_cameo_names_and_goldstein(cameo, name, goldstein):
    record = codes.cameo_code(cameo)
    assert (record.name, record.goldstein, record.root) == (name, goldstein, cameo[:2])


def test_codes_goldstein_falls_back_to_parent():
    assert codes.goldstein("1214") == codes.goldstein("121")


def test_codes_cameo_names_have_no_mis_encoded_punctuation():
    assert not [c.name for c in codes.cameo_codes().values() if "\u201a" in c.name or "Ä" in c.name]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("DEMAND", ("REQUEST", None)),
        ("DISAPPROVE", ("ACCUSE", "disapprove")),
        ("INVESTIGATE", ("ACCUSE", "investigate")),
        ("fight", ("ASSAULT", None)),
        ("Consult", ("CONSULT", None)),
    ],
)
def test_codes_normalize_type(name, expected):
    assert codes.normalize_type(name) == expected


def test_codes_normalize_type_rejects_unknown():
    with pytest.raises(KeyError):
        codes.normalize_type("DOCUMENT")


@pytest.mark.parametrize(
    "code, iso3", [("JAP", "JPN"), ("ITL", "ITA"), ("VTN", "VNM"), ("usa", "USA"), ("IGO", "IGO")]
)
def test_codes_country_code(code, iso3):
    assert codes.country_code(code) == iso3


def test_codes_contexts_are_the_manuals():
    contexts = codes.plover_contexts()
    assert len(contexts) == 37
    assert {"military", "diplomatic", "cbrn", "human_security"} <= set(contexts)


@pytest.mark.parametrize(
    "name",
    [
        "plover_types.tsv",
        "plover_contexts.tsv",
        "cameo_codes.tsv",
        "cameo_plover.tsv",
        "cameo_countries.tsv",
        "en_event_triggers.tsv",
        "en_event_cues.tsv",
        "en_event_modality.tsv",
        "en_event_classes.tsv",
    ],
)
def test_codes_data_files_carry_provenance(name):
    head = [line for line in (DATA_DIR / name).read_text().splitlines() if line.startswith("#")]
    keys = {line[2:].split(":", 1)[0] for line in head}
    assert {"source", "license", "retrieved", "notes"} <= keys


def test_codes_cameo_licence_travels_with_the_table():
    licence = (DATA_DIR / "LICENSE-cameo.md").read_text()
    assert "MIT License" in licence and "Andreas Beger" in licence
    assert "LICENSE-cameo.md" in (DATA_DIR / "cameo_codes.tsv").read_text()
