"""Alt text written from a panel's script, the transcript of its words, and both in the HTML export."""

import dataclasses
import re

from PIL import Image

from sketchdojo.engine.accessibility import PanelText, TranscriptLine, panel_alt_text, transcript
from sketchdojo.engine.exports import ExportMeta, export_webtoon


def test_alt_text_says_who_where_and_what_happens():
    alt = panel_alt_text(
        number=3,
        location="old_library",
        time_of_day="dusk",
        weather="rain",
        characters=[{"name": "Mina", "action": "reading", "expression": "surprised"}, {"name": "Biscuit"}],
        description="Close up at the old library, dusk, rain. Mina reading, surprised; Biscuit standing, neutral. "
        "The map starts to glow.",
    )

    assert alt == (
        "Panel 3: Mina (reading, surprised) and Biscuit at the old library, at dusk, in the rain. "
        "The map starts to glow."
    )


def test_alt_text_of_a_hand_made_panel_keeps_its_whole_description():
    alt = panel_alt_text(number=1, description="A quiet street. Nobody is there.")

    assert alt == "Panel 1: A quiet street. Nobody is there."


def test_alt_text_is_cut_to_a_readable_length():
    alt = panel_alt_text(number=1, location="sea", description="Waves. " * 200)

    assert len(alt) == 600
    assert alt.endswith("…")


def test_the_transcript_keeps_reading_order_speakers_and_manner_then_sounds():
    lines = transcript(
        [
            {"speaker": None, "text": "Night falls.", "style": "narration"},
            {"speaker": "Mina", "text": "Who is there?", "style": "normal"},
            {"speaker": "Mina", "text": "Maybe the cat…", "style": "thought"},
            {"speaker": "Jun", "text": " ", "style": "normal"},
            {"speaker": "Jun", "text": "RUN!", "style": "shout"},
        ],
        ["CRASH", ""],
    )

    assert [(line.label, line.text) for line in lines] == [
        ("Narration", "Night falls."),
        ("Mina", "Who is there?"),
        ("Mina (thinks)", "Maybe the cat…"),
        ("Jun (shouts)", "RUN!"),
        ("Sound", "CRASH"),
    ]


def test_the_html_export_has_the_alt_text_and_a_hidden_transcript():
    texts = [
        PanelText(number=1, alt='Panel 1: Mina at the library. She says "<hi>".', transcript=[]),
        PanelText(
            number=2,
            alt="Panel 2: Jun at the gate.",
            transcript=[TranscriptLine(kind="shout", text="Open <up>!", speaker="Jun")],
        ),
    ]
    meta = ExportMeta(title="Two panels", panel_texts=texts)
    images = [Image.new("RGB", (800, 400), "white") for _ in range(2)]

    document = export_webtoon("html", panels=images, scene_ids=[0, 0], meta=meta).data.decode()

    alts = re.findall(r' alt="([^"]*)"', document)
    assert alts == ["Panel 1: Mina at the library. She says &quot;&lt;hi&gt;&quot;.", "Panel 2: Jun at the gate."]
    assert document.count('class="transcript visually-hidden"') == 1
    assert '<p><span class="speaker">Jun (shouts):</span> Open &lt;up&gt;!</p>' in document
    assert ".visually-hidden{position:absolute" in document
    plain = export_webtoon("html", panels=images, scene_ids=[0, 0], meta=dataclasses.replace(meta, panel_texts=[]))
    assert re.findall(r' alt="([^"]*)"', plain.data.decode()) == ["Panel 1", "Panel 2"]
