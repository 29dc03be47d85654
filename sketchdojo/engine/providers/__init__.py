"""Provider interfaces and the registry that picks one by name (settings: LLM_PROVIDER, IMAGE_PROVIDER).

What the pipeline uses to keep characters themselves (issue 14):

- `canonical_look(description, appearance)` -> the look text of a stored character; pass it per name
  in `DrawRequest.looks` (image prompts carry it word for word, on every panel).
- `character_seed(key)` -> a character's one stored seed; `derive_panel_seed(seeds, panel_number,
  base=...)` -> a panel's seed from the seeds of the characters in it and its number.
- `DrawRequest.references`: name -> `ReferenceImage(data, mime, filename)`; providers that take image
  input (OpenAI gpt-image-1 edits, Stability SD3 image-to-image, AUTOMATIC1111 img2img, ComfyUI
  upload + img2img template) get those of the characters present; `DrawRequest.negative_prompt`.
- Retries happen once, inside the provider (`http.call_with_retries`, at most
  PROVIDER_MAX_RETRIES + 1 attempts). A `ProviderTransientError` with `retries_exhausted` (its
  `attempts` > 0) has spent that budget: do not retry it again on top.
- `calls.collect_calls()` gathers one `ProviderCall` per attempt; `as_dict()` is what to store on the
  task: provider, model, kind, outcome, attempts, latency_ms, tokens_in/out (never prompts or keys).
"""

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
    ReferenceImage,
)
from sketchdojo.engine.providers.prompts import canonical_look, character_seed, derive_panel_seed
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
    "ReferenceImage",
    "canonical_look",
    "character_seed",
    "derive_panel_seed",
    "get_image_provider",
    "get_llm_provider",
]
