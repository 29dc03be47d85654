"""Migration 0003 gives every existing character a seed derived from its id, and loses nothing.

The suite runs without migrations (--no-migrations), so the real migrations run here in a child
process on a fresh SQLite file: migrate to 0002, write characters, migrate to 0003, read them back.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from sketchdojo.engine.providers import character_seed

SCRIPT = """
import json, os, uuid, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

call_command("migrate", "characters", "0002", verbosity=0)
apps = MigrationExecutor(connection).loader.project_state([("characters", "0002_reference_image_checks")]).apps
user = apps.get_model("accounts", "User").objects.create(username="old", email="old@example.com", password="!")
project = apps.get_model("projects", "Project").objects.create(user=user, title="Old project")
Character = apps.get_model("characters", "Character")
for name in ("Mina", "Jun"):
    look = {"hair_color": "silver"}
    Character.objects.create(project=project, name=name, description=name + " look", appearance=look)
before = {str(c.pk): [c.name, c.description, c.appearance, str(c.project_id)] for c in Character.objects.all()}

call_command("migrate", "characters", "0003", verbosity=0)
with connection.cursor() as cursor:
    cursor.execute("SELECT id, name, description, appearance, project_id, seed FROM characters_character")
    after = {}
    for pk, name, description, appearance, project_id, seed in cursor.fetchall():
        key, owner = str(uuid.UUID(str(pk))), str(uuid.UUID(str(project_id)))
        after[key] = [name, description, json.loads(appearance), owner, seed]
print(json.dumps({"before": before, "after": after}))
"""


def test_existing_characters_get_a_deterministic_seed_and_keep_every_field(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL",)}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    root = Path(__file__).resolve().parents[2]

    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False
    )

    assert run.returncode == 0, run.stderr[-2000:]
    data = json.loads(run.stdout.strip().splitlines()[-1])
    before, after = data["before"], data["after"]
    assert set(after) == set(before)
    for pk, (name, description, appearance, project_id) in before.items():
        assert after[pk][:4] == [name, description, appearance, project_id]
        assert after[pk][4] == character_seed(pk)
    assert len({row[4] for row in after.values()}) == 2
