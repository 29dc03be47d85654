from enum import StrEnum


class PanelsListOrdering(StrEnum):
    CREATED_AT = "created_at"
    SEQUENCE_NUMBER = "sequence_number"
    STATUS = "status"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-sequence_number"
    VALUE_3 = "-created_at"
    VALUE_5 = "-updated_at"
    VALUE_7 = "-status"

    def __str__(self) -> str:
        return str(self.value)
