from enum import StrEnum


class TasksListOrdering(StrEnum):
    CREATED_AT = "created_at"
    PROGRESS = "progress"
    STATUS = "status"
    UPDATED_AT = "updated_at"
    VALUE_1 = "-created_at"
    VALUE_3 = "-updated_at"
    VALUE_5 = "-status"
    VALUE_7 = "-progress"

    def __str__(self) -> str:
        return str(self.value)
