from enum import StrEnum


class QualityEnum(StrEnum):
    DRAFT = "draft"
    HIGH = "high"
    STANDARD = "standard"

    def __str__(self) -> str:
        return str(self.value)
