from enum import StrEnum


class CharactersListRole(StrEnum):
    ANTAGONIST = "antagonist"
    BACKGROUND = "background"
    PROTAGONIST = "protagonist"
    SUPPORTING = "supporting"

    def __str__(self) -> str:
        return str(self.value)
