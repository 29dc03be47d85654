from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.translation_list import TranslationList
from ...types import Response


def _get_kwargs(
    webtoon_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webtoons/{webtoon_id}/translations".format(
            webtoon_id=quote(str(webtoon_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | TranslationList | None:
    if response.status_code == 200:
        response_200 = TranslationList.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | TranslationList]:
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
) -> Response[ErrorEnvelope | TranslationList]:
    """GET: the webtoon's original language and its translations.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TranslationList]
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
) -> ErrorEnvelope | TranslationList | None:
    """GET: the webtoon's original language and its translations.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TranslationList
    """

    return sync_detailed(
        webtoon_id=webtoon_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | TranslationList]:
    """GET: the webtoon's original language and its translations.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | TranslationList]
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
) -> ErrorEnvelope | TranslationList | None:
    """GET: the webtoon's original language and its translations.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | TranslationList
    """

    return (
        await asyncio_detailed(
            webtoon_id=webtoon_id,
            client=client,
        )
    ).parsed
