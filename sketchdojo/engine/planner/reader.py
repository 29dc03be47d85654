# ruff: noqa: RUF001, RUF003
"""Reading a prompt as the creator wrote it: language, sentences, quoted lines, cast, places, props.

Everything here is a lookup in `sketchdojo.engine.vocabulary` or a small word table below; nothing
is invented. `read_prompt(text, briefs)` returns a `Reading` the storyboard lays on panels.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from sketchdojo.engine import vocabulary as vocab
from sketchdojo.engine.script import Action, Expression, TimeOfDay, Weather


def _words(text: str) -> list[str]:
    return text.split()


# --- language ---------------------------------------------------------------------------------------
# Script ranges decide CJK/Cyrillic/Arabic; Latin-script languages are told apart by their most
# frequent function words. This is deterministic, takes microseconds and needs no model download,
# which `langdetect` (random unless seeded, ~ms per call) and `lingua` (hundreds of MB) do not give.

_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        _words(
            "the and a an is are was in on at to of with her his she he they it for then but him from this you there"
        )
    ),
    "es": frozenset(_words("el la los las y un una es en con del que por su se lo al pero cuando luego")),
    "fr": frozenset(_words("le la les et un une est dans avec de du des que pour sur son sa il elle mais puis au")),
    "de": frozenset(_words("der die das und ein eine ist im in mit den dem sie er auf zu nicht dann aber des")),
    "it": frozenset(_words("il lo gli nel con di che per sul suo sua ma poi")),
    "pt": frozenset(_words("os um uma é no na com do da que para seu sua mas então")),
}


def detect_language(text: str) -> str:
    """BCP 47 tag of the prompt's language: script first, then function-word counts."""
    counts = {"ko": 0, "ja": 0, "zh": 0, "ru": 0, "ar": 0}
    for ch in text:
        code = ord(ch)
        if 0xAC00 <= code <= 0xD7A3:
            counts["ko"] += 1
        elif 0x3040 <= code <= 0x30FF:
            counts["ja"] += 1
        elif 0x4E00 <= code <= 0x9FFF:
            counts["zh"] += 1
        elif 0x0400 <= code <= 0x04FF:
            counts["ru"] += 1
        elif 0x0600 <= code <= 0x06FF:
            counts["ar"] += 1
    if counts["ko"]:
        return "ko"
    if counts["ja"]:
        return "ja"
    best = max(("zh", "ru", "ar"), key=lambda k: counts[k])
    if counts[best] > 3:
        return best
    words = re.findall(r"[^\W\d_]+", text.lower())
    scores = {lang: sum(w in stop for w in words) for lang, stop in _STOPWORDS.items()}
    lang = max(scores, key=lambda k: (scores[k], k == "en"))
    return lang if scores[lang] else "en"


# --- words that are never names ----------------------------------------------------------------------

_NOT_NAMES = frozenset(
    _words(
        "the a an and but or so then when while after before later suddenly meanwhile finally at in on one "
        "two each every outside inside there here she he they it we i you his her their its my your our this "
        "that these those what where why how who yes no oh hey okay ok mr mrs ms dr sir madam today tonight "
        "tomorrow yesterday el la los las un una y pero luego cuando después antes entonces porque mientras "
        "de del en con ella él ellos ellas su sus yo tú nosotros hoy mañana ayer sí allí aquí esta este eso "
        "le les une et mais puis quand après avant alors parce il elle ils elles son sa ses je tu nous vous "
        "aujourd demain hier oui ici là ce cette der die das ein eine und aber dann wenn als nach vor weil er "
        "sie es ich du wir ihr sein ihre heute morgen gestern ja nein hier dort dieser diese english spanish "
        "french german korean japanese chinese italian portuguese russian arabic inglés español francés "
        "alemán coreano japonés chino anglais espagnol français allemand coréen japonais englisch spanisch "
        "französisch deutsch koreanisch japanisch monday tuesday wednesday thursday friday saturday sunday "
        "lunes martes miércoles jueves viernes sábado domingo lundi mardi mercredi jeudi vendredi samedi "
        "dimanche montag dienstag mittwoch donnerstag freitag samstag sonntag january february march april "
        "may june july august september october november december enero febrero marzo abril mayo junio julio "
        "agosto septiembre octubre noviembre diciembre seoul tokyo paris london madrid barcelona sevilla "
        "seville berlin rome roma new york osaka kyoto busan mexico méxico lima bogotá buenos aires lisbon "
        "lisboa amsterdam vienna wien munich münchen god dios dieu gott christmas navidad noël weihnachten "
        "halloween alarms alarm police и а но потом затем тогда вдруг однажды когда пока после наконец снова "
        "сегодня завтра вчера он она они оно мы я ты вы это там тут здесь вот все всё его её их утром вечером "
        "ночью днём зимой летом весной осенью москва петербург киев минск "
        "plötzlich danach später jetzt endlich zuerst schließlich immer wieder auch doch noch heute abends "
        "nachts morgens sofort gemeinsam zusammen"
    )
)
_PLACE_PREPOSITIONS = frozenset(_words("in from into en à nach aus desde hacia near across through dans vers"))
_NAMING_WORDS = frozenset(_words("named called llamado llamada nommé nommée namens genannt chamado chamada"))
_TITLES = frozenset(
    _words(
        "detective inspector officer captain doctor dr professor prof sergeant agent señor señora señorita "
        "madame monsieur mademoiselle herr frau miss mister mr mrs ms lady lord sir king queen prince "
        "princess coach teacher"
    )
)
_SPEECH_VERBS = frozenset(
    _words(
        "says said asks asked shouts shouted whispers whispered yells yelled replies replied answers answered "
        "cries cried murmurs murmured mutters muttered calls called adds added laughs laughed sighs sighed "
        "screams screamed tells told dice dijo grita gritó susurra susurró pregunta preguntó responde "
        "respondió dit crie chuchote demande répond sagt fragt ruft flüstert antwortet schreit говорит сказал "
        "сказала кричит крикнул крикнула шепчет прошептал прошептала спрашивает спросил спросила отвечает "
        "ответил ответила восклицает dice chiede grida sussurra risponde diz disse pergunta perguntou "
        "grita gritou respondeu"
    )
)
# a German verb in the third person ("Jonas trainiert", "Lena liest"); nouns there are capitalised,
# so a lowercase word after a sentence's first word is its verb
_GERMAN_VERB = re.compile(r"(?:t|et)$")
_AND = frozenset(_words("and y et und e и"))
# a Russian verb in the present or past tense, as it follows a name that starts a sentence ("Анна приходит")
_RUSSIAN_VERB = re.compile(r"(?:[еиёую]т|[ая]т|ют|ут|ет|ит|ся|сь|л|ла|ло|ли)$")
_ROLE_WORDS: dict[str, str] = {
    # unnamed people the prompt gives a part: word -> the part, as the prompt names it
    w: w
    for w in _words(
        "detective suspect officer teacher student barista waiter waitress stranger thief captain engineer "
        "doctor nurse coach referee king queen knight witch wizard guard boss chef pilot astronaut "
        "grandmother grandfather mother father sister brother friend neighbour neighbor baker shopkeeper "
        "vendor ranger soldier prince princess villain trainer"
    )
}
_CONFLICT = re.compile(
    r"\b(villain|monster|attack\w*|fight\w*|steal\w*|stole|thie[fv]\w*|enem\w+|kill\w*|murder\w*|breach\w*|"
    r"chase\w*|threat\w*|invad\w*|kidnap\w*|rob\w*|robó|roba\w*|ladr\w+|pelea\w*|combat\w*|vol\w*|dieb\w*|"
    r"kämpf\w*|interrogat\w*|suspect\w*|ghost\w*|haunt\w*|alien\w*|rival\w*)\b"
)

