from enum import StrEnum


class WebtoonsListOrdering(StrEnum):
    CREATED_AT = "created_at"
    STATUS = "status"
    TITLE = "title"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-title"
    VALUE_7 = "-status"

    def __str__(self) -> str:
        return str(self.value)
