import pytest

from sketchdojo.labels import human_label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        ("extreme_wide", "Extreme wide"),
        ("in_progress", "In progress"),
        ("electric_blue", "Electric blue"),
        ("extreme_close_up", "Extreme close-up"),
        ("close_up", "Close-up"),
        ("webtoon_generation", "Webtoon generation"),
        ("pdf", "PDF"),
        ("", ""),
    ],
)
def test_internal_values_read_as_words(value, label):
    assert human_label(value) == label
