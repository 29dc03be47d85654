from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.webtoon_create_request import WebtoonCreateRequest
from ...models.webtoon_detail import WebtoonDetail
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: WebtoonCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_project_id: str | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webtoons",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> WebtoonDetail | None:
    if response.status_code == 201:
        response_201 = WebtoonDetail.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient,
    body: WebtoonCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> Response[WebtoonDetail]:
    """Create an empty webtoon in one of your projects

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (WebtoonCreateRequest): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WebtoonDetail]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: WebtoonCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> WebtoonDetail | None:
    """Create an empty webtoon in one of your projects

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (WebtoonCreateRequest): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WebtoonDetail
    """

    return sync_detailed(
        client=client,
        body=body,
        project_id=project_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: WebtoonCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> Response[WebtoonDetail]:
    """Create an empty webtoon in one of your projects

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (WebtoonCreateRequest): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[WebtoonDetail]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: WebtoonCreateRequest,
    project_id: UUID | Unset = UNSET,
) -> WebtoonDetail | None:
    """Create an empty webtoon in one of your projects

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        project_id (UUID | Unset):
        body (WebtoonCreateRequest): What a client may set on a webtoon (PUT/PATCH).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        WebtoonDetail
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            project_id=project_id,
        )
    ).parsed
