"""Exports open in the libraries readers use: PNG segments (PIL), PDF (pypdf), CBZ (zip + ElementTree), HTML."""

import io
import zipfile
from datetime import UTC, datetime
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from PIL import Image
from pypdf import PdfReader

from sketchdojo.engine.compose import GUTTER, SCENE_GUTTER, compose_strip, strip_layout
from sketchdojo.engine.exports import (
    EXPORT_FORMATS,
    ExportMeta,
    export_webtoon,
    export_webtoons,
    iter_exports,
    segment_bounds,
)

HOSTILE_TITLE = 'Storm <script>alert("x")</script> & "Friends"'
META = ExportMeta(
    title=HOSTILE_TITLE,
    author="Ana <b>Writer</b>",
    summary="Alex finds lightning & saves the village.",
    style="webtoon",
    created=datetime(2026, 3, 4, 5, 6, tzinfo=UTC),
)


def panels(count: int = 6) -> tuple[list[Image.Image], list[int]]:
    heights = (800, 640, 520)
    images = [Image.new("RGB", (800, heights[i % 3]), (40 * i % 255, 90, 160)) for i in range(count)]
    return images, [i // 2 for i in range(count)]


def export(fmt: str, count: int = 6):
    images, scene_ids = panels(count)
    return export_webtoon(fmt, panels=images, scene_ids=scene_ids, meta=META)


def test_png_export_is_a_zip_of_strip_segments_at_most_1280_px_tall_and_800_wide():
    images, scene_ids = panels(6)

    exported = export_webtoon("png", panels=images, scene_ids=scene_ids, meta=META)

    assert exported.filename.endswith(".zip")
    assert exported.content_type == "application/zip"
    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        names = archive.namelist()
        segments = [Image.open(io.BytesIO(archive.read(name))) for name in names]
    assert names == sorted(names)
    assert all(name.endswith(".png") for name in names)
    assert all(segment.format == "PNG" and segment.width == 800 for segment in segments)
    assert all(segment.height <= 1280 for segment in segments)
    layout = strip_layout([i.size for i in images], scene_ids)
    assert sum(segment.height for segment in segments) == layout.height


def test_png_segments_put_together_are_exactly_the_composed_strip():
    images, scene_ids = panels(7)
    strip = compose_strip(images, scene_ids)

    exported = export_webtoon("png", panels=images, scene_ids=scene_ids, meta=META)

    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        segments = [Image.open(io.BytesIO(archive.read(name))).convert("RGB") for name in archive.namelist()]
    top = 0
    for segment in segments:
        assert segment.tobytes() == strip.crop((0, top, 800, top + segment.height)).tobytes()
        top += segment.height
    assert top == strip.height


def test_png_segments_are_cut_inside_gutters_never_through_a_panel():
    images, scene_ids = panels(6)
    layout = strip_layout([i.size for i in images], scene_ids)

    bounds = segment_bounds(layout)

    for _, bottom in bounds[:-1]:
        assert any(g0 <= bottom <= g1 for g0, g1 in layout.gutters)


def test_a_panel_taller_than_a_segment_is_cut_at_the_limit():
    layout = strip_layout([(800, 3000)], [0])

    bounds = segment_bounds(layout)

    assert bounds == [(0, 1280), (1280, 2560), (2560, 3000 + 2 * GUTTER)]


def test_pdf_export_has_one_page_per_panel_and_the_title_in_its_properties():
    exported = export("pdf", count=5)

    reader = PdfReader(io.BytesIO(exported.data))

    assert exported.content_type == "application/pdf"
    assert exported.filename.endswith(".pdf")
    assert len(reader.pages) == 5
    assert reader.metadata.title == HOSTILE_TITLE
    assert reader.metadata.author == "Ana <b>Writer</b>"
    first = reader.pages[0].mediabox
    assert (float(first.width), float(first.height)) == (600.0, 600.0)


def test_cbz_export_holds_a_comicinfo_whose_page_count_matches_its_images():
    exported = export("cbz", count=7)

    with zipfile.ZipFile(io.BytesIO(exported.data)) as archive:
        names = archive.namelist()
        info = ElementTree.fromstring(archive.read("ComicInfo.xml"))
        first_page = Image.open(io.BytesIO(archive.read(names[1])))

    images = [name for name in names if name.endswith(".jpg")]
    assert exported.content_type == "application/vnd.comicbook+zip"
    assert names[0] == "ComicInfo.xml"
    assert images == sorted(images)
    assert len(images) == 7
    assert info.tag == "ComicInfo"
    assert info.findtext("Title") == HOSTILE_TITLE
    assert info.findtext("Writer") == "Ana <b>Writer</b>"
    assert info.findtext("Summary") == META.summary
    assert info.findtext("PageCount") == "7"
    assert info.findtext("Manga") == "No"
    assert (info.findtext("Year"), info.findtext("Month"), info.findtext("Day")) == ("2026", "3", "4")
    pages = info.findall("Pages/Page")
    assert [p.get("Image") for p in pages] == [str(i) for i in range(7)]
    assert pages[0].get("Type") == "FrontCover"
    assert (pages[0].get("ImageWidth"), pages[0].get("ImageHeight")) == ("800", "800")
    assert first_page.size == (800, 800)


class ReaderPage(HTMLParser):
    """Collects what a browser would load or run from the page."""

    def __init__(self):
        super().__init__()
        self.title = ""
        self.images: list[str] = []
        self.tags: list[str] = []
        self.links: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes["src"])
        self.links += [value for name, value in attrs if name in ("href", "src") and value and tag != "img"]
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def test_html_export_is_a_standalone_reader_with_every_panel_embedded():
    exported = export("html", count=4)
    document = exported.data.decode("utf-8")

    page = ReaderPage()
    page.feed(document)

    assert exported.content_type == "text/html; charset=utf-8"
    assert page.title == HOSTILE_TITLE
    assert len(page.images) == 4
    assert all(src.startswith("data:image/jpeg;base64,") for src in page.images)
    assert page.links == []
    assert "script" not in page.tags
    assert "<script>" not in document
    assert "<b>Writer</b>" not in document


