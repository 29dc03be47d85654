"""Dialogue in each speaker's voice.

A panel asks for an intent ("wonder" at a discovered power, "defy" the threat, "thanks" after the
rescue); `Voice.line` answers with a line in the speaker's speech style (confident, shy, formal,
sarcastic, cheerful, gruff, neutral, and the monstrous/menacing voices of antagonists), filled with
the story's own words (the place, the threat, the power). Key intents have lines written per style;
the rest are written once and turned into the style by small rewrites (a shy speaker stammers, a
formal one drops contractions, a gruff one drops the pleasantries). No line is used twice in a
script, so no two panels say the same thing.
"""

from __future__ import annotations

import random
import re

_N = "neutral"

LINES: dict[str, dict[str, tuple[str, ...]]] = {
    "intro": {
        _N: (
            "Another quiet {time_noun} {place_in}.",
            "Almost there. Just a little further.",
            "Something feels different {time_phrase}.",
        ),
        "confident": ("Nothing ever happens around here. Yet.", "The {place} looks calm {time_phrase}. Good."),
        "shy": ("I-I should hurry home...", "It's so quiet... too quiet."),
        "cheerful": ("What a {time_noun}! I love this {place}!", "Okay! Let's go!"),
        "sarcastic": ("Ah, the {place}. Thrilling as ever.", "Lovely {time_noun} for a walk. Said no one."),
        "formal": ("The {place} rests peacefully {time_phrase}.", "I must not tarry."),
        "gruff": ("Hmph. Quiet {time_noun}.", "Keep moving."),
    },
    "chat": {
        _N: (
            "Stay close to home {time_phrase}, {hero}.",
            "This {weather_noun} worries me.",
            "The animals have been restless all day.",
        ),
        "formal": ("Mind yourself {time_phrase}, {hero}. Something stirs.", "The old signs have returned, {hero}."),
        "cheerful": ("Evening, {hero}! Wild {weather_noun}, huh?", "Hi, {hero}! Heading home?"),
        "gruff": ("Get indoors, kid.", "Bad {weather_noun}. Bad feeling."),
        "sarcastic": ("Lovely {weather_noun}. Perfect for doom.",),
        "shy": ("O-oh, {hero}... it's you.",),
    },
    "reply": {
        _N: ("I felt it too.", "I'll be careful.", "Something's coming. I can feel it."),
        "confident": ("Relax. Nothing gets past me.", "If anything shows up, I'll deal with it."),
        "shy": ("I-I'll be careful...", "Y-you feel it too?"),
        "cheerful": ("Don't worry! I'll be fine!", "Wild, right?!"),
        "sarcastic": ("Comforting. Thanks.", "Great pep talk."),
        "formal": ("I shall keep watch.", "Then we must be ready."),
        "gruff": ("Noted.", "I'll watch."),
    },
    "uneasy": {
        _N: ("This {weather_noun} feels wrong...", "Did something just move out there?", "Who's there?"),
        "confident": ("Come out. I know you're there.", "Something's out there. Let it come."),
        "shy": ("W-was that a shadow...?", "P-please be the wind..."),
        "cheerful": ("Heh... just the wind. Right?", "Hello? Anybody?"),
        "sarcastic": ("Creepy noises. Fantastic.", "Oh good, ominous rustling."),
        "formal": ("Show yourself.", "Something stirs beyond the {place}."),
        "gruff": ("Something's out there.", "Hmph. Not alone."),
    },
    "wonder": {
        _N: ("What... is this power?", "Is this... coming from me?", "My hands... they're glowing..."),
        "confident": (
            "Whoa... this power is MINE?",
            "So this is what I've been holding back.",
            "{power_cap}... I can feel it answering me.",
        ),
        "shy": ("W-what's happening to me...?", "Is this... really me?", "I-I didn't mean to...!"),
        "cheerful": ("Whoa! Did I just do that?!", "No way! {power_cap}!"),
        "sarcastic": ("Great. Now I glow. Perfect.", "Sure. Why not {power} too."),
        "formal": ("What manner of power is this?", "This {power}... it answers to me."),
        "gruff": ("Hmph. What is this...", "Power. Mine."),
    },
    "wonder_object": {
        _N: ("What... is this?", "Where did this come from?", "No way... it's real."),
        "shy": ("I-is this... for me?",),
        "confident": ("Now THIS is interesting.",),
        "sarcastic": ("Oh sure, mysterious things. Love those.",),
    },
    "test": {
        _N: ("I can feel it... I can control it.", "Focus... just breathe...", "Again. One more time."),
        "confident": ("Watch this.", "Easy. I've got this."),
        "shy": ("J-just a little spark... okay...", "Careful... careful..."),
        "cheerful": ("Ha! It works! It really works!", "Again! Again!"),
        "sarcastic": ("Don't blow up the {place}. Simple.", "No pressure, hands."),
        "formal": ("Steady. Control it.", "Discipline, first."),
        "gruff": ("Again.", "Control it."),
    },
    "resolve": {
        _N: ("I have to save {goal}.", "I won't let them hurt anyone.", "I can't run. Not now."),
        "confident": (
            "Nobody touches {goal}. I'll handle this!",
            "My turn. Let's go!",
            "They picked the wrong {place}.",
        ),
        "shy": ("I... I have to try. For everyone.", "I-I'm scared... but I'm going."),
        "cheerful": ("Okay! Hero time!", "Don't worry, I've got this!"),
        "sarcastic": ("{threat_cap}. Tonight. Of course.", "Well, somebody has to do it."),
        "formal": ("I shall protect {goal}, whatever the cost.", "It falls to me."),
        "gruff": ("Enough. I'm going.", "My fight now."),
    },
    "defy": {
        _N: ("Get away from {goal}!", "Leave them alone!", "Not one step further!"),
        "confident": ("Get away from {goal}!", "You picked the wrong {place}!", "Hey! Face ME!"),
        "shy": ("P-please... leave {goal} alone!", "S-stay back!"),
        "cheerful": ("Nope! Not today!", "Hey! Over here!"),
        "sarcastic": ("Hey, ugly! Over here!", "Knock knock. It's me."),
        "formal": ("Begone from {goal}!", "You shall not pass!"),
        "gruff": ("Out. Now.", "Back off!"),
    },
    "effort": {
        _N: ("Hngh...!", "Not... yet...!", "Hold... on...!"),
        "confident": ("Is that all you've got?!", "Too slow!"),
        "shy": ("I-I can't hold it...!", "Please... work...!"),
        "cheerful": ("Hup! Whoa!", "Yikes! Close one!"),
        "sarcastic": ("That all? Cute.", "Missed me!"),
        "formal": ("You will not prevail!", "Hold the line!"),
        "gruff": ("Tch.", "Hrrgh!"),
    },
    "setback": {
        _N: ("I won't... give up!", "Get up... get UP!"),
        "confident": ("Not... done... yet!", "That... barely tickled."),
        "shy": ("I-I can't... no... I have to...", "Everyone's counting on me..."),
        "cheerful": ("Ow ow ow... okay, round two!", "Still... smiling!"),
        "sarcastic": ("Ow. Rude.", "Okay. That one hurt."),
        "formal": ("I... will not yield.", "Not... like this."),
        "gruff": ("Still standing.", "Hrrgh. Again."),
    },
    "finisher": {
        _N: ("This ends NOW!", "Take THIS!", "With everything I have!"),
        "confident": ("This ends NOW!", "Take THIS!", "Full power!"),
        "shy": ("I-I won't let you!", "P-please... GO AWAY!"),
        "cheerful": ("Here goes everything!", "Super {power} attack!"),
        "sarcastic": ("Lights out!", "Goodnight!"),
        "formal": ("By my {power}, this ends!", "Be gone!"),
        "gruff": ("Gone.", "Finished!"),
    },
    "protect": {
        _N: ("Stay behind me!", "Run! I'll hold them off!", "I've got you! Stay down!"),
        "formal": ("Take shelter. I will hold them.",),
        "shy": ("G-get behind me!",),
    },
    "whisper": {
        _N: ("Quiet... they'll hear us.", "Stay low. Follow me.", "Shh... this way."),
        "confident": ("Stay close. I know the way.",),
        "shy": ("P-please don't see us...",),
        "sarcastic": ("Sneaking. My favourite.",),
    },
    "greet": {
        _N: ("Who... are you?", "Hello there.", "Wait—you can talk?"),
        "confident": ("Hey. Name's {hero}.",),
        "shy": ("U-um... hi...",),
        "cheerful": ("Hi! I'm {hero}! Wanna be friends?",),
        "formal": ("Greetings. I am {hero}.",),
        "gruff": ("Who're you.",),
        "sarcastic": ("Oh good, a talking stranger.",),
    },
    "brave": {
        _N: ("Okay. I can do this.", "Here goes nothing.", "No more hiding."),
        "confident": ("Watch me.", "This is my moment."),
        "shy": ("I-I can do this... I can.", "D-deep breath..."),
        "cheerful": ("Here we go!", "Let's do this!"),
        "sarcastic": ("What could possibly go wrong.", "Sure. Let's be brave. Why not."),
        "formal": ("The time has come.", "I am ready."),
        "gruff": ("Now.", "Let's go."),
    },
    "bond": {
        _N: ("Maybe I'm not alone after all.", "Thank you. Really.", "I'm glad you're here.", "Same time tomorrow?"),
        "shy": ("I... I'm glad I met you.",),
        "cheerful": ("Best. Day. Ever!",),
        "gruff": ("...Thanks.",),
    },
    "clue": {_N: ("Look—tracks!", "This way!", "Over there!")},
    "journey": {_N: ("Just a little further.", "Keep going.", "We're close now.")},
    "fail": {
        _N: ("Why won't it work?!", "Come on... COME ON!"),
        "shy": ("I-I'm no good at this...",),
        "confident": ("Again. I'll get it.",),
    },
    "breakthrough": {_N: ("I did it!", "There it is!"), "shy": ("I... did it?",), "gruff": ("Finally.",)},
    "reflect": {
        _N: ("Whatever comes next... I'm ready.", "It's over. For now."),
        "confident": ("I'll protect this place. Always.", "Let them come. I'm ready now."),
        "shy": ("Maybe... I can be brave after all.", "I did it... I really did it."),
        "cheerful": ("Best. {time_noun_cap}. Ever!", "We're gonna be okay!"),
        "sarcastic": ("Well. Could've been worse.", "Note to self: never again."),
        "formal": ("My duty is clear now.", "So begins my true path."),
        "gruff": ("Home. Good.", "Done."),
    },
    "thanks_reply": {
        _N: ("I'm just glad everyone's safe.", "We did it together."),
        "confident": ("Told you I'd handle it.", "Anytime."),
        "shy": ("I-it was nothing, really...", "I just... did what I had to."),
        "cheerful": ("Yay! We did it!", "Group hug!"),
        "sarcastic": ("Hold the applause.", "Yeah, yeah. You're welcome."),
        "formal": ("It was my honour.", "I only did my duty."),
        "gruff": ("Hmph. Rest now.", "Wasn't nothing."),
    },
    "alarm": {
        _N: ("{threat_cap}! {they_re} attacking the {place}!", "Help! {the_threat_cap}!", "Run! {they_re} coming!"),
        "formal": ("{the_threat_cap} {are} upon us! To shelter!",),
        "cheerful": ("{hero}! Help! {threat_cap}!",),
        "gruff": ("{threat_cap}. Move!",),
    },
    "taken": {
        _N: ("{hero}! Help me!", "Let me go!", "{hero}! Over here!"),
        "shy": ("{hero}... p-please...!",),
        "cheerful": ("{hero}! Save me!",),
        "formal": ("Unhand me!",),
        "gruff": ("Get off me!",),
    },
    "scared": {
        _N: ("{hero}! Look out!", "{hero}, behind you!", "No! {hero}!"),
        "formal": ("{hero}, beware!",),
    },
    "encourage": {
        _N: ("You can do this, {hero}.", "I'm right here with you.", "Told you it would be okay."),
        "sarcastic": ("Look at you. Almost impressive.", "Fine. I'm proud of you. A little."),
        "cheerful": ("You're doing great, {hero}!", "See? I knew it!"),
        "formal": ("I have faith in you, {hero}.",),
        "gruff": ("Go on. You've got it.",),
    },
    "hope": {_N: ("Go get them, {hero}!", "We believe in you!"), "formal": ("May the light guide you, {hero}.",)},
    "thanks": {
        _N: ("You saved us, {hero}!", "The whole {place} owes you."),
        "formal": ("The {place} is in your debt, {hero}.", "You have saved us all."),
        "cheerful": ("You were amazing, {hero}!", "Hooray for {hero}!"),
        "gruff": ("...Not bad, kid.",),
    },
    "meet_reply": {
        _N: ("I've been waiting for you, {hero}.", "Finally, someone who listens."),
        "sarcastic": ("Yes, I talk. Try to keep up.",),
        "formal": ("Well met, {hero}.",),
        "cheerful": ("Hi hi hi! A new friend!",),
    },
    "taunt": {
        "monstrous": ("Grrrraaah...!", "Hssss... the {place}... is ours...", "...give us... the {place}..."),
        "menacing": ("You can't stop me, {hero}.", "How adorable. A hero.", "This {place} is mine now."),
        _N: ("Ha! Is that all?", "You're too late!"),
    },
    "defeated": {
        "monstrous": ("GRAAAHHH...!", "Hsss... the light... it burns...!"),
        "menacing": ("This... isn't over...!", "Impossible...!"),
        _N: ("No... NO!", "Retreat!"),
    },
}

