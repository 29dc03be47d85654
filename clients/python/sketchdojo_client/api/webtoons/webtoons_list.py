from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_webtoon_list import PaginatedWebtoonList
from ...models.webtoons_list_ordering import WebtoonsListOrdering
from ...models.webtoons_list_status import WebtoonsListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    ordering: WebtoonsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: WebtoonsListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["page"] = page

    json_project_id: str | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params["search"] = search

    params["size"] = size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/webtoons",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedWebtoonList | None:
    if response.status_code == 200:
        response_200 = PaginatedWebtoonList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PaginatedWebtoonList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    ordering: WebtoonsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: WebtoonsListStatus | Unset = UNSET,
) -> Response[PaginatedWebtoonList]:
    """List your webtoons, newest first

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (WebtoonsListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        search (str | Unset):
        size (int | Unset):
        status (WebtoonsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWebtoonList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        project_id=project_id,
        search=search,
        size=size,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ordering: WebtoonsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: WebtoonsListStatus | Unset = UNSET,
) -> PaginatedWebtoonList | None:
    """List your webtoons, newest first

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (WebtoonsListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        search (str | Unset):
        size (int | Unset):
        status (WebtoonsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWebtoonList
    """

    return sync_detailed(
        client=client,
        ordering=ordering,
        page=page,
        project_id=project_id,
        search=search,
        size=size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ordering: WebtoonsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: WebtoonsListStatus | Unset = UNSET,
) -> Response[PaginatedWebtoonList]:
    """List your webtoons, newest first

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (WebtoonsListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        search (str | Unset):
        size (int | Unset):
        status (WebtoonsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWebtoonList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        project_id=project_id,
        search=search,
        size=size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ordering: WebtoonsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: WebtoonsListStatus | Unset = UNSET,
) -> PaginatedWebtoonList | None:
    """List your webtoons, newest first

     Your webtoons: generate one from a story (a 202 task to follow), edit, publish, export.

    Another user's webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (WebtoonsListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        search (str | Unset):
        size (int | Unset):
        status (WebtoonsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWebtoonList
    """

    return (
        await asyncio_detailed(
            client=client,
            ordering=ordering,
            page=page,
            project_id=project_id,
            search=search,
            size=size,
            status=status,
        )
    ).parsed
