"""Translations of a webtoon (issue 17): the same drawings, lettered again in other languages.

A webtoon is written in its original `language`; a `Translation` holds the bubble texts in another
language, keyed by panel id and bubble index, and a `PanelTranslation` per drawn panel holds the
panel lettered in that language from the panel's raw art. Saving a translation re-letters every
drawn panel at once, inline: the letterer needs no provider and takes a few tens of milliseconds
per panel (see the README), so the caller gets the finished translation in the answer instead of
a task to follow. `translation_auto` asks the configured LLM for the texts (one structured call per
webtoon) and then saves them the same way.

The reader (`/w/{id}/?lang=`) and the exports (`?lang=`) pick a language with `reader_language`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time

from django.db import transaction
from django.utils.http import urlencode
from django.utils.translation import get_language_info
from django.utils.translation.trans_real import parse_accept_lang_header

from panels.models import Panel
from panels.scripting import panel_faces, panel_sfx
from sketchdojo.engine.lettering import Bubble, letter_panel
from sketchdojo.engine.providers import get_llm_provider
from sketchdojo.engine.providers.base import ProviderError, TranslationUnsupported
from sketchdojo.engine.providers.translation import TranslationLine, TranslationRequest
from sketchdojo.errors import Conflict, InvalidInput, NotFound
from sketchdojo.links import absolute_url
from sketchdojo.metrics import STEP_SECONDS
from sketchdojo.storage import file_name, file_replace, image_open, image_png
from webtoons.models import PanelTranslation, Translation, Webtoon

logger = logging.getLogger("sketchdojo.webtoons")

MAX_TRANSLATED_TEXT = 600  # a translated bubble may run longer than the 300 characters of an original
# RFC 5646 (BCP 47) language tags, well-formed: language[-script][-region](-variant)*(-extension)*(-x-private)?
_BCP47 = re.compile(
    r"^(?P<language>[a-z]{2,3}|[a-z]{5,8})"
    r"(?:-(?P<script>[a-z]{4}))?"
    r"(?:-(?P<region>[a-z]{2}|[0-9]{3}))?"
    r"(?P<rest>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*(?:-[a-wy-z0-9](?:-[a-z0-9]{2,8})+)*(?:-x(?:-[a-z0-9]{1,8})+)?)$",
    re.IGNORECASE,
)


def language_normalise(tag: str, *, field: str = "language") -> str:
    """The tag in its conventional case (`pt-BR`, `zh-Hant-TW`); InvalidInput when it is not BCP 47."""
    match = _BCP47.match((tag or "").strip().replace("_", "-"))
    if match is None or len(tag) > 35:
        raise InvalidInput({field: [f"{tag!r} is not a BCP 47 language tag (e.g. es, pt-BR, zh-Hant, ko)."]})
    parts = [match["language"].lower()]
    if match["script"]:
        parts.append(match["script"].title())
    if match["region"]:
        parts.append(match["region"].upper())
    return "-".join(parts) + match["rest"].lower()


def _same_language(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


# --- reads ---------------------------------------------------------------------------------------


def translation_list(*, webtoon: Webtoon) -> list[Translation]:
    return list(webtoon.translations.order_by("language"))


def translation_get(*, webtoon: Webtoon, language: str) -> Translation:
    language = language_normalise(language)
    translation = webtoon.translations.filter(language__iexact=language).first()
    if translation is None:
        raise NotFound(f"This webtoon has no {language} translation.")
    return translation


def lettering_source(panel: Panel, texts: dict[str, str]) -> str:
    """The hash of what a panel's translated lettering is made from (see PanelTranslation.source)."""
    content = {
        "raw": panel.raw_image.name,
        "bubbles": [
            [b.get("text"), b.get("style"), b.get("speaker"), b.get("tail_direction") == "none"]
            for b in panel.speech_bubbles or []
        ],
        "texts": texts,
        "sfx": panel_sfx(panel),
        "faces": [[face.name, list(face.box)] for face in panel_faces(panel)],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def stale_panel_ids(translation: Translation) -> list[str]:
    """Drawn panels whose lettering in this language is missing or out of date (redrawn, dialogue edited)."""
    lettered = dict(translation.panel_letterings.values_list("panel_id", "source"))
    drawn = translation.webtoon.panels.exclude(raw_image="").order_by("sequence_number")
    return [str(p.pk) for p in drawn if lettered.get(p.pk) != lettering_source(p, translation.texts.get(str(p.pk), {}))]


def webtoon_languages(webtoon: Webtoon) -> list[str]:
    """The original language first, then the translations' (alphabetical)."""
    return [webtoon.language, *webtoon.translations.order_by("language").values_list("language", flat=True)]


def language_name(tag: str) -> str:
    """The language's own name ("Español", "한국어"), else the tag itself."""
    for code in (tag.lower(), tag.split("-")[0].lower()):
        try:
            return get_language_info(code)["name_local"]
        except KeyError:
            continue
    return tag


def language_links(*, webtoon: Webtoon, current: str, request) -> list[dict]:
    """The reader's language switcher and `hreflang` alternates: `{code, name, url, is_current}` each."""
    path = request.path
    return [
        {
            "code": language,
            "name": language_name(language),
            "url": absolute_url(f"{path}?{urlencode({'lang': language})}", request),
            "is_current": language == current,
        }
        for language in webtoon_languages(webtoon)
    ]


def reader_language(*, webtoon: Webtoon, requested: str | None, accept_language: str = "") -> str:
    """The language to show: `?lang=` when the webtoon has it, else the best Accept-Language match,
    else the original. A language matches exactly or by its primary subtag (`es-MX` reads `es`)."""
    available = webtoon_languages(webtoon)

    def match(tag: str) -> str | None:
        for language in available:
            if _same_language(language, tag):
                return language
        primary = tag.split("-")[0]
        for language in available:
            if _same_language(language.split("-")[0], primary):
                return language
        return None

    if requested:
        try:
            found = match(language_normalise(requested, field="lang"))
        except InvalidInput:
            found = None
        if found:
            return found
        return webtoon.language
    for tag, _quality in parse_accept_lang_header(accept_language or ""):
        if tag == "*":
            break
        found = match(tag)
        if found:
            return found
    return webtoon.language


def export_language(*, webtoon: Webtoon, requested: str | None) -> str:
    """`?lang=` of an export: the original when absent, else a language the webtoon has (NotFound otherwise)."""
    if not requested:
        return webtoon.language
    language = language_normalise(requested, field="lang")
    if _same_language(language, webtoon.language):
        return webtoon.language
    return translation_get(webtoon=webtoon, language=language).language


def panel_letterings(*, webtoon: Webtoon, panels: list[Panel], language: str) -> list[tuple]:
    """For each panel, (lettered image file, placed bubbles) to show in `language`: the original's when
    the panel has no lettering in it, or was redrawn since (the current art matters more than the language)."""
    if _same_language(language, webtoon.language):
        return [(p.image, p.speech_bubbles) for p in panels]
    letterings = {
        pt.panel_id: pt
        for pt in PanelTranslation.objects.filter(translation__webtoon=webtoon, translation__language=language)
        if pt.image
    }
    shown = []
    for panel in panels:
        lettering = letterings.get(panel.pk)
        if lettering is not None and lettering.raw_image == panel.raw_image.name:
            shown.append((lettering.image, lettering.speech_bubbles))
        else:
            shown.append((panel.image, panel.speech_bubbles))
    return shown


# --- writes --------------------------------------------------------------------------------------


def texts_validate(*, webtoon: Webtoon, texts) -> dict[str, dict[str, str]]:
    """`{"<panel id>": {"<bubble index>": "<text>"}}` checked against the webtoon's panels and bubbles.

    Blank texts are dropped (that bubble keeps its original text). InvalidInput names each problem.
    """
    if not isinstance(texts, dict):
        raise InvalidInput({"panels": ['Expected {"<panel id>": {"<bubble index>": "<text>"}}.']})
    bubbles = {str(pk): len(b or []) for pk, b in webtoon.panels.values_list("pk", "speech_bubbles")}
    errors: dict[str, list[str]] = {}
    clean: dict[str, dict[str, str]] = {}
    for panel_id, by_index in texts.items():
        key = f"panels.{panel_id}"
        if str(panel_id) not in bubbles:
            errors[key] = ["No panel of this webtoon has this id."]
            continue
        if not isinstance(by_index, dict):
            errors[key] = ['Expected {"<bubble index>": "<text>"}.']
            continue
        count = bubbles[str(panel_id)]
        for index, text in by_index.items():
            where = f"{key}.{index}"
            if not (isinstance(index, str | int) and str(index).isdigit() and int(index) < count):
                errors[where] = [
                    f"This panel has {count} bubble(s): indexes 0 to {count - 1}."
                    if count
                    else "This panel has no bubbles."
                ]
            elif not isinstance(text, str):
                errors[where] = ["Expected a string."]
            elif len(text.strip()) > MAX_TRANSLATED_TEXT:
                errors[where] = [f"Ensure this text has at most {MAX_TRANSLATED_TEXT} characters."]
            elif text.strip():
                clean.setdefault(str(panel_id), {})[str(int(index))] = text.strip()
    if errors:
        raise InvalidInput(errors)
    return clean


def _translated_bubbles(panel: Panel, texts: dict[str, str]) -> list[Bubble]:
    """The panel's bubbles with the translated texts, free to move: the letterer sizes each balloon for
    its new text and places it again (near its speaker, in reading order, off faces)."""
    bubbles = []
    for index, bubble in enumerate(panel.speech_bubbles or []):
        bubbles.append(
            Bubble.from_dict(
                {
                    **bubble,
                    "text": texts.get(str(index)) or bubble.get("text", ""),
                    "position": None,
                    "tail_direction": "none" if bubble.get("tail_direction") == "none" else None,
                }
            )
        )
    return bubbles


def _panel_letter_translation(*, translation: Translation, panel: Panel) -> bool:
    """Letter the panel in the translation's language unless its lettering is up to date; True if lettered."""
    texts = translation.texts.get(str(panel.pk), {})
    source = lettering_source(panel, texts)
    lettering, _ = PanelTranslation.objects.get_or_create(translation=translation, panel=panel)
    if lettering.source == source and lettering.image:
        return False
    started = time.monotonic()
    result = letter_panel(
        image_open(panel.raw_image), _translated_bubbles(panel, texts), panel_faces(panel), sfx=panel_sfx(panel)
    )
    STEP_SECONDS.labels(step="letter").observe(time.monotonic() - started)
    file_replace(lettering.image, file_name(panel.pk, "png"), image_png(result.image))
    lettering.speech_bubbles = [bubble.to_dict() for bubble in result.bubbles]
    lettering.source = source
    lettering.raw_image = panel.raw_image.name
    lettering.save()
    return True


@transaction.atomic
def translation_save(*, webtoon: Webtoon, language: str, texts) -> Translation:
    """Create or replace the webtoon's translation into `language` and letter every drawn panel in it
    (those whose lettering is already up to date are left as they are)."""
    language = language_normalise(language)
    if _same_language(language, webtoon.language):
        raise InvalidInput({"language": [f"{language} is this webtoon's original language; edit its panels instead."]})
    Webtoon.objects.select_for_update().filter(pk=webtoon.pk).first()  # one save per webtoon at a time
    clean = texts_validate(webtoon=webtoon, texts=texts)
    translation = webtoon.translations.filter(language__iexact=language).first()
    if translation is None:
        translation = Translation.objects.create(webtoon=webtoon, language=language, texts=clean)
    else:
        translation.texts = clean
        translation.save(update_fields=["texts", "updated_at"])
    lettered = sum(
        _panel_letter_translation(translation=translation, panel=panel)
        for panel in webtoon.panels.exclude(raw_image="").order_by("sequence_number")
    )
    logger.info("Lettered %d panels of webtoon %s in %s", lettered, webtoon.pk, language)
    return translation


@transaction.atomic
def translation_delete(*, webtoon: Webtoon, language: str) -> None:
    translation = translation_get(webtoon=webtoon, language=language)
    files = [(pt.image.storage, pt.image.name) for pt in translation.panel_letterings.all() if pt.image]
    translation.delete()

    def delete_files():
        for storage, name in files:
            try:
                storage.delete(name)
            except Exception:  # an orphaned file is untidy, not wrong
                logger.warning("Could not delete translated panel %s", name, exc_info=True)

    transaction.on_commit(delete_files)


def translation_request(*, webtoon: Webtoon, language: str) -> TranslationRequest:
    """Every bubble of the webtoon, in reading order, as lines for the LLM (ids "<panel id>:<index>")."""
    lines = []
    for panel in webtoon.panels.order_by("sequence_number"):
        for index, bubble in enumerate(panel.speech_bubbles or []):
            text = str(bubble.get("text") or "").strip()
            if text:
                lines.append(
                    TranslationLine(
                        id=f"{panel.pk}:{index}",
                        text=text,
                        speaker=bubble.get("speaker") or None,
                        style=bubble.get("style") or "normal",
                    )
                )
    return TranslationRequest(
        source_language=webtoon.language,
        target_language=language,
        lines=tuple(lines),
        title=webtoon.title,
        synopsis=webtoon.summary or webtoon.description[:500],
    )


def translation_auto(*, webtoon: Webtoon, language: str) -> Translation:
    """Translate every bubble with the configured LLM (one structured call), then `translation_save`.

    The offline planner cannot translate: Conflict (409). A provider failure: Conflict with its message
    (nothing saved).
    """
    language = language_normalise(language)
    if _same_language(language, webtoon.language):
        raise InvalidInput({"language": [f"{language} is this webtoon's original language."]})
    request = translation_request(webtoon=webtoon, language=language)
    if not request.lines:
        raise Conflict("This webtoon has no bubbles to translate yet.")
    try:
        translated = get_llm_provider().translate(request)
    except TranslationUnsupported as exc:
        raise Conflict(
            "Automatic translation needs a language model, and this server uses the offline story planner "
            "(LLM_PROVIDER=local), which cannot translate. Send the texts with PUT (or a PO file), or "
            "configure LLM_PROVIDER=openai or anthropic.",
            code="translation_unavailable",
        ) from exc
    except ProviderError as exc:
        raise Conflict(f"The translation failed: {exc}", code="translation_failed") from exc
    texts: dict[str, dict[str, str]] = {}
    for key, text in translated.items():
        panel_id, index = key.rsplit(":", 1)
        texts.setdefault(panel_id, {})[index] = text[:MAX_TRANSLATED_TEXT]
    return translation_save(webtoon=webtoon, language=language, texts=texts)
