"""What every provider is: an LLM planner turns a request into a Script; an artist draws one panel.

The pipeline never branches on which provider it has. Errors say what the caller should do:
`ProviderTransientError` → retry with backoff (honour `retry_after`); `ProviderAuthError` → fail the
task at once; `ProviderContentRefused` → fail only that panel, with the reason;
`ProviderMalformedOutput` → the answer did not validate (LLMs retry once with the error, then fail).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from PIL import Image

from sketchdojo.engine.script import PanelScript, Script


class ProviderError(Exception):
    """A provider call failed for good; the message is fit to show the user."""

    def __init__(self, message: str, *, provider: str = "", status: int | None = None):
        super().__init__(message)
        self.provider = provider
        self.status = status


class ProviderTransientError(ProviderError):
    """Timeout, 408/409/429, 5xx: worth retrying, after `retry_after` seconds when the server said so."""

    def __init__(
        self, message: str, *, provider: str = "", status: int | None = None, retry_after: float | None = None
    ):
        super().__init__(message, provider=provider, status=status)
        self.retry_after = retry_after


class ProviderAuthError(ProviderError):
    """401/403: the key was rejected. Retrying cannot help."""


class ProviderContentRefused(ProviderError):
    """The provider refused this content (safety policy); fails only the panel that asked."""


class ProviderMalformedOutput(ProviderError):
    """The provider answered, but not with something that validates."""


@dataclass(frozen=True)
class CharacterBrief:
    """A project character as the planner sees it (from the Character model or the command line)."""

    name: str
    role: str = "supporting"
    description: str = ""
    appearance: dict[str, Any] = field(default_factory=dict)
    personality: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanRequest:
    prompt: str
    panel_count: int
    art_style: str = "webtoon"
    characters: tuple[CharacterBrief, ...] = ()
    character_descriptions: tuple[str, ...] = ()
    project_title: str = ""
    story_outline: str = ""
    color_scheme: str = ""
    seed: int = 0


@dataclass(frozen=True)
class FaceBox:
    """Where a character's face is in a drawn panel, in pixels (x0, y0, x1, y1)."""

    name: str
    box: tuple[int, int, int, int]


@dataclass
class DrawRequest:
    script: Script
    panel: PanelScript
    style: str
    width: int
    height: int
    seed: int


@dataclass
class DrawResult:
    image: Image.Image
    faces: list[FaceBox] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)


class LLMProvider(ABC):
    name: str = ""

    @abstractmethod
    def plan(self, request: PlanRequest) -> Script:
        """Return a validated script with exactly `request.panel_count` panels."""


class ImageProvider(ABC):
    name: str = ""
    # Panels drawn at once by one worker process; the registry may cap it further.
    max_concurrency: int = 8

    @abstractmethod
    def draw(self, request: DrawRequest) -> DrawResult:
        """Draw one panel (no text in it: the letterer adds that)."""
