"""Fixtures for provider tests: a local wire server, recorded retry pauses, a plan request."""

from __future__ import annotations

import pytest

from sketchdojo.engine.providers.base import CharacterBrief, PlanRequest
from sketchdojo.engine.providers.tests.wire import WireServer


@pytest.fixture
def wire():
    server = WireServer().start()
    yield server
    server.stop()


@pytest.fixture
def delays() -> list[float]:
    """Pass `sleep=delays.append` to a provider: retries record their pause instead of waiting."""
    return []


@pytest.fixture
def plan_request() -> PlanRequest:
    return PlanRequest(
        prompt="A courier chases a lantern thief through a night market.",
        panel_count=3,
        art_style="webtoon",
        characters=(
            CharacterBrief(name="Mina", role="protagonist", description="A wiry teenage courier with a red scarf"),
        ),
        project_title="Night Market",
    )
