"""OpenAPI examples of the projects API: the backend guide's own request bodies."""

from drf_spectacular.utils import OpenApiExample

PROJECT_EXAMPLES = [
    OpenApiExample(
        "The guide's project",
        request_only=True,
        value={
            "title": "My Epic Webtoon",
            "description": "A story about heroes and villains",
            "art_style": "webtoon",
            "target_panels": 8,
            "story_outline": "A young hero discovers magical powers...",
        },
    ),
]
