from enum import StrEnum


class PanelStatusEnum(StrEnum):
    DRAWING = "drawing"
    DRAWN = "drawn"
    FAILED = "failed"
    LETTERED = "lettered"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
