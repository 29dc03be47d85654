from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.character import Character
from ...models.patched_character_input_request import PatchedCharacterInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    character_id: UUID,
    *,
    body: PatchedCharacterInputRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/characters/{character_id}".format(
            character_id=quote(str(character_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Character | None:
    if response.status_code == 200:
        response_200 = Character.from_dict(response.json())

        return response_200

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
    character_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCharacterInputRequest | Unset = UNSET,
) -> Response[Character]:
    """Change some of a character's fields (appearance and personality merge)

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        character_id (UUID):
        body (PatchedCharacterInputRequest | Unset): What a client may set on a character
            (PUT/PATCH, and POST with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Character]
    """

    kwargs = _get_kwargs(
        character_id=character_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    character_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCharacterInputRequest | Unset = UNSET,
) -> Character | None:
    """Change some of a character's fields (appearance and personality merge)

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        character_id (UUID):
        body (PatchedCharacterInputRequest | Unset): What a client may set on a character
            (PUT/PATCH, and POST with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Character
    """

    return sync_detailed(
        character_id=character_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    character_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCharacterInputRequest | Unset = UNSET,
) -> Response[Character]:
    """Change some of a character's fields (appearance and personality merge)

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        character_id (UUID):
        body (PatchedCharacterInputRequest | Unset): What a client may set on a character
            (PUT/PATCH, and POST with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Character]
    """

    kwargs = _get_kwargs(
        character_id=character_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    character_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCharacterInputRequest | Unset = UNSET,
) -> Character | None:
    """Change some of a character's fields (appearance and personality merge)

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        character_id (UUID):
        body (PatchedCharacterInputRequest | Unset): What a client may set on a character
            (PUT/PATCH, and POST with `project_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Character
    """

    return (
        await asyncio_detailed(
            character_id=character_id,
            client=client,
            body=body,
        )
    ).parsed
