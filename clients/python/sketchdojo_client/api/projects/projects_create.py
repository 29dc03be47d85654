from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.project import Project
from ...models.project_input_request import ProjectInputRequest
from ...types import Response


def _get_kwargs(
    *,
    body: ProjectInputRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/projects",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Project | None:
    if response.status_code == 201:
        response_201 = Project.from_dict(response.json())

        return response_201

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
    *,
    client: AuthenticatedClient,
    body: ProjectInputRequest,
) -> Response[Project]:
    """Create a draft project

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        body (ProjectInputRequest): What a client may set on create (POST) and update (PUT/PATCH);
            `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Project]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ProjectInputRequest,
) -> Project | None:
    """Create a draft project

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        body (ProjectInputRequest): What a client may set on create (POST) and update (PUT/PATCH);
            `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Project
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ProjectInputRequest,
) -> Response[Project]:
    """Create a draft project

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        body (ProjectInputRequest): What a client may set on create (POST) and update (PUT/PATCH);
            `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Project]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ProjectInputRequest,
) -> Project | None:
    """Create a draft project

     Your projects: a story's title, outline, art style and palette, with its cast and webtoons.

    Another user's project (or a missing or malformed id) is 404.

    Args:
        body (ProjectInputRequest): What a client may set on create (POST) and update (PUT/PATCH);
            `status` only on update.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Project
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
