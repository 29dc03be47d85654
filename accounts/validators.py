"""Rules for passwords and usernames beyond Django's own validators."""

import unicodedata

from django.core.exceptions import ValidationError

# Scripts that are written together: Japanese mixes kana and kanji, Korean hangul and hanja.
_SCRIPT_GROUPS = (
    frozenset({"HIRAGANA", "KATAKANA", "CJK"}),
    frozenset({"HANGUL", "CJK"}),
)
_PUNCTUATION = frozenset("._-")


class VariedCharactersPasswordValidator:
    """Refuse passwords made of very few distinct characters (twelve spaces, `aaaaaaaaaaaa`)."""

    def __init__(self, min_distinct: int = 5):
        self.min_distinct = min_distinct

    def validate(self, password, user=None):
        if len(set(password.strip())) < self.min_distinct:
            raise ValidationError(
                f"This password must contain at least {self.min_distinct} different characters other than spaces.",
                code="password_too_uniform",
            )

    def get_help_text(self):
        return f"Your password must contain at least {self.min_distinct} different characters other than spaces."


def _script(char: str) -> str | None:
    """The Unicode script of a letter, digit or mark, from its name (LATIN, CYRILLIC, CJK, ...);
    None for ASCII digits and generic combining marks, which go with any script."""
    if char.isascii() and char.isdigit():
        return None
    word = unicodedata.name(char, "UNKNOWN").split(" ")[0].split("-")[0]
    return None if word == "COMBINING" else word


def _allowed(value: str, index: int) -> bool:
    char = value[index]
    if char in _PUNCTUATION or char.isalnum():
        return True
    # Vowel signs and accents (Devanagari, Thai, ...) follow the letter they belong to.
    return index > 0 and unicodedata.category(char).startswith("M")


def username_normalize(value: str) -> str:
    """Return the username in NFKC form, or raise ValidationError saying what is wrong.

    Allowed: letters and digits of one script (Japanese and Korean may mix their scripts with
    kanji/hanja) and `.`, `_`, `-`. Refused: spaces, symbols, invisible and bidi control
    characters, and look-alike mixes such as Latin with Cyrillic.
    """
    value = unicodedata.normalize("NFKC", value)
    if not value:
        raise ValidationError("Enter a username.", code="blank")
    bad = sorted({c for i, c in enumerate(value) if not _allowed(value, i)})
    if bad:
        shown = ", ".join(f"U+{ord(c):04X}" if not c.isprintable() or c.isspace() else repr(c) for c in bad)
        raise ValidationError(
            f"Usernames may contain only letters, digits and . _ - (not {shown}).", code="invalid_characters"
        )
    scripts = {_script(c) for c in value if c not in _PUNCTUATION} - {None}
    if len(scripts) > 1 and not any(scripts <= group for group in _SCRIPT_GROUPS):
        raise ValidationError(
            f"Usernames must use the letters of a single script (found {', '.join(sorted(scripts))}).",
            code="mixed_scripts",
        )
    return value
