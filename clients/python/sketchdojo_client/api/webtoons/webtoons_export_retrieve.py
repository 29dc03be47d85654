from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.task import Task
from ...models.webtoons_export_retrieve_fmt import WebtoonsExportRetrieveFmt
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    webtoon_id: UUID,
    fmt: WebtoonsExportRetrieveFmt,
    *,
    lang: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["lang"] = lang

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webtoons/{webtoon_id}/export/{fmt}".format(
            webtoon_id=quote(str(webtoon_id), safe=""),
            fmt=quote(str(fmt), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | File | Task | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

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
) -> Response[ErrorEnvelope | File | Task]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    webtoon_id: UUID,
    fmt: WebtoonsExportRetrieveFmt,
    *,
    client: AuthenticatedClient,
    lang: str | Unset = UNSET,
) -> Response[ErrorEnvelope | File | Task]:
    """Export as a file: png (a zip of panels), pdf, cbz or html

     Built once per revision by a background job: while it builds (after waiting up to
    EXPORT_WAIT_SECONDS for it), 202 with the job's task, `Location` (the task to poll) and `Retry-
    After`; ask again once the task is completed.

    Args:
        webtoon_id (UUID):
        fmt (WebtoonsExportRetrieveFmt):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | File | Task]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        fmt=fmt,
        lang=lang,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webtoon_id: UUID,
    fmt: WebtoonsExportRetrieveFmt,
    *,
    client: AuthenticatedClient,
    lang: str | Unset = UNSET,
) -> ErrorEnvelope | File | Task | None:
    """Export as a file: png (a zip of panels), pdf, cbz or html

     Built once per revision by a background job: while it builds (after waiting up to
    EXPORT_WAIT_SECONDS for it), 202 with the job's task, `Location` (the task to poll) and `Retry-
    After`; ask again once the task is completed.

    Args:
        webtoon_id (UUID):
        fmt (WebtoonsExportRetrieveFmt):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | File | Task
    """

    return sync_detailed(
        webtoon_id=webtoon_id,
        fmt=fmt,
        client=client,
        lang=lang,
    ).parsed


async def asyncio_detailed(
    webtoon_id: UUID,
    fmt: WebtoonsExportRetrieveFmt,
    *,
    client: AuthenticatedClient,
    lang: str | Unset = UNSET,
) -> Response[ErrorEnvelope | File | Task]:
    """Export as a file: png (a zip of panels), pdf, cbz or html

     Built once per revision by a background job: while it builds (after waiting up to
    EXPORT_WAIT_SECONDS for it), 202 with the job's task, `Location` (the task to poll) and `Retry-
    After`; ask again once the task is completed.

    Args:
        webtoon_id (UUID):
        fmt (WebtoonsExportRetrieveFmt):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | File | Task]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        fmt=fmt,
        lang=lang,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webtoon_id: UUID,
    fmt: WebtoonsExportRetrieveFmt,
    *,
    client: AuthenticatedClient,
    lang: str | Unset = UNSET,
) -> ErrorEnvelope | File | Task | None:
    """Export as a file: png (a zip of panels), pdf, cbz or html

     Built once per revision by a background job: while it builds (after waiting up to
    EXPORT_WAIT_SECONDS for it), 202 with the job's task, `Location` (the task to poll) and `Retry-
    After`; ask again once the task is completed.

    Args:
        webtoon_id (UUID):
        fmt (WebtoonsExportRetrieveFmt):
        lang (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | File | Task
    """

    return (
        await asyncio_detailed(
            webtoon_id=webtoon_id,
            fmt=fmt,
            client=client,
            lang=lang,
        )
    ).parsed
