from enum import StrEnum


class WebtoonsExportRetrieveFmt(StrEnum):
    CBZ = "cbz"
    HTML = "html"
    PDF = "pdf"
    PNG = "png"

    def __str__(self) -> str:
        return str(self.value)
