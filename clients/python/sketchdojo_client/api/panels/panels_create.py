from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.panel import Panel
from ...models.panel_create_request import PanelCreateRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PanelCreateRequest,
    webtoon_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_webtoon_id: str | Unset = UNSET
    if not isinstance(webtoon_id, Unset):
        json_webtoon_id = str(webtoon_id)
    params["webtoon_id"] = json_webtoon_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/panels",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Panel | None:
    if response.status_code == 201:
        response_201 = Panel.from_dict(response.json())

        return response_201

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Panel]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PanelCreateRequest,
    webtoon_id: UUID | Unset = UNSET,
) -> Response[Panel]:
    """Add a panel (no art yet) to one of your webtoons

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID | Unset):
        body (PanelCreateRequest): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Panel]
    """

    kwargs = _get_kwargs(
        body=body,
        webtoon_id=webtoon_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PanelCreateRequest,
    webtoon_id: UUID | Unset = UNSET,
) -> Panel | None:
    """Add a panel (no art yet) to one of your webtoons

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID | Unset):
        body (PanelCreateRequest): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Panel
    """

    return sync_detailed(
        client=client,
        body=body,
        webtoon_id=webtoon_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PanelCreateRequest,
    webtoon_id: UUID | Unset = UNSET,
) -> Response[Panel]:
    """Add a panel (no art yet) to one of your webtoons

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID | Unset):
        body (PanelCreateRequest): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Panel]
    """

    kwargs = _get_kwargs(
        body=body,
        webtoon_id=webtoon_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PanelCreateRequest,
    webtoon_id: UUID | Unset = UNSET,
) -> Panel | None:
    """Add a panel (no art yet) to one of your webtoons

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID | Unset):
        body (PanelCreateRequest): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Panel
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            webtoon_id=webtoon_id,
        )
    ).parsed
