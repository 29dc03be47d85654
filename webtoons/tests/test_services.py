"""webtoons.services without HTTP: the defaults a generation takes from its project."""

import pytest

from projects.tests.factories import ProjectFactory
from webtoons.services import GenerationRequest, webtoon_generate

pytestmark = pytest.mark.django_db


def test_a_generation_without_panel_count_or_style_takes_the_projects():
    project = ProjectFactory(target_panels=4, art_style="manga")
    task = webtoon_generate(user=project.user, project=project, request=GenerationRequest(story_prompt="A cat."))
    assert (task.input["panel_count"], task.input["style"]) == (4, "manga")


def test_a_generation_keeps_the_panel_count_and_style_it_was_given():
    project = ProjectFactory(target_panels=4, art_style="manga")
    request = GenerationRequest(story_prompt="A cat.", panel_count=2, style="comic")
    task = webtoon_generate(user=project.user, project=project, request=request)
    assert (task.input["panel_count"], task.input["style"]) == (2, "comic")
