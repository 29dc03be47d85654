from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.panel import Panel
from ...models.panel_input_request import PanelInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    panel_id: UUID,
    *,
    body: PanelInputRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/panels/{panel_id}".format(
            panel_id=quote(str(panel_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Panel | None:
    if response.status_code == 200:
        response_200 = Panel.from_dict(response.json())

        return response_200

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
    panel_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PanelInputRequest | Unset = UNSET,
) -> Response[Panel]:
    """Replace a panel's fields

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        panel_id (UUID):
        body (PanelInputRequest | Unset): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Panel]
    """

    kwargs = _get_kwargs(
        panel_id=panel_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    panel_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PanelInputRequest | Unset = UNSET,
) -> Panel | None:
    """Replace a panel's fields

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        panel_id (UUID):
        body (PanelInputRequest | Unset): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Panel
    """

    return sync_detailed(
        panel_id=panel_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    panel_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PanelInputRequest | Unset = UNSET,
) -> Response[Panel]:
    """Replace a panel's fields

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        panel_id (UUID):
        body (PanelInputRequest | Unset): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Panel]
    """

    kwargs = _get_kwargs(
        panel_id=panel_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    panel_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PanelInputRequest | Unset = UNSET,
) -> Panel | None:
    """Replace a panel's fields

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        panel_id (UUID):
        body (PanelInputRequest | Unset): What a client may set on a panel (PUT/PATCH; POST adds
            `webtoon_id`).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Panel
    """

    return (
        await asyncio_detailed(
            panel_id=panel_id,
            client=client,
            body=body,
        )
    ).parsed
