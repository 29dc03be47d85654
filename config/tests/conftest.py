"""Fixtures of the pipeline apps (see tasks/tests/fixtures.py)."""

from tasks.tests.fixtures import queued  # noqa: F401
