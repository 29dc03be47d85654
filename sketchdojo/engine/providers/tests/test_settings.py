"""Providers read their configuration from Django settings; explicit keyword arguments win."""

from __future__ import annotations

from sketchdojo.engine.providers.anthropic_llm import AnthropicPlanner
from sketchdojo.engine.providers.limits import LocalLimiter
from sketchdojo.engine.providers.openai_images import OpenAIImagesArtist
from sketchdojo.engine.providers.openai_llm import OpenAIPlanner
from sketchdojo.engine.providers.registry import get_image_provider, get_llm_provider
from sketchdojo.engine.providers.stability import StabilityArtist


def test_the_registry_builds_the_providers_named_in_settings_from_their_settings(settings):
    settings.REDIS_URL = ""
    settings.LLM_PROVIDER = "anthropic"
    settings.ANTHROPIC_API_KEY = "sk-ant"
    settings.ANTHROPIC_BASE_URL = "http://claude.internal/"
    settings.ANTHROPIC_MODEL = "claude-haiku-4-5"
    settings.IMAGE_PROVIDER = "stability"
    settings.STABILITY_API_KEY = "sk-stab"
    settings.STABILITY_API_BASE = "http://stability.internal"
    settings.STABILITY_MODEL = "ultra"
    settings.IMAGE_CONCURRENCY = 3
    settings.PROVIDER_TIMEOUT_SECONDS = 45
    settings.PROVIDER_MAX_RETRIES = 2

    planner = get_llm_provider()
    artist = get_image_provider()

    assert isinstance(planner, AnthropicPlanner)
    assert (planner.api_key, planner.base_url, planner.model) == (
        "sk-ant",
        "http://claude.internal",
        "claude-haiku-4-5",
    )
    assert planner.timeout == 45
    assert planner.policy.max_retries == 2
    assert isinstance(artist, StabilityArtist)
    assert (artist.api_key, artist.api_base, artist.model) == ("sk-stab", "http://stability.internal", "ultra")
    assert artist.max_concurrency == 3
    assert isinstance(artist.limiter, LocalLimiter)
    assert artist.limiter.limit == 3


def test_openai_providers_share_the_key_and_base_url_but_not_the_model(settings):
    settings.OPENAI_API_KEY = "sk-openai"
    settings.OPENAI_BASE_URL = "http://127.0.0.1:11434/v1"
    settings.OPENAI_MODEL = "llama3.1"
    settings.OPENAI_IMAGE_MODEL = "dall-e-3"

    planner = OpenAIPlanner(redis_url="")
    artist = OpenAIImagesArtist(redis_url="")

    assert (planner.api_key, planner.model) == ("sk-openai", "llama3.1")
    assert (artist.api_key, artist.model) == ("sk-openai", "dall-e-3")
    assert str(planner.client.base_url) == "http://127.0.0.1:11434/v1/"
    assert str(artist.client.base_url) == "http://127.0.0.1:11434/v1/"


def test_keyword_arguments_override_settings(settings):
    settings.STABILITY_API_KEY = "sk-from-settings"

    artist = StabilityArtist(api_key="sk-explicit", model="sd3.5-large", timeout=7, max_retries=0, redis_url="")

    assert (artist.api_key, artist.model, artist.timeout, artist.policy.max_retries) == (
        "sk-explicit",
        "sd3.5-large",
        7,
        0,
    )


def test_each_provider_shares_one_limiter_per_provider_and_kind_capped_by_its_concurrency_setting(settings):
    settings.REDIS_URL = ""
    settings.LLM_CONCURRENCY = 2
    settings.IMAGE_CONCURRENCY = 5

    providers = [OpenAIPlanner(), AnthropicPlanner(), OpenAIImagesArtist(), StabilityArtist()]

    assert [(p.limiter.name, p.limiter.limit) for p in providers] == [
        ("openai:llm", 2),
        ("anthropic:llm", 2),
        ("openai:image", 5),
        ("stability:image", 5),
    ]
    assert OpenAIPlanner().limiter is providers[0].limiter
    assert StabilityArtist(concurrency=3).limiter.limit == 3
