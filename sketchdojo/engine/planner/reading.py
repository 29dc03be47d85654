"""Reading a story prompt: who the hero is, what happens, where, when, in what weather, against what.

The planner never echoes the prompt back; it takes it apart first. `read_story` splits the text at
its story verbs ("discovers", "must save", "fights"...) into events, and picks out the threat
("shadow monsters"), the hero's power ("lightning powers"), the goal ("save his village"), the
people the hero cares about, and the places, times and weather in the order the text names them.
Everything here is plain string work with word tables, so it is fast and the same every time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sketchdojo.engine.planner import lexicon
from sketchdojo.engine.planner.lexicon import word_set
from sketchdojo.engine.script import TimeOfDay, Weather

_DETERMINERS = word_set("a an the his her their its my our your this that these those some")
_CONNECTORS = word_set(
    "and or but then so while when until before after during must to has have needs need tries try wants "
    "sets out is was are were be who which that"
)
_SUBSTANCES = word_set("shadow ice fire stone metal smoke water lava crystal bone")
_TOKEN = re.compile(r"[a-z][a-z'-]*")
_WORD_BEFORE = re.compile(r"([a-z][a-z'-]*)\s+$")
# A story longer than this many events is read for its first ones: they set up everything the panels use.
MAX_EVENTS = 24
_CHANCE_FINDS = word_set("find finds found finding")
_NOT_MODIFIERS = word_set("from of by with against into many two three")
_SENTENCE = re.compile(r"[^.!?;\n]+")


@dataclass(frozen=True)
class Event:
    """One thing that happens in the story: 'discovers his lightning powers during a storm'."""

    kind: str
    verb: str
    obj: str
    obligation: bool
    position: int
    place: str | None = None
    place_word: str | None = None
    time: TimeOfDay | None = None
    weather: Weather | None = None


@dataclass(frozen=True)
class Threat:
    """What the hero is up against. A disaster has no face, so it gets no antagonist character."""

    noun: str
    is_plural: bool
    modifier: str = ""
    name: str | None = None
    look: str = ""
    lair: str = "forest"
    is_disaster: bool = False

    @property
    def label(self) -> str:
        """How the narrator names them: 'shadow monsters', 'the dragon'."""
        noun = lexicon.THREATS[self.noun][0] if self.is_plural and self.noun in lexicon.THREATS else self.noun
        return f"{self.modifier} {noun}".strip()

    @property
    def character_name(self) -> str:
        """The antagonist's name on the cast list: 'Shadow Monster', or the name the story gives."""
        if self.name:
            return self.name
        return " ".join(word.capitalize() for word in f"{self.modifier} {self.noun}".split())


@dataclass(frozen=True)
class StoryReading:
    """Everything the planner took from the text, in the order the text says it."""

    text: str
    hero_name: str | None
    hero_noun: str | None
    pronoun: str
    events: tuple[Event, ...]
    threat: Threat | None
    element: str | None
    goal_text: str | None
    goal_place: str | None
    goal_person: str | None
    places: tuple[tuple[str, str], ...]
    times: tuple[TimeOfDay, ...]
    weathers: tuple[Weather, ...]
    companions: tuple[str, ...]
    other_names: tuple[str, ...] = field(default_factory=tuple)

    @property
    def possessive(self) -> str:
        return {"he": "his", "she": "her"}.get(self.pronoun, "their")

    def kinds(self) -> set[str]:
        return {event.kind for event in self.events}


def verb_forms(base: str) -> set[str]:
    """'discover' -> discover, discovers, discovered, discovering (plus listed irregular forms)."""
    head, _, tail = base.partition(" ")
    tail = f" {tail}" if tail else ""
    forms = {head}
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(head + "es")
    elif head.endswith("y") and head[-2] not in "aeiou":
        forms.add(head[:-1] + "ies")
    else:
        forms.add(head + "s")
    if head.endswith("e"):
        forms.add(head + "d")
        forms.add(head + "ing" if head.endswith("ee") else head[:-1] + "ing")
    elif head.endswith("y") and head[-2] not in "aeiou":
        forms.add(head[:-1] + "ied")
        forms.add(head + "ing")
    elif len(head) <= 4 and re.fullmatch(r".*[^aeiou][aeiou][^aeiouwxy]", head):
        forms.add(head + head[-1] + "ed")
        forms.add(head + head[-1] + "ing")
    else:
        forms.add(head + "ed")
        forms.add(head + "ing")
    result = {form + tail for form in forms}
    result.update(lexicon.IRREGULAR_FORMS.get(base, ()))
    return result


