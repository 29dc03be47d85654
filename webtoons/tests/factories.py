"""factory_boy factories for webtoons, panels and tasks, shared by the pipeline apps' tests."""

import factory

from panels.models import Panel, PanelStatus
from projects.tests.factories import ProjectFactory
from tasks.models import Task, TaskStatus, TaskType
from webtoons.models import Webtoon, WebtoonStatus


class WebtoonFactory(factory.django.DjangoModelFactory):
    """An empty webtoon of a fresh project (pass `project=` to choose it)."""

    class Meta:
        model = Webtoon

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Webtoon {n}")
    description = "Alex discovers his lightning powers during a storm"
    status = WebtoonStatus.PLANNING


class PanelFactory(factory.django.DjangoModelFactory):
    """A pending panel without art; sequence numbers follow creation order within the test run."""

    class Meta:
        model = Panel

    webtoon = factory.SubFactory(WebtoonFactory)
    sequence_number = factory.Sequence(lambda n: n + 1)
    location = "village"
    shot = "medium"
    visual_description = "Alex looks up at the storm clouds."
    status = PanelStatus.PENDING


class TaskFactory(factory.django.DjangoModelFactory):
    """A pending webtoon generation task of the webtoon's owner."""

    class Meta:
        model = Task

    webtoon = factory.SubFactory(WebtoonFactory)
    project = factory.LazyAttribute(lambda t: t.webtoon.project)
    user = factory.LazyAttribute(lambda t: t.webtoon.project.user)
    task_type = TaskType.WEBTOON_GENERATION
    status = TaskStatus.PENDING
    input = factory.LazyFunction(
        lambda: {"story_prompt": "A storm comes to the village", "panel_count": 3, "style": "webtoon"}
    )
    celery_task_id = factory.Faker("uuid4")
