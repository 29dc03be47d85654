from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.webtoon_detail import WebtoonDetail
from ...types import Response


def _get_kwargs(
    webtoon_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webtoons/{webtoon_id}/unpublish".format(
            webtoon_id=quote(str(webtoon_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | WebtoonDetail | None:
    if response.status_code == 200:
        response_200 = WebtoonDetail.from_dict(response.json())

        return response_200

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | WebtoonDetail]:
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
) -> Response[ErrorEnvelope | WebtoonDetail]:
    """Unpublish: off its public page (published → completed; 409 otherwise)

     Published → completed: the public page and its media go at once; 409 from any other state.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebtoonDetail]
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
) -> ErrorEnvelope | WebtoonDetail | None:
    """Unpublish: off its public page (published → completed; 409 otherwise)

     Published → completed: the public page and its media go at once; 409 from any other state.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebtoonDetail
    """

    return sync_detailed(
        webtoon_id=webtoon_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | WebtoonDetail]:
    """Unpublish: off its public page (published → completed; 409 otherwise)

     Published → completed: the public page and its media go at once; 409 from any other state.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | WebtoonDetail]
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
) -> ErrorEnvelope | WebtoonDetail | None:
    """Unpublish: off its public page (published → completed; 409 otherwise)

     Published → completed: the public page and its media go at once; 409 from any other state.

    Args:
        webtoon_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | WebtoonDetail
    """

    return (
        await asyncio_detailed(
            webtoon_id=webtoon_id,
            client=client,
        )
    ).parsed
