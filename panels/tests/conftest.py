"""Fixtures of the pipeline apps (see tasks/tests/fixtures.py)."""

from tasks.tests.fixtures import eager_celery, generated_webtoon, image_provider, media_root, queued  # noqa: F401
