"""Episodes: a project is a series, its webtoons are numbered 1, 2, 3… in creation order."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from projects.tests.factories import ProjectFactory
from webtoons.models import Webtoon
from webtoons.services import webtoon_create
from webtoons.tests.factories import WebtoonFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_webtoons_of_a_project_are_numbered_in_creation_order():
    project = ProjectFactory()
    other = ProjectFactory()

    first = webtoon_create(project=project, title="One")
    elsewhere = webtoon_create(project=other, title="Elsewhere")
    second = WebtoonFactory(project=project)
    third = Webtoon.objects.create(project=project)

    assert [first.episode_number, second.episode_number, third.episode_number] == [1, 2, 3]
    assert elsewhere.episode_number == 1


def test_a_deleted_episode_number_is_not_given_again():
    project = ProjectFactory()
    episodes = [WebtoonFactory(project=project) for _ in range(3)]
    episodes[2].delete()

    assert WebtoonFactory(project=project).episode_number == 3
    episodes[1].delete()
    assert WebtoonFactory(project=project).episode_number == 4


def test_saving_an_episode_again_keeps_its_number():
    project = ProjectFactory()
    first, second = WebtoonFactory(project=project), WebtoonFactory(project=project)
    first.title = "Renamed"
    first.save()

    first.refresh_from_db()
    assert (first.episode_number, second.episode_number) == (1, 2)


def test_the_api_shows_the_episode_number(auth_client, user):
    project = ProjectFactory(user=user)
    WebtoonFactory(project=project)

    response = auth_client.post("/api/v1/webtoons", {"project_id": str(project.pk), "title": "Two"}, format="json")

    assert response.status_code == 201
    assert response.json()["episode_number"] == 2
    listed = auth_client.get(f"/api/v1/webtoons?project_id={project.pk}").json()["items"]
    assert [w["episode_number"] for w in listed] == [2, 1]


# Run in a separate process on its own SQLite file: the test database is built without migrations.
MIGRATION_SCRIPT = """
import datetime, json
import django
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

before, after = ("webtoons", "0003_webtoon_language"), ("webtoons", "0004_webtoon_episode_number")
executor = MigrationExecutor(connection)
executor.migrate([before])
old = executor.loader.project_state([before]).apps
User, Project = old.get_model("accounts", "User"), old.get_model("projects", "Project")
Webtoon = old.get_model("webtoons", "Webtoon")
user = User.objects.create(username="old", email="old@example.com")
series, other = Project.objects.create(user=user, title="Series"), Project.objects.create(user=user, title="B")
base = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
for title, project, day in (("third", series, 9), ("first", series, 1), ("lone", other, 5), ("second", series, 3)):
    webtoon = Webtoon.objects.create(project=project, title=title, summary="about " + title)
    Webtoon.objects.filter(pk=webtoon.pk).update(created_at=base + datetime.timedelta(days=day))
executor = MigrationExecutor(connection)
executor.migrate([after])
new = executor.loader.project_state([after]).apps.get_model("webtoons", "Webtoon")
print(json.dumps({w.title: [w.episode_number, w.summary] for w in new.objects.all()}))
"""


def test_the_migration_numbers_existing_webtoons_by_creation_date_and_keeps_them(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", DJANGO_SETTINGS_MODULE="config.settings")
    run = subprocess.run(
        [sys.executable, "-c", MIGRATION_SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )

    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout.strip().splitlines()[-1]) == {
        "first": [1, "about first"],
        "second": [2, "about second"],
        "third": [3, "about third"],
        "lone": [1, "about lone"],
    }
