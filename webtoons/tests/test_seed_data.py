"""`manage.py seed_data`: a usable demo account and a real generated webtoon, twice without duplicates."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.models import User
from characters.models import Character
from panels.models import Panel, PanelStatus
from projects.models import Project
from tasks.models import Task, TaskStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def run(*args) -> str:
    out = StringIO()
    call_command("seed_data", *args, stdout=out)
    return out.getvalue()


def test_seed_data_creates_a_demo_user_project_cast_and_generated_webtoon():
    output = run("--panels", "2")
    user = User.objects.get(username="demo")
    password = next(line.split(": ", 1)[1] for line in output.splitlines() if "password:" in line)
    assert user.check_password(password)
    project = Project.objects.get(user=user)
    assert sorted(Character.objects.filter(project=project).values_list("name", flat=True)) == [
        "Alex Thunder",
        "Mira Vale",
    ]
    task = Task.objects.get(project=project)
    assert task.status == TaskStatus.COMPLETED
    panels = Panel.objects.filter(webtoon=task.webtoon)
    assert panels.count() == 2
    assert all(p.status == PanelStatus.LETTERED and p.image for p in panels)


def test_seed_data_twice_creates_nothing_new_and_keeps_the_password():
    first = run("--panels", "1")
    password = next(line.split(": ", 1)[1] for line in first.splitlines() if "password:" in line)
    counts = (User.objects.count(), Project.objects.count(), Character.objects.count(), Task.objects.count())
    second = run("--panels", "1")
    assert (User.objects.count(), Project.objects.count(), Character.objects.count(), Task.objects.count()) == counts
    assert "password: unchanged" in second
    assert User.objects.get(username="demo").check_password(password)


def test_seed_data_rejects_a_panel_count_out_of_range():
    with pytest.raises(CommandError, match="between 1 and 20"):
        run("--panels", "0")
    assert not User.objects.exists()
