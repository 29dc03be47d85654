"""S3 storage through django-storages, against moto's S3 server (a real S3 HTTP endpoint) in-process."""

import logging
import socket

import boto3
import environ
import pytest
import requests
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings

from sketchdojo.storage import default_storage_backend

BUCKET = "sketchdojo-test-media"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request access log
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_env(s3_endpoint, monkeypatch):
    """STORAGE_TYPE=s3 environment pointing at the moto server, with a fresh bucket."""
    values = {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "S3_BUCKET_NAME": BUCKET,
        "S3_REGION": "us-east-1",
        "S3_ENDPOINT_URL": s3_endpoint,
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    for key in ("S3_PUBLIC_URLS", "S3_CUSTOM_DOMAIN", "S3_LOCATION", "AWS_SESSION_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(key, raising=False)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    yield client
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        for item in page.get("Contents", []):
            client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def s3_settings(**extra_env):
    """override_settings for STORAGE_TYPE=s3, built by the same function config/settings.py calls."""
    env = environ.Env()
    backend = default_storage_backend(env, storage_type="s3")
    backend["OPTIONS"].update(extra_env)
    from django.conf import settings

    return override_settings(STORAGE_TYPE="s3", STORAGES={**settings.STORAGES, "default": backend})


def _keys(client) -> list[str]:
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []))


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


def test_s3_without_a_bucket_stops_start_up(monkeypatch):
    monkeypatch.delenv("S3_BUCKET_NAME", raising=False)

    with pytest.raises(ImproperlyConfigured, match="S3_BUCKET_NAME"):
        default_storage_backend(environ.Env(), storage_type="s3")


def test_an_unknown_storage_type_stops_start_up():
    with pytest.raises(ImproperlyConfigured, match="STORAGE_TYPE must be one of local, s3, not 'gcs'"):
        default_storage_backend(environ.Env(), storage_type="gcs")
