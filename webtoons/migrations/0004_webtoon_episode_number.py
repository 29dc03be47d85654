"""Episodes: every webtoon gets its number in its project's series.

Existing webtoons are numbered 1, 2, 3… per project by creation date (then id, for equal dates); no
row is deleted or changed otherwise. Reversing drops the column only.
"""

from django.db import migrations, models


def number_existing_episodes(apps, schema_editor):
    Webtoon = apps.get_model("webtoons", "Webtoon")
    numbers: dict = {}
    batch = []
    for webtoon in Webtoon.objects.order_by("project_id", "created_at", "pk").only("pk", "project_id").iterator():
        numbers[webtoon.project_id] = numbers.get(webtoon.project_id, 0) + 1
        webtoon.episode_number = numbers[webtoon.project_id]
        batch.append(webtoon)
        if len(batch) >= 500:
            Webtoon.objects.bulk_update(batch, ["episode_number"])
            batch = []
    if batch:
        Webtoon.objects.bulk_update(batch, ["episode_number"])


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0001_initial"),
        ("webtoons", "0003_webtoon_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="webtoon",
            name="episode_number",
            field=models.PositiveIntegerField(null=True, editable=False),
        ),
        migrations.RunPython(number_existing_episodes, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="webtoon",
            name="episode_number",
            field=models.PositiveIntegerField(
                editable=False, help_text="Its number in the project's series (1, 2, 3…), given on creation."
            ),
        ),
        migrations.AddConstraint(
            model_name="webtoon",
            constraint=models.UniqueConstraint(fields=("project", "episode_number"), name="webtoon_project_episode_unique"),
        ),
    ]
