"""The embedded default tells the creator's story, read back through the API as a client sees it.

The planner's own tests (sketchdojo/engine/tests/test_planner_stories.py) check its scripts; these
run the same stories through POST /webtoons/generate with the offline planner and artist, and assert
on what GET /webtoons/{id} and GET /panels/webtoon/{id} return: the language, the places, the cast,
every quoted line verbatim by its speaker, and the props the artist is asked to draw.
"""

import pytest

from sketchdojo.engine.tests.test_planner_stories import STORIES

pytestmark = pytest.mark.django_db

PANELS = 8


@pytest.fixture
def offline_providers(settings, eager_celery, media_root):
    settings.LLM_PROVIDER = "local"
    settings.IMAGE_PROVIDER = "local"


def _generate(client, django_capture_on_commit_callbacks, story) -> tuple[dict, list[dict]]:
    project = client.post("/api/v1/projects", {"title": "Fidelity", "art_style": "webtoon"}, format="json").json()
    for name in story.project:
        client.post(
            f"/api/v1/characters?project_id={project['id']}", {"name": name, "role": "protagonist"}, format="json"
        )
    body = {"story_prompt": story.prompt, "panel_count": PANELS, "style_preferences": {"style": "webtoon"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/webtoons/generate?project_id={project['id']}", body, format="json")
    assert response.status_code == 202, response.json()
    task = client.get(f"/api/v1/tasks/{response.json()['id']}").json()
    assert task["status"] == "completed", task["error_message"]
    webtoon = client.get(f"/api/v1/webtoons/{task['webtoon_id']}").json()
    panels = client.get(f"/api/v1/panels/webtoon/{task['webtoon_id']}?size=100").json()["items"]
    return webtoon, panels


def _quoted_lines(panels: list[dict], quoted: set[str]) -> list[tuple[str, str]]:
    """The quoted lines found in the panels' bubbles, in reading order. A line too long for one
    balloon is lettered as consecutive balloons of one speaker: those read as one line."""
    found = []
    for panel in panels:
        bubbles = panel["speech_bubbles"]
        for start, first in enumerate(bubbles):
            text = ""
            for bubble in bubbles[start:]:
                if bubble["speaker"] != first["speaker"]:
                    break
                text = f"{text} {bubble['text']}".strip()
                if text in quoted:
                    found.append((first["speaker"], text))
                    break
    return found


@pytest.mark.parametrize("key", sorted(STORIES))
def test_a_generated_webtoon_tells_the_prompts_story(
    key, auth_client, offline_providers, django_capture_on_commit_callbacks
):
    story = STORIES[key]

    webtoon, panels = _generate(auth_client, django_capture_on_commit_callbacks, story)

    assert webtoon["language"] == story.language
    assert [p["sequence_number"] for p in panels] == list(range(1, PANELS + 1))
    assert all(p["status"] == "lettered" and p["image_url"] for p in panels)
    places = []
    for panel in panels:
        if not places or places[-1] != panel["location"]:
            places.append(panel["location"])
    assert tuple(places) == story.places
    cast = {c["name"] for c in webtoon["script"]["characters"]}
    assert cast == {name for name, _ in story.cast}
    kinds = {c["name"]: c["kind"] for c in webtoon["script"]["characters"]}
    assert kinds == dict(story.cast)
    quoted = {text for _, text in story.lines}
    assert _quoted_lines(panels, quoted) == list(story.lines)
    drawn_props = {e["text"] for p in panels for e in p["visual_elements"] if e["element_type"] == "prop"}
    assert set(story.props) <= drawn_props


def test_a_redraw_keeps_the_props_of_the_panel(auth_client, offline_providers, django_capture_on_commit_callbacks):
    story = STORIES["cat_heist"]
    _webtoon, panels = _generate(auth_client, django_capture_on_commit_callbacks, story)
    panel = next(p for p in panels if any(e["element_type"] == "prop" for e in p["visual_elements"]))

    with django_capture_on_commit_callbacks(execute=True):
        response = auth_client.post("/api/v1/panels/generate", {"panel_id": panel["id"], "seed": 7}, format="json")

    assert response.status_code == 202
    redrawn = auth_client.get(f"/api/v1/panels/{panel['id']}").json()
    assert redrawn["visual_elements"] == panel["visual_elements"]
    assert redrawn["status"] == "lettered"
