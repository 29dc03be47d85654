from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.characters_list_ordering import CharactersListOrdering
from ...models.characters_list_role import CharactersListRole
from ...models.paginated_character_list import PaginatedCharacterList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    ordering: CharactersListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    role: CharactersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
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

    json_role: str | Unset = UNSET
    if not isinstance(role, Unset):
        json_role = role.value

    params["role"] = json_role

    params["search"] = search

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/characters",
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
    *,
    client: AuthenticatedClient,
    ordering: CharactersListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    role: CharactersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[PaginatedCharacterList]:
    """List the characters of all your projects, in the order they were created

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        ordering (CharactersListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        role (CharactersListRole | Unset):
        search (str | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCharacterList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        project_id=project_id,
        role=role,
        search=search,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ordering: CharactersListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    role: CharactersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> PaginatedCharacterList | None:
    """List the characters of all your projects, in the order they were created

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        ordering (CharactersListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        role (CharactersListRole | Unset):
        search (str | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedCharacterList
    """

    return sync_detailed(
        client=client,
        ordering=ordering,
        page=page,
        project_id=project_id,
        role=role,
        search=search,
        size=size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ordering: CharactersListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    role: CharactersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[PaginatedCharacterList]:
    """List the characters of all your projects, in the order they were created

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        ordering (CharactersListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        role (CharactersListRole | Unset):
        search (str | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedCharacterList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        project_id=project_id,
        role=role,
        search=search,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ordering: CharactersListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    project_id: UUID | Unset = UNSET,
    role: CharactersListRole | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
) -> PaginatedCharacterList | None:
    """List the characters of all your projects, in the order they were created

     The cast of your projects: name, role, appearance, personality and a reference image.

    Create with `POST /characters?project_id=...`; list a project's cast at
    `/characters/project/{project_id}`
    (or `/characters?project_id=...`).
    Another user's character (or a missing or malformed id) is 404.

    Args:
        ordering (CharactersListOrdering | Unset):
        page (int | Unset):
        project_id (UUID | Unset):
        role (CharactersListRole | Unset):
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
            client=client,
            ordering=ordering,
            page=page,
            project_id=project_id,
            role=role,
            search=search,
            size=size,
        )
    ).parsed
