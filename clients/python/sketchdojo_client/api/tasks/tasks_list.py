from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_task_list import PaginatedTaskList
from ...models.tasks_list_ordering import TasksListOrdering
from ...models.tasks_list_status import TasksListStatus
from ...models.tasks_list_task_type import TasksListTaskType
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    ordering: TasksListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    task_type: TasksListTaskType | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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

    json_task_type: str | Unset = UNSET
    if not isinstance(task_type, Unset):
        json_task_type = task_type.value

    params["task_type"] = json_task_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PaginatedTaskList | None:
    if response.status_code == 200:
        response_200 = PaginatedTaskList.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PaginatedTaskList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    ordering: TasksListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    task_type: TasksListTaskType | Unset = UNSET,
) -> Response[PaginatedTaskList]:
    """List your tasks, newest first

     Your generation tasks (a webtoon's generation, a panel's redraw); follow one live on the
    WebSocket at /ws/tasks/{id}. Another user's task (or a missing or malformed id) is 404.

    Args:
        ordering (TasksListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (TasksListStatus | Unset):
        task_type (TasksListTaskType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedTaskList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        search=search,
        size=size,
        status=status,
        task_type=task_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    ordering: TasksListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    task_type: TasksListTaskType | Unset = UNSET,
) -> PaginatedTaskList | None:
    """List your tasks, newest first

     Your generation tasks (a webtoon's generation, a panel's redraw); follow one live on the
    WebSocket at /ws/tasks/{id}. Another user's task (or a missing or malformed id) is 404.

    Args:
        ordering (TasksListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (TasksListStatus | Unset):
        task_type (TasksListTaskType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedTaskList
    """

    return sync_detailed(
        client=client,
        ordering=ordering,
        page=page,
        search=search,
        size=size,
        status=status,
        task_type=task_type,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    ordering: TasksListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    task_type: TasksListTaskType | Unset = UNSET,
) -> Response[PaginatedTaskList]:
    """List your tasks, newest first

     Your generation tasks (a webtoon's generation, a panel's redraw); follow one live on the
    WebSocket at /ws/tasks/{id}. Another user's task (or a missing or malformed id) is 404.

    Args:
        ordering (TasksListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (TasksListStatus | Unset):
        task_type (TasksListTaskType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedTaskList]
    """

    kwargs = _get_kwargs(
        ordering=ordering,
        page=page,
        search=search,
        size=size,
        status=status,
        task_type=task_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    ordering: TasksListOrdering | Unset = UNSET,
    page: int | Unset = UNSET,
    search: str | Unset = UNSET,
    size: int | Unset = UNSET,
    status: TasksListStatus | Unset = UNSET,
    task_type: TasksListTaskType | Unset = UNSET,
) -> PaginatedTaskList | None:
    """List your tasks, newest first

     Your generation tasks (a webtoon's generation, a panel's redraw); follow one live on the
    WebSocket at /ws/tasks/{id}. Another user's task (or a missing or malformed id) is 404.

    Args:
        ordering (TasksListOrdering | Unset):
        page (int | Unset):
        search (str | Unset):
        size (int | Unset):
        status (TasksListStatus | Unset):
        task_type (TasksListTaskType | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedTaskList
    """

    return (
        await asyncio_detailed(
            client=client,
            ordering=ordering,
            page=page,
            search=search,
            size=size,
            status=status,
            task_type=task_type,
        )
    ).parsed
