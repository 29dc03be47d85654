from enum import StrEnum


class ProjectsListArtStyle(StrEnum):
    ANIME = "anime"
    CHIBI = "chibi"
    COMIC = "comic"
    MANGA = "manga"
    PAINTING = "painting"
    REALISTIC = "realistic"
    SKETCH = "sketch"
    WEBTOON = "webtoon"

    def __str__(self) -> str:
        return str(self.value)
