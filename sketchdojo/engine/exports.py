"""Exports: a finished webtoon as files people can keep, print or open in a comic reader.

- `png`  the 800 px strip cut into segments no taller than 1280 px (what upload sites accept),
         cut inside gutters whenever a gutter is in reach, zipped in reading order;
- `pdf`  one page per panel, each page the panel's own size (fpdf2);
- `cbz`  the comic-book zip: one page image per panel plus ComicInfo.xml (the ComicRack schema
         every reader understands: title, summary, writer, page count and page sizes);
- `html` a single-file reader: images embedded, vertical scroll, no network requests, so it opens
         anywhere, offline, and can be mailed as an attachment.

Panels are encoded as JPEG for the paged formats (that is what comic readers and PDF viewers
expect, and it is several times faster to write than PNG); the strip segments stay PNG.
"""

from __future__ import annotations

import base64
import html
import io
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from xml.etree import ElementTree

from PIL import Image

from sketchdojo.engine.accessibility import PanelText
from sketchdojo.engine.compose import StripLayout, fit_width, strip_layout
from sketchdojo.engine.layout import STRIP_WIDTH
from sketchdojo.engine.script import slug

EXPORT_FORMATS = ("png", "pdf", "cbz", "html")
MAX_SEGMENT_HEIGHT = 1280
JPEG_QUALITY = 90
# Fast deflate with run-length matching: flat comic colours compress almost as well as at level 6,
# several times faster (the PNG export is the slowest step of a webtoon otherwise).
PNG_COMPRESS_LEVEL = 1
PX_TO_PT = 0.75
# Two encoders at a time: enough to use both cores of a small worker, each holding one segment.
ENCODER_THREADS = 2
STRIP_BACKGROUND = (255, 255, 255)
MONOCHROME_STYLES = {"manga", "sketch"}


@dataclass
class ExportMeta:
    """What the exports say about the webtoon (cover text, document properties, ComicInfo)."""

    title: str
    author: str = ""
    summary: str = ""
    style: str = ""
    created: datetime | None = None
    language: str = "en"  # BCP 47: the HTML export's `lang`, ComicInfo's LanguageISO
    # Per panel, in reading order: alt text and transcript (the HTML export's alt and hidden transcript).
    panel_texts: list[PanelText] = field(default_factory=list)


@dataclass
class ExportFile:
    """One export, ready to save or send as an attachment."""

    filename: str
    content_type: str
    data: bytes


def export_webtoon(fmt: str, *, panels: list[Image.Image], scene_ids: list[int], meta: ExportMeta) -> ExportFile:
    """Build the `fmt` export of the lettered `panels` (reading order); ValueError on unknown fmt."""
    return export_webtoons((fmt,), panels=panels, scene_ids=scene_ids, meta=meta)[fmt]


def export_webtoons(
    formats: Sequence[str], *, panels: list[Image.Image], scene_ids: list[int], meta: ExportMeta
) -> dict[str, ExportFile]:
    """Several exports at once, encoding each panel's page image only once for all of them.

    Holds every file in memory together; to write or send them, `iter_exports` keeps only one.
    """
    return dict(iter_exports(formats, panels=panels, scene_ids=scene_ids, meta=meta))


def iter_exports(
    formats: Sequence[str], *, panels: list[Image.Image], scene_ids: list[int], meta: ExportMeta
) -> Iterator[tuple[str, ExportFile]]:
    """(format, file) for each of `formats` in turn, page images encoded once and shared.

    Each file is built only when the previous one has been taken, so a caller that saves or sends
    it before asking for the next holds one export in memory, not all of them. Bad arguments raise
    ValueError at the call, before anything is built.
    """
    unknown = [fmt for fmt in formats if fmt not in EXPORT_FORMATS]
    if unknown:
        raise ValueError(f"Unknown export format {unknown[0]!r}; choose one of {', '.join(EXPORT_FORMATS)}.")
    if not panels:
        raise ValueError("There are no panels to export.")
    if len(panels) != len(scene_ids):
        raise ValueError(f"{len(panels)} panels but {len(scene_ids)} scene ids.")
    source = _Source(panels=list(panels), scene_ids=list(scene_ids), meta=meta)
    return ((fmt, _EXPORTERS[fmt](source)) for fmt in formats)


@dataclass
class _Source:
    """What every exporter reads; page JPEGs are encoded on first use and shared."""

    panels: list[Image.Image]
    scene_ids: list[int]
    meta: ExportMeta

    @cached_property
    def pages(self) -> list[tuple[Image.Image, bytes]]:
        """Each panel at strip width with its JPEG bytes."""
        fitted = [fit_width(panel, STRIP_WIDTH) for panel in self.panels]
        return list(zip(fitted, _encode_all(_jpeg, fitted), strict=True))


