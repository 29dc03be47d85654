from enum import StrEnum


class WebtoonsListStatus(StrEnum):
    ARCHIVED = "archived"
    COMPLETED = "completed"
    FAILED = "failed"
    GENERATING = "generating"
    PLANNING = "planning"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
