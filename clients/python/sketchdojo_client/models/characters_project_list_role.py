from enum import StrEnum


class CharactersProjectListRole(StrEnum):
    ANTAGONIST = "antagonist"
    BACKGROUND = "background"
    PROTAGONIST = "protagonist"
    SUPPORTING = "supporting"

    def __str__(self) -> str:
        return str(self.value)
