from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ProviderCall")


@_attrs_define
class ProviderCall:
    """One stored provider call: what was called, how it went, what it cost. Never a prompt, key or error text.

    Attributes:
        provider (str):
        model (str):
        kind (str): llm or image
        outcome (str): ok, transient, auth, refused, malformed or error
        attempts (int): Which attempt of its call this was (1 = the first try)
        latency_ms (int):
        status (int | None | Unset): HTTP status, when there was one
        tokens_in (int | None | Unset):
        tokens_out (int | None | Unset):
        started_at (str | Unset):
    """

    provider: str
    model: str
    kind: str
    outcome: str
    attempts: int
    latency_ms: int
    status: int | None | Unset = UNSET
    tokens_in: int | None | Unset = UNSET
    tokens_out: int | None | Unset = UNSET
    started_at: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        model = self.model

        kind = self.kind

        outcome = self.outcome

        attempts = self.attempts

        latency_ms = self.latency_ms

        status: int | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        tokens_in: int | None | Unset
        if isinstance(self.tokens_in, Unset):
            tokens_in = UNSET
        else:
            tokens_in = self.tokens_in

        tokens_out: int | None | Unset
        if isinstance(self.tokens_out, Unset):
            tokens_out = UNSET
        else:
            tokens_out = self.tokens_out

        started_at = self.started_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
                "model": model,
                "kind": kind,
                "outcome": outcome,
                "attempts": attempts,
                "latency_ms": latency_ms,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if tokens_in is not UNSET:
            field_dict["tokens_in"] = tokens_in
        if tokens_out is not UNSET:
            field_dict["tokens_out"] = tokens_out
        if started_at is not UNSET:
            field_dict["started_at"] = started_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider = d.pop("provider")

        model = d.pop("model")

        kind = d.pop("kind")

        outcome = d.pop("outcome")

        attempts = d.pop("attempts")

        latency_ms = d.pop("latency_ms")

        def _parse_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_tokens_in(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tokens_in = _parse_tokens_in(d.pop("tokens_in", UNSET))

        def _parse_tokens_out(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tokens_out = _parse_tokens_out(d.pop("tokens_out", UNSET))

        started_at = d.pop("started_at", UNSET)

        provider_call = cls(
            provider=provider,
            model=model,
            kind=kind,
            outcome=outcome,
            attempts=attempts,
            latency_ms=latency_ms,
            status=status,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            started_at=started_at,
        )

        provider_call.additional_properties = d
        return provider_call

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
