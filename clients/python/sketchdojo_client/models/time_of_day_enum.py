from enum import StrEnum


class TimeOfDayEnum(StrEnum):
    DAWN = "dawn"
    DAY = "day"
    DUSK = "dusk"
    NIGHT = "night"

    def __str__(self) -> str:
        return str(self.value)