def segment_bounds(layout: StripLayout, max_height: int = MAX_SEGMENT_HEIGHT) -> list[tuple[int, int]]:
    """(top, bottom) of each segment: at most `max_height` tall, cut mid-gutter when one is in reach."""
    bounds, top = [], 0
    while layout.height - top > max_height:
        limit = top + max_height
        # A gutter too near the top would only make a sliver of a segment; cut through the panel then.
        shortest = top + max_height // 4
        cuts = [min((g0 + g1) // 2, limit) for g0, g1 in layout.gutters if g0 <= limit and (g0 + g1) // 2 > shortest]
        cut = max(cuts) if cuts else limit
        bounds.append((top, cut))
        top = cut
    bounds.append((top, layout.height))
    return bounds


def strip_segment(fitted: Sequence[Image.Image], layout: StripLayout, top: int, bottom: int) -> Image.Image:
    """Rows top..bottom of the composed strip, built from the strip-width panels without the whole strip."""
    segment = Image.new("RGB", (layout.width, bottom - top), STRIP_BACKGROUND)
    for panel, panel_top in zip(fitted, layout.panel_tops, strict=True):
        first, last = max(top, panel_top), min(bottom, panel_top + panel.height)
        if first < last:
            segment.paste(panel.crop((0, first - panel_top, layout.width, last - panel_top)), (0, first - top))
    return segment


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=False)
    return buffer.getvalue()


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG", compress_level=PNG_COMPRESS_LEVEL, compress_type=zlib.Z_RLE)
    return buffer.getvalue()


def _encode_all(encode, images: Sequence[Image.Image]) -> list[bytes]:
    """Encode images on a few threads: Pillow's encoders release the GIL, so cores are shared."""
    if len(images) < 2:
        return [encode(image) for image in images]
    with ThreadPoolExecutor(max_workers=ENCODER_THREADS, thread_name_prefix="export") as pool:
        return list(pool.map(encode, images))


def _created(meta: ExportMeta) -> datetime:
    return meta.created or datetime.now(UTC)


def _export_png(source: _Source) -> ExportFile:
    panels, meta = source.panels, source.meta
    layout = strip_layout([p.size for p in panels], source.scene_ids)
    fitted = [fit_width(panel, layout.width) for panel in panels]
    bounds = segment_bounds(layout)
    digits = max(2, len(str(len(bounds))))
    name = slug(meta.title)

    def encode_segment(top_bottom: tuple[int, int]) -> bytes:
        return _png(strip_segment(fitted, layout, *top_bottom))

    encoded = _encode_all(encode_segment, bounds)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for i, data in enumerate(encoded, start=1):
            archive.writestr(_zip_info(f"{name}-{i:0{digits}d}.png", meta), data)
    return ExportFile(f"{name}.zip", "application/zip", buffer.getvalue())


def _zip_info(filename: str, meta: ExportMeta, compress: bool = False) -> zipfile.ZipInfo:
    created = _created(meta)
    info = zipfile.ZipInfo(filename, date_time=(max(1980, created.year), *created.timetuple()[1:6]))
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    info.external_attr = 0o644 << 16
    return info


def _export_pdf(source: _Source) -> ExportFile:
    # fpdf2 pulls in fontTools (~15 MB resident): only a process that writes a PDF pays for it.
    from fpdf import FPDF

    meta = source.meta
    pdf = FPDF(unit="pt")
    pdf.set_auto_page_break(False)
    pdf.set_margin(0)
    pdf.set_title(meta.title)
    pdf.set_author(meta.author)
    pdf.set_subject(meta.summary)
    pdf.set_creator("SketchDojo")
    pdf.set_creation_date(_created(meta))
    for i, (page, data) in enumerate(source.pages, start=1):
        width, height = page.width * PX_TO_PT, page.height * PX_TO_PT
        pdf.add_page(format=(width, height))
        pdf.image(io.BytesIO(data), x=0, y=0, w=width, h=height, alt_text=f"Panel {i}")
    return ExportFile(f"{slug(meta.title)}.pdf", "application/pdf", bytes(pdf.output()))


def comic_info_xml(meta: ExportMeta, pages: Sequence[tuple[int, int, int]]) -> bytes:
    """ComicInfo.xml (schema v2.0, elements in schema order) for pages of (width, height, bytes)."""
    root = ElementTree.Element(
        "ComicInfo",
        {
            "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
            "xmlns:xsd": "http://www.w3.org/2001/XMLSchema",
        },
    )

    def add(tag: str, text: str) -> None:
        if text:
            ElementTree.SubElement(root, tag).text = text

    created = _created(meta)
    add("Title", meta.title)
    add("Summary", meta.summary)
    add("Notes", f"Made with SketchDojo{f' in the {meta.style} style' if meta.style else ''}.")
    add("Year", str(created.year))
    add("Month", str(created.month))
    add("Day", str(created.day))
    add("Writer", meta.author)
    add("PageCount", str(len(pages)))
    add("LanguageISO", meta.language)
    add("Format", "Web Comic")
    add("BlackAndWhite", "Yes" if meta.style in MONOCHROME_STYLES else "No")
    # Vertical webtoons read top to bottom, never right to left.
    add("Manga", "No")
    pages_element = ElementTree.SubElement(root, "Pages")
    for index, (width, height, size) in enumerate(pages):
        attributes = {
            "Image": str(index),
            "ImageSize": str(size),
            "ImageWidth": str(width),
            "ImageHeight": str(height),
        }
        if index == 0:
            attributes["Type"] = "FrontCover"
        ElementTree.SubElement(pages_element, "Page", attributes)
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)


