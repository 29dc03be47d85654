"""The Webtoon and Panel status machines: their transition tables, and moves that refuse what they forbid."""

import pytest

from panels.models import Panel, PanelStatus
from panels.states import PANEL_MACHINE, panel_transition
from sketchdojo.errors import Conflict
from webtoons.generation import states
from webtoons.generation.states import WEBTOON_MACHINE
from webtoons.models import Webtoon, WebtoonStatus
from webtoons.tests.factories import PanelFactory, WebtoonFactory

W = WebtoonStatus
P = PanelStatus


def _table(machine):
    return {source: sorted(targets) for source, targets in machine.transitions.items()}


def test_the_webtoon_transition_table():
    assert _table(WEBTOON_MACHINE) == {
        "planning": ["archived", "failed", "generating", "published"],
        "generating": ["completed", "failed", "generating", "planning"],
        "completed": ["archived", "failed", "generating", "published"],
        "failed": ["archived", "failed", "generating", "published"],
        "published": ["archived", "completed", "published"],
        "archived": ["completed", "failed", "generating"],
    }


def test_the_panel_transition_table():
    assert _table(PANEL_MACHINE) == {
        "pending": ["drawing", "drawn", "failed", "pending"],
        "drawing": ["drawn", "failed", "lettered", "pending"],
        "drawn": ["drawing", "drawn", "lettered", "pending"],
        "lettered": ["lettered", "pending"],
        "failed": ["pending"],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("status", [W.ARCHIVED, W.GENERATING])
def test_publishing_a_webtoon_whose_status_forbids_it_is_a_conflict_and_writes_nothing(status):
    webtoon = WebtoonFactory(status=status)
    with pytest.raises(Conflict) as caught:
        states.webtoon_publish(webtoon_id=webtoon.pk, published_at=None, published_url="https://x.test/w/1/")
    assert caught.value.message == f"This webtoon is {status}; it cannot become published."
    webtoon.refresh_from_db()
    assert (webtoon.status, webtoon.published_url) == (status, "")


@pytest.mark.django_db
def test_a_strict_panel_move_that_its_table_forbids_is_a_conflict():
    panel = PanelFactory(status=P.FAILED)
    with pytest.raises(Conflict) as caught:
        panel_transition(panel_id=panel.pk, to=P.LETTERED, strict=True)
    assert caught.value.message == "This panel is failed; it cannot become lettered."
    assert Panel.objects.get(pk=panel.pk).status == P.FAILED


@pytest.mark.django_db
def test_a_move_only_changes_rows_in_an_allowed_source_status():
    generating = WebtoonFactory(status=W.GENERATING)
    published = WebtoonFactory(status=W.PUBLISHED)
    assert states.webtoon_complete(webtoon_id=generating.pk) is True
    assert states.webtoon_fail(webtoon_id=published.pk) is False
    assert states.webtoon_archive(webtoon_ids=[generating.pk, published.pk]) == 2
    statuses = dict(Webtoon.objects.values_list("pk", "status"))
    assert statuses == {generating.pk: W.ARCHIVED, published.pk: W.ARCHIVED}


@pytest.mark.django_db
def test_narrowing_to_a_source_the_table_does_not_allow_is_a_programming_error():
    panel = PanelFactory(status=P.FAILED)
    with pytest.raises(ValueError, match="panel: failed → drawing is not an allowed transition"):
        panel_transition(panel_id=panel.pk, to=P.DRAWING, only_from=[P.FAILED])
