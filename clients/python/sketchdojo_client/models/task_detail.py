from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.task_status_enum import TaskStatusEnum
from ..models.task_type_enum import TaskTypeEnum

if TYPE_CHECKING:
    from ..models.provider_call import ProviderCall


T = TypeVar("T", bound="TaskDetail")


@_attrs_define
class TaskDetail:
    """GET /tasks/{id}: the task with every provider call it made (one row per attempt).

    Attributes:
        id (UUID):
        task_type (TaskTypeEnum): * `webtoon_generation` - Webtoon Generation
            * `panel_generation` - Panel Generation
            * `webtoon_export` - Webtoon Export
            * `character_sheet` - Character Sheet
        status (TaskStatusEnum): * `pending` - Pending
            * `running` - Running
            * `completed` - Completed
            * `failed` - Failed
            * `cancelled` - Cancelled
        progress (float):
        current_step (str):
        total_steps (int):
        started_at (datetime.datetime | None):
        completed_at (datetime.datetime | None):
        estimated_duration_seconds (int | None):
        error_message (str):
        result (Any):
        webtoon_id (None | UUID):
        project_id (None | UUID):
        panel_id (None | UUID):
        retry_count (int): Times the user asked to retry.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        provider_calls (list[ProviderCall]):
    """

    id: UUID
    task_type: TaskTypeEnum
    status: TaskStatusEnum
    progress: float
    current_step: str
    total_steps: int
    started_at: datetime.datetime | None
    completed_at: datetime.datetime | None
    estimated_duration_seconds: int | None
    error_message: str
    result: Any
    webtoon_id: None | UUID
    project_id: None | UUID
    panel_id: None | UUID
    retry_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    provider_calls: list[ProviderCall]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        task_type = self.task_type.value

        status = self.status.value

        progress = self.progress

        current_step = self.current_step

        total_steps = self.total_steps

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        estimated_duration_seconds: int | None
        estimated_duration_seconds = self.estimated_duration_seconds

        error_message = self.error_message

        result = self.result

        webtoon_id: None | str
        if isinstance(self.webtoon_id, UUID):
            webtoon_id = str(self.webtoon_id)
        else:
            webtoon_id = self.webtoon_id

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        panel_id: None | str
        if isinstance(self.panel_id, UUID):
            panel_id = str(self.panel_id)
        else:
            panel_id = self.panel_id

        retry_count = self.retry_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        provider_calls = []
        for provider_calls_item_data in self.provider_calls:
            provider_calls_item = provider_calls_item_data.to_dict()
            provider_calls.append(provider_calls_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "task_type": task_type,
                "status": status,
                "progress": progress,
                "current_step": current_step,
                "total_steps": total_steps,
                "started_at": started_at,
                "completed_at": completed_at,
                "estimated_duration_seconds": estimated_duration_seconds,
                "error_message": error_message,
                "result": result,
                "webtoon_id": webtoon_id,
                "project_id": project_id,
                "panel_id": panel_id,
                "retry_count": retry_count,
                "created_at": created_at,
                "updated_at": updated_at,
                "provider_calls": provider_calls,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.provider_call import ProviderCall  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        task_type = TaskTypeEnum(d.pop("task_type"))

        status = TaskStatusEnum(d.pop("status"))

        progress = d.pop("progress")

        current_step = d.pop("current_step")

        total_steps = d.pop("total_steps")

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_estimated_duration_seconds(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        estimated_duration_seconds = _parse_estimated_duration_seconds(d.pop("estimated_duration_seconds"))

        error_message = d.pop("error_message")

        result = d.pop("result")

        def _parse_webtoon_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                webtoon_id_type_0 = UUID(data)

                return webtoon_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        webtoon_id = _parse_webtoon_id(d.pop("webtoon_id"))

        def _parse_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        project_id = _parse_project_id(d.pop("project_id"))

        def _parse_panel_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                panel_id_type_0 = UUID(data)

                return panel_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        panel_id = _parse_panel_id(d.pop("panel_id"))

        retry_count = d.pop("retry_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        provider_calls = []
        _provider_calls = d.pop("provider_calls")
        for provider_calls_item_data in _provider_calls:
            provider_calls_item = ProviderCall.from_dict(provider_calls_item_data)

            provider_calls.append(provider_calls_item)

        task_detail = cls(
            id=id,
            task_type=task_type,
            status=status,
            progress=progress,
            current_step=current_step,
            total_steps=total_steps,
            started_at=started_at,
            completed_at=completed_at,
            estimated_duration_seconds=estimated_duration_seconds,
            error_message=error_message,
            result=result,
            webtoon_id=webtoon_id,
            project_id=project_id,
            panel_id=panel_id,
            retry_count=retry_count,
            created_at=created_at,
            updated_at=updated_at,
            provider_calls=provider_calls,
        )

        task_detail.additional_properties = d
        return task_detail

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
