from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.panel_status_enum import PanelStatusEnum
from ..models.shot_enum import ShotEnum

T = TypeVar("T", bound="Panel")


@_attrs_define
class Panel:
    """A panel as the API returns it, with absolute URLs of its lettered and raw art (or null).

    Attributes:
        id (UUID):
        webtoon_id (UUID):
        sequence_number (int):
        scene_index (int):
        location (str):
        time_of_day (str):
        weather (str):
        mood (str):
        shot (ShotEnum): * `extreme_wide` - Extreme Wide
            * `wide` - Wide
            * `medium` - Medium
            * `close_up` - Close Up
            * `extreme_close_up` - Extreme Close Up
        visual_description (str):
        characters_present (Any): [{name, position, expression, action}] as staged by the planner.
        speech_bubbles (Any): [{speaker, character_id, text, style, position{x, y}, tail_direction}]
        visual_elements (Any): [{element_type, text, position}]
        status (PanelStatusEnum): * `pending` - Pending
            * `drawing` - Drawing
            * `drawn` - Drawn
            * `lettered` - Lettered
            * `failed` - Failed
        error_message (str):
        image_url (None | str):
        raw_image_url (None | str):
        ai_prompt (str):
        generation_meta (Any): {provider, model, seed, latency_ms, ...}
        seed (int | None):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    webtoon_id: UUID
    sequence_number: int
    scene_index: int
    location: str
    time_of_day: str
    weather: str
    mood: str
    shot: ShotEnum
    visual_description: str
    characters_present: Any
    speech_bubbles: Any
    visual_elements: Any
    status: PanelStatusEnum
    error_message: str
    image_url: None | str
    raw_image_url: None | str
    ai_prompt: str
    generation_meta: Any
    seed: int | None
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        webtoon_id = str(self.webtoon_id)

        sequence_number = self.sequence_number

        scene_index = self.scene_index

        location = self.location

        time_of_day = self.time_of_day

        weather = self.weather

        mood = self.mood

        shot = self.shot.value

        visual_description = self.visual_description

        characters_present = self.characters_present

        speech_bubbles = self.speech_bubbles

        visual_elements = self.visual_elements

        status = self.status.value

        error_message = self.error_message

        image_url: None | str
        image_url = self.image_url

        raw_image_url: None | str
        raw_image_url = self.raw_image_url

        ai_prompt = self.ai_prompt

        generation_meta = self.generation_meta

        seed: int | None
        seed = self.seed

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "webtoon_id": webtoon_id,
                "sequence_number": sequence_number,
                "scene_index": scene_index,
                "location": location,
                "time_of_day": time_of_day,
                "weather": weather,
                "mood": mood,
                "shot": shot,
                "visual_description": visual_description,
                "characters_present": characters_present,
                "speech_bubbles": speech_bubbles,
                "visual_elements": visual_elements,
                "status": status,
                "error_message": error_message,
                "image_url": image_url,
                "raw_image_url": raw_image_url,
                "ai_prompt": ai_prompt,
                "generation_meta": generation_meta,
                "seed": seed,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        webtoon_id = UUID(d.pop("webtoon_id"))

        sequence_number = d.pop("sequence_number")

        scene_index = d.pop("scene_index")

        location = d.pop("location")

        time_of_day = d.pop("time_of_day")

        weather = d.pop("weather")

        mood = d.pop("mood")

        shot = ShotEnum(d.pop("shot"))

        visual_description = d.pop("visual_description")

        characters_present = d.pop("characters_present")

        speech_bubbles = d.pop("speech_bubbles")

        visual_elements = d.pop("visual_elements")

        status = PanelStatusEnum(d.pop("status"))

        error_message = d.pop("error_message")

        def _parse_image_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        image_url = _parse_image_url(d.pop("image_url"))

        def _parse_raw_image_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        raw_image_url = _parse_raw_image_url(d.pop("raw_image_url"))

        ai_prompt = d.pop("ai_prompt")

        generation_meta = d.pop("generation_meta")

        def _parse_seed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seed = _parse_seed(d.pop("seed"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        panel = cls(
            id=id,
            webtoon_id=webtoon_id,
            sequence_number=sequence_number,
            scene_index=scene_index,
            location=location,
            time_of_day=time_of_day,
            weather=weather,
            mood=mood,
            shot=shot,
            visual_description=visual_description,
            characters_present=characters_present,
            speech_bubbles=speech_bubbles,
            visual_elements=visual_elements,
            status=status,
            error_message=error_message,
            image_url=image_url,
            raw_image_url=raw_image_url,
            ai_prompt=ai_prompt,
            generation_meta=generation_meta,
            seed=seed,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        panel.additional_properties = d
        return panel

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
