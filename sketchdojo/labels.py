"""Human labels for internal values (`extreme_wide` → "Extreme wide"), the same rule as the studio's
`label()` in static/js/studio.js, so pages never show a raw enum value to a creator."""

# Words whose usual spelling is not the capitalised value.
SPECIAL = {"cbz": "CBZ", "pdf": "PDF", "html": "HTML", "png": "PNG", "sfx": "SFX"}


def human_label(value: str) -> str:
    """`in_progress` → "In progress", `electric_blue` → "Electric blue", `close_up` → "Close-up"."""
    text = str(value or "")
    if text in SPECIAL:
        return SPECIAL[text]
    text = text.replace("close_up", "close-up").replace("_", " ").strip()
    return text[:1].upper() + text[1:]
