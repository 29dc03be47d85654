from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.webtoon import Webtoon
from ...types import Response


def _get_kwargs(
    webtoon_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webtoons/{webtoon_id}".format(
            webtoon_id=quote(str(webtoon_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Webtoon | None:
    if response.status_code == 200:
        response_200 = Webtoon.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Webtoon]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Webtoon]:
    """One of your webtoons, with its panels

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Webtoon]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Webtoon | None:
    """One of your webtoons, with its panels

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Webtoon
    """

    return sync_detailed(
        webtoon_id=webtoon_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[Webtoon]:
    """One of your webtoons, with its panels

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Webtoon]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Webtoon | None:
    """One of your webtoons, with its panels

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Webtoon
    """

    return (
        await asyncio_detailed(
            webtoon_id=webtoon_id,
            client=client,
        )
    ).parsed
