import pytest

from dyads.clean import clean_text, is_boilerplate, paragraphs


@pytest.mark.parametrize(
    "paragraph, expected",
    [
        (".", True),
        ("* * *", True),
        ("Related Content", True),
        ("RELATED ARTICLES", True),
        ("Share this article on Facebook", True),
        ("Subscribe to our newsletter", True),
        ("Sign up for our daily briefing newsletter", True),
        ("Advertisement", True),
        ("Follow us on Twitter", True),
        ("Click here to read more about the summit", True),
        ("Read more:", True),
        ("The ministers shared a table at the summit.", False),
        ("Related talks will continue in Geneva next week, diplomats said.", False),
        ("Share prices fell sharply in Tokyo on Monday.", False),
    ],
)
def test_clean_is_boilerplate(paragraph, expected):
    assert is_boilerplate(paragraph) is expected


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("A line\nwrapped here.\n\nNext para.", ["A line wrapped here.", "Next para."]),
        ("Line one.\nLine two.\nLine three.", ["Line one.", "Line two.", "Line three."]),
        ("  Spaced\u00a0 out  \r\n\r\n\tTabbed. ", ["Spaced out", "Tabbed."]),
        ("Zero\u200bwidth and\x07bell.", ["Zerowidth andbell."]),
    ],
)
def test_clean_paragraphs(raw, expected):
    assert paragraphs(raw) == expected


def test_clean_text_removes_debris_and_keeps_paragraphs():
    raw = (
        ".\n\nThe talks resumed in Geneva.\n\nRelated Content\n\n"
        "Both sides said progress was slow.\n\nMore Stories\n\nRelated Content"
    )
    result = clean_text(raw, title="Talks resume")
    assert result.text == (
        "Talks resume\n\nThe talks resumed in Geneva.\n\nBoth sides said progress was slow."
    )
    assert result.headline_end == len("Talks resume")
    assert result.removed == 4


def test_clean_text_drops_repeated_navigation_lines():
    raw = "World\n\nThe vote was delayed.\n\nWorld\n\nOfficials gave no reason."
    assert clean_text(raw).text == "The vote was delayed.\n\nOfficials gave no reason."


def test_clean_text_does_not_repeat_a_headline_the_body_starts_with():
    result = clean_text("Talks resume\n\nThe talks resumed.", title="Talks resume")
    assert result.text == "Talks resume\n\nThe talks resumed."
    assert result.headline_end == 12


def test_clean_text_without_title_has_no_headline():
    assert clean_text("Body only.").headline_end == 0
