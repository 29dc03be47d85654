"""Production settings: `check --deploy` is clean, HTTPS is enforced except for probes, secrets are
required, and readiness stays 503 until migrations have run (on a real, fresh database)."""

import json
import os
import secrets
import subprocess
import sys
import textwrap

from django.conf import settings

PRODUCTION = {
    "ENVIRONMENT": "production",
    "DEBUG": "false",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "sketchdojo.example.com,testserver",
    "CSRF_TRUSTED_ORIGINS": "https://sketchdojo.example.com",
}
_INHERITED_NOISE = ("DEBUG", "ENVIRONMENT", "SECRET_KEY", "ALLOWED_HOSTS", "SECURE_", "SESSION_", "BEHIND_TLS_PROXY")


def _run(args, **env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(_INHERITED_NOISE)}
    return subprocess.run(
        [sys.executable, *args],
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_reports_no_issue_under_production_settings():
    completed = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)

    assert completed.returncode == 0, completed.stderr + completed.stdout
    assert completed.stdout.strip() == "System check identified no issues (1 silenced)."


def test_production_refuses_to_start_without_a_secret_key():
    env = {**PRODUCTION, "SECRET_KEY": ""}

    completed = _run(["manage.py", "check"], **env)

    assert completed.returncode == 1
    assert "SECRET_KEY must be set when ENVIRONMENT=production." in completed.stderr


_REQUESTS = """
    import json, django
    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment
    setup_test_environment()
    client = Client(HTTP_HOST="sketchdojo.example.com")
    out = {}
    for path in ("/health/liveness", "/metrics", "/api/v1/projects"):
        response = client.get(path)
        out[path] = [response.status_code, response.get("Location", "")]
    proxied = client.get("/health/liveness", HTTP_X_FORWARDED_PROTO="https")
    out["hsts"] = proxied.get("Strict-Transport-Security", "")
    from django.conf import settings
    out["cookies_secure"] = [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE]
    print(json.dumps(out))
"""


def test_production_redirects_to_https_except_the_probes_and_metrics(tmp_path):
    completed = _run(
        ["-c", textwrap.dedent(_REQUESTS)], **PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path / 'p.sqlite3'}"
    )
    assert completed.returncode == 0, completed.stderr
    out = json.loads(completed.stdout.strip().splitlines()[-1])

    assert out["/health/liveness"] == [200, ""]
    assert out["/metrics"] == [200, ""]
    assert out["/api/v1/projects"] == [301, "https://sketchdojo.example.com/api/v1/projects"]
    assert out["hsts"] == "max-age=31536000; includeSubDomains"
    assert out["cookies_secure"] == [True, True]


_READINESS = """
    import json, django
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    setup_test_environment()
    before = Client().get("/health/readiness")
    call_command("migrate", verbosity=0)
    after = Client().get("/health/readiness")
    print(json.dumps([before.status_code, before.json(), after.status_code, after.json()]))
"""


def test_readiness_is_503_until_a_fresh_database_is_migrated(tmp_path):
    completed = _run(["-c", textwrap.dedent(_READINESS)], DATABASE_URL=f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert completed.returncode == 0, completed.stderr
    before_status, before, after_status, after = json.loads(completed.stdout.strip().splitlines()[-1])

    assert before_status == 503
    assert before["status"] == "not_ready"
    assert before["checks"]["migrations"]["status"] == "pending"
    assert before["checks"]["migrations"]["count"] > 0
    assert (after_status, after["checks"]["migrations"]) == (200, {"status": "ok"})