# --- time, weather, actions, expressions --------------------------------------------------------------

_TIME_WORDS: tuple[tuple[TimeOfDay, tuple[str, ...]], ...] = (
    # dawn first: "夜明け" (dawn) holds "夜" (night)
    (
        TimeOfDay.DAWN,
        (
            "dawn",
            "sunrise",
            "daybreak",
            "amanecer",
            "aube",
            "morgengrauen",
            "새벽",
            "夜明け",
            "рассвет",
            "рассвете",
            "黎明",
            "日出",
            "alba",
            "amanhecer",
            "madrugada",
        ),
    ),
    (
        TimeOfDay.NIGHT,
        (
            "night",
            "midnight",
            "tonight",
            "noche",
            "nuit",
            "nacht",
            "밤",
            "夜",
            "moonlight",
            "ночь",
            "ночью",
            "полночь",
            "晚上",
            "深夜",
            "notte",
            "noite",
        ),
    ),
    (
        TimeOfDay.DUSK,
        (
            "dusk",
            "sunset",
            "evening",
            "twilight",
            "atardecer",
            "tarde",
            "soir",
            "abend",
            "저녁",
            "夕方",
            "夕",
            "вечер",
            "вечером",
            "закат",
            "сумерки",
            "傍晚",
            "黄昏",
            "日落",
            "夕阳",
            "sera",
            "tramonto",
            "pôr do sol",
            "entardecer",
        ),
    ),
    (
        TimeOfDay.DAY,
        (
            "morning",
            "noon",
            "afternoon",
            "daytime",
            "mañana",
            "matin",
            "midi",
            "morgen",
            "mittag",
            "아침",
            "낮",
            "朝",
            "昼",
            "утро",
            "утром",
            "днём",
            "полдень",
            "早上",
            "早晨",
            "中午",
            "下午",
            "mattina",
            "mattino",
            "pomeriggio",
            "manhã",
        ),
    ),
)
_WEATHER_WORDS: tuple[tuple[Weather, tuple[str, ...]], ...] = (
    (
        Weather.STORM,
        (
            "storm",
            "thunder",
            "lightning",
            "tormenta",
            "orage",
            "gewitter",
            "sturm",
            "폭풍",
            "嵐",
            "雷",
            "гроза",
            "буря",
            "шторм",
            "暴风",
            "风暴",
            "temporale",
            "tempesta",
            "tempestade",
        ),
    ),
    (
        Weather.SNOW,
        (
            "snow",
            "snowing",
            "blizzard",
            "nieve",
            "nieva",
            "neige",
            "schnee",
            "눈이",
            "雪",
            "снег",
            "снегопад",
            "метель",
            "вьюга",
            "neve",
            "nevica",
            "nevando",
        ),
    ),
    (
        Weather.RAIN,
        (
            "rain",
            "raining",
            "rainy",
            "drizzle",
            "lluvia",
            "llueve",
            "pluie",
            "pleut",
            "regen",
            "비가",
            "비 ",
            "雨",
            "дождь",
            "ливень",
            "pioggia",
            "piove",
            "chuva",
            "chove",
            "chovendo",
        ),
    ),
    (
        Weather.FOG,
        (
            "fog",
            "foggy",
            "mist",
            "misty",
            "niebla",
            "brouillard",
            "nebel",
            "안개",
            "霧",
            "туман",
            "雾",
            "nebbia",
            "neblina",
            "névoa",
        ),
    ),
    (
        Weather.CLOUDY,
        (
            "cloudy",
            "overcast",
            "nublado",
            "nuageux",
            "bewölkt",
            "흐린",
            "曇",
            "пасмурно",
            "облачно",
            "тучи",
            "阴天",
            "多云",
            "nuvoloso",
        ),
    ),
)
# action, stems as a prompt writes them (prefix match on a word)
_ACTION_STEMS: tuple[tuple[Action, tuple[str, ...]], ...] = (
    (Action.STEALING, ("steal", "stole", "snatch", "swipe", "rob", "roba", "robó", "stiehlt", "훔", "盗")),
    (Action.HUGGING, ("hug", "embrace", "abraz", "embrass", "umarm", "안아", "포옹", "抱")),
    (Action.EATING, ("eat", "ate", "bite", "munch", "come", "comió", "mange", "isst", "먹", "食")),
    (Action.DRINKING, ("drink", "sip", "bebe", "bebió", "boit", "trinkt", "마시", "飲")),
    (Action.CRYING, ("cry", "cries", "cried", "weep", "tear", "llora", "pleure", "weint", "울", "泣")),
    (Action.SLEEPING, ("sleep", "slept", "nap", "duerme", "dort", "schläft", "자고", "眠", "寝")),
    (Action.READING, ("read", "lee", "leyó", "lit", "liest", "읽", "読")),
    (Action.PHONING, ("phone", "téléphone", "anruf", "전화", "電話")),
    (Action.FLYING, ("fly", "flies", "flew", "soar", "vuela", "vole", "fliegt", "날아", "飛")),
    (Action.SWIMMING, ("swim", "swam", "nada", "nage", "schwimm", "수영", "泳")),
    (Action.WAVING, ("wave", "waving", "saluda", "salue", "winkt", "손을 흔", "手を振")),
    (
        Action.FIGHTING,
        ("fight", "punch", "kick", "attack", "strike", "battle", "pelea", "lucha", "combat", "kämpf", "싸우", "戦"),
    ),
    (Action.CASTING, ("cast", "spell", "conjur", "hechiz", "sort", "zauber", "마법", "魔法")),
    (
        Action.RUNNING,
        (
            "run",
            "ran",
            "rush",
            "sprint",
            "flee",
            "fled",
            "chase",
            "corre",
            "court",
            "rennt",
            "läuft",
            "달리",
            "뛰",
            "走",
        ),
    ),
    (
        Action.WALKING,
        (
            "walk",
            "arrive",
            "enter",
            "stroll",
            "camina",
            "entra",
            "llega",
            "marche",
            "entre",
            "arrive",
            "geht",
            "걷",
            "歩",
        ),
    ),
    (
        Action.HOLDING,
        (
            "hold",
            "grab",
            "carry",
            "carries",
            "give",
            "gave",
            "offer",
            "sostiene",
            "lleva",
            "tient",
            "porte",
            "hält",
            "들고",
            "持",
        ),
    ),
    (Action.SITTING, ("sit", "sat", "sienta", "assis", "assied", "sitzt", "앉", "座")),
    (Action.FALLING, ("fall", "fell", "trip", "cae", "tombe", "fällt", "넘어", "落")),
    (Action.POINTING, ("point", "señala", "montre", "zeigt", "가리키", "指")),
    (
        Action.CELEBRATING,
        ("celebrat", "cheer", "win", "won", "dance", "celebra", "gana", "fête", "feiert", "축하", "祝"),
    ),
    (
        Action.LOOKING,
        (
            "look",
            "watch",
            "stare",
            "search",
            "glance",
            "see",
            "mira",
            "busca",
            "regarde",
            "cherche",
            "schaut",
            "sieht",
            "보",
            "見",
        ),
    ),
    (Action.TALKING, ("talk", "speak", "confess", "ask", "tell", "habla", "parle", "spricht", "말", "話")),
)
_EXPRESSION_STEMS: tuple[tuple[Expression, tuple[str, ...]], ...] = (
    (
        Expression.SCARED,
        ("scare", "afraid", "fear", "terrif", "panic", "scream", "miedo", "peur", "angst", "무서", "怖"),
    ),
    (
        Expression.ANGRY,
        (
            "angry",
            "furious",
            "rage",
            "raging",
            "shout",
            "yells",
            "yelled",
            "yelling",
            "enfad",
            "furi",
            "colère",
            "wütend",
            "화가",
            "怒",
        ),
    ),
    (
        Expression.SAD,
        ("sad", "cry", "cries", "tear", "weep", "lonely", "triste", "llora", "pleure", "traurig", "슬", "悲", "泣"),
    ),
    (Expression.SURPRISED, ("surpris", "gasp", "shock", "sudden", "stun", "sorpr", "étonn", "überrasch", "놀라", "驚")),
    (
        Expression.HAPPY,
        (
            "smil",
            "laugh",
            "happy",
            "joy",
            "hug",
            "celebrat",
            "love",
            "sonr",
            "feliz",
            "rit",
            "heureu",
            "lächel",
            "glücklich",
            "웃",
            "笑",
        ),
    ),
    (Expression.DETERMINED, ("determin", "resolv", "vow", "must", "decid", "决", "결심")),
)


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


