from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.webtoon_detail import WebtoonDetail
from ...models.webtoon_input_request import WebtoonInputRequest
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webtoon_id: UUID,
    *,
    body: WebtoonInputRequest | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/webtoons/{webtoon_id}".format(
            webtoon_id=quote(str(webtoon_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> WebtoonDetail | None:
    if response.status_code == 200:
        response_200 = WebtoonDetail.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[WebtoonDetail]:
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
    body: WebtoonInputRequest | Unset = UNSET,
) -> Response[WebtoonDetail]:
    """Replace a webtoon's fields

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):
        body (WebtoonInputRequest | Unset): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WebtoonDetail]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebtoonInputRequest | Unset = UNSET,
) -> WebtoonDetail | None:
    """Replace a webtoon's fields

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):
        body (WebtoonInputRequest | Unset): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WebtoonDetail
    """

    return sync_detailed(
        webtoon_id=webtoon_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebtoonInputRequest | Unset = UNSET,
) -> Response[WebtoonDetail]:
    """Replace a webtoon's fields

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):
        body (WebtoonInputRequest | Unset): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WebtoonDetail]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
    body: WebtoonInputRequest | Unset = UNSET,
) -> WebtoonDetail | None:
    """Replace a webtoon's fields

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        webtoon_id (UUID):
        body (WebtoonInputRequest | Unset): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WebtoonDetail
    """

    return (
        await asyncio_detailed(
            webtoon_id=webtoon_id,
            client=client,
            body=body,
        )
    ).parsed
