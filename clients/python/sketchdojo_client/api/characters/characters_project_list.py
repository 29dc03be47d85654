from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.characters_project_list_ordering import CharactersProjectListOrdering
from ...models.characters_project_list_role import CharactersProjectListRole
from ...models.paginated_character_list import PaginatedCharacterList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    project_id: UUID,
    *,
    ordering: CharactersProjectListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    role: CharactersProjectListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["page"] = page

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["search"] = search

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/characters/project/{project_id}".format(
            project_id=quote(str(project_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedCharacterList | None:
    if response.status_code == 200:
        response_200 = PaginatedCharacterList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PaginatedCharacterList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: CharactersProjectListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    role: CharactersProjectListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[PaginatedCharacterList]:
    """The cast of one of your projects, in the order it was created

     The cast of one of your projects (paginated, filterable).

    Args:
        project_id (UUID):
        ordering (CharactersProjectListOrdering | Unset):
        page (int | Unset):
        role (CharactersProjectListRole | Unset):
        search (str | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCharacterList]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        ordering=ordering,
        page=page,
        role=role,
        search=search,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: CharactersProjectListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    role: CharactersProjectListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> PaginatedCharacterList | None:
    """The cast of one of your projects, in the order it was created

     The cast of one of your projects (paginated, filterable).

    Args:
        project_id (UUID):
        ordering (CharactersProjectListOrdering | Unset):
        page (int | Unset):
        role (CharactersProjectListRole | Unset):
        search (str | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedCharacterList
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        ordering=ordering,
        page=page,
        role=role,
        search=search,
        size=size,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: CharactersProjectListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    role: CharactersProjectListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[PaginatedCharacterList]:
    """The cast of one of your projects, in the order it was created

     The cast of one of your projects (paginated, filterable).

    Args:
        project_id (UUID):
        ordering (CharactersProjectListOrdering | Unset):
        page (int | Unset):
        role (CharactersProjectListRole | Unset):
        search (str | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCharacterList]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        ordering=ordering,
        page=page,
        role=role,
        search=search,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: CharactersProjectListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    role: CharactersProjectListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> PaginatedCharacterList | None:
    """The cast of one of your projects, in the order it was created

     The cast of one of your projects (paginated, filterable).

    Args:
        project_id (UUID):
        ordering (CharactersProjectListOrdering | Unset):
        page (int | Unset):
        role (CharactersProjectListRole | Unset):
        search (str | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedCharacterList
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            ordering=ordering,
            page=page,
            role=role,
            search=search,
            size=size,
        )
    ).parsed
