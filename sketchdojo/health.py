"""Liveness, readiness and a dependency report for load balancers and humans."""

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse


def _check_database() -> dict:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
        return {"status": "ok", "engine": connections[DEFAULT_DB_ALIAS].vendor}
    except Exception as exc:  # noqa: BLE001 - any failure means "down"
        return {"status": "down", "error": exc.__class__.__name__}


def _check_migrations() -> dict:
    try:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
        return {"status": "ok"} if not pending else {"status": "pending", "count": len(pending)}
    except Exception as exc:  # noqa: BLE001
        return {"status": "down", "error": exc.__class__.__name__}


def _check_cache() -> dict:
    try:
        cache.set("health:probe", "1", timeout=5)
        ok = cache.get("health:probe") == "1"
        return {"status": "ok" if ok else "down", "backend": "redis" if settings.REDIS_URL else "locmem"}
    except Exception as exc:  # noqa: BLE001
        return {"status": "down", "error": exc.__class__.__name__}


def _check_broker() -> dict:
    if not settings.REDIS_URL:
        return {"status": "ok", "backend": "in-process"}
    try:
        # Lazy: redis-py loads the OpenTelemetry SDK when it is installed; only a Redis setup pays for it.
        import redis

        redis.Redis.from_url(settings.CELERY_BROKER_URL, socket_timeout=2).ping()
        return {"status": "ok", "backend": "redis"}
    except Exception as exc:  # noqa: BLE001
        return {"status": "down", "error": exc.__class__.__name__}


def _check_storage() -> dict:
    try:
        bucket = getattr(default_storage, "bucket", None)
        if bucket is not None:
            # S3: a missing bucket or bad credentials must show; `exists` would just say "no such file".
            bucket.meta.client.head_bucket(Bucket=bucket.name)
        else:
            default_storage.exists("health-probe")
        return {"status": "ok", "backend": settings.STORAGE_TYPE}
    except Exception as exc:  # noqa: BLE001
        return {"status": "down", "error": exc.__class__.__name__}


def _providers() -> dict:
    # Whether each provider can be used (a key, or a local OpenAI-compatible server); never the key itself.
    configured = {
        "local": True,
        "openai": bool(settings.OPENAI_API_KEY or settings.OPENAI_BASE_URL),
        "anthropic": bool(settings.ANTHROPIC_API_KEY),
        "stability": bool(settings.STABILITY_API_KEY),
        "comfyui": bool(getattr(settings, "COMFYUI_BASE_URL", "")),
        "automatic1111": bool(getattr(settings, "A1111_BASE_URL", "")),
    }
    return {
        "llm": settings.LLM_PROVIDER,
        "image": settings.IMAGE_PROVIDER,
        "llm_configured": configured.get(settings.LLM_PROVIDER, False),
        "image_configured": configured.get(settings.IMAGE_PROVIDER, False),
        "configured": configured,
    }


def health(request):
    checks = {
        "database": _check_database(),
        "cache": _check_cache(),
        "broker": _check_broker(),
        "storage": _check_storage(),
    }
    healthy = all(c["status"] == "ok" for c in checks.values())
    return JsonResponse(
        {"status": "healthy" if healthy else "degraded", "checks": checks, "providers": _providers()},
        status=200 if healthy else 503,
    )


def liveness(request):
    return JsonResponse({"status": "alive"})


def readiness(request):
    checks = {"database": _check_database()}
    if checks["database"]["status"] == "ok":
        checks["migrations"] = _check_migrations()
    if settings.REDIS_URL:
        checks["cache"] = _check_cache()
    ready = all(c["status"] == "ok" for c in checks.values())
    return JsonResponse({"status": "ready" if ready else "not_ready", "checks": checks}, status=200 if ready else 503)
