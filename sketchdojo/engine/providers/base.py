"""What every provider is: an LLM planner turns a request into a Script; an artist draws one panel.

The pipeline never branches on which provider it has. Errors say what the caller should do:
`ProviderTransientError` → retry with backoff (honour `retry_after`); `ProviderAuthError` → fail the
task at once; `ProviderContentRefused` → fail only that panel, with the reason;
`ProviderMalformedOutput` → the answer did not validate (LLMs retry once with the error, then fail).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PIL import Image

from sketchdojo.engine.script import PanelScript, Script
from sketchdojo.engine.series import EpisodeRecap, RecapRequest, SeriesContext, recap_offline

if TYPE_CHECKING:
    from sketchdojo.engine.providers.translation import TranslationRequest


class ProviderError(Exception):
    """A provider call failed for good; the message is fit to show the user."""

    def __init__(self, message: str, *, provider: str = "", status: int | None = None):
        super().__init__(message)
        self.provider = provider
        self.status = status


class ProviderTransientError(ProviderError):
    """Timeout, 408/409/429, 5xx: worth retrying, after `retry_after` seconds when the server said so."""

    def __init__(
        self,
        message: str,
        *,
        provider: str = "",
        status: int | None = None,
        retry_after: float | None = None,
        attempts: int = 0,
    ):
        super().__init__(message, provider=provider, status=status)
        self.retry_after = retry_after
        # Set by `call_with_retries` when it gives up: the attempts it made. A positive value means the
        # whole PROVIDER_MAX_RETRIES budget is spent, so no caller (Celery task, pipeline) retries again.
        self.attempts = attempts

    @property
    def retries_exhausted(self) -> bool:
        return self.attempts > 0


class ProviderAuthError(ProviderError):
    """401/403: the key was rejected. Retrying cannot help."""


class ProviderContentRefused(ProviderError):
    """The provider refused this content (safety policy); fails only the panel that asked."""


class ProviderMalformedOutput(ProviderError):
    """The provider answered, but not with something that validates."""


class TranslationUnsupported(ProviderError):
    """This LLM provider cannot translate (the offline planner): nothing was sent anywhere."""


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
    # Episode N of a series: the memory of earlier episodes and the recurring cast (None: a first episode).
    series: SeriesContext | None = None


@dataclass(frozen=True)
class FaceBox:
    """Where a character's face is in a drawn panel, in pixels (x0, y0, x1, y1)."""

    name: str
    box: tuple[int, int, int, int]


@dataclass(frozen=True)
class ReferenceImage:
    """A character's reference image (uploaded or a generated character sheet), sent as it is stored."""

    data: bytes
    mime: str = "image/png"
    filename: str = "reference.png"


@dataclass
class DrawRequest:
    """One panel to draw.

    - `looks`: character name -> the canonical look text (the project's stored description and
      appearance, or the look stored with the webtoon for an invented character). Image prompts
      carry it word for word; a name missing here falls back to the script's description, verbatim.
    - `seed`: the panel seed (see `prompts.derive_panel_seed`); providers that take a seed send it.
    - `negative_prompt`: what the art must not show (default: text, bubbles, artefacts).
    - `references`: character name -> reference images; providers that take image inputs send the
      ones of the characters present in the panel.
    """

    script: Script
    panel: PanelScript
    style: str
    width: int
    height: int
    seed: int
    looks: dict[str, str] = field(default_factory=dict)
    negative_prompt: str = ""
    references: dict[str, tuple[ReferenceImage, ...]] = field(default_factory=dict)

    def present_references(self) -> list[tuple[str, ReferenceImage]]:
        """The reference images of the characters in this panel, in panel order: (name, image)."""
        out = []
        for present in self.panel.characters:
            out.extend((present.name, image) for image in self.references.get(present.name, ()))
        return out


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

    def recap(self, request: RecapRequest) -> EpisodeRecap:
        """Summarise a finished episode for the series memory. Offline by default: from the script."""
        return recap_offline(request)

    def translate(self, request: TranslationRequest) -> dict[str, str]:
        """Return the translation of every line of `request`, by line id (one structured call, one repair).

        Providers without a language model (the offline planner) raise `TranslationUnsupported`.
        """
        raise TranslationUnsupported(
            f"The {self.name or 'configured'} story planner cannot translate; set LLM_PROVIDER to openai or "
            "anthropic (with its key) to translate automatically.",
            provider=self.name,
        )


class ImageProvider(ABC):
    name: str = ""
    # Panels drawn at once by one worker process; the registry may cap it further.
    max_concurrency: int = 8
    # True when every call already holds a slot of the provider's own limiter (remote providers,
    # `ProviderClient`), released while a retry waits: the caller must not hold another slot around it.
    limits_itself: bool = False
    # Draws on this machine's CPU (the offline artist), not by waiting on a server: worth running in
    # the engine's process pool (sketchdojo.engine.pool) when one is running.
    cpu_bound: bool = False

    @abstractmethod
    def draw(self, request: DrawRequest) -> DrawResult:
        """Draw one panel (no text in it: the letterer adds that)."""
