from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...types import File, Response


def _get_kwargs(
    webtoon_id: UUID,
    lang: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webtoons/{webtoon_id}/translations/{lang}.po".format(
            webtoon_id=quote(str(webtoon_id), safe=""),
            lang=quote(str(lang), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.text))

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
) -> Response[ErrorEnvelope | File]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webtoon_id: UUID,
    lang: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | File]:
    """GET the bubbles as a gettext PO file (empty msgstrs before translating); PUT a translated one.

    Args:
        webtoon_id (UUID):
        lang (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | File]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        lang=lang,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webtoon_id: UUID,
    lang: str,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | File | None:
    """GET the bubbles as a gettext PO file (empty msgstrs before translating); PUT a translated one.

    Args:
        webtoon_id (UUID):
        lang (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | File
    """

    return sync_detailed(
        webtoon_id=webtoon_id,
        lang=lang,
        client=client,
    ).parsed


async def asyncio_detailed(
    webtoon_id: UUID,
    lang: str,
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | File]:
    """GET the bubbles as a gettext PO file (empty msgstrs before translating); PUT a translated one.

    Args:
        webtoon_id (UUID):
        lang (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | File]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        lang=lang,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webtoon_id: UUID,
    lang: str,
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | File | None:
    """GET the bubbles as a gettext PO file (empty msgstrs before translating); PUT a translated one.

    Args:
        webtoon_id (UUID):
        lang (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | File
    """

    return (
        await asyncio_detailed(
            webtoon_id=webtoon_id,
            lang=lang,
            client=client,
        )
    ).parsed
