"""Benchmark: latency and query count of the project and character list endpoints as rows grow.

Run: `.venv/bin/python -m bench.projects_api` (a throwaway test database on whatever DATABASE_URL
points at; SQLite in memory by default). Prints the median of `REPEAT` requests per size.
"""

import os
import statistics
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("THROTTLE_USER", "1000000/min")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from rest_framework.test import APIClient  # noqa: E402
from rest_framework_simplejwt.tokens import RefreshToken  # noqa: E402

REPEAT = 30
SIZES = (1, 50, 100)


def _client_for(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


def _measure(client: APIClient, url: str) -> tuple[float, int]:
    client.get(url)  # warm-up
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries)


def main() -> None:
    from accounts.tests.factories import UserFactory
    from projects.tests.factories import CharacterFactory, ProjectFactory

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor}; median of {REPEAT} requests")
        print(f"{'rows':>5} {'GET /projects ms':>17} {'queries':>8} {'GET /characters/project ms':>27} {'queries':>8}")
        for rows in SIZES:
            user = UserFactory()
            projects = ProjectFactory.create_batch(rows, user=user)
            for project in projects:
                CharacterFactory(project=project)
            CharacterFactory.create_batch(rows - 1, project=projects[0])
            client = _client_for(user)
            list_ms, list_queries = _measure(client, "/api/v1/projects?size=100")
            cast_ms, cast_queries = _measure(client, f"/api/v1/characters/project/{projects[0].id}?size=100")
            print(f"{rows:>5} {list_ms:>17.2f} {list_queries:>8} {cast_ms:>27.2f} {cast_queries:>8}")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
