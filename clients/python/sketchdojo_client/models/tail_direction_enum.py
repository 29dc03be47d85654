from enum import StrEnum


class TailDirectionEnum(StrEnum):
    DOWN = "down"
    DOWN_LEFT = "down-left"
    DOWN_RIGHT = "down-right"
    LEFT = "left"
    NONE = "none"
    RIGHT = "right"
    UP = "up"
    UP_LEFT = "up-left"
    UP_RIGHT = "up-right"

    def __str__(self) -> str:
        return str(self.value)
