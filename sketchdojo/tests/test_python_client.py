"""The generated Python client (clients/python, `make client`) is current and works against a live server."""

import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from sketchdojo_client import AuthenticatedClient, Client
from sketchdojo_client.api.auth import auth_login_create, auth_me_retrieve, auth_register_create
from sketchdojo_client.api.characters import characters_create, characters_project_list
from sketchdojo_client.api.panels import panels_create, panels_webtoon_list
from sketchdojo_client.api.projects import projects_create, projects_list, projects_retrieve
from sketchdojo_client.api.webtoons import webtoons_create, webtoons_list
from sketchdojo_client.models import (
    CharacterCreateRequest,
    ErrorEnvelope,
    LoginInputRequest,
    PanelCreateRequest,
    ProjectInputRequest,
    ProjectsListOrdering,
    RegisterInputRequest,
    WebtoonCreateRequest,
    WebtoonsListStatus,
)

CLIENT_DIR = Path(settings.BASE_DIR) / "clients" / "python"
PASSWORD = "SecurePassword123"


def _differences(left: filecmp.dircmp) -> list[str]:
    found = [f"{left.left}: {name}" for name in left.left_only + left.right_only + left.diff_files]
    for sub in left.subdirs.values():
        found += _differences(sub)
    return found


@pytest.mark.django_db
def test_the_committed_client_schema_is_the_apis_schema(tmp_path):
    fresh = tmp_path / "openapi.json"

    call_command(
        "spectacular",
        "--format=openapi-json",
        "--custom-settings=sketchdojo.api.schema.CLIENT_SCHEMA_SETTINGS",
        f"--file={fresh}",
    )

    assert json.loads(fresh.read_text()) == json.loads((CLIENT_DIR / "openapi.json").read_text()), "run make client"


def test_the_committed_client_is_what_the_generator_makes_of_the_schema(tmp_path):
    shutil.copy(CLIENT_DIR / "openapi.json", tmp_path / "openapi.json")
    shutil.copy(CLIENT_DIR / "generator.yaml", tmp_path / "generator.yaml")
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}

    command = [str(bin_dir / "openapi-python-client"), "generate", "--path", "openapi.json"]
    command += ["--config", "generator.yaml", "--meta", "none", "--output-path", "sketchdojo_client"]

    subprocess.run(
        command,
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )

    comparison = filecmp.dircmp(
        tmp_path / "sketchdojo_client", CLIENT_DIR / "sketchdojo_client", ignore=["__pycache__"]
    )
    assert _differences(comparison) == [], "run make client"


@pytest.mark.django_db(transaction=True)
def test_the_client_drives_the_running_service_from_sign_up_to_a_panel(live_server):
    anonymous = Client(base_url=live_server.url, raise_on_unexpected_status=True)

    auth_register_create.sync(
        client=anonymous,
        body=RegisterInputRequest(email="user@example.com", username="johndoe", password=PASSWORD),
    )
    tokens = auth_login_create.sync(client=anonymous, body=LoginInputRequest(username="johndoe", password=PASSWORD))
    client = AuthenticatedClient(base_url=live_server.url, token=tokens.access_token, raise_on_unexpected_status=True)

    me = auth_me_retrieve.sync(client=client)
    project = projects_create.sync(
        client=client,
        body=ProjectInputRequest(title="My Epic Webtoon", description="A story about heroes and villains"),
    )
    projects_create.sync(client=client, body=ProjectInputRequest(title="Another story"))
    character = characters_create.sync(
        client=client, body=CharacterCreateRequest(name="Alex Thunder", project_id=project.id)
    )
    webtoon = webtoons_create.sync(client=client, body=WebtoonCreateRequest(project_id=project.id, title="Storm"))
    panel = panels_create.sync(
        client=client, body=PanelCreateRequest(webtoon_id=webtoon.id, visual_description="Alex raises his hand.")
    )

    assert me.username == "johndoe"
    assert projects_retrieve.sync(client=client, project_id=project.id).character_count == 1
    page = projects_list.sync(client=client, search="epic", ordering=ProjectsListOrdering.TITLE)
    assert [item.title for item in page.items] == ["My Epic Webtoon"]
    assert (page.total, page.next_, page.previous) == (1, None, None)
    cast = characters_project_list.sync(client=client, project_id=project.id)
    assert [item.name for item in cast.items] == [character.name] == ["Alex Thunder"]
    panels = panels_webtoon_list.sync(client=client, webtoon_id=webtoon.id)
    assert [(item.id, item.sequence_number) for item in panels.items] == [(panel.id, 1)]
    assert webtoons_list.sync(client=client, status=WebtoonsListStatus.PUBLISHED).items == []


@pytest.mark.django_db(transaction=True)
def test_the_client_reads_errors_as_the_envelope(live_server):
    anonymous = Client(base_url=live_server.url)

    answer = projects_list.sync_detailed(client=AuthenticatedClient(base_url=live_server.url, token="not-a-token"))
    refused = auth_login_create.sync(client=anonymous, body=LoginInputRequest(username="nobody", password="wrong"))

    assert answer.status_code == 401
    assert isinstance(refused, ErrorEnvelope)
    assert refused.error == "invalid_credentials"
