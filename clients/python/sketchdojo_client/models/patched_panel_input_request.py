from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.shot_enum import ShotEnum
from ..models.time_of_day_enum import TimeOfDayEnum
from ..models.weather_enum import WeatherEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.speech_bubble_request import SpeechBubbleRequest
    from ..models.staged_character_request import StagedCharacterRequest
    from ..models.visual_element_request import VisualElementRequest


T = TypeVar("T", bound="PatchedPanelInputRequest")


@_attrs_define
class PatchedPanelInputRequest:
    """What a client may set on a panel (PUT/PATCH; POST adds `webtoon_id`).

    Attributes:
        sequence_number (int | Unset):
        scene_index (int | Unset):
        location (str | Unset):
        time_of_day (TimeOfDayEnum | Unset): * `dawn` - dawn
            * `day` - day
            * `dusk` - dusk
            * `night` - night
        weather (WeatherEnum | Unset): * `clear` - clear
            * `cloudy` - cloudy
            * `rain` - rain
            * `storm` - storm
            * `snow` - snow
            * `fog` - fog
        mood (str | Unset):
        shot (ShotEnum | Unset): * `extreme_wide` - Extreme Wide
            * `wide` - Wide
            * `medium` - Medium
            * `close_up` - Close Up
            * `extreme_close_up` - Extreme Close Up
        visual_description (str | Unset):
        characters_present (list[StagedCharacterRequest] | Unset):
        speech_bubbles (list[SpeechBubbleRequest] | Unset):
        visual_elements (list[VisualElementRequest] | Unset):
    """

    sequence_number: int | Unset = UNSET
    scene_index: int | Unset = UNSET
    location: str | Unset = UNSET
    time_of_day: TimeOfDayEnum | Unset = UNSET
    weather: WeatherEnum | Unset = UNSET
    mood: str | Unset = UNSET
    shot: ShotEnum | Unset = UNSET
    visual_description: str | Unset = UNSET
    characters_present: list[StagedCharacterRequest] | Unset = UNSET
    speech_bubbles: list[SpeechBubbleRequest] | Unset = UNSET
    visual_elements: list[VisualElementRequest] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sequence_number = self.sequence_number

        scene_index = self.scene_index

        location = self.location

        time_of_day: str | Unset = UNSET
        if not isinstance(self.time_of_day, Unset):
            time_of_day = self.time_of_day.value

        weather: str | Unset = UNSET
        if not isinstance(self.weather, Unset):
            weather = self.weather.value

        mood = self.mood

        shot: str | Unset = UNSET
        if not isinstance(self.shot, Unset):
            shot = self.shot.value

        visual_description = self.visual_description

        characters_present: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.characters_present, Unset):
            characters_present = []
            for characters_present_item_data in self.characters_present:
                characters_present_item = characters_present_item_data.to_dict()
                characters_present.append(characters_present_item)

        speech_bubbles: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.speech_bubbles, Unset):
            speech_bubbles = []
            for speech_bubbles_item_data in self.speech_bubbles:
                speech_bubbles_item = speech_bubbles_item_data.to_dict()
                speech_bubbles.append(speech_bubbles_item)

        visual_elements: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.visual_elements, Unset):
            visual_elements = []
            for visual_elements_item_data in self.visual_elements:
                visual_elements_item = visual_elements_item_data.to_dict()
                visual_elements.append(visual_elements_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sequence_number is not UNSET:
            field_dict["sequence_number"] = sequence_number
        if scene_index is not UNSET:
            field_dict["scene_index"] = scene_index
        if location is not UNSET:
            field_dict["location"] = location
        if time_of_day is not UNSET:
            field_dict["time_of_day"] = time_of_day
        if weather is not UNSET:
            field_dict["weather"] = weather
        if mood is not UNSET:
            field_dict["mood"] = mood
        if shot is not UNSET:
            field_dict["shot"] = shot
        if visual_description is not UNSET:
            field_dict["visual_description"] = visual_description
        if characters_present is not UNSET:
            field_dict["characters_present"] = characters_present
        if speech_bubbles is not UNSET:
            field_dict["speech_bubbles"] = speech_bubbles
        if visual_elements is not UNSET:
            field_dict["visual_elements"] = visual_elements

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.speech_bubble_request import SpeechBubbleRequest  # noqa: PLC0415
        from ..models.staged_character_request import StagedCharacterRequest  # noqa: PLC0415
        from ..models.visual_element_request import VisualElementRequest  # noqa: PLC0415

        d = dict(src_dict)
        sequence_number = d.pop("sequence_number", UNSET)

        scene_index = d.pop("scene_index", UNSET)

        location = d.pop("location", UNSET)

        _time_of_day = d.pop("time_of_day", UNSET)
        time_of_day: TimeOfDayEnum | Unset
        if isinstance(_time_of_day, Unset):
            time_of_day = UNSET
        else:
            time_of_day = TimeOfDayEnum(_time_of_day)

        _weather = d.pop("weather", UNSET)
        weather: WeatherEnum | Unset
        if isinstance(_weather, Unset):
            weather = UNSET
        else:
            weather = WeatherEnum(_weather)

        mood = d.pop("mood", UNSET)

        _shot = d.pop("shot", UNSET)
        shot: ShotEnum | Unset
        if isinstance(_shot, Unset):
            shot = UNSET
        else:
            shot = ShotEnum(_shot)

        visual_description = d.pop("visual_description", UNSET)

        _characters_present = d.pop("characters_present", UNSET)
        characters_present: list[StagedCharacterRequest] | Unset = UNSET
        if _characters_present is not UNSET:
            characters_present = []
            for characters_present_item_data in _characters_present:
                characters_present_item = StagedCharacterRequest.from_dict(characters_present_item_data)

                characters_present.append(characters_present_item)

        _speech_bubbles = d.pop("speech_bubbles", UNSET)
        speech_bubbles: list[SpeechBubbleRequest] | Unset = UNSET
        if _speech_bubbles is not UNSET:
            speech_bubbles = []
            for speech_bubbles_item_data in _speech_bubbles:
                speech_bubbles_item = SpeechBubbleRequest.from_dict(speech_bubbles_item_data)

                speech_bubbles.append(speech_bubbles_item)

        _visual_elements = d.pop("visual_elements", UNSET)
        visual_elements: list[VisualElementRequest] | Unset = UNSET
        if _visual_elements is not UNSET:
            visual_elements = []
            for visual_elements_item_data in _visual_elements:
                visual_elements_item = VisualElementRequest.from_dict(visual_elements_item_data)

                visual_elements.append(visual_elements_item)

        patched_panel_input_request = cls(
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
        )

        patched_panel_input_request.additional_properties = d
        return patched_panel_input_request

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
