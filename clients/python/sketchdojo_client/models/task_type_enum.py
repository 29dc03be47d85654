from enum import StrEnum


class TaskTypeEnum(StrEnum):
    PANEL_GENERATION = "panel_generation"
    WEBTOON_GENERATION = "webtoon_generation"

    def __str__(self) -> str:
        return str(self.value)
