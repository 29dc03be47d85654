from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_envelope_status_enum import ErrorEnvelopeStatusEnum

if TYPE_CHECKING:
    from ..models.error_envelope_details import ErrorEnvelopeDetails


T = TypeVar("T", bound="ErrorEnvelope")


@_attrs_define
class ErrorEnvelope:
    """
    Attributes:
        status (ErrorEnvelopeStatusEnum): * `error` - error
        error (str): Machine-readable code, e.g. "validation_error", "not_found".
        message (str): Human-readable summary.
        details (ErrorEnvelopeDetails): Validation errors by field name; retry_after_seconds (integer) for 429, and for
            a quota_exceeded 429 also quota and used (integers) and resets_at (ISO 8601, UTC); request_id for 500.
    """

    status: ErrorEnvelopeStatusEnum
    error: str
    message: str
    details: ErrorEnvelopeDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        error = self.error

        message = self.message

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "error": error,
                "message": message,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_envelope_details import ErrorEnvelopeDetails  # noqa: PLC0415

        d = dict(src_dict)
        status = ErrorEnvelopeStatusEnum(d.pop("status"))

        error = d.pop("error")

        message = d.pop("message")

        details = ErrorEnvelopeDetails.from_dict(d.pop("details"))

        error_envelope = cls(
            status=status,
            error=error,
            message=message,
            details=details,
        )

        error_envelope.additional_properties = d
        return error_envelope

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
