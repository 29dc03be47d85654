from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_project_list import PaginatedProjectList
from ...models.projects_list_art_style import ProjectsListArtStyle
from ...models.projects_list_ordering import ProjectsListOrdering
from ...models.projects_list_status import ProjectsListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    art_style: ProjectsListArtStyle | Unset = UNSET,
    ordering: ProjectsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: ProjectsListStatus | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_art_style: str | Unset = UNSET
    if not isinstance(art_style, Unset):
        json_art_style = art_style.value

    params["art_style"] = json_art_style

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["page"] = page

    params["search"] = search

    params["size"] = size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/projects",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedProjectList | None:
    if response.status_code == 200:
        response_200 = PaginatedProjectList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PaginatedProjectList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    art_style: ProjectsListArtStyle | Unset = UNSET,
    ordering: ProjectsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: ProjectsListStatus | Unset = UNSET,
) -> Response[PaginatedProjectList]:
    """List your projects, newest first

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        art_style (ProjectsListArtStyle | Unset):
        ordering (ProjectsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (ProjectsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedProjectList]
    """

    kwargs = _get_kwargs(
        art_style=art_style,
        ordering=ordering,
        page=page,
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
    art_style: ProjectsListArtStyle | Unset = UNSET,
    ordering: ProjectsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: ProjectsListStatus | Unset = UNSET,
) -> PaginatedProjectList | None:
    """List your projects, newest first

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        art_style (ProjectsListArtStyle | Unset):
        ordering (ProjectsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (ProjectsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedProjectList
    """

    return sync_detailed(
        client=client,
        art_style=art_style,
        ordering=ordering,
        page=page,
        search=search,
        size=size,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    art_style: ProjectsListArtStyle | Unset = UNSET,
    ordering: ProjectsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: ProjectsListStatus | Unset = UNSET,
) -> Response[PaginatedProjectList]:
    """List your projects, newest first

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        art_style (ProjectsListArtStyle | Unset):
        ordering (ProjectsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (ProjectsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedProjectList]
    """

    kwargs = _get_kwargs(
        art_style=art_style,
        ordering=ordering,
        page=page,
        search=search,
        size=size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    art_style: ProjectsListArtStyle | Unset = UNSET,
    ordering: ProjectsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: ProjectsListStatus | Unset = UNSET,
) -> PaginatedProjectList | None:
    """List your projects, newest first

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        art_style (ProjectsListArtStyle | Unset):
        ordering (ProjectsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (ProjectsListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedProjectList
    """

    return (
        await asyncio_detailed(
            client=client,
            art_style=art_style,
            ordering=ordering,
            page=page,
            search=search,
            size=size,
            status=status,
        )
    ).parsed