def test_html_export_spaces_scene_changes_more_widely():
    document = export("html", count=4).data.decode("utf-8")

    assert document.count('class="gutter"') == 2
    assert document.count('class="gutter scene"') == 1
    assert f"height:{SCENE_GUTTER}px" in document


@pytest.mark.parametrize("fmt", ["gif", "PNG", "", "zip"])
def test_an_unknown_format_is_refused(fmt):
    with pytest.raises(ValueError, match="Unknown export format"):
        export(fmt)


def test_exports_need_panels_and_one_scene_id_each():
    with pytest.raises(ValueError):
        export_webtoon("pdf", panels=[], scene_ids=[], meta=META)
    with pytest.raises(ValueError):
        export_webtoon("pdf", panels=panels(2)[0], scene_ids=[0], meta=META)


def test_exporting_every_format_at_once_gives_the_same_files_as_one_by_one():
    images, scene_ids = panels(4)

    together = export_webtoons(EXPORT_FORMATS, panels=images, scene_ids=scene_ids, meta=META)

    for fmt in EXPORT_FORMATS:
        alone = export_webtoon(fmt, panels=images, scene_ids=scene_ids, meta=META)
        assert (together[fmt].filename, together[fmt].data) == (alone.filename, alone.data)


def test_exports_one_at_a_time_are_built_only_when_asked_for_in_the_order_given():
    images, scene_ids = panels(4)

    files = iter_exports(("html", "png"), panels=images, scene_ids=scene_ids, meta=META)
    first = next(files)
    images[0].paste((0, 0, 0), (0, 0, 800, 800))  # the next export is built now, from the panels as they are
    second = next(files)

    assert [first[0], second[0]] == ["html", "png"]
    assert next(files, None) is None
    with zipfile.ZipFile(io.BytesIO(second[1].data)) as archive:
        top = Image.open(io.BytesIO(archive.read(archive.namelist()[0])))
        assert top.getpixel((400, GUTTER + 10)) == (0, 0, 0)


def test_asking_for_exports_one_at_a_time_checks_the_arguments_at_once():
    images, scene_ids = panels(2)

    with pytest.raises(ValueError, match="Unknown export format 'gif'"):
        iter_exports(("png", "gif"), panels=images, scene_ids=scene_ids, meta=META)
    with pytest.raises(ValueError, match="2 panels but 1 scene ids"):
        iter_exports(("png",), panels=images, scene_ids=scene_ids[:1], meta=META)
