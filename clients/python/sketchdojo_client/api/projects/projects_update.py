from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.project import Project
from ...models.project_update_request import ProjectUpdateRequest
from ...types import Response


def _get_kwargs(
    project_id: UUID,
    *,
    body: ProjectUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/projects/{project_id}".format(
            project_id=quote(str(project_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Project | None:
    if response.status_code == 200:
        response_200 = Project.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Project]:
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
    body: ProjectUpdateRequest,
) -> Response[Project]:
    """Replace a project's fields

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        project_id (UUID):
        body (ProjectUpdateRequest): What a client may set on create (POST) and update
            (PUT/PATCH); `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Project]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectUpdateRequest,
) -> Project | None:
    """Replace a project's fields

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        project_id (UUID):
        body (ProjectUpdateRequest): What a client may set on create (POST) and update
            (PUT/PATCH); `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Project
    """

    return sync_detailed(
        project_id=project_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectUpdateRequest,
) -> Response[Project]:
    """Replace a project's fields

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        project_id (UUID):
        body (ProjectUpdateRequest): What a client may set on create (POST) and update
            (PUT/PATCH); `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Project]
    """

    kwargs = _get_kwargs(
        project_id=project_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    project_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ProjectUpdateRequest,
) -> Project | None:
    """Replace a project's fields

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        project_id (UUID):
        body (ProjectUpdateRequest): What a client may set on create (POST) and update
            (PUT/PATCH); `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Project
    """

    return (
        await asyncio_detailed(
            project_id=project_id,
            client=client,
            body=body,
        )
    ).parsed
