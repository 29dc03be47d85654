"""The words the offline planner may write and the offline artist must draw: one table per kind.

This module is the contract between `engine.planner` (which reads a prompt and picks entries) and
`engine.artist` (which has a drawing for every entry). Adding a row here obliges both: the planner
tests check that every synonym is recognised, the artist tests that every key has a drawing.

Keys are stable identifiers stored in scripts (`Scene.location`, `ScriptCharacter.kind`,
`PanelScript.props`, `Look.*`); synonyms are lower-case words or phrases as a prompt writes them
(English, with a few common Spanish/French/German forms where cheap).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    key: str
    synonyms: tuple[str, ...]
    interior: bool = False


def _e(key: str, *synonyms: str, interior: bool = False) -> Entry:
    return Entry(key=key, synonyms=(key.replace("_", " "), *synonyms), interior=interior)


# --- settings: where a scene happens ------------------------------------------------------------

SETTINGS: tuple[Entry, ...] = (
    # interiors
    _e(
        "cafe",
        "café",
        "카페",
        "カフェ",
        "喫茶店",
        "coffee shop",
        "coffeehouse",
        "tea house",
        "cafetería",
        "cafeteria",
        interior=True,
    ),
    _e("kitchen", "cocina", "cuisine", "küche", "부엌", "台所", interior=True),
    _e("classroom", "class room", "lecture hall", "aula", "salle de classe", interior=True),
    _e("office", "workplace", "cubicle", "oficina", "bureau", interior=True),
    _e("hospital", "hospital ward", "ward", "clinic", "er", "emergency room", "infirmary", interior=True),
    _e("courtroom", "court", "tribunal", "trial", interior=True),
    _e("library", "biblioteca", "bibliothèque", "bibliothek", "도서관", "図書館", "archive", interior=True),
    _e("bakery", "patisserie", "panadería", "boulangerie", interior=True),
    _e("train", "train car", "subway", "metro", "subway car", "carriage", "tren", interior=True),
    _e("station", "train station", "railway station", "platform", "estación", "gare", interior=True),
    _e("bedroom", "dorm", "dorm room", "bed", "dormitorio", interior=True),
    _e("living_room", "lounge", "apartment", "flat", "sitting room", "home", "house", "salón", interior=True),
    _e("shop", "store", "boutique", "convenience store", "supermarket", "market stall", "tienda", interior=True),
    _e("space_station", "spaceship", "space ship", "starship", "airlock", "bridge of the ship", interior=True),
    _e("greenhouse", "conservatory", "hothouse", "invernadero", interior=True),
    _e("restaurant", "diner", "bistro", "canteen", "restaurante", interior=True),
    _e("bar", "pub", "tavern", "inn", "saloon", "taberna", interior=True),
    _e("laboratory", "lab", "laboratorio", interior=True),
    _e("gym", "dojo", "training hall", "gimnasio", interior=True),
    _e("museum", "gallery", "exhibition", "museo", interior=True),
    _e("church", "chapel", "cathedral", "temple", "shrine", "iglesia", interior=True),
    _e("castle_hall", "throne room", "great hall", "palace", "castle interior", interior=True),
    _e("police_station", "interrogation room", "precinct", "police station", "comisaría", interior=True),
    _e("prison", "jail", "cell", "dungeon", "cárcel", interior=True),
    _e("theater", "theatre", "stage", "concert hall", "cinema", "movie theater", "teatro", interior=True),
    _e("studio", "art studio", "atelier", "workshop", "garage", interior=True),
    _e("bathroom", "restroom", "washroom", "baño", interior=True),
    _e("hallway", "corridor", "hall", "pasillo", interior=True),
    _e("elevator", "lift", interior=True),
    _e("airport", "terminal", "departure lounge", "aeropuerto", interior=True),
    _e("cave", "cavern", "grotto", "mine", "cueva"),
    # exteriors
    _e("street", "road", "avenue", "alley", "sidewalk", "crosswalk", "calle", "rue"),
    _e("city", "downtown", "metropolis", "skyline", "town", "ciudad", "ville", "stadt"),
    _e("rooftop", "roof", "terrace", "azotea", "school roof", "school rooftop", "옥상", "屋上", "dach"),
    _e("park", "공원", "公園", "playground", "garden", "parque", "jardín", "courtyard"),
    _e("forest", "woods", "woodland", "jungle", "bosque", "forêt", "wald", "grove"),
    _e("beach", "shore", "seaside", "coast", "playa", "plage", "strand"),
    _e("sea", "ocean", "open sea", "waves", "mar", "mer", "boat", "ship deck", "harbor", "harbour", "port", "pier"),
    _e("underwater", "under the sea", "seabed", "reef", "coral reef"),
    _e("mountain", "mountains", "peak", "summit", "cliff", "montaña", "montagne"),
    _e("desert", "dunes", "sahara", "desierto", "oasis"),
    _e("snowfield", "tundra", "glacier", "arctic", "ice field", "snowy field", "antarctica"),
    _e("village", "hamlet", "pueblo", "aldea", "village square"),
    _e("farm", "barn", "field", "meadow", "ranch", "granja", "countryside", "farmland"),
    _e("river", "riverbank", "stream", "creek", "río", "canal"),
    _e("lake", "pond", "lago", "lagoon"),
    _e("bridge", "puente", "pont"),
    _e(
        "school",
        "학교",
        "学校",
        "schule",
        "schoolyard",
        "school gate",
        "campus",
        "escuela",
        "colegio",
        "école",
        "high school",
        "university",
    ),
    _e("castle", "fortress", "citadel", "castillo", "château", "tower"),
    _e("battlefield", "battle field", "war zone", "front line", "trenches"),
    _e("space", "outer space", "orbit", "galaxy", "stars", "espacio", "nebula"),
    _e("planet_surface", "alien planet", "moon surface", "mars", "the moon", "crater"),
    _e("ruins", "ancient ruins", "temple ruins", "ruinas"),
    _e("graveyard", "cemetery", "tomb", "cementerio", "crypt"),
    _e("stadium", "arena", "court", "pitch", "football field", "estadio"),
    _e("market", "bazaar", "marketplace", "mercado", "night market", "fair", "festival"),
    _e("harbor_town", "fishing village", "docks", "wharf"),
    _e("bus_stop", "bus station", "parada"),
    _e("parking_lot", "car park", "parking garage"),
    _e("construction_site", "building site"),
    _e("swamp", "marsh", "bog", "pantano"),
    _e("volcano", "lava", "volcán"),
    _e("waterfall", "cascade", "cascada"),
    _e("sky", "clouds", "in the air", "flying", "cielo"),
)

# --- kinds of character ---------------------------------------------------------------------------

KINDS: tuple[Entry, ...] = (
    _e("human", "person", "man", "woman", "boy", "girl", "child", "kid"),
    _e("cat", "고양이", "猫", "ねこ", "kitten", "kitty", "gato", "gata", "chat", "katze", "neko", "tabby"),
    _e("dog", "강아지", "犬", "puppy", "pup", "hound", "perro", "perra", "chien", "hund", "corgi", "shiba"),
    _e("bird", "crow", "raven", "parrot", "owl", "sparrow", "pájaro", "oiseau", "eagle", "pigeon", "chicken"),
    _e("horse", "pony", "stallion", "mare", "caballo", "cheval", "unicorn"),
    _e("dragon", "wyvern", "drake", "dragón", "dragón", "drache"),
    _e("seal", "sea lion", "walrus", "foca"),
    _e("fish", "goldfish", "shark", "pez", "poisson", "whale", "dolphin"),
    _e("octopus", "squid", "kraken", "pulpo"),
    _e("pig", "piglet", "hog", "boar", "cerdo", "cochon"),
    _e("camel", "dromedary", "camello", "llama"),
    _e("robot", "로봇", "ロボット", "android", "droid", "cyborg", "mech", "ai", "automaton", "robota"),
    _e("ghost", "유령", "幽霊", "spirit", "phantom", "specter", "spectre", "fantasma", "fantôme", "yurei"),
    _e("wolf", "werewolf", "lobo", "loup", "fox", "zorro", "renard"),
    _e("monster", "beast", "creature", "demon", "ogre", "troll", "kaiju", "monstruo", "goblin", "alien"),
    _e("rabbit", "bunny", "hare", "conejo", "lapin"),
    _e("bear", "panda", "oso", "ours", "teddy"),
    _e("mouse", "rat", "hamster", "ratón", "souris"),
    _e("frog", "toad", "rana"),
    _e("slime", "blob", "jelly"),
)

# --- props: things the prompt names that a panel should show -----------------------------------------

PROPS: tuple[Entry, ...] = (
    _e("sandwich", "sandwiches", "bocadillo", "sándwich", "burger", "hamburger"),
    _e("phone", "smartphone", "cellphone", "mobile", "cell phone", "teléfono", "móvil", "téléphone"),
    _e("cake", "birthday cake", "pastel", "tarta", "gâteau", "cupcake"),
    _e(
        "coffee", "kaffee", "커피", "コーヒー", "coffee cup", "mug", "latte", "espresso", "tea", "cup", "café con leche"
    ),
    _e("book", "buch", "책", "本", "books", "novel", "diary", "notebook", "libro", "livre", "journal"),
    _e("letter", "envelope", "note", "carta", "lettre", "love letter"),
    _e("umbrella", "우산", "傘", "regenschirm", "parasol", "paraguas", "parapluie"),
    _e("sword", "blade", "katana", "espada", "épée"),
    _e("shield", "escudo"),
    _e("gun", "pistol", "revolver", "rifle", "pistola"),
    _e("knife", "dagger", "cuchillo"),
    _e("bow", "arrow", "arrows", "crossbow"),
    _e("staff", "wand", "magic staff", "rod", "varita"),
    _e("lantern", "lamp", "torch", "flashlight", "candle", "linterna", "vela"),
    _e("key", "keys", "llave", "clé"),
    _e("map", "treasure map", "mapa", "carte"),
    _e("treasure", "chest", "treasure chest", "gold", "coins", "tesoro"),
    _e("crown", "tiara", "corona"),
    _e("flower", "flowers", "rose", "bouquet", "flor", "flores", "fleur", "fleurs", "blumen", "blume", "roses"),
    _e("gift", "present", "box", "regalo", "cadeau", "package", "parcel"),
    _e("ring", "engagement ring", "anillo", "bague"),
    _e("camera", "cámara", "appareil photo"),
    _e("guitar", "guitarra", "violin", "piano", "instrument"),
    _e("ball", "football", "soccer ball", "basketball", "pelota", "balón"),
    _e("bicycle", "bike", "bicicleta", "vélo"),
    _e("car", "taxi", "coche", "voiture", "truck", "van"),
    _e("laptop", "computer", "pc", "ordenador", "tablet", "screen", "monitor"),
    _e("bag", "backpack", "suitcase", "briefcase", "handbag", "mochila", "sac"),
    _e("potion", "vial", "flask", "bottle", "poción"),
    _e("scroll", "parchment", "pergamino"),
    _e("clock", "watch", "alarm clock", "reloj", "horloge"),
    _e("pizza", "food", "meal", "noodles", "ramen", "bread", "pan", "rice", "sushi", "dinner", "lunch"),
    _e("ice_cream", "ice cream", "helado", "glace"),
    _e("wine", "glass", "beer", "drink", "vino", "cocktail"),
    _e("money", "cash", "wallet", "dinero", "argent"),
    _e("photo", "photograph", "picture", "foto", "polaroid"),
    _e("newspaper", "magazine", "periódico", "journal"),
    _e("crystal", "gem", "jewel", "orb", "diamond", "cristal"),
    _e("helmet", "space helmet", "casco"),
    _e("rope", "chain", "cuerda", "lasso", "ropes", "corde", "seil"),
    _e(
        "boat",
        "boats",
        "ship",
        "ships",
        "sail",
        "sails",
        "sailed",
        "sailing",
        "sailboat",
        "rowboat",
        "rowed",
        "rowing",
        "canoe",
        "kayak",
        "yacht",
        "raft",
        "ferry",
        "dinghy",
        "barco",
        "barca",
        "bateau",
        "船",
        "보트",
    ),
    _e("fishing_rod", "fishing rod", "fishing pole", "caña de pescar"),
    _e("broom", "mop", "escoba"),
    _e("paintbrush", "brush", "canvas", "painting", "easel", "pincel"),
    _e("microphone", "mic", "micrófono"),
    _e("toolbox", "wrench", "hammer", "tools", "herramientas"),
    _e("fire", "campfire", "bonfire", "fuego", "flames"),
    _e("balloon", "balloons", "globo", "kite"),
    _e("plant", "pot plant", "sapling", "seedling", "planta"),
    _e("bench", "banco", "seat"),
    _e("table", "desk", "counter", "kitchen counter", "mesa", "table"),
)

# --- a character's look ---------------------------------------------------------------------------------

HAIR_STYLES: tuple[Entry, ...] = (
    _e("short", "short hair", "cropped", "pixie"),
    _e("long", "long hair", "flowing", "waist-length"),
    _e("ponytail", "pony tail", "high ponytail", "coleta"),
    _e("bun", "hair bun", "topknot", "top knot", "moño"),
    _e("braids", "braid", "braided", "plaits", "pigtails", "trenzas", "twin tails", "twintails"),
    _e("curly", "curls", "afro", "wavy", "rizado"),
    _e("spiky", "spikes", "spiked", "messy"),
    _e("bald", "shaved", "shaved head", "shaven", "no hair", "calvo"),
    _e("bob", "bob cut", "chin-length"),
)

GARMENTS: tuple[Entry, ...] = (
    _e("coat", "trench coat", "overcoat", "jacket", "blazer", "abrigo", "chaqueta", "manteau"),
    _e("dress", "gown", "skirt", "sundress", "vestido", "robe de soirée", "kimono", "hanbok"),
    _e("armour", "armor", "plate armour", "plate armor", "chainmail", "armadura", "knight"),
    _e("uniform", "school uniform", "military uniform", "police uniform", "scrubs", "lab coat", "uniforme"),
    _e("hoodie", "sweatshirt", "sudadera", "sweater", "jumper"),
    _e("raincoat", "rain coat", "slicker", "poncho", "impermeable"),
    _e("suit", "tuxedo", "business suit", "traje", "costume"),
    _e("robe", "robes", "cloak", "wizard robe", "túnica", "habit"),
    _e("shirt", "t-shirt", "tee", "blouse", "camisa", "camiseta", "tank top"),
    _e("spacesuit", "space suit", "flight suit", "jumpsuit", "overalls"),
)

ACCESSORIES: tuple[Entry, ...] = (
    _e("glasses", "spectacles", "eyeglasses", "sunglasses", "gafas", "lunettes", "monocle"),
    _e("hat", "cap", "beanie", "top hat", "witch hat", "sombrero", "chapeau", "beret", "hood"),
    _e("scarf", "bufanda", "écharpe", "muffler"),
    _e("cape", "capa", "cloak"),
    _e("earrings", "earring", "pendientes"),
    _e("necklace", "pendant", "collar", "amulet"),
    _e("headband", "hairband", "bandana", "ribbon", "hair ribbon", "bow"),
    _e("eyepatch", "eye patch", "parche"),
    _e("mask", "máscara", "masque"),
    _e("gloves", "glove", "guantes"),
)

SKIN_TONES: tuple[Entry, ...] = (
    _e("pale", "fair", "porcelain", "pálida"),
    _e("light", "light-skinned"),
    _e("tan", "tanned", "olive", "bronze"),
    _e("brown", "brown-skinned", "medium brown", "morena", "moreno"),
    _e("dark", "dark-skinned", "deep", "ebony", "dark brown", "black"),
)

BUILDS: tuple[Entry, ...] = (
    _e("slim", "slender", "thin", "skinny", "lanky", "delgado"),
    _e("average", "medium build"),
    _e("athletic", "muscular", "strong", "fit", "broad-shouldered"),
    _e("heavy", "stocky", "plump", "chubby", "round", "big", "burly"),
    _e("small", "tiny", "short", "petite", "little"),
    _e("tall", "towering"),
)

AGES: tuple[Entry, ...] = (
    _e("child", "kid", "little girl", "little boy", "niño", "niña", "young child"),
    _e("teen", "teenager", "teenage", "student", "schoolgirl", "schoolboy", "adolescent"),
    _e("adult", "young adult", "woman", "man", "adulto"),
    _e(
        "elder",
        "old",
        "elderly",
        "grandmother",
        "grandfather",
        "granny",
        "grandpa",
        "anciano",
        "aged",
        "old man",
        "old woman",
    ),
)

GENDER_PRESENTATIONS: tuple[Entry, ...] = (
    _e("feminine", "woman", "girl", "she", "her", "lady", "mujer", "chica", "niña"),
    _e("masculine", "man", "boy", "he", "him", "gentleman", "hombre", "chico", "niño"),
    _e("neutral", "they", "androgynous", "nonbinary", "non-binary"),
)


def keys(table: tuple[Entry, ...]) -> tuple[str, ...]:
    """The stable identifiers of one table, in order."""
    return tuple(entry.key for entry in table)


def interior_settings() -> frozenset[str]:
    return frozenset(entry.key for entry in SETTINGS if entry.interior)


NON_HUMAN_KINDS: tuple[str, ...] = tuple(key for key in keys(KINDS) if key != "human")
