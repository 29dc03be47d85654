from enum import StrEnum


class ProjectUpdateRequestColorPaletteType0(StrEnum):
    COOL = "cool"
    DARK = "dark"
    EARTHY = "earthy"
    LIGHT = "light"
    MONOCHROME = "monochrome"
    MUTED = "muted"
    NEON = "neon"
    PASTEL = "pastel"
    SEPIA = "sepia"
    VIBRANT = "vibrant"
    WARM = "warm"

    def __str__(self) -> str:
        return str(self.value)