_CYRILLIC_END = re.compile(r"[аяоеёиыуюйь]$")


def _inflected(word: str) -> str:
    """A regex for a word as the prompt may inflect it. Russian declines nouns and adverbs
    ('вокзал' → 'на вокзале', 'зима' → 'зимой', 'школа' → 'в школе'), so a Cyrillic word of four
    letters or more matches its stem (four letters at least, so 'море' is not 'мороз') plus up to three
    Cyrillic letters; shorter words, and other scripts, match as written (the vocabulary lists their forms)."""
    if "\u0400" <= word[-1:] <= "\u04ff" and len(stem := _CYRILLIC_END.sub("", word)) >= 4:
        return re.escape(stem) + "[а-яё]{0,3}"
    return re.escape(word)


class _Matcher:
    """Whole-word (or, for CJK, substring) lookup of one vocabulary table: one compiled alternation,
    longest synonym first, so 'kitchen counter' wins over 'kitchen'."""

    def __init__(self, keys: dict[str, str]):
        self.keys = keys
        words = sorted((w for w in keys if not _cjk(w)), key=len, reverse=True)
        cjk = sorted((w for w in keys if _cjk(w)), key=len, reverse=True)
        self.words = re.compile(r"(?<![\w-])(?:" + "|".join(map(_inflected, words)) + r")(?![\w-])") if words else None
        # inflected Cyrillic forms: longest stem first, so 'полицейский участок' wins over 'участок'
        self.stems = sorted(
            ((_CYRILLIC_END.sub("", w), k) for w, k in keys.items() if _inflected(w) != re.escape(w)),
            key=lambda sk: len(sk[0]),
            reverse=True,
        )
        self.cjk = re.compile("|".join(map(re.escape, cjk))) if cjk else None

    @classmethod
    def of(cls, table: tuple[vocab.Entry, ...], skip: frozenset[str] = frozenset()) -> _Matcher:
        keys: dict[str, str] = {}
        for e in table:
            for syn in e.synonyms:
                low = syn.lower()
                if ((low not in skip and len(syn) > 2) or _cjk(syn)) and low not in keys:
                    keys[low] = e.key
        return cls(keys)

    def find(self, text: str) -> list[tuple[int, str, str]]:
        """(position, key, synonym as written) for every non-overlapping match, in text order."""
        low = _fold(text)
        found = [
            (m.start(), self._key(m.group(0)), text[m.start() : m.end()])
            for pattern in (self.words, self.cjk)
            if pattern is not None
            for m in pattern.finditer(low)
        ]
        return sorted(found)

    def _key(self, matched: str) -> str:
        if matched in self.keys:
            return self.keys[matched]
        return next(k for stem, k in self.stems if matched.startswith(stem))


