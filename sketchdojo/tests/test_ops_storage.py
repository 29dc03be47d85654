"""S3 storage through django-storages, against moto's S3 server (a real S3 HTTP endpoint) in-process."""

import environ
import pytest
import requests
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from sketchdojo.storage import default_storage_backend
from sketchdojo.tests.ops_fixtures import BUCKET, bucket_keys, s3_settings


def _keys(client) -> list[str]:
    return bucket_keys(client)


def test_a_saved_file_lands_in_the_bucket_and_reads_back(s3_env):
    with s3_settings():
        name = default_storage.save("panels/p1.png", ContentFile(b"\x89PNG fake panel bytes"))
        with default_storage.open(name) as handle:
            content = handle.read()

    assert name == "panels/p1.png"
    assert content == b"\x89PNG fake panel bytes"
    assert _keys(s3_env) == ["panels/p1.png"]
    assert s3_env.get_object(Bucket=BUCKET, Key=name)["Body"].read() == b"\x89PNG fake panel bytes"


def test_a_taken_name_gets_a_fresh_one_instead_of_overwriting(s3_env):
    with s3_settings():
        first = default_storage.save("strips/s.png", ContentFile(b"one"))
        second = default_storage.save("strips/s.png", ContentFile(b"two"))

    assert first == "strips/s.png"
    assert second != first
    assert second.startswith("strips/s_") and second.endswith(".png")
    assert s3_env.get_object(Bucket=BUCKET, Key=first)["Body"].read() == b"one"


def test_private_objects_get_a_signed_url_that_serves_the_file(s3_env):
    with s3_settings():
        name = default_storage.save("exports/w.pdf", ContentFile(b"%PDF-1.7 test"))
        url = default_storage.url(name)

    assert url.startswith(f"{s3_env.meta.endpoint_url}/{BUCKET}/exports/w.pdf?")
    assert "X-Amz-Signature=" in url
    assert requests.get(url, timeout=10).content == b"%PDF-1.7 test"


def test_public_urls_carry_no_signature(s3_env, monkeypatch):
    monkeypatch.setenv("S3_PUBLIC_URLS", "true")
    with s3_settings():
        url = default_storage.url("panels/p2.png")

    assert url == f"{s3_env.meta.endpoint_url}/{BUCKET}/panels/p2.png"


def test_a_custom_domain_serves_the_objects(s3_env, monkeypatch):
    monkeypatch.setenv("S3_PUBLIC_URLS", "true")
    monkeypatch.setenv("S3_CUSTOM_DOMAIN", "media.example.com")
    with s3_settings():
        url = default_storage.url("panels/p3.png")

    assert url == "https://media.example.com/panels/p3.png"


def test_health_reports_the_s3_store(s3_env, client, db):
    with s3_settings():
        body = client.get("/health").json()

    assert body["checks"]["storage"] == {"status": "ok", "backend": "s3"}


def test_health_is_degraded_when_the_bucket_is_gone(s3_env, client, db):
    s3_env.delete_bucket(Bucket=BUCKET)
    try:
        with s3_settings():
            response = client.get("/health")
    finally:
        s3_env.create_bucket(Bucket=BUCKET)

    assert response.status_code == 503
    assert response.json()["checks"]["storage"] == {"status": "down", "error": "ClientError"}


def test_s3_without_a_bucket_stops_start_up(monkeypatch):
    monkeypatch.delenv("S3_BUCKET_NAME", raising=False)

    with pytest.raises(ImproperlyConfigured, match="S3_BUCKET_NAME"):
        default_storage_backend(environ.Env(), storage_type="s3")


def test_an_unknown_storage_type_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match="STORAGE_TYPE must be one of local, s3, not 'gcs'"):
        default_storage_backend(environ.Env(), storage_type="gcs")
