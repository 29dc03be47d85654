"""OpenAPI examples of the webtoons and panels APIs: the backend guide's own request bodies."""

from drf_spectacular.utils import OpenApiExample

GUIDE_STORY = "Alex discovers his lightning powers during a storm and must save his village from shadow monsters"

GENERATE_EXAMPLES = [
    OpenApiExample(
        "The guide's generation",
        request_only=True,
        description="POST /api/v1/webtoons/generate?project_id=... (or `project_id` in the body).",
        value={
            "story_prompt": GUIDE_STORY,
            "character_descriptions": ["Young mage with silver hair and lightning powers"],
            "style_preferences": {"style": "webtoon", "quality": "high", "color_scheme": "vibrant"},
            "panel_count": 6,
            "auto_generate_panels": True,
        },
    ),
]

WEBTOON_CREATE_EXAMPLES = [
    OpenApiExample(
        "An empty webtoon to fill panel by panel",
        request_only=True,
        value={
            "project_id": "123e4567-e89b-12d3-a456-426614174000",
            "title": "Storm Night",
            "description": "Alex's first night with his powers.",
        },
    ),
]

PANEL_CREATE_EXAMPLES = [
    OpenApiExample(
        "A panel with one bubble",
        request_only=True,
        value={
            "webtoon_id": "123e4567-e89b-12d3-a456-426614174000",
            "shot": "wide",
            "location": "Village square",
            "time_of_day": "night",
            "weather": "storm",
            "visual_description": "Alex raises a crackling hand as shadow monsters close in.",
            "speech_bubbles": [
                {"speaker": "Alex Thunder", "text": "Not my village!", "style": "shout", "tail_direction": "left"}
            ],
        },
    ),
]

PANEL_GENERATE_EXAMPLES = [
    OpenApiExample(
        "Redraw with a chosen seed",
        request_only=True,
        value={"panel_id": "123e4567-e89b-12d3-a456-426614174000", "seed": 1234},
    ),
]
