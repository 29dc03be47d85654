"""Fixtures of the pipeline apps (see tasks/tests/fixtures.py)."""

from tasks.tests.fixtures import eager_celery, image_provider, media_root  # noqa: F401
