from enum import StrEnum


class ErrorEnvelopeStatusEnum(StrEnum):
    ERROR = "error"

    def __str__(self) -> str:
        return str(self.value)
