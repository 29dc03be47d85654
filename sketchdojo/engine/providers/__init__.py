"""Provider interfaces and the registry that picks one by name (settings: LLM_PROVIDER, IMAGE_PROVIDER)."""

from sketchdojo.engine.providers.base import (
    CharacterBrief,
    DrawRequest,
    DrawResult,
    FaceBox,
    ImageProvider,
    LLMProvider,
    PlanRequest,
    ProviderAuthError,
    ProviderContentRefused,
    ProviderError,
    ProviderMalformedOutput,
    ProviderTransientError,
)
from sketchdojo.engine.providers.registry import get_image_provider, get_llm_provider

__all__ = [
    "CharacterBrief",
    "DrawRequest",
    "DrawResult",
    "FaceBox",
    "ImageProvider",
    "LLMProvider",
    "PlanRequest",
    "ProviderAuthError",
    "ProviderContentRefused",
    "ProviderError",
    "ProviderMalformedOutput",
    "ProviderTransientError",
    "get_image_provider",
    "get_llm_provider",
]