def _cjk(text: str) -> bool:
    return any(ord(c) >= 0x3000 for c in text)


# English words that are another language's synonym ("chat" is French for cat; "pan" is Spanish bread)
_ENGLISH_FALSE_FRIENDS = frozenset(
    {"waves", "chat", "pan", "mar", "strand", "rue", "stadt", "court", "tarde", "come", "lit", "sort"}
)

SETTINGS = _Matcher.of(vocab.SETTINGS)
SETTINGS_EN = _Matcher.of(vocab.SETTINGS, _ENGLISH_FALSE_FRIENDS)
PROPS = _Matcher.of(vocab.PROPS)
PROPS_EN = _Matcher.of(vocab.PROPS, _ENGLISH_FALSE_FRIENDS)
KINDS = _Matcher.of(tuple(e for e in vocab.KINDS if e.key != "human"))
KINDS_EN = _Matcher.of(tuple(e for e in vocab.KINDS if e.key != "human"), _ENGLISH_FALSE_FRIENDS)


def _without(table, words: frozenset[str]):
    return tuple((value, tuple(w for w in stems if w not in words)) for value, stems in table)


# the stem tables as an English prompt is read: 'comes' is not French 'come' (eats), 'lit' not 'lit'
# (reads), 'sort of' not 'sort' (a spell), 'courtyard' not 'court' (runs)
TIME_WORDS_EN = _without(_TIME_WORDS, _ENGLISH_FALSE_FRIENDS)
ACTION_STEMS_EN = _without(_ACTION_STEMS, _ENGLISH_FALSE_FRIENDS)


# --- the reading ---------------------------------------------------------------------------------------

QUOTE = re.compile(r'"([^"]+)"|“([^”]+)”|«\s*([^»]+?)\s*»|「([^」]+)」|『([^』]+)』|„([^“”"]+)[“”"]')
_MARK = "\u2063Q{}\u2063"
_MARK_RE = re.compile("\u2063Q(\\d+)\u2063")
_WORD = re.compile(r"[^\W\d_](?:[\w'’\-]*[^\W_])?|\u2063Q\d+\u2063|[:,;]")


@dataclass
class Quote:
    text: str
    sentence: int
    speaker: str | None = None


@dataclass
class Sentence:
    index: int
    text: str  # as written, quotes included
    narration: str  # without the quoted lines and their "X says" frame
    quotes: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # cast members in order of mention
    place: str | None = None  # a SETTINGS key, or the prompt's words for an unknown place
    place_words: str = ""
    time: TimeOfDay | None = None
    weather: Weather | None = None
    props: list[str] = field(default_factory=list)
    prop_words: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    expression: Expression | None = None


@dataclass
class Person:
    name: str
    kind: str = "human"
    role_word: str = ""  # the part the prompt gives ("barista", "suspect")
    kind_word: str = ""  # the word the prompt used for a creature ("kitten")
    brief: list[str] = field(default_factory=list)  # every description of them, in full
    from_project: bool = False
    project_role: str = ""


@dataclass
class Reading:
    text: str
    language: str
    sentences: list[Sentence]
    quotes: list[Quote]
    people: list[Person]
    conflict: bool

    def person(self, name: str) -> Person:
        return next(p for p in self.people if p.name == name)


