from enum import StrEnum


class TaskTypeEnum(StrEnum):
    CHARACTER_SHEET = "character_sheet"
    PANEL_GENERATION = "panel_generation"
    WEBTOON_EXPORT = "webtoon_export"
    WEBTOON_GENERATION = "webtoon_generation"

    def __str__(self) -> str:
        return str(self.value)
