"""`/health` says which AI providers are chosen and configured, and never shows a key."""

from __future__ import annotations

from django.test import Client


def test_health_shows_the_chosen_providers_and_which_have_keys_without_the_keys(db, settings):
    settings.LLM_PROVIDER = "anthropic"
    settings.IMAGE_PROVIDER = "stability"
    settings.ANTHROPIC_API_KEY = "sk-ant-never-shown"
    settings.STABILITY_API_KEY = ""
    settings.OPENAI_API_KEY = ""
    settings.OPENAI_BASE_URL = "http://127.0.0.1:11434/v1"
    settings.COMFYUI_BASE_URL = "http://127.0.0.1:8188"
    settings.A1111_BASE_URL = ""

    response = Client().get("/health")

    assert response.json()["providers"] == {
        "llm": "anthropic",
        "image": "stability",
        "llm_configured": True,
        "image_configured": False,
        "configured": {
            "local": True,
            "openai": True,
            "anthropic": True,
            "stability": False,
            "comfyui": True,
            "automatic1111": False,
        },
    }
    assert b"sk-ant-never-shown" not in response.content