# Where a long sentence can be cut into beats of its own: a semicolon, or a comma before a conjunction
# that moves the story on ("…; a rival tries to steal it, and they win"). Only outside quoted lines.
_CLAUSE = re.compile(
    r"\s*;\s*|,\s+(?=(?:and then|and|but|then|until|so|while|when|"
    r"y luego|y|pero|hasta que|et|mais|puis|und|aber|dann)\s)",
    re.IGNORECASE,
)
_LEADING_CONJUNCTION = re.compile(
    r"^(?:and then|and|but|then|so|y luego|y|pero|et|mais|puis|und|aber|dann)\s+", re.IGNORECASE
)


def split_clauses(sentences: list[str]) -> list[str]:
    """The sentences cut at their clauses (a beat each), the leading conjunction dropped and the first
    letter raised: for a short prompt that has fewer sentences than panels."""
    clauses = []
    for sentence in sentences:
        for number, part in enumerate(_CLAUSE.split(sentence)):
            part = part.strip()
            if number:
                part = _LEADING_CONJUNCTION.sub("", part).strip()
            if re.search(r"\w", part):
                clauses.append(part[0].upper() + part[1:])
    return clauses


def split_sentences(text: str) -> tuple[list[str], list[str]]:
    """Sentences with quoted lines replaced by markers (so a '.' inside a quote never splits), and the quotes."""
    quotes: list[str] = []

    def mark(m: re.Match) -> str:
        quotes.append(next(g for g in m.groups() if g is not None).strip().rstrip(",，、").strip())
        return _MARK.format(len(quotes) - 1)

    marked = QUOTE.sub(mark, text.replace("\r", " "))
    marked = re.sub(r"\b(Dr|Mr|Mrs|Ms|St|Prof|Sr|Sra|Mme|Hr)\.\s", r"\1 ", marked)
    parts = re.split(r"(?<=[.!?。！？])\s+|(?<=[。！？])|\n+", marked)

    def after_spoken_line(m: re.Match) -> str:
        # 'Masha shouts: «Go away!» The wolf runs.': a line announced by a colon and ended by its own
        # '!' ends the sentence; '"Miso!" Tom shouts.' names its speaker after it and does not
        said = quotes[int(m.group(2))]
        ends = said[-1:] in ".!?…。！？" and m.string[m.end() : m.end() + 1].isupper()
        return m.group(0) + ("\n" if ends else "")

    parts = [
        piece
        for part in parts
        for piece in re.sub(rf"(?<=:)\s*({_MARK_RE.pattern})\s+(?=[^\W\d_])", after_spoken_line, part).split("\n")
    ]
    return [p.strip() for p in parts if p and re.search(r"\w", p)], quotes


def read_prompt(text: str, briefs: list[tuple[str, str, str, str]], *, beats_wanted: int = 0) -> Reading:
    """`briefs`: (name, project role, description, speech style) of the project's characters. With
    fewer sentences than `beats_wanted`, long sentences are read clause by clause."""
    language = detect_language(text)
    raw_sentences, quote_texts = split_sentences(text)
    if len(raw_sentences) < beats_wanted:
        raw_sentences = split_clauses(raw_sentences)
    english = language == "en"
    settings, props, kinds = (SETTINGS_EN, PROPS_EN, KINDS_EN) if english else (SETTINGS, PROPS, KINDS)
    times, actions = (TIME_WORDS_EN, ACTION_STEMS_EN) if english else (_TIME_WORDS, _ACTION_STEMS)

    people: list[Person] = [
        Person(name=name, brief=[desc] if desc else [], from_project=True, project_role=role)
        for name, role, desc, _ in briefs
    ]
    for name, _kind in _names_in(raw_sentences, [p.name for p in people], language):
        if not any(_same_person(name, p.name) for p in people):
            people.append(Person(name=name))
    _attach_kinds_and_roles(raw_sentences, people, kinds, language)
    plain_text = _fold(_MARK_RE.sub(" ", " ".join(raw_sentences)))

    def first_mention(p: Person) -> tuple[int, int]:
        words = [p.name, *p.name.split(), p.kind_word, p.role_word]
        spots = [plain_text.find(w.lower()) for w in words if w and w.lower() in plain_text]
        return (0 if p.from_project else 1, min(spots) if spots else len(plain_text))

    people.sort(key=first_mention)

    sentences: list[Sentence] = []
    quotes = [Quote(text=q, sentence=-1) for q in quote_texts]
    for i, raw in enumerate(raw_sentences):
        s = Sentence(index=i, text=_MARK_RE.sub(lambda m: f"“{quote_texts[int(m.group(1))]}”", raw), narration="")
        s.quotes = [int(m.group(1)) for m in _MARK_RE.finditer(raw)]
        s.names = _mentions(raw, people)
        for q in s.quotes:
            quotes[q].sentence = i
            quotes[q].speaker = _speaker(raw, q, people)
        s.narration = _narration(raw)
        low = _fold(s.narration or raw)
        found = settings.find(_MARK_RE.sub(" ", raw))
        if found:
            s.place, s.place_words = _where(found, _MARK_RE.sub(" ", raw))
        elif english and not any(settings.find(_MARK_RE.sub(" ", r)) for r in raw_sentences):
            unknown = re.search(r"\b(?:in|at|inside) (?:the|a|an|an old|a small) ([a-z]+(?: [a-z]+)?)\b", low)
            if unknown and unknown.group(1).split()[0] not in _NOT_NAMES:
                s.place, s.place_words = unknown.group(1), unknown.group(1)
        s.time = next((t for t, words in times if _has_word(low, words)), None)
        s.weather = next((w for w, words in _WEATHER_WORDS if _has_word(low, words)), None)
        for _, key, words in props.find(s.text):  # a thing named in a quoted line is shown too
            if key not in s.props:
                s.props.append(key)
                s.prop_words.append(words)
        s.actions = _stems_found(low, actions)
        expressions = _stems_found(low, _EXPRESSION_STEMS)
        s.expression = expressions[0] if expressions else None
        sentences.append(s)
    _fill_unattributed(quotes, sentences, people)
    for p in people:
        p.brief.extend(_appositions(raw_sentences, p.name))
        # a sentence about this person alone describes them ("Mara wears a yellow raincoat and glasses")
        p.brief.extend(
            _MARK_RE.sub(" ", raw) for raw, s in zip(raw_sentences, sentences, strict=True) if s.names == [p.name]
        )
    conflict = bool(_CONFLICT.search(_fold(text))) or any(p.kind in ("monster", "ghost") for p in people)
    return Reading(text=text, language=language, sentences=sentences, quotes=quotes, people=people, conflict=conflict)


