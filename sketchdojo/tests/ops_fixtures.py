"""Fixtures for the ops tests: a real S3 endpoint (moto's server, in this process) and settings that
point default_storage at it, built by the same function config/settings.py uses for STORAGE_TYPE=s3."""

import logging
import socket

import boto3
import environ
import pytest
from django.test import override_settings

from sketchdojo.storage import default_storage_backend

BUCKET = "sketchdojo-test-media"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request access log
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_env(s3_endpoint, monkeypatch):
    """STORAGE_TYPE=s3 environment pointing at the moto server, with a fresh bucket; yields a client."""
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


def s3_settings():
    """override_settings for STORAGE_TYPE=s3 from the current environment."""
    from django.conf import settings

    backend = default_storage_backend(environ.Env(), storage_type="s3")
    return override_settings(STORAGE_TYPE="s3", STORAGES={**settings.STORAGES, "default": backend})


def bucket_keys(client) -> list[str]:
    keys = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=BUCKET):
        keys += [item["Key"] for item in page.get("Contents", [])]
    return sorted(keys)
