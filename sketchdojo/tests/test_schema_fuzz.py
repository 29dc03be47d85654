"""Schema fuzzing: every operation in /api/schema/ answered without a 5xx and as documented.

Schemathesis reads the OpenAPI document the service publishes and sends generated requests to the
WSGI application in-process (same test database transaction), as a signed-in user with a
project, a character, a webtoon with a panel and a task. Path ids that parse as UUIDs (and half of the
others) are swapped for the user's real objects, so the generated bodies reach the serializers and services instead
of stopping at "not found" (random ids are covered by the isolation matrix). Bounded for CI:
a few examples per operation, no deadline.

Checks: no 5xx (`not_a_server_error`), the body matches the documented schema of its status
(`response_schema_conformance`), and the content type is the documented one.
"""

from __future__ import annotations

import uuid
import zlib

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from accounts.tests.factories import UserFactory
from config.wsgi import application
from projects.tests.factories import CharacterFactory, ProjectFactory
from webtoons.tests.factories import PanelFactory, TaskFactory, WebtoonFactory

MAX_EXAMPLES = 15
CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


@pytest.fixture(autouse=True)
def _fuzzing_settings(settings, tmp_path):
    """Generated files in a temporary folder; rate limits out of the way of a few hundred requests."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": dict.fromkeys(settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"], "100000/min"),
    }


@pytest.fixture(autouse=True)
def _test_connection_kept_across_requests():
    """The WSGI app closes "old" connections around each request, which on MariaDB would close the
    test's own connection mid-transaction; Django's test client unhooks the same signals."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_world(db):
    """A signed-in user owning one of everything, and the header that authenticates them."""
    from rest_framework_simplejwt.tokens import RefreshToken

    user = UserFactory(username="fuzzer", email="fuzzer@example.com")
    project = ProjectFactory(user=user)
    character = CharacterFactory(project=project)
    webtoon = WebtoonFactory(project=project)
    panel = PanelFactory(webtoon=webtoon, sequence_number=1)
    task = TaskFactory(webtoon=webtoon)
    ids = {
        "project_id": project.id,
        "character_id": character.id,
        "webtoon_id": webtoon.id,
        "panel_id": panel.id,
        "task_id": task.id,
    }
    headers = {"Authorization": f"Bearer {RefreshToken.for_user(user).access_token}"}
    return ids, headers


def _is_uuid(value) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


def _aims_at_real_object(value) -> bool:
    """UUID-shaped ids, and half of the others (chosen by a stable hash), address the user's objects."""
    return _is_uuid(value) or zlib.crc32(str(value).encode()) % 2 == 0


# The coverage phase (every boundary value of every field) takes minutes on this API; the examples
# and fuzzing phases with MAX_EXAMPLES each keep the run near a minute.
FUZZ_CONFIG = schemathesis.Config.from_dict({"phases": {"coverage": {"enabled": False}}})
schema = schemathesis.openapi.from_wsgi("/api/schema/", application, config=FUZZ_CONFIG)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented_without_server_errors(case, fuzz_world):
    ids, headers = fuzz_world
    for name, value in list((case.path_parameters or {}).items()):
        if name in ids and _aims_at_real_object(value):
            case.path_parameters[name] = str(ids[name])
    case.call_and_validate(headers=headers, checks=CHECKS)