# words that put someone in a place: "waits for a train at the station" happens at the station
_LOCATIVE = frozenset(
    _words("at in inside on into to onto near by en à dans au aux im am auf zum zur nel nella на в во у возле около")
)


def _where(found: list[tuple[int, str, str]], text: str) -> tuple[str, str]:
    """The setting a sentence happens in: the first one after a locative word, else the first named."""
    for pos, key, words in found:
        if any(w in _LOCATIVE for w in _fold(text[:pos]).split()[-3:]):
            return key, words
    return found[0][1], found[0][2]


def _has_word(low: str, words: tuple[str, ...]) -> bool:
    return any((w in low) if _cjk(w) else re.search(rf"(?<!\w){_inflected(w)}(?!\w)", low) for w in words)


def _stems_found(low: str, table):
    found = []
    tokens = set(re.findall(r"\w+", low))
    for value, stems in table:
        for stem in stems:
            if _cjk(stem):
                hit = stem in low
            elif len(stem) <= 4:  # short stems only as whole words ("rob" is not "robot", "hug" not "Hugo")
                hit = any(stem + end in tokens for end in _ENDINGS) or any(
                    stem + stem[-1] + end in tokens for end in ("ed", "ing")
                )
            else:
                hit = any(t.startswith(stem) for t in tokens)
            if hit:
                found.append(value)
                break
    return found


_ENDINGS = ("", "s", "es", "ed", "d", "ing", "e", "a", "an", "en", "t")


_NAME_CASE_END = re.compile(r"(?:ой|ей|ем|ом|ою|ею|у|ю|е|ы|и|а|я|й|ь)$")


def _name_stem(word: str) -> str:
    """Russian declines names ('Анна', 'Анну', 'Анной'; 'Сергей', 'Сергея'): a Cyrillic name's stem
    without its case ending; other names as written."""
    if len(word) > 3 and all("\u0400" <= c <= "\u04ff" for c in word):
        return _NAME_CASE_END.sub("", word)
    return word


def _name_regex(word: str) -> str:
    """A name as a sentence may write it: any case ending of a Cyrillic name, a CJK name anywhere."""
    low = word.lower()
    if _cjk(low):
        return re.escape(low)
    stem = _name_stem(low)
    declined = len(low) > 3 and all("\u0400" <= c <= "\u04ff" for c in low)
    return rf"(?<!\w){re.escape(stem)}{'[а-яё]{0,3}' if declined else ''}(?!\w)"


def _same_person(a: str, b: str) -> bool:
    if a == b or a in b.split() or b in a.split():
        return True
    sa, sb = [_name_stem(w) for w in a.split()], [_name_stem(w) for w in b.split()]
    return sa == sb or (len(sa) == 1 and sa[0] in sb) or (len(sb) == 1 and sb[0] in sa)


# words the vocabulary and the time and weather tables know: never a name
_VOCABULARY_WORDS = frozenset(
    {syn.lower() for t in (vocab.SETTINGS, vocab.PROPS, vocab.KINDS) for e in t for syn in e.synonyms}
    | {w for _, words in (*_TIME_WORDS, *_WEATHER_WORDS) for w in words}
)


def _names_in(sentences: list[str], known: list[str], language: str) -> list[tuple[str, str]]:
    """Capitalised words that name someone, joined into full names ("Ana Ruiz"); never a language, a
    city, a weekday, a word that only starts a sentence, or a thing the vocabulary knows."""
    text = " ".join(sentences)
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        tokens = _WORD.findall(sentence)
        run: list[str] = []
        for i, tok in enumerate([*tokens, ""]):
            ok = False
            if tok and tok[0].isupper() and not tok.startswith("\u2063"):
                base = re.sub(r"['’]s$", "", tok)
                low = base.lower()
                prev = tokens[i - 1].lower() if i else ""
                nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
                if low in _TITLES:
                    ok = False
                elif any(_same_person(base, k) for k in known) or prev in _NAMING_WORDS:
                    ok = True
                elif low in _NOT_NAMES or low in _VOCABULARY_WORDS or low in _ROLE_WORDS or prev in _PLACE_PREPOSITIONS:
                    ok = False
                elif i == 0 or (i == 1 and tokens[0] in ("¿", "¡")):
                    # a word that starts a sentence names someone only if the story uses it as a name
                    ok = (
                        len(re.findall(rf"(?<![\w]){re.escape(base)}(?![\w])", text)) >= 2
                        or nxt in (":", ",")
                        or nxt.lower() in _SPEECH_VERBS
                        or (nxt.lower() in _AND and tokens[i + 2 : i + 3] != [] and tokens[i + 2][:1].isupper())
                        or nxt.startswith("\u2063")
                        or (language == "en" and nxt[:1].islower() and re.search(r"(?:s|ed)$", nxt) is not None)
                        or (language == "ru" and nxt[:1].islower() and _RUSSIAN_VERB.search(nxt) is not None)
                        or (language == "de" and nxt[:1].islower() and _GERMAN_VERB.search(nxt) is not None)
                    )
                else:  # German capitalises every noun: a name there is one the story repeats
                    ok = language != "de" or len(re.findall(rf"(?<![\w]){re.escape(base)}(?![\w])", text)) >= 2
                if ok:
                    run.append(base)
                    if base != tok:  # a possessive ends the name
                        tok = ""
                        ok = False
                    else:
                        continue
            if run:
                full = " ".join(run)
                same = next((n for n, (f, _) in enumerate(found) if _same_person(full, f) or full in f.split()), None)
                if same is None:
                    found.append((full, "human"))
                elif i == len(run) and _name_stem(full) != full and found[same][0] != full:
                    # a declined name seen first ('ждут Анну') takes the form that starts a sentence ('Анна …')
                    found[same] = (full, found[same][1])
                run = []
    if language == "zh":
        found.extend((name, "human") for name in _chinese_names(text) if name not in known)
    for sentence in sentences:  # CJK: "지우:" before a quote, "지우 씨", "ユキさん"
        for m in re.finditer(
            r"([\u30a0-\u30ff]{1,6}|[\u4e00-\u9fff]{1,4}|[\uac00-\ud7a3]{1,4})\s*(?:[:：]\s*\u2063|씨|さん|くん|ちゃん|先生)",
            sentence,
        ):
            name = m.group(1)
            if language == "zh":  # "李华笑着说：": the speaker without the verb, never one character
                name = _CHINESE_SPEECH_TAIL.sub("", name)
                if len(name) < 2 or any(name in f or f in name for f, _ in found):
                    continue
            if not any(_same_person(name, f) for f, _ in found) and name not in known:
                found.append((name, "human"))
    return found


