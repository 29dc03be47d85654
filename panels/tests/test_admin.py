"""The Panel admin: staff see a panel's art and dialogue (escaped), and cannot edit or delete it there."""

import pytest

from accounts.tests.factories import UserFactory
from panels.models import Panel
from webtoons.tests.factories import PanelFactory, WebtoonFactory

pytestmark = pytest.mark.django_db

BUBBLES = [
    {"speaker": "Alex Thunder", "text": "Not my <script>village</script>!", "style": "shout"},
    {"speaker": None, "text": "The storm broke.", "style": "narration"},
]


@pytest.fixture
def staff_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def panel(user):
    webtoon = WebtoonFactory(project__user=user, title="Storm Village")
    return PanelFactory(webtoon=webtoon, sequence_number=1, speech_bubbles=BUBBLES, visual_description="Alex shouts")


def test_the_panel_list_searches_by_description_and_webtoon(staff_client, panel):
    PanelFactory(webtoon=WebtoonFactory(title="Quiet Sea"), sequence_number=1, visual_description="Waves")

    found = staff_client.get("/admin/panels/panel/", {"q": "storm village"}).content.decode()

    assert "Storm Village" in found and "Quiet Sea" not in found


def test_the_panel_page_shows_the_dialogue_escaped(staff_client, panel):
    page = staff_client.get(f"/admin/panels/panel/{panel.pk}/change/").content.decode()

    assert "<strong>Alex Thunder</strong> <em>(shout)</em>: Not my &lt;script&gt;village&lt;/script&gt;!" in page
    assert "<strong>Narration</strong> <em>(narration)</em>: The storm broke." in page
    assert "<script>village" not in page


def test_the_webtoon_page_lists_each_panels_dialogue_inline(staff_client, panel):
    page = staff_client.get(f"/admin/webtoons/webtoon/{panel.webtoon_id}/change/").content.decode()

    assert "Not my &lt;script&gt;village&lt;/script&gt;!" in page


def test_the_panel_admin_edits_and_deletes_nothing(staff_client, panel):
    change = staff_client.post(f"/admin/panels/panel/{panel.pk}/change/", {"visual_description": "Rewritten"})
    delete = staff_client.post(f"/admin/panels/panel/{panel.pk}/delete/", {"post": "yes"})

    assert change.status_code == 403 and delete.status_code == 403
    assert Panel.objects.get(pk=panel.pk).visual_description == "Alex shouts"
