from enum import StrEnum


class BubbleStyleEnum(StrEnum):
    NARRATION = "narration"
    NORMAL = "normal"
    SHOUT = "shout"
    THOUGHT = "thought"
    WHISPER = "whisper"

    def __str__(self) -> str:
        return str(self.value)
