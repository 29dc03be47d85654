"""How fast the configured providers really are: the time estimate of a new task comes from here.

Every panel drawn and every story planned records its duration as an exponential moving average
per provider in the cache (`speed_record`). When the cache has nothing (a restart, a fresh Redis),
the drawing speed is recovered from the latency the last drawn panels stored in their
generation_meta. Only a provider never measured falls back to the ESTIMATED_* settings.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

from panels.models import Panel

DRAW = "draw"
PLAN = "plan"
# Weight of the newest measurement: about the last five runs count.
ALPHA = 0.3
RECENT_PANELS = 50


def _key(kind: str, provider: str) -> str:
    return f"sketchdojo:speed:{kind}:{provider}"


def speed_record(*, kind: str, provider: str, seconds: float) -> float:
    """Fold one measured duration into the provider's moving average; returns the new average."""
    previous = cache.get(_key(kind, provider))
    average = seconds if previous is None else ALPHA * seconds + (1 - ALPHA) * float(previous)
    cache.set(_key(kind, provider), round(average, 4), timeout=None)
    return average


def _recent_draw_seconds(provider: str) -> float | None:
    metas = Panel.objects.exclude(generation_meta={}).order_by("-updated_at").values_list("generation_meta", flat=True)
    latencies = [
        float(meta["latency_seconds"])
        for meta in metas[:RECENT_PANELS]
        if isinstance(meta, dict) and meta.get("provider") == provider and meta.get("latency_seconds") is not None
    ]
    return sum(latencies) / len(latencies) if latencies else None


def speed_seconds(*, kind: str, provider: str) -> float | None:
    """The provider's measured seconds per call of `kind` (None: never measured)."""
    average = cache.get(_key(kind, provider))
    if average is None and kind == DRAW:
        average = _recent_draw_seconds(provider)
        if average is not None:
            cache.set(_key(kind, provider), round(average, 4), timeout=None)
    return None if average is None else float(average)


def generation_estimate(*, panel_count: int, plan: bool = True) -> int:
    """Seconds a generation of `panel_count` panels should take with the configured providers:
    planning (when `plan`) plus the panels drawn in waves of IMAGE_CONCURRENCY."""
    draw = speed_seconds(kind=DRAW, provider=settings.IMAGE_PROVIDER)
    if draw is None:
        draw = settings.ESTIMATED_SECONDS_PER_PANEL
    seconds = 0.0
    if plan:
        planned = speed_seconds(kind=PLAN, provider=settings.LLM_PROVIDER)
        seconds += settings.ESTIMATED_PLAN_SECONDS if planned is None else planned
    waves = -(-max(panel_count, 0) // max(settings.IMAGE_CONCURRENCY, 1))
    return max(1, round(seconds + waves * draw))
