"""`manage.py seed_data`: a demo creator with a project, two characters and a generated webtoon.

Idempotent: a second run finds what the first made and creates nothing twice. The demo password
is random and printed when the account is created (or with --reset-password); it is never stored
in the repository.
"""

import secrets

from celery import current_app as celery_app
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import User
from accounts.services import user_register
from characters.models import CharacterRole
from characters.services import character_create
from projects.models import ArtStyle, Project
from projects.services import project_create
from tasks.models import Task, TaskStatus
from webtoons.models import WebtoonStatus
from webtoons.services import GenerationRequest, webtoon_generate

DEMO_EMAIL = "demo@sketchdojo.local"
DEMO_USERNAME = "demo"
PROJECT_TITLE = "Storm Village Chronicles"
STORY = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"
CAST = [
    {
        "name": "Alex Thunder",
        "role": CharacterRole.PROTAGONIST,
        "description": "A brave young mage with lightning powers",
        "appearance": {
            "age_range": "young_adult",
            "gender": "male",
            "height": "tall",
            "build": "athletic",
            "hair_color": "silver",
            "hair_style": "spiky",
            "eye_color": "electric_blue",
            "skin_tone": "fair",
            "distinctive_features": ["lightning-shaped scar on forehead"],
        },
        "personality": {
            "traits": ["brave", "impulsive", "loyal"],
            "motivations": ["protect innocent people", "master lightning magic"],
            "fears": ["losing control of powers", "failing friends"],
            "speech_style": "confident",
        },
    },
    {
        "name": "Mira Vale",
        "role": CharacterRole.SUPPORTING,
        "description": "The village healer's apprentice, quiet and observant",
        "appearance": {
            "age_range": "young_adult",
            "gender": "female",
            "build": "slim",
            "hair_color": "auburn",
            "hair_style": "long",
            "eye_color": "green",
            "skin_tone": "tan",
        },
        "personality": {"traits": ["kind", "careful"], "speech_style": "shy"},
    },
]


class Command(BaseCommand):
    help = "Create a demo user, a project with two characters and a generated webtoon (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--reset-password", action="store_true", help="Give the demo user a new password.")
        parser.add_argument("--panels", type=int, default=6, help="Panels in the demo webtoon (1-20).")

    def handle(self, *args, reset_password: bool, panels: int, **options):
        if not 1 <= panels <= 20:
            raise CommandError("--panels must be between 1 and 20.")
        user, password = self._demo_user(reset_password=reset_password)
        project = self._demo_project(user)
        task = self._demo_webtoon(user, project, panels)

        self.stdout.write(self.style.SUCCESS("Demo data ready."))
        self.stdout.write(f"  email:    {user.email}")
        self.stdout.write(f"  username: {user.username}")
        if password:
            self.stdout.write(f"  password: {password}")
        else:
            self.stdout.write(
                "  password: unchanged (set when the account was created; --reset-password for a new one)"
            )
        self.stdout.write(f"  project:  {project.title} ({project.pk})")
        self.stdout.write(f"  webtoon:  {task.webtoon_id} (task {task.pk}: {task.status})")

    def _demo_user(self, *, reset_password: bool) -> tuple[User, str | None]:
        password = secrets.token_urlsafe(12)
        user = User.objects.filter(email__iexact=DEMO_EMAIL).first()
        if user is None:
            return user_register(email=DEMO_EMAIL, username=DEMO_USERNAME, password=password), password
        if reset_password:
            user.set_password(password)
            user.save(update_fields=["password"])
            return user, password
        return user, None

    @transaction.atomic
    def _demo_project(self, user: User) -> Project:
        project = Project.objects.filter(user=user, title=PROJECT_TITLE).first()
        if project is None:
            project = project_create(
                user=user,
                title=PROJECT_TITLE,
                description="A young mage, a storm and the shadows at the edge of the village.",
                art_style=ArtStyle.WEBTOON,
                target_panels=6,
                story_outline=STORY,
                color_palette="vibrant",
            )
        existing = set(project.characters.values_list("name", flat=True))
        for member in CAST:
            if member["name"] not in existing:
                character_create(project=project, **member)
        return project

    def _demo_webtoon(self, user: User, project: Project, panels: int) -> Task:
        done = (
            Task.objects.filter(project=project, status=TaskStatus.COMPLETED, webtoon__isnull=False)
            .exclude(webtoon__status=WebtoonStatus.ARCHIVED)
            .order_by("-created_at")
            .first()
        )
        if done is not None:
            return done
        request = GenerationRequest(
            story_prompt=STORY, panel_count=panels, style=ArtStyle.WEBTOON, color_scheme="vibrant"
        )
        # Run the real pipeline inline (no worker needed): the same Celery tasks, applied eagerly.
        previous = celery_app.conf.task_always_eager
        celery_app.conf.task_always_eager = True
        try:
            task = webtoon_generate(user=user, project=project, request=request)
        finally:
            celery_app.conf.task_always_eager = previous
        task.refresh_from_db()
        if task.status != TaskStatus.COMPLETED:
            raise CommandError(f"The demo generation ended {task.status}: {task.error_message}")
        return task
