from django.db import migrations


class Migration(migrations.Migration):
    """`max_retries` bounded the reconciler's re-queues, not the user's retries (`retry_count`) nor
    Celery's provider retries: renamed to say so. A rename keeps every stored value."""

    dependencies = [
        ("tasks", "0003_task_finish_queued_at"),
    ]

    operations = [
        migrations.RenameField(model_name="task", old_name="max_retries", new_name="max_recoveries"),
    ]
