from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_panel_list import PaginatedPanelList
from ...models.panels_list_ordering import PanelsListOrdering
from ...models.panels_list_shot import PanelsListShot
from ...models.panels_list_status import PanelsListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    ordering: PanelsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsListStatus | Unset = UNSET,
    webtoon_id: UUID | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["page"] = page

    params["search"] = search

    json_shot: str | Unset = UNSET
    if not isinstance(shot, Unset):
        json_shot = shot.value

    params["shot"] = json_shot

    params["size"] = size

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    json_webtoon_id: str | Unset = UNSET
    if not isinstance(webtoon_id, Unset):
        json_webtoon_id = str(webtoon_id)
    params["webtoon_id"] = json_webtoon_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/panels",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedPanelList | None:
    if response.status_code == 200:
        response_200 = PaginatedPanelList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedPanelList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    ordering: PanelsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsListStatus | Unset = UNSET,
    webtoon_id: UUID | Unset = UNSET,
) -> Response[PaginatedPanelList]:
    """List the panels of all your webtoons, by webtoon and reading order

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (PanelsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsListShot | Unset):
        size (int | Unset):
        status (PanelsListStatus | Unset):
        webtoon_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedPanelList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        search=search,
        shot=shot,
        size=size,
        status=status,
        webtoon_id=webtoon_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ordering: PanelsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsListStatus | Unset = UNSET,
    webtoon_id: UUID | Unset = UNSET,
) -> PaginatedPanelList | None:
    """List the panels of all your webtoons, by webtoon and reading order

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (PanelsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsListShot | Unset):
        size (int | Unset):
        status (PanelsListStatus | Unset):
        webtoon_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedPanelList
    """

    return sync_detailed(
        client=client,
        ordering=ordering,
        page=page,
        search=search,
        shot=shot,
        size=size,
        status=status,
        webtoon_id=webtoon_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ordering: PanelsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsListStatus | Unset = UNSET,
    webtoon_id: UUID | Unset = UNSET,
) -> Response[PaginatedPanelList]:
    """List the panels of all your webtoons, by webtoon and reading order

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (PanelsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsListShot | Unset):
        size (int | Unset):
        status (PanelsListStatus | Unset):
        webtoon_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedPanelList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        search=search,
        shot=shot,
        size=size,
        status=status,
        webtoon_id=webtoon_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ordering: PanelsListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsListStatus | Unset = UNSET,
    webtoon_id: UUID | Unset = UNSET,
) -> PaginatedPanelList | None:
    """List the panels of all your webtoons, by webtoon and reading order

     The panels of your webtoons: add one, list a webtoon's, redraw one (a 202 task), edit, delete.

    Another user's panel or webtoon (or a missing or malformed id) is 404.

    Args:
        ordering (PanelsListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsListShot | Unset):
        size (int | Unset):
        status (PanelsListStatus | Unset):
        webtoon_id (UUID | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedPanelList
    """

    return (
        await asyncio_detailed(
            client=client,
            ordering=ordering,
            page=page,
            search=search,
            shot=shot,
            size=size,
            status=status,
            webtoon_id=webtoon_id,
        )
    ).parsed
