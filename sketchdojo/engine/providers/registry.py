"""Pick providers by name. Names come from settings (LLM_PROVIDER, IMAGE_PROVIDER); `local` is default."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings

from sketchdojo.engine.providers.base import ImageProvider, LLMProvider

LLM_PROVIDERS = {
    "local": "sketchdojo.engine.planner:LocalStoryPlanner",
    "openai": "sketchdojo.engine.providers.openai_llm:OpenAIPlanner",
    "anthropic": "sketchdojo.engine.providers.anthropic_llm:AnthropicPlanner",
}
IMAGE_PROVIDERS = {
    "local": "sketchdojo.engine.artist:LocalPanelArtist",
    "stability": "sketchdojo.engine.providers.stability:StabilityArtist",
    "openai": "sketchdojo.engine.providers.openai_images:OpenAIImagesArtist",
    "comfyui": "sketchdojo.engine.providers.comfyui:ComfyUIArtist",
    "automatic1111": "sketchdojo.engine.providers.automatic1111:Automatic1111Artist",
}


def _load(table: dict[str, str], name: str, kind: str):
    try:
        module_name, _, attr = table[name].partition(":")
    except KeyError:
        raise ValueError(f"Unknown {kind} provider {name!r}; choose one of {', '.join(sorted(table))}.") from None
    return getattr(import_module(module_name), attr)


def _setting(name: str, default: str) -> str:
    return getattr(settings, name, default) if settings.configured else default


def get_llm_provider(name: str | None = None) -> LLMProvider:
    return _load(LLM_PROVIDERS, name or _setting("LLM_PROVIDER", "local"), "LLM")()


def get_image_provider(name: str | None = None) -> ImageProvider:
    return _load(IMAGE_PROVIDERS, name or _setting("IMAGE_PROVIDER", "local"), "image")()
