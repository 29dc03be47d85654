from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_panel_list import PaginatedPanelList
from ...models.panels_webtoon_list_ordering import PanelsWebtoonListOrdering
from ...models.panels_webtoon_list_shot import PanelsWebtoonListShot
from ...models.panels_webtoon_list_status import PanelsWebtoonListStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    webtoon_id: UUID,
    *,
    ordering: PanelsWebtoonListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsWebtoonListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsWebtoonListStatus | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/panels/webtoon/{webtoon_id}".format(
            webtoon_id=quote(str(webtoon_id), safe=""),
        ),
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
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: PanelsWebtoonListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsWebtoonListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsWebtoonListStatus | Unset = UNSET,
) -> Response[PaginatedPanelList]:
    """The panels of one of your webtoons, in reading order

     The panels of one of your webtoons by sequence_number (paginated, filterable).

    Args:
        webtoon_id (UUID):
        ordering (PanelsWebtoonListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsWebtoonListShot | Unset):
        size (int | Unset):
        status (PanelsWebtoonListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedPanelList]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        ordering=ordering,
        page=page,
        search=search,
        shot=shot,
        size=size,
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: PanelsWebtoonListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsWebtoonListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsWebtoonListStatus | Unset = UNSET,
) -> PaginatedPanelList | None:
    """The panels of one of your webtoons, in reading order

     The panels of one of your webtoons by sequence_number (paginated, filterable).

    Args:
        webtoon_id (UUID):
        ordering (PanelsWebtoonListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsWebtoonListShot | Unset):
        size (int | Unset):
        status (PanelsWebtoonListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedPanelList
    """

    return sync_detailed(
        webtoon_id=webtoon_id,
        client=client,
        ordering=ordering,
        page=page,
        search=search,
        shot=shot,
        size=size,
        status=status,
    ).parsed


async def asyncio_detailed(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: PanelsWebtoonListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsWebtoonListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsWebtoonListStatus | Unset = UNSET,
) -> Response[PaginatedPanelList]:
    """The panels of one of your webtoons, in reading order

     The panels of one of your webtoons by sequence_number (paginated, filterable).

    Args:
        webtoon_id (UUID):
        ordering (PanelsWebtoonListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsWebtoonListShot | Unset):
        size (int | Unset):
        status (PanelsWebtoonListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedPanelList]
    """

    kwargs = _get_kwargs(
        webtoon_id=webtoon_id,
        ordering=ordering,
        page=page,
        search=search,
        shot=shot,
        size=size,
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    webtoon_id: UUID,
    *,
    client: AuthenticatedClient,
    ordering: PanelsWebtoonListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    shot: PanelsWebtoonListShot | Unset = UNSET,
    size: int | Unset = UNSET,
    status: PanelsWebtoonListStatus | Unset = UNSET,
) -> PaginatedPanelList | None:
    """The panels of one of your webtoons, in reading order

     The panels of one of your webtoons by sequence_number (paginated, filterable).

    Args:
        webtoon_id (UUID):
        ordering (PanelsWebtoonListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        shot (PanelsWebtoonListShot | Unset):
        size (int | Unset):
        status (PanelsWebtoonListStatus | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedPanelList
    """

    return (
        await asyncio_detailed(
            webtoon_id=webtoon_id,
            client=client,
            ordering=ordering,
            page=page,
            search=search,
            shot=shot,
            size=size,
            status=status,
        )
    ).parsed
