from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.style_preferences_request import StylePreferencesRequest


T = TypeVar("T", bound="GenerateRequest")


@_attrs_define
class GenerateRequest:
    """The body of POST /webtoons/generate (the guide's example is valid as written).

    Attributes:
        project_id (UUID):
        story_prompt (str):
        character_descriptions (list[str] | Unset):
        style_preferences (StylePreferencesRequest | Unset):
        panel_count (int | Unset):
        auto_generate_panels (bool | Unset):  Default: True.
    """

    project_id: UUID
    story_prompt: str
    character_descriptions: list[str] | Unset = UNSET
    style_preferences: StylePreferencesRequest | Unset = UNSET
    panel_count: int | Unset = UNSET
    auto_generate_panels: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        project_id = str(self.project_id)

        story_prompt = self.story_prompt

        character_descriptions: list[str] | Unset = UNSET
        if not isinstance(self.character_descriptions, Unset):
            character_descriptions = self.character_descriptions

        style_preferences: dict[str, Any] | Unset = UNSET
        if not isinstance(self.style_preferences, Unset):
            style_preferences = self.style_preferences.to_dict()

        panel_count = self.panel_count

        auto_generate_panels = self.auto_generate_panels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "project_id": project_id,
                "story_prompt": story_prompt,
            }
        )
        if character_descriptions is not UNSET:
            field_dict["character_descriptions"] = character_descriptions
        if style_preferences is not UNSET:
            field_dict["style_preferences"] = style_preferences
        if panel_count is not UNSET:
            field_dict["panel_count"] = panel_count
        if auto_generate_panels is not UNSET:
            field_dict["auto_generate_panels"] = auto_generate_panels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.style_preferences_request import StylePreferencesRequest  # noqa: PLC0415

        d = dict(src_dict)
        project_id = UUID(d.pop("project_id"))

        story_prompt = d.pop("story_prompt")

        character_descriptions = cast(list[str], d.pop("character_descriptions", UNSET))

        _style_preferences = d.pop("style_preferences", UNSET)
        style_preferences: StylePreferencesRequest | Unset
        if isinstance(_style_preferences, Unset):
            style_preferences = UNSET
        else:
            style_preferences = StylePreferencesRequest.from_dict(_style_preferences)

        panel_count = d.pop("panel_count", UNSET)

        auto_generate_panels = d.pop("auto_generate_panels", UNSET)

        generate_request = cls(
            project_id=project_id,
            story_prompt=story_prompt,
            character_descriptions=character_descriptions,
            style_preferences=style_preferences,
            panel_count=panel_count,
            auto_generate_panels=auto_generate_panels,
        )

        generate_request.additional_properties = d
        return generate_request

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
