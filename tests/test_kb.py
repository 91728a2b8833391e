"""Knowledge base: loading, validation, user dictionaries and stand-alone phrase resolution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dyads.errors import DataFileError
from dyads.kb import KnowledgeBase, resolve_phrase

KB_DIR = Path(__file__).parent / "data" / "kb"
KB_FILES = sorted(KB_DIR.glob("kb_*.tsv"))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load(kb_files=KB_FILES)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, country, sector, kind",
    [
        ("Russian officials", "RUS", "GOV", "group"),
        ("a US destroyer", "USA", "MIL", "group"),
        ("the Foreign Ministry", None, "GOV", "organisation"),
        ("the UN Security Council", None, "IGO", "organisation"),
        ("U.N. peacekeepers", None, "IGO", "group"),
        ("the Kremlin", "RUS", "GOV", "organisation"),
        ("Moscow", "RUS", "GOV", "state"),
        ("Kenyan rebels", "KEN", "REB", "group"),
        ("Northern Liberation Front fighters", "KEN", "REB", "group"),
        ("the NLF", "KEN", "REB", "group"),
        ("pro-Russian separatists", None, "REB", "group"),
        ("U.S.-backed rebels", None, "REB", "group"),
        ("Russian-led forces", "RUS", "MIL", "group"),
        ("State Department officials", "USA", "GOV", "group"),
        ("the State Department's top diplomat", "USA", "GOV", "person"),
        ("the president of Kenya", "KEN", "GOV", "person"),
        ("rebels in Syria", "SYR", "REB", "group"),
        ("Syrians", "SYR", "CVL", "group"),
        ("Russia", "RUS", None, "state"),
        ("Idlib", "SYR", "CVL", "place"),
        ("Polish riot police", "POL", "COP", "group"),
        ("Swiss doctors", "CHE", "MED", "group"),
        ("the Lebedev government", "RUS", "GOV", "organisation"),
        ("Lebedev's advisers", "RUS", "GOV", "group"),
        ("The Kamau government", "KEN", "GOV", "organisation"),
        # "ethnic" drops the country: people of that descent, wherever they live.
        ("ethnic Kenyans", None, "CVL", "group"),
        ("ethnic Kenyan rebels", None, "REB", "group"),
        # A place the KB does not name, before a role noun, from the gazetteer.
        ("Aleppo police", "SYR", "COP", "organisation"),
        # A nationality adjective alone stands for the state; with "a", for a person.
        ("Polish", "POL", None, "state"),
        ("a Pole", "POL", "CVL", "person"),
        # A people the KB does not list, after a demonym: civilians of that state.
        ("Kenyan Maasai", "KEN", None, "group"),
        ("Kenyan Luos", "KEN", "CVL", "group"),
        # A people is placed where it lives.
        ("Kenyans in Poland", "POL", "CVL", "group"),
        ("Kenyan youths", "KEN", "CVL", "group"),
        ("Polish hackers", "POL", "CRM", "group"),
        # Two namesakes who both served Kenya: the family's government is Kenya's.
        ("the Kamau government", "KEN", "GOV", "organisation"),
        # An international body's court is the body's; a state's body keeps its sector.
        ("the U.N. war crimes court", None, "IGO", "organisation"),
        ("Northern Liberation Front television", "KEN", "JRN", "organisation"),
        # Role nouns match whole words only: "tank" in "think-tank" is no weapon.
        ("a local think-tank", None, "EDU", "organisation"),
        ("a Polish think tank", "POL", "EDU", "organisation"),
        ("anti-tank crews", None, None, None),
        ("the ex-minister", None, "ELI", "person"),
        # US states are places of the USA.
        ("the governor of Ohio", "USA", "GOV", "person"),
        ("Vermont officials", "USA", "GOV", "group"),
        ("police in Arizona", "USA", "COP", "organisation"),
        # A nationality of another noun or a sea named after a country places nobody.
        ("students near the Turkish embassy", None, "EDU", "group"),
        ("protesters outside the Danish consulate", None, "CVL", "group"),
        ("sailors in the South China Sea", None, "MIL", "group"),
        ("a spokesman for the Kenyan president", "KEN", "GOV", "person"),
        # States and provinces of other countries, also with a lower-case portfolio or
        # "state" between the place and the title, and one named after a country.
        ("Tamil Nadu water resources minister Priya Raman", "IND", "GOV", "person"),
        ("Lagos state governor", "NGA", "GOV", "person"),
        ("New South Wales police", "AUS", "COP", "organisation"),
        ("New Mexico", "USA", "CVL", "place"),
        # a direction before a region, and "state" as a region noun
        ("the southern Puno region", "PER", "CVL", "place"),
        ("police in Kaduna state", "NGA", "COP", "organisation"),
        ("Treasurer Jan Novak", None, "GOV", "person"),
        ("Leader of the Opposition Maria Lind", None, "OPP", "person"),
    ],
)
def test_kb_resolve_phrase(kb, text, country, sector, kind):
    got = resolve_phrase(text, kb=kb)
    assert (got["country"], got["sector"], got["kind"]) == (country, sector, kind)
    assert got["text"] == text


@pytest.mark.parametrize(
    "text, date, name, role, sector",
    [
        ("President Lebedev", dt.date(2019, 5, 14), "Viktor Lebedev", "President", "GOV"),
        ("Viktor Lebedev", dt.date(2010, 6, 1), "Viktor Lebedev", "Prime Minister", "GOV"),
        ("Russian President Viktor Lebedev", None, "Viktor Lebedev", "President", "GOV"),
        ("Pierre Lambert", dt.date(2019, 1, 1), "Pierre Lambert", "former President", "ELI"),
        ("President Lambert", dt.date(2019, 1, 1), "Pierre Lambert", "President", "GOV"),
        (
            "former President Lambert",
            dt.date(2012, 1, 1),
            "Pierre Lambert",
            "former President",
            "ELI",
        ),
        ("Kowalczyk", dt.date(2018, 1, 1), "Marta Kowalczyk", "Foreign Minister", "GOV"),
        ("Kowalczyk", dt.date(2020, 1, 1), "Marta Kowalczyk", "Prime Minister", "GOV"),
        (
            "Kenyan Foreign Minister Amos Otieno",
            None,
            "Amos Otieno",
            "foreign minister",
            "GOV",
        ),
        (
            "former Polish deputy foreign minister Jan Nowak",
            None,
            "Jan Nowak",
            "former deputy foreign minister",
            "ELI",
        ),
    ],
)
def test_kb_resolve_person_by_date(kb, text, date, name, role, sector):
    got = resolve_phrase(text, date, kb=kb)
    assert (got["name"], got["role"], got["sector"], got["kind"]) == (name, role, sector, "person")


def test_kb_duplicate_warns_and_later_entry_wins(tmp_path):
    people = write(
        tmp_path,
        "kb_people.tsv",
        "name\taliases\tcountry\tsector\trole\tstart\tend\tgender\tnotes\n"
        "Ana Ruiz\t\tFRA\tGOV\tMinister\t2020-01-01\t\tf\t\n"
        "Ana Ruiz\t\tDEU\tGOV\tMinister\t2020-01-01\t\tf\t\n",
    )
    kb = KnowledgeBase.load(kb_files=[*KB_FILES[:1], people])
    assert kb.warnings == ["kb_people.tsv:3: duplicate of kb_people.tsv:2; the later entry wins"]
    assert resolve_phrase("Ana Ruiz", kb=kb)["country"] == "DEU"


@pytest.mark.parametrize(
    "name, text, message",
    [
        (
            "kb_people.tsv",
            "name\tcountry\tsector\trole\tstart\tend\nAna Ruiz\tXXQ\tGOV\tMinister\t2020-01-01\t\n",
            "kb_people.tsv:2: unknown country code 'XXQ'; use ISO 3166 alpha-3",
        ),
        (
            "kb_people.tsv",
            "name\tcountry\tsector\trole\tstart\tend\nAna Ruiz\tFRA\tGOV\tMinister\t2020-13\t\n",
            "kb_people.tsv:2: month must be in 1..12",
        ),
        (
            "kb_people.tsv",
            "name\tcountry\tsector\trole\tstart\tend\nAna Ruiz\tFRA\tGOV\tMinister\t2020\t2019\n",
            "kb_people.tsv:2: end 2019 is before start 2020",
        ),
        (
            "kb_organisations.tsv",
            "name\taliases\tkind\tcountry\tsector\nThe Club\t\tclub\tFRA\tSOC\n",
            "kb_organisations.tsv:2: kind 'club' is not one of "
            "group, organisation, person, place, state",
        ),
        (
            "kb_organisations.tsv",
            "name\tkind\nThe Club\torganisation\textra\n",
            "kb_organisations.tsv:2: 3 cells for 2 columns",
        ),
    ],
)
def test_kb_malformed_line_message(tmp_path, name, text, message):
    path = write(tmp_path, name, text)
    with pytest.raises(DataFileError) as raised:
        KnowledgeBase.load(kb_files=[*KB_FILES[:1], path])
    assert str(raised.value) == message


YAML = """\
# my actors
- name: Northern Liberation Front
  kind: organisation
  country: KEN
  sector: OPP
