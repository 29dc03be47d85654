from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.character import Character
from ...models.character_create_request import CharacterCreateRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CharacterCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_project_id: str | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/characters",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Character | None:
    if response.status_code == 201:
        response_201 = Character.from_dict(response.json())

        return response_201

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Character]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CharacterCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> Response[Character]:
    """Add a character to one of your projects

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (CharacterCreateRequest): What a client may set on a character (PUT/PATCH, and POST
            with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Character]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CharacterCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> Character | None:
    """Add a character to one of your projects

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (CharacterCreateRequest): What a client may set on a character (PUT/PATCH, and POST
            with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Character
    """

    return sync_detailed(
        client=client,
        body=body,
        project_id=project_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CharacterCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> Response[Character]:
    """Add a character to one of your projects

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (CharacterCreateRequest): What a client may set on a character (PUT/PATCH, and POST
            with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Character]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CharacterCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> Character | None:
    """Add a character to one of your projects

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (CharacterCreateRequest): What a client may set on a character (PUT/PATCH, and POST
            with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Character
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            project_id=project_id,
        )
    ).parsed