def _export_cbz(source: _Source) -> ExportFile:
    pages, meta = source.pages, source.meta
    digits = max(3, len(str(len(pages))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = comic_info_xml(meta, [(page.width, page.height, len(data)) for page, data in pages])
        archive.writestr(_zip_info("ComicInfo.xml", meta, compress=True), info)
        for i, (_page, data) in enumerate(pages, start=1):
            archive.writestr(_zip_info(f"{i:0{digits}d}.jpg", meta), data)
    return ExportFile(f"{slug(meta.title)}.cbz", "application/vnd.comicbook+zip", buffer.getvalue())


_HTML_STYLE = """
*{box-sizing:border-box}
body{margin:0;background:#1d1d22;color:#eee;font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif}
header,footer{max-width:800px;margin:0 auto;padding:28px 20px;text-align:center}
h1{margin:0 0 6px;font-size:1.8em}
.byline{margin:0;color:#b9b9c4}
.summary{margin:14px 0 0;color:#d6d6de}
main{max-width:800px;margin:0 auto;background:#fff}
main img{display:block;width:100%;height:auto}
.gutter{height:24px;background:#fff}
.gutter.scene{height:96px}
footer{color:#8d8d99;font-size:.85em}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);
  clip-path:inset(50%);white-space:nowrap;border:0}
""".strip()


def _export_html(source: _Source) -> ExportFile:
    meta, scene_ids = source.meta, source.scene_ids
    title = html.escape(meta.title)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{html.escape(meta.language or "en")}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f'<meta name="author" content="{html.escape(meta.author)}">' if meta.author else "",
        f'<meta name="description" content="{html.escape(meta.summary)}">' if meta.summary else "",
        f"<style>{_HTML_STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{title}</h1>",
        f'<p class="byline">by {html.escape(meta.author)}</p>' if meta.author else "",
        f'<p class="summary">{html.escape(meta.summary)}</p>' if meta.summary else "",
        "</header>",
        "<main>",
    ]
    for i, (page, data) in enumerate(source.pages):
        if i:
            scene_change = scene_ids[i] != scene_ids[i - 1]
            parts.append(f'<div class="gutter{" scene" if scene_change else ""}"></div>')
        encoded = base64.b64encode(data).decode("ascii")
        text = meta.panel_texts[i] if i < len(meta.panel_texts) else None
        alt = text.alt if text else f"Panel {i + 1}"
        parts.append(
            f'<img src="data:image/jpeg;base64,{encoded}" width="{page.width}" height="{page.height}"'
            f' alt="{html.escape(alt)}" loading="{"eager" if i < 2 else "lazy"}">'
        )
        if text and text.transcript:
            lines = "".join(
                f'<p><span class="speaker">{html.escape(line.label)}:</span> {html.escape(line.text)}</p>'
                for line in text.transcript
            )
            parts.append(f'<div class="transcript visually-hidden">{lines}</div>')
    created = _created(meta).strftime("%Y-%m-%d")
    parts += ["</main>", f"<footer>Made with SketchDojo · {created}</footer>", "</body>", "</html>", ""]
    document = "\n".join(part for part in parts if part)
    return ExportFile(f"{slug(meta.title)}.html", "text/html; charset=utf-8", document.encode("utf-8"))


_EXPORTERS = {"png": _export_png, "pdf": _export_pdf, "cbz": _export_cbz, "html": _export_html}
