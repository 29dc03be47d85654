from enum import StrEnum


class ProjectStatusEnum(StrEnum):
    ARCHIVED = "archived"
    COMPLETED = "completed"
    DRAFT = "draft"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return str(self.value)