# Chinese writes no spaces and no capitals: a name is a nickname ("小明", "老王", "阿强") or a common
# surname with one or two given characters ("李华", "王小红"), seen twice or before a speech verb or colon.
_CHINESE_SPEECH_TAIL = re.compile(r"(?:大声说|小声说|笑着说|回答|说道|说|问|喊|道)$")
_CHINESE_SURNAMES = (
    "王李刘陈杨赵吴徐孙胡朱罗郭宋郑韩唐冯董萧曹袁邓沈彭吕苏卢蒋蔡贾魏薛潘杜汪姜范姚谭廖邹郝孔崔邱秦侯邵孟段尹龚"
)
_CHINESE_NOT_NAMES = frozenset(
    _words(
        "小猫 小狗 小鸟 小猪 小时 小心 小说 小声 小小 小孩 小姐 小学 小组 小路 小屋 小镇 小船 小刀 小河 小山 小偷 小丑 "
        "老师 老人 老板 老家 老鼠 老虎 老婆 老公 阿姨 国王 女王 魔王 大王"
    )
)
_CHINESE_AFTER_NAME = frozenset(
    "说问喊叫笑哭在是的了和与跟对把被给向到去来看走跑站坐拿带想要会能也都就还又很着过吗呢吧：:，,。"
)


def _chinese_names(text: str) -> list[str]:
    found: list[str] = []
    for m in re.finditer(rf"(?:[小老阿]|[{_CHINESE_SURNAMES}])[\u4e00-\u9fff]{{1,2}}", text):
        two, three = m.group(0)[:2], m.group(0)
        name = (
            three
            if len(three) == 3 and three[2] not in _CHINESE_AFTER_NAME and text.count(three) == text.count(two)
            else two
        )
        if name in _CHINESE_NOT_NAMES or two in _CHINESE_NOT_NAMES or (m.start() and text[m.start() - 1] in "国女魔大"):
            continue
        after = text[m.start() + len(name) : m.start() + len(name) + 1]
        if (text.count(name) >= 2 or after in "说问喊：:") and name not in found:
            found.append(name)
    return found


_ADJECTIVE_GAP = frozenset(
    _words(
        "the a an named called her his my their our its el la un una le une der die das ein eine little big "
        "old young small tiny fat black white orange ginger grey gray brown tabby silver golden red blue "
        "green stray loyal clever lazy sleepy giant friendly"
    )
) | frozenset(",")


def _attach_kinds_and_roles(sentences: list[str], people: list[Person], kinds: _Matcher, language: str) -> None:
    """'Miso, a ginger cat' / 'her dog Biscuit' give Miso and Biscuit a kind; a creature or a part
    ('the suspect') with no name nearby is a character of its own."""
    for sentence in sentences:
        plain = _MARK_RE.sub(" ", sentence)
        tokens = _WORD.findall(plain)
        lows = [t.lower() for t in tokens]
        for pos, key, written in kinds.find(plain):
            idx = _token_index(plain, pos, tokens)
            person = next(
                (
                    p
                    for p in people
                    if re.search(
                        rf"(?<!\w){re.escape(p.name)}\s*,\s*(?:a|an|the|un|una|une|el|la|le|ein|eine|der|die)\s+(?:[\w-]+\s+){{0,2}}{re.escape(written)}",
                        plain,
                        re.IGNORECASE,
                    )
                ),
                None,
            ) or _near_name(tokens, lows, idx, people)
            if person is not None:
                if (person.kind == "human" and not person.from_project) or (
                    person.from_project and not person.kind_word
                ):
                    person.kind, person.kind_word = key, written.lower()
            elif not any(p.kind_word == written.lower() or (not p.kind_word and p.kind == key) for p in people):
                people.append(Person(name=_title_case(written), kind=key, kind_word=written.lower()))
        if language == "en":
            for idx, low in enumerate(lows):
                if low not in _ROLE_WORDS:
                    continue
                person = _near_name(tokens, lows, idx, people)
                if person is not None:
                    person.role_word = person.role_word or low
                elif (
                    _after_article(tokens, lows, idx)
                    and not _apposition(plain, low)
                    and not any(p.role_word == low for p in people)
                ):
                    people.append(Person(name=_title_case(low), role_word=low))