- name: Grace Wanjiru
  aliases: [Wanjiru]
  country: KEN
  sector: GOV
  role: Interior Minister
  start: 2021-03-01
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Northern Liberation Front", ("KEN", "OPP", "Northern Liberation Front")),
        ("Interior Minister Wanjiru", ("KEN", "GOV", "Grace Wanjiru")),
    ],
)
def test_kb_yaml_user_dictionary_overrides(tmp_path, text, expected):
    path = write(tmp_path, "mine.yaml", YAML)
    kb = KnowledgeBase.load([path], kb_files=KB_FILES)
    got = resolve_phrase(text, dt.date(2022, 1, 1), kb=kb)
    assert (got["country"], got["sector"], got["name"]) == expected


def test_kb_yaml_user_dictionary_bad_entry(tmp_path):
    path = write(tmp_path, "mine.yaml", "- name: Somebody\n  colour: red\n")
    with pytest.raises(DataFileError) as raised:
        KnowledgeBase.load([path], kb_files=KB_FILES)
    assert str(raised.value) == "mine.yaml:1: unknown key 'colour'"


ACTORS = """\
<!-- user actors -->
VIKTOR_LEBEDEV_  # overrides the KB
+LEBEDEV
\t[FRAGOV 120507-]
JOHN_KAMAU_ [KENMIL]
NAIROBI_WATER_BOARD [KENBUS] ; utility
TOKYO_CLUB [JAP]
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Viktor Lebedev", ("FRA", "GOV", "person")),
        ("Lebedev", ("FRA", "GOV", "person")),
        ("John Kamau", ("KEN", "MIL", "person")),
        ("Nairobi Water Board", ("KEN", "BUS", "organisation")),
        ("Tokyo Club", ("JPN", None, "organisation")),
    ],
)
def test_kb_petrarch_actors_override(tmp_path, text, expected):
    path = write(tmp_path, "user.actors", ACTORS)
    kb = KnowledgeBase.load([path], kb_files=KB_FILES)
    got = resolve_phrase(text, dt.date(2019, 5, 14), kb=kb)
    assert (got["country"], got["sector"], got["kind"]) == expected


def test_kb_petrarch_actors_malformed_code(tmp_path):
    path = write(tmp_path, "user.actors", "KNOWN_ACTOR [KEN\nOTHER [ZZZGOV]\n")
    with pytest.raises(DataFileError) as raised:
        KnowledgeBase.load([path], kb_files=KB_FILES)
    assert str(raised.value) == "user.actors:1: malformed code block '[KEN'"


def test_kb_petrarch_actors_unknown_country(tmp_path):
    path = write(tmp_path, "user.actors", "OTHER_GROUP [ZZZGOV]\n")
    with pytest.raises(DataFileError) as raised:
        KnowledgeBase.load([path], kb_files=KB_FILES)
    assert str(raised.value) == "user.actors:1: unknown country code 'ZZZ' in [ZZZGOV]"


AGENTS = """\
!MINST! = MINISTER, MINISTERS
WARLORD [~REB] # pas
!MINST!_OF_SILLY_WALKS {} [~GOV]
CHIEF_RABBI {CHIEF_RABBIS} [~REL]
"""


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kenyan warlords", ("KEN", "REB")),
        ("the Polish minister of silly walks", ("POL", "GOV")),
        ("Russian chief rabbis", ("RUS", "REL")),
    ],
)
def test_kb_petrarch_agents(tmp_path, text, expected):
    path = write(tmp_path, "user.agents", AGENTS)
    kb = KnowledgeBase.load([path], kb_files=KB_FILES)
    got = resolve_phrase(text, kb=kb)
    assert (got["country"], got["sector"]) == expected


def test_kb_unknown_dictionary_format(tmp_path):
    path = write(tmp_path, "actors.json", "[]")
    with pytest.raises(DataFileError) as raised:
        KnowledgeBase.load([path], kb_files=KB_FILES)
    assert str(raised.value).endswith(
        "actors.json: unknown dictionary format; use .yaml, .tsv, .actors or .agents"
    )


def test_kb_bundled_roles_load_without_warnings(kb):
    assert kb.warnings == []
    assert kb.roles[("foreign", "minister")].title is True


def test_kb_tsv_user_dictionary(tmp_path):
    path = write(
        tmp_path,
        "people.tsv",
        "name\taliases\tcountry\tsector\trole\tstart\tend\tgender\tnotes\n"
        "Amos Otieno\tOtieno\tKEN\tGOV\tForeign Minister\t2020-01-01\t\tm\t\n",
    )
    kb = KnowledgeBase.load([path], kb_files=KB_FILES)
    got = resolve_phrase("Otieno", dt.date(2021, 1, 1), kb=kb)
    assert (got["name"], got["country"], got["role"]) == ("Amos Otieno", "KEN", "Foreign Minister")


@pytest.mark.parametrize(
    "text, expected",
    [
        # The family name comes first in Chinese and Korean names.
        ("Xi", ("Xi Jinping", "CHN")),
        ("President Moon", ("Moon Jae-in", "KOR")),
        # A lower-case particle before a capitalised name.
        ("al-Shabab militants", ("al-Shabab militants", "SOM")),
        # A lone word that is a surname and a city, with nothing else to go on: the city.
        ("Lagos", ("Lagos", "NGA")),
    ],
)
def test_kb_bundled_name_forms(text, expected):
    got = resolve_phrase(text, dt.date(2019, 5, 14))
    assert (got["name"], got["country"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A misspelt surname with a title, or with a given name that agrees.
        ("President Lebedv", ("Viktor Lebedev", "RUS")),
        ("Viktor Lebedew", ("Viktor Lebedev", "RUS")),
        # Without a title or given name, or with a given name that differs: not trusted.
        ("Lebedv", ("Lebedv", None)),
        ("Anton Lebedew", ("Anton Lebedew", None)),
    ],
)
def test_kb_misspelt_surnames(kb, text, expected):
    got = resolve_phrase(text, dt.date(2019, 5, 14), kb=kb)
    assert (got["name"], got["country"]) == expected


@pytest.mark.parametrize(
    "text, date, expected",
    [
        # "leader" before a name: the person led then, whatever the date.
        ("Russian leader Viktor Lebedev", dt.date(2030, 1, 1), ("RUS", "GOV")),
        ("former leader Viktor Lebedev", dt.date(2019, 5, 14), ("RUS", "ELI")),
        # A given name picks among namesakes: Joseph, not Ruth, Kamau.
        ("Joseph W. Kamau", dt.date(2030, 1, 1), ("KEN", "ELI")),
        # A title word is not a town, though the gazetteer knows a town of that name.
        ("Federal police", None, (None, "COP")),
    ],
)
def test_kb_leaders_namesakes_title_words(kb, text, date, expected):
    got = resolve_phrase(text, date, kb=kb)
    assert (got["country"], got["sector"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A phrase ending in a possessive is about its owner.
        ("President Lebedev's", ("Viktor Lebedev", "RUS", "GOV")),
    ],
)
def test_kb_titles_and_possessive_ends(kb, text, expected):
    got = resolve_phrase(text, dt.date(2030, 1, 1), kb=kb)
    assert (got["name"], got["country"], got["sector"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "President" names the office "President of Yugoslavia" held then.
        ("Serbian President Vojislav Kostunica", ("Vojislav Koštunica", "SRB", "GOV")),
        # An alias that starts with the title names that office.
        ("King Hassan", ("Hassan II", "MAR", "GOV")),
    ],
)
def test_kb_bundled_titles_name_past_offices(text, expected):
    got = resolve_phrase(text, dt.date(2030, 1, 1))
    assert (got["name"], got["country"], got["sector"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Common names of one body resolve to its one entry.
        ("the State Department", ("US Department of State", "USA", "GOV")),
        ("Foggy Bottom", ("US Department of State", "USA", "GOV")),
        ("the Pentagon", ("US Department of Defense", "USA", "MIL")),
        ("the Department of Justice", ("US Department of Justice", "USA", "GOV")),
        ("the Fed", ("Federal Reserve", "USA", "GOV")),
        ("the Foreign Office", ("Foreign, Commonwealth and Development Office", "GBR", "GOV")),
        ("King Charles Street", ("Foreign, Commonwealth and Development Office", "GBR", "GOV")),
        ("the MoD", ("UK Ministry of Defence", "GBR", "MIL")),
        ("Britain's Defence Ministry", ("UK Ministry of Defence", "GBR", "MIL")),
        ("the Home Office", ("Home Office", "GBR", "GOV")),
        ("the Kremlin", ("Kremlin", "RUS", "GOV")),
        ("Lubyanka", ("Federal Security Service", "RUS", "SPY")),
        # A demonym or possessive country with a ministry noun: the KB's body.
        ("Russia's Foreign Ministry", ("Russian Ministry of Foreign Affairs", "RUS", "GOV")),
        (
            "the Ministry of Foreign Affairs of Russia",
            ("Russian Ministry of Foreign Affairs", "RUS", "GOV"),
        ),
        (
            "China's Ministry of National Defense",
            ("Chinese Ministry of National Defense", "CHN", "MIL"),
        ),
        ("the Department of Commerce", ("US Department of Commerce", "USA", "GOV")),
        ("Downing St", ("Downing Street", "GBR", "GOV")),
        ("the PBOC", ("People's Bank of China", "CHN", "GOV")),
        # A country before a name another body's default: that country's body.
        ("Russia's Security Council", ("Security Council of Russia", "RUS", "GOV")),
        ("Germany's Foreign Office", ("German Federal Foreign Office", "DEU", "GOV")),
        ("the Security Council", ("UN Security Council", None, "IGO")),
        # Generic nouns keep no country of their own.
        ("the National Security Council", ("National Security Council", None, "GOV")),
        ("the Treasury", ("Treasury", None, "GOV")),
    ],
)
def test_kb_bundled_aliases_of_one_body(text, expected):
    got = resolve_phrase(text, dt.date(2024, 5, 1))
    assert (got["name"], got["country"], got["sector"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("members of the Taliban", ("group", "AFG", "REB")),
        ("supporters of Hezbollah", ("group", "LBN", "REB")),
        ("leaders of the opposition party", ("group", None, "OPP")),
        ("the leader of Hamas", ("person", "PSE", "REB")),
        ("leaders of the European Union", ("group", None, "IGO")),
        ("members of the public", ("group", None, "CVL")),
        ("the leadership of Hamas", ("organisation", "PSE", "REB")),
        # A body's possessive before the noun.
        ("the opposition party's leader", ("person", None, "OPP")),
        ("followers of the cleric", ("group", None, "CVL")),
        # A state's people keep the head's sector.
        ("leaders of Russia", ("group", "RUS", "GOV")),
    ],
)
def test_kb_members_of_a_body(text, expected):
    got = resolve_phrase(text, dt.date(2024, 5, 1))
    assert (got["kind"], got["country"], got["sector"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tomasz Nowak", ("Tomasz Nowak", "person")),
        ("fan favourite Maria Lopez", ("Maria Lopez", "person")),
        ("Dr Kwame Boateng", ("Kwame Boateng", "person")),
        # No known given name, or a body's word: no guess.
        ("Nowak", ("Nowak", None)),
        ("Maria Relief Trust", ("Maria Relief Trust", None)),
    ],
)
def test_kb_name_with_a_given_name_is_a_person(text, expected):
    got = resolve_phrase(text, dt.date(2024, 5, 1))
    assert (got["name"], got["kind"]) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kharkiv", ("place", "UKR", "CVL")),
        ("Kharkiv's mayor", ("person", "UKR", "GOV")),
        ("the Kharkiv region", ("place", "UKR", "CVL")),
        # A settlement noun heads a place, named by the name after its "of".
        ("the Bosnian town of Gorazde", ("place", "BIH", "CVL")),
        ("the port city of Odesa", ("place", "UKR", "CVL")),
        ("Iraqi towns", ("place", "IRQ", "CVL")),
        # Not when it only says where the head is.
        ("police in the city of Lviv", ("organisation", "UKR", "COP")),
        ("residents of Aleppo", ("group", "SYR", "CVL")),
        ("Moscow", ("state", "RUS", "GOV")),
    ],
)
def test_kb_towns_are_places_capitals_states(text, expected):
    got = resolve_phrase(text, dt.date(2024, 5, 1))
    assert (got["kind"], got["country"], got["sector"]) == expected


@pytest.mark.parametrize(
    "text, name",
    [
        ("Hans Van den Broek", "Hans Van den Broek"),
        ("Dr Maria de la Cruz", "Maria de la Cruz"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("Omar bin Faisal al-Harbi", "Omar bin Faisal al-Harbi"),
    ],
)
def test_kb_resolve_name_with_particles_is_a_person(kb, text, name):
    got = resolve_phrase(text, kb=kb)
    assert (got["name"], got["kind"], got["country"]) == (name, "person", None)
