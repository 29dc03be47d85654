from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.generate_request import GenerateRequest
from ...models.task import Task
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: GenerateRequest,
    project_id: UUID | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    json_project_id: str | Unset = UNSET
    if not isinstance(project_id, Unset):
        json_project_id = str(project_id)
    params["project_id"] = json_project_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/webtoons/generate",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | Task | None:
    if response.status_code == 202:
        response_202 = Task.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = ErrorEnvelope.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | Task]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: GenerateRequest,
    project_id: UUID | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | Task]:
    """Generate a webtoon from a story: 202 with the task to follow

     202 with the generation task (`id`, `status: pending`, `webtoon_id`, ...); follow it at
    /ws/tasks/{id}.

    Args:
        project_id (UUID | Unset):
        idempotency_key (str | Unset):
        body (GenerateRequest): The body of POST /webtoons/generate (the guide's example is valid
            as written).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | Task]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: GenerateRequest,
    project_id: UUID | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | Task | None:
    """Generate a webtoon from a story: 202 with the task to follow

     202 with the generation task (`id`, `status: pending`, `webtoon_id`, ...); follow it at
    /ws/tasks/{id}.

    Args:
        project_id (UUID | Unset):
        idempotency_key (str | Unset):
        body (GenerateRequest): The body of POST /webtoons/generate (the guide's example is valid
            as written).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | Task
    """

    return sync_detailed(
        client=client,
        body=body,
        project_id=project_id,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: GenerateRequest,
    project_id: UUID | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> Response[ErrorEnvelope | Task]:
    """Generate a webtoon from a story: 202 with the task to follow

     202 with the generation task (`id`, `status: pending`, `webtoon_id`, ...); follow it at
    /ws/tasks/{id}.

    Args:
        project_id (UUID | Unset):
        idempotency_key (str | Unset):
        body (GenerateRequest): The body of POST /webtoons/generate (the guide's example is valid
            as written).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | Task]
    """

    kwargs = _get_kwargs(
        body=body,
        project_id=project_id,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: GenerateRequest,
    project_id: UUID | Unset = UNSET,
    idempotency_key: str | Unset = UNSET,
) -> ErrorEnvelope | Task | None:
    """Generate a webtoon from a story: 202 with the task to follow

     202 with the generation task (`id`, `status: pending`, `webtoon_id`, ...); follow it at
    /ws/tasks/{id}.

    Args:
        project_id (UUID | Unset):
        idempotency_key (str | Unset):
        body (GenerateRequest): The body of POST /webtoons/generate (the guide's example is valid
            as written).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | Task
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            project_id=project_id,
            idempotency_key=idempotency_key,
        )
    ).parsed
