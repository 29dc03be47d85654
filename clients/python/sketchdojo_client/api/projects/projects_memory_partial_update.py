from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.patched_series_memory_request import PatchedSeriesMemoryRequest
from ...models.series_memory import SeriesMemory
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: UUID,
    *,
    body: PatchedSeriesMemoryRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/projects/{project_id}/memory".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SeriesMemory | None:
    if response.status_code == 200:
        response_200 = SeriesMemory.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SeriesMemory]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSeriesMemoryRequest | Unset = UNSET,
) -> Response[ErrorEnvelope | SeriesMemory]:
    """Edit the story memory (each list given replaces the stored one)

     GET shows it (empty lists before the first episode completes); PATCH replaces the lists it is given.

    Args:
        project_id (UUID):
        body (PatchedSeriesMemoryRequest | Unset): The series' story memory. PATCH replaces each
            list it is given (`episodes`, `characters`) whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SeriesMemory]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSeriesMemoryRequest | Unset = UNSET,
) -> ErrorEnvelope | SeriesMemory | None:
    """Edit the story memory (each list given replaces the stored one)

     GET shows it (empty lists before the first episode completes); PATCH replaces the lists it is given.

    Args:
        project_id (UUID):
        body (PatchedSeriesMemoryRequest | Unset): The series' story memory. PATCH replaces each
            list it is given (`episodes`, `characters`) whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SeriesMemory
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSeriesMemoryRequest | Unset = UNSET,
) -> Response[ErrorEnvelope | SeriesMemory]:
    """Edit the story memory (each list given replaces the stored one)

     GET shows it (empty lists before the first episode completes); PATCH replaces the lists it is given.

    Args:
        project_id (UUID):
        body (PatchedSeriesMemoryRequest | Unset): The series' story memory. PATCH replaces each
            list it is given (`episodes`, `characters`) whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SeriesMemory]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedSeriesMemoryRequest | Unset = UNSET,
) -> ErrorEnvelope | SeriesMemory | None:
    """Edit the story memory (each list given replaces the stored one)

     GET shows it (empty lists before the first episode completes); PATCH replaces the lists it is given.

    Args:
        project_id (UUID):
        body (PatchedSeriesMemoryRequest | Unset): The series' story memory. PATCH replaces each
            list it is given (`episodes`, `characters`) whole.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SeriesMemory
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed
