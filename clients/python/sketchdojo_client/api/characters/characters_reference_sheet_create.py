from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.task import Task
from ...types import Response


def _get_kwargs(
    character_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/characters/{character_id}/reference-sheet".format(
            character_id=quote(str(character_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | Task | None:
    if response.status_code == 202:
        response_202 = Task.from_dict(response.json())

        return response_202

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | Task]:
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
) -> Response[ErrorEnvelope | Task]:
    """202 with a task that draws the character's sheet once and stores it as its reference image.

    Args:
        character_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | Task]
    """

    kwargs = _get_kwargs(
        character_id=character_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    character_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | Task | None:
    """202 with a task that draws the character's sheet once and stores it as its reference image.

    Args:
        character_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | Task
    """

    return sync_detailed(
        character_id=character_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    character_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | Task]:
    """202 with a task that draws the character's sheet once and stores it as its reference image.

    Args:
        character_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | Task]
    """

    kwargs = _get_kwargs(
        character_id=character_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    character_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | Task | None:
    """202 with a task that draws the character's sheet once and stores it as its reference image.

    Args:
        character_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | Task
    """

    return (
        await asyncio_detailed(
            character_id=character_id,
            client=client,
        )
    ).parsed
