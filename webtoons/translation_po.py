"""A webtoon's bubbles as a gettext PO file, the format translators' tools read (Poedit, Weblate,
Crowdin, Lokalize, OmegaT, Transifex).

PO over XLIFF 2.0: a PO file is plain text a translator can also open in any editor, every CAT tool
reads it, and `polib` is a small, long-maintained library that reads and writes it faithfully;
Python has no comparably kept XLIFF 2.0 library. One entry per bubble: `msgctxt` is
"<panel id>:<bubble index>" (so the same line said twice stays two entries), `msgid` the original
text, `msgstr` the translation, and an extracted comment (`#.`) names the panel, the speaker and the
bubble style for the translator. An empty or fuzzy `msgstr` means "not translated" (gettext's rule):
that bubble keeps its original text.
"""

from __future__ import annotations

import tempfile

import polib

from sketchdojo.errors import InvalidInput
from webtoons.models import Translation, Webtoon
from webtoons.translations import language_normalise

CONTENT_TYPE = "text/x-gettext-translation; charset=utf-8"


def translation_po(*, webtoon: Webtoon, language: str, translation: Translation | None) -> bytes:
    """The PO file of the webtoon's bubbles in `language` (a template with empty msgstrs when not translated)."""
    texts = translation.texts if translation is not None else {}
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": (webtoon.title or "Untitled webtoon")[:200],
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": "SketchDojo",
        "X-Source-Language": webtoon.language,
        "X-Webtoon-Id": str(webtoon.pk),
    }
    for panel in webtoon.panels.order_by("sequence_number"):
        for index, bubble in enumerate(panel.speech_bubbles or []):
            text = str(bubble.get("text") or "")
            if not text.strip():
                continue
            style = bubble.get("style") or "normal"
            who = "narration" if style == "narration" else (bubble.get("speaker") or "unknown speaker")
            po.append(
                polib.POEntry(
                    msgctxt=f"{panel.pk}:{index}",
                    msgid=text,
                    msgstr=texts.get(str(panel.pk), {}).get(str(index), ""),
                    comment=f"Panel {panel.sequence_number}, bubble {index + 1}: {who} ({style})",
                )
            )
    return str(po).encode("utf-8")


def texts_from_po(*, data: bytes, language: str) -> dict[str, dict[str, str]]:
    """The translated texts of a PO file, keyed like the JSON API; InvalidInput for a file that is not PO,
    an entry without a "<panel id>:<bubble index>" context, or a Language header naming another language."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput({"file": ["A PO file must be UTF-8 text."]}) from None
    # polib.pofile() takes a path or the contents, and opens the text as a path when such a file exists:
    # the upload goes through a temporary file so it is never read as a path.
    with tempfile.NamedTemporaryFile(suffix=".po") as upload:
        upload.write(data)
        upload.flush()
        try:
            po = polib.pofile(upload.name, encoding="utf-8")
        except (OSError, ValueError) as exc:
            problem = str(exc).replace(f" {upload.name}", "")
            raise InvalidInput({"file": [f"Not a PO file: {problem}"]}) from None
    declared = (po.metadata.get("Language") or "").strip()
    if declared and language_normalise(declared, field="file").casefold() != language.casefold():
        raise InvalidInput({"file": [f"This PO file is for {declared}, not {language}."]})
    texts: dict[str, dict[str, str]] = {}
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        panel_id, _, index = (entry.msgctxt or "").rpartition(":")
        if not panel_id or not index.isdigit():
            raise InvalidInput(
                {"file": [f"The entry {entry.msgid[:40]!r} has no '<panel id>:<bubble index>' context (msgctxt)."]}
            )
        if entry.msgstr.strip() and "fuzzy" not in entry.flags:
            texts.setdefault(panel_id, {})[index] = entry.msgstr
    return texts
