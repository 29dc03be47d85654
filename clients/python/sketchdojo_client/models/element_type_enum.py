from enum import StrEnum


class ElementTypeEnum(StrEnum):
    PROP = "prop"
    SFX = "sfx"
    SIGN = "sign"
    TEXT = "text"

    def __str__(self) -> str:
        return str(self.value)