_ARTICLES = ("the", "a", "an", "her", "his", "their", "my", "our")


def _after_article(tokens: list[str], lows: list[str], idx: int) -> bool:
    """'the chef', 'a shy baker', 'a grumpy old captain': an article, then at most two lower-case words."""
    for back in (1, 2, 3):
        j = idx - back
        if j < 0:
            return False
        if lows[j] in _ARTICLES:
            return True
        if not tokens[j].islower():
            return False
    return False


def _apposition(plain: str, word: str) -> bool:
    """'Mara, a tall barista': the part describes the name before it, it is nobody new."""
    return bool(re.search(rf",\s*(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}{re.escape(word)}\b", plain, re.IGNORECASE))


def _token_index(text: str, pos: int, tokens: list[str]) -> int:
    return len(_WORD.findall(text[:pos]))


def _near_name(tokens: list[str], lows: list[str], idx: int, people: list[Person]) -> Person | None:
    for step in (1, -1):  # the name after the word ("her dog Biscuit") first, then before ("Miso, a cat")
        j = idx + step
        while 0 <= j < len(tokens) and abs(j - idx) <= 4:
            base = re.sub(r"['’]s$", "", tokens[j])
            person = next((p for p in people if base and _same_person(base, p.name)), None)
            if person is not None:
                return person if base == tokens[j] or step == 1 else None
            if lows[j] not in _ADJECTIVE_GAP:
                break
            j += step
    return None


def _title_case(word: str) -> str:
    return word[:1].upper() + word[1:]


def _mentions(raw: str, people: list[Person]) -> list[str]:
    plain = _fold(_MARK_RE.sub(" ", raw))
    hits = []
    for p in people:
        words = (
            [p.name, *p.name.split()] + ([p.kind_word] if p.kind_word else []) + ([p.role_word] if p.role_word else [])
        )
        positions = [m.start() for w in words for m in re.finditer(_name_regex(w), plain)]
        if positions:
            hits.append((min(positions), p.name))
    return [name for _, name in sorted(hits)]


def _speaker(raw: str, q: int, people: list[Person]) -> str | None:
    """Who says quote `q`: 'Mara says: …' / 'Mara: …' before it, '… shouts Leon' / '…, Leon said' after
    it, else the one person named in the sentence."""
    mark = _MARK.format(q)
    before, after = raw.split(mark, 1)
    before = _MARK_RE.sub(" ", before)
    after = _MARK_RE.split(after)[0]

    def named(text: str, last: bool) -> str | None:
        hits = _mentions(text, people)
        if not hits:
            return None
        if last:
            positions = {
                n: max(
                    m.start()
                    for w in [n, *n.split(), people_by(people, n).kind_word or n, people_by(people, n).role_word or n]
                    for m in re.finditer(_name_regex(w), _fold(text))
                )
                for n in hits
            }
            return max(positions, key=positions.get)
        return hits[0]

    if re.search(r"[:：]\s*$", before) or re.search(r"\b\w+\s*$", before):
        who = named(before, last=True)
        if who:
            return who
    who = named(after[:60], last=False)
    return who or named(before, last=True)


def people_by(people: list[Person], name: str) -> Person:
    return next(p for p in people if p.name == name)


def _fill_unattributed(quotes: list[Quote], sentences: list[Sentence], people: list[Person]) -> None:
    """A quote with no speaker in its sentence is said by the last person named before it."""
    last: str | None = None
    for s in sentences:
        for q in s.quotes:
            if quotes[q].speaker is None:
                quotes[q].speaker = last or (s.names[0] if s.names else (people[0].name if people else None))
            last = quotes[q].speaker
        if s.names and not s.quotes:
            last = s.names[0]


def _narration(raw: str) -> str:
    """The sentence without its quoted lines and their 'X says' frame; '' when nothing else is left."""
    if not _MARK_RE.search(raw):
        return raw.strip()
    text = re.sub(r"[^\s:：.,]+\s*[:：]\s*(?=\u2063Q)", "", raw)  # "Mara: …"
    text = _MARK_RE.sub("", text)
    text = re.sub(r"[,:：]?\s*\b(?:" + "|".join(_SPEECH_VERBS) + r")\b\s*[,:]?", " ", text)
    text = re.sub(r"\s+([,.!?;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,:;-—")
    words = re.findall(r"\w+", text)
    return text if len(words) >= 3 or (_cjk(text) and len(text) >= 4) else ""


_DESCRIBING_VERBS = "has|wears|is wearing|is a|is an|tiene|lleva|porte|trägt|hat"


def _appositions(sentences: list[str], name: str) -> list[str]:
    """'Mara, a tall barista with long red hair and a yellow raincoat, …' -> the clause between commas;
    'Mara has short silver hair' / 'Mara wears …' -> the rest of the sentence."""
    found = []
    for s in sentences:
        plain = _MARK_RE.sub(" ", s)
        for m in re.finditer(
            rf"(?<!\w){re.escape(name)}(?!\w)\s*(?:,|\()\s*([^,()]+(?:,\s*(?:with|in|wearing)[^,()]+)*)", plain
        ):
            found.append(m.group(1))
        for m in re.finditer(
            rf"(?<!\w){re.escape(name)}(?!\w)\s+(?:{_DESCRIBING_VERBS})\s+([^.;]+)",
            plain,
        ):
            found.append(m.group(1))
    return found