def _build_verb_index() -> tuple[re.Pattern[str], dict[str, str]]:
    index: dict[str, str] = {}
    for kind, bases in lexicon.EVENT_VERBS.items():
        for base in bases:
            for form in verb_forms(base):
                index.setdefault(form, kind)
    alternatives = sorted(index, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in alternatives) + r")\b"), index


_VERB_PATTERN, _VERB_KIND = _build_verb_index()
_MODAL_PATTERN = re.compile(r"\b(?:" + "|".join(re.escape(m) for m in lexicon.MODALS) + r")\s+$")


def _term_pattern(terms: Iterable[str]) -> re.Pattern[str]:
    ordered = sorted(terms, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(t) for t in ordered) + r")\b")


LOCATION_PATTERN = _term_pattern(lexicon.LOCATION_WORDS)
_TIME_PATTERN = _term_pattern(lexicon.TIME_WORDS)
_WEATHER_PATTERN = _term_pattern(lexicon.WEATHER_WORDS)
_THREAT_PATTERN = _term_pattern([*lexicon.THREATS, *lexicon.THREAT_PLURALS])
_DISASTER_PATTERN = _term_pattern(lexicon.DISASTERS)
_COMPANION_PATTERN = re.compile(
    r"\b(his|her|their|my|a|an|the|new)\s+(?:\w+\s+)?("
    + "|".join(sorted(lexicon.COMPANION_WORDS, key=len)[::-1])
    + r")\b"
)
_POWER_PATTERNS = (
    re.compile(r"\b([a-z]+)\s+(?:powers?|magic|abilities|ability|spells?)\b"),
    re.compile(r"\bpowers?\s+(?:of|over)\s+([a-z]+)\b"),
    re.compile(r"\bcontrol(?:s|led|ling)?\s+(?:the\s+)?([a-z]+)\b"),
)
_POWER_HINT = re.compile(r"\b(powers?|magic|magical|abilities|spells?|mage|wizard|witch|sorcery)\b")
_HERO_NOUN_PATTERN = re.compile(r"\b(?:a|an|the)\s+(?:[a-z]+\s+){0,2}?(" + "|".join(lexicon.HERO_NOUNS) + r")\b")


