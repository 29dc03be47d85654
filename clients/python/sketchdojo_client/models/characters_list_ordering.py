from enum import StrEnum


class CharactersListOrdering(StrEnum):
    CREATED_AT = "created_at"
    NAME = "name"
    ROLE = "role"
    VALUE_1 = "-created_at"
    VALUE_3 = "-name"
    VALUE_5 = "-role"

    def __str__(self) -> str:
        return str(self.value)
