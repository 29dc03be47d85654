from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bubble_style_enum import BubbleStyleEnum
from ..models.tail_direction_enum import TailDirectionEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.position_request import PositionRequest


T = TypeVar("T", bound="SpeechBubbleRequest")


@_attrs_define
class SpeechBubbleRequest:
    """`{speaker, character_id, text, style, position{x,y}, tail_direction}` (SPEC §4).

    Attributes:
        text (str):
        speaker (None | str | Unset):
        character_id (None | Unset | UUID):
        style (BubbleStyleEnum | Unset): * `normal` - normal
            * `thought` - thought
            * `shout` - shout
            * `whisper` - whisper
            * `narration` - narration Default: BubbleStyleEnum.NORMAL.
        position (None | PositionRequest | Unset):
        tail_direction (None | TailDirectionEnum | Unset):
    """

    text: str
    speaker: None | str | Unset = UNSET
    character_id: None | Unset | UUID = UNSET
    style: BubbleStyleEnum | Unset = BubbleStyleEnum.NORMAL
    position: None | PositionRequest | Unset = UNSET
    tail_direction: None | TailDirectionEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.position_request import PositionRequest  # noqa: PLC0415

        text = self.text

        speaker: None | str | Unset
        if isinstance(self.speaker, Unset):
            speaker = UNSET
        else:
            speaker = self.speaker

        character_id: None | str | Unset
        if isinstance(self.character_id, Unset):
            character_id = UNSET
        elif isinstance(self.character_id, UUID):
            character_id = str(self.character_id)
        else:
            character_id = self.character_id

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        position: dict[str, Any] | None | Unset
        if isinstance(self.position, Unset):
            position = UNSET
        elif isinstance(self.position, PositionRequest):
            position = self.position.to_dict()
        else:
            position = self.position

        tail_direction: None | str | Unset
        if isinstance(self.tail_direction, Unset):
            tail_direction = UNSET
        elif isinstance(self.tail_direction, TailDirectionEnum):
            tail_direction = self.tail_direction.value
        else:
            tail_direction = self.tail_direction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "text": text,
            }
        )
        if speaker is not UNSET:
            field_dict["speaker"] = speaker
        if character_id is not UNSET:
            field_dict["character_id"] = character_id
        if style is not UNSET:
            field_dict["style"] = style
        if position is not UNSET:
            field_dict["position"] = position
        if tail_direction is not UNSET:
            field_dict["tail_direction"] = tail_direction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.position_request import PositionRequest  # noqa: PLC0415

        d = dict(src_dict)
        text = d.pop("text")

        def _parse_speaker(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        speaker = _parse_speaker(d.pop("speaker", UNSET))

        def _parse_character_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                character_id_type_0 = UUID(data)

                return character_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        character_id = _parse_character_id(d.pop("character_id", UNSET))

        _style = d.pop("style", UNSET)
        style: BubbleStyleEnum | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = BubbleStyleEnum(_style)

        def _parse_position(data: object) -> None | PositionRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                position_type_1 = PositionRequest.from_dict(data)

                return position_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PositionRequest | Unset, data)

        position = _parse_position(d.pop("position", UNSET))

        def _parse_tail_direction(data: object) -> None | TailDirectionEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                tail_direction_type_0 = TailDirectionEnum(data)

                return tail_direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TailDirectionEnum | Unset, data)

        tail_direction = _parse_tail_direction(d.pop("tail_direction", UNSET))

        speech_bubble_request = cls(
            text=text,
            speaker=speaker,
            character_id=character_id,
            style=style,
            position=position,
            tail_direction=tail_direction,
        )

        speech_bubble_request.additional_properties = d
        return speech_bubble_request

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