_CONTRACTIONS = {
    "I'm": "I am",
    "can't": "cannot",
    "won't": "will not",
    "don't": "do not",
    "it's": "it is",
    "It's": "It is",
    "let's": "let us",
    "Let's": "Let us",
    "you're": "you are",
    "they're": "they are",
    "They're": "They are",
    "I'll": "I shall",
    "we'll": "we shall",
    "I've": "I have",
    "everyone's": "everyone is",
    "We're": "We are",
}


_OPENERS = {
    "cheerful": ("Ooh!", "Yay!", "Hey!", "Wow!"),
    "sarcastic": ("Oh, wonderful.", "Great.", "Sure.", "Wow. Okay."),
    "gruff": ("Hmph.", "Tch.", "Hrm."),
}


def _restyle(text: str, style: str, pick: int = 0) -> str:
    """Give a line written once the sound of a speech style (`pick` varies the opener)."""
    openers = _OPENERS.get(style, ("",))
    opener = openers[pick % len(openers)]
    if style == "shy":
        words = text.split(" ", 1)
        first = words[0]
        if first[:1].isalpha() and not re.match(r"^[A-Z]-", first):
            first = f"{first[0]}-{first}"
        return (first + (" " + words[1] if len(words) > 1 else "")).replace("!", "...")
    if style == "formal":
        for short, long in _CONTRACTIONS.items():
            text = re.sub(rf"\b{re.escape(short)}", long, text)
        return text
    if style == "confident":
        return re.sub(r"\.$", "!", text)
    if style == "cheerful":
        return f"{opener} " + re.sub(r"\.$", "!", text)
    if style == "sarcastic":
        return f"{opener} {text}"
    if style == "gruff":
        return f"{opener} " + re.sub(r"^I (?!'|am)", "", text).strip()
    return text


class Voice:
    """Writes lines for one script: fills in the story's words and never repeats a line."""

    def __init__(self, rng: random.Random, words: dict[str, str]):
        self._rng = rng
        self._words = words
        self._used: set[str] = set()

    def line(self, intent: str, style: str, **extra: str) -> str | None:
        """A fresh line for `intent` in `style`, or None when every phrasing is already used."""
        table = LINES[intent]
        own = list(table.get(style, ()))
        shared = [] if style in ("monstrous", "menacing") and own else list(table.get(_N, ()))
        self._rng.shuffle(own)
        self._rng.shuffle(shared)
        words = {**self._words, **extra}
        # (the line as said, the line as written): a restyled line is new only if its wording is.
        candidates = [(t.format(**words), t.format(**words)) for t in own]
        candidates += [(_restyle(t.format(**words), style, self._rng.randrange(12)), t.format(**words)) for t in shared]
        for text, written in candidates:
            text = text.strip()
            keys = {text.lower(), written.strip().lower()}
            if text and not keys & self._used:
                self._used |= keys
                return text[:300]
        return None

    def claim(self, text: str) -> str | None:
        """Reserve a free-form line (a caption); None when it was already said."""
        if text.lower() in self._used:
            return None
        self._used.add(text.lower())
        return text