def _mask(text: str, names: Iterable[str]) -> str:
    """Blank out character names so 'Alex Thunder' does not read as thunder weather."""
    parts = {part for name in names for part in (name, *name.split()) if len(part) > 1 and part[0].isupper()}
    if not parts:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True)) + r")\b")
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _proper_nouns(text: str) -> list[str]:
    """Capitalised word runs that are not sentence furniture ('Alex', 'Luna Grey')."""
    found: list[str] = []
    for match in re.finditer(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*", text):
        words = [w for w in match.group(0).split() if w.lower() not in lexicon.NOT_NAMES]
        words = [w for w in words if w.lower() not in _VERB_KIND and w.lower() not in lexicon.LOCATION_WORDS]
        words = [w for w in words if w.lower() not in lexicon.TIME_WORDS and w.lower() not in lexicon.WEATHER_WORDS]
        if words:
            name = " ".join(words[:3])
            if name not in found:
                found.append(name)
    return found


def _trim_object(phrase: str) -> str:
    words = phrase.strip(" ,").split()
    while words and words[-1].lower().strip(",") in _CONNECTORS:
        words.pop()
    while words and words[0].lower() in ("out", "up", "that"):
        words.pop(0)
    return " ".join(words).strip(" ,")


def _first_term(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return pattern.search(text)


def _events(text: str) -> list[Event]:
    lowered = text.lower()
    events: list[Event] = []
    for sentence in _SENTENCE.finditer(lowered):
        start = sentence.start()
        body = sentence.group(0)
        matches = []
        for m in _VERB_PATTERN.finditer(body):
            before = body[: m.start()].split()
            if before and before[-1] in _DETERMINERS:
                continue  # "the race", "her face": a noun, not a deed
            matches.append(m)
        for i, m in enumerate(matches):
            if len(events) >= MAX_EVENTS:
                return events
            end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
            obj = _trim_object(body[m.end() : end])
            clause = body[max(0, m.start() - 40) : end]
            place = _first_term(LOCATION_PATTERN, obj) or _first_term(LOCATION_PATTERN, clause)
            time = _first_term(_TIME_PATTERN, obj)
            weather = _first_term(_WEATHER_PATTERN, obj)
            kind = _VERB_KIND[m.group(1)]
            obligation = bool(_MODAL_PATTERN.search(body[: m.start()]))
            if (
                kind == "search"
                and m.group(1) in _CHANCE_FINDS
                and not obligation
                and not body[: m.start()].endswith("to ")
            ):
                kind = "discover"  # "finds a glowing egg" is a discovery; "to find the dragon" is a quest
            events.append(
                Event(
                    kind=kind,
                    verb=m.group(1),
                    obj=obj,
                    obligation=obligation,
                    position=start + m.start(),
                    place=lexicon.LOCATION_WORDS[place.group(1)] if place else None,
                    place_word=place.group(1) if place else None,
                    time=lexicon.TIME_WORDS[time.group(1)] if time else None,
                    weather=lexicon.WEATHER_WORDS[weather.group(1)] if weather else None,
                )
            )
    return events


def _threat(lowered: str, events: list[Event], names: list[str], original: str) -> Threat | None:
    meet_spans = [e.obj for e in events if e.kind == "meet"]
    for match in _THREAT_PATTERN.finditer(lowered):
        word, start = match.group(1), match.start()
        singular = word if word in lexicon.THREATS else lexicon.THREAT_PLURALS[word]
        after = _TOKEN.search(lowered, match.end())
        following = after.group(0) if after and not lowered[match.end() : after.start()].strip() else ""
        if following in lexicon.THREATS or following in lexicon.THREAT_PLURALS:
            continue  # "shadow monsters": shadow is the modifier, monsters the noun
        if any(word in span.split() for span in meet_spans):
            continue  # "meets a friendly robot" is a companion, not a threat
        before = _WORD_BEFORE.search(lowered, max(0, start - 24), start)
        previous = before.group(1) if before else ""
        modifier = ""
        if previous and not ({previous} & (_DETERMINERS | _CONNECTORS | _NOT_MODIFIERS) or previous in _VERB_KIND):
            modifier = previous
        name = _threat_name(original, start, names)
        look = lexicon.THREATS[singular][1]
        if modifier in _SUBSTANCES:
            look = f"{look}, made of living {modifier}"
        elif modifier:
            rest = look.split(" ", 1)[1]
            look = f"{'an' if modifier[0] in 'aeiou' else 'a'} {modifier} {rest}"
        return Threat(
            noun=singular,
            is_plural=word != singular,
            modifier=modifier,
            name=name,
            look=look,
            lair=lexicon.THREATS[singular][2],
        )
    disaster = _DISASTER_PATTERN.search(lowered)
    if disaster:
        return Threat(noun=disaster.group(1), is_plural=False, is_disaster=True, look=f"a raging {disaster.group(1)}")
    return None


def _threat_name(original: str, position: int, names: list[str]) -> str | None:
    """A proper noun right around the threat noun names it ('the sorcerer Malakar')."""
    after = original[position:]
    before = original[:position]
    for name in names:
        if re.match(rf"[A-Za-z'-]+,?\s+{re.escape(name)}\b", after):
            return name
        if re.search(rf"\b{re.escape(name)},?\s+the\s+(?:[a-z]+\s+)?$", before):
            return name
    return None


def _element(lowered: str, extra: str) -> str | None:
    for source in (lowered, extra):
        for pattern in _POWER_PATTERNS:
            for match in pattern.finditer(source):
                if match.group(1) in lexicon.POWER_ELEMENTS:
                    return lexicon.POWER_ELEMENTS[match.group(1)]
    if _POWER_HINT.search(lowered) or _POWER_HINT.search(extra):
        for word in ("lightning", "fire", "ice", "frost", "flame", "wind", "shadow", "electric"):
            if re.search(rf"\b{word}\b", extra) or re.search(rf"\b{word}\b", lowered):
                return lexicon.POWER_ELEMENTS[word]
        return "magic"
    return None


def _pronoun(lowered: str, gender: str) -> str:
    gender = gender.lower()
    if gender in ("male", "man", "boy", "m"):
        return "he"
    if gender in ("female", "woman", "girl", "f"):
        return "she"
    counts = {
        "he": len(re.findall(r"\b(he|his|him|himself)\b", lowered)),
        "she": len(re.findall(r"\b(she|her|hers|herself)\b", lowered)),
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "they"


# The planner reads this much of a story; longer texts are read for their opening.
MAX_TEXT = 6000


def read_story(
    text: str,
    *,
    cast_names: Iterable[str] = (),
    cast_text: str = "",
    hero_gender: str = "",
) -> StoryReading:
    """Take the story apart. `cast_names` are the project's characters (masked out of weather/places),
    `cast_text` their descriptions (for the hero's power), `hero_gender` the hero's appearance gender."""
    cast_names = list(cast_names)
    text = text[:MAX_TEXT]
    masked = _mask(text, cast_names)
    lowered = masked.lower()
    events = _events(masked)
    names = _proper_nouns(text)
    threat = _threat(lowered, events, names, text)
    places = tuple((m.group(1), lexicon.LOCATION_WORDS[m.group(1)]) for m in LOCATION_PATTERN.finditer(lowered))
    times = tuple(lexicon.TIME_WORDS[m.group(1)] for m in _TIME_PATTERN.finditer(lowered))
    weathers = tuple(lexicon.WEATHER_WORDS[m.group(1)] for m in _WEATHER_PATTERN.finditer(lowered))

    goal_text = goal_place = goal_person = None
    goal_event = next((e for e in events if e.kind == "save"), None) or next(
        (e for e in events if e.kind in ("fight", "search") and e.obligation), None
    )
    companions = [m.group(2) for m in _COMPANION_PATTERN.finditer(lowered) if m.group(2) not in _threat_words(threat)]
    if goal_event:
        goal_text = re.split(r"\b(?:from|before|against|with|by|in)\b", goal_event.obj)[0].strip() or goal_event.obj
        place = LOCATION_PATTERN.search(goal_text)
        goal_place = lexicon.LOCATION_WORDS[place.group(1)] if place else None
        person = _COMPANION_PATTERN.search(goal_text)
        if person:
            goal_person = person.group(2)

    hero_name = None
    threat_name = threat.name if threat else None
    cast_tokens = {part for name in cast_names for part in name.split()}
    candidates = [n for n in names if n != threat_name]
    for name in candidates:
        if name in cast_tokens or name in cast_names:
            hero_name = name
            break
        if name.split()[0] in cast_tokens:
            hero_name = name.split()[0]  # "Alex Bob" where the project knows an Alex
            break
    if hero_name is None and candidates:
        hero_name = candidates[0]
    subject = lowered[: events[0].position] if events else lowered
    hero_noun_match = _HERO_NOUN_PATTERN.search(subject)
    hero_noun = hero_noun_match.group(1) if hero_noun_match else None
    title = hero_name.split()[0].lower() if hero_name and " " in hero_name else ""
    if title in lexicon.TITLE_GENDER:
        hero_noun = hero_noun or title
        if not hero_gender:
            hero_gender = lexicon.TITLE_GENDER[title]
    other_names = tuple(n for n in candidates if n != hero_name)
    return StoryReading(
        text=text,
        hero_name=hero_name,
        hero_noun=hero_noun,
        pronoun=_pronoun(lowered, hero_gender),
        events=tuple(events),
        threat=threat,
        element=_element(lowered, cast_text.lower()),
        goal_text=goal_text,
        goal_place=goal_place,
        goal_person=goal_person,
        places=places,
        times=times,
        weathers=weathers,
        companions=tuple(dict.fromkeys(companions)),
        other_names=other_names,
    )


def _threat_words(threat: Threat | None) -> set[str]:
    if threat is None:
        return set()
    return {threat.noun, lexicon.THREATS.get(threat.noun, (threat.noun,))[0]}
