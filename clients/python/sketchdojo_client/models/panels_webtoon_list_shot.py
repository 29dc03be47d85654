from enum import StrEnum


class PanelsWebtoonListShot(StrEnum):
    CLOSE_UP = "close_up"
    EXTREME_CLOSE_UP = "extreme_close_up"
    EXTREME_WIDE = "extreme_wide"
    MEDIUM = "medium"
    WIDE = "wide"

    def __str__(self) -> str:
        return str(self.value)
