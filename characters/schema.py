"""OpenAPI examples of the characters API: the backend guide's own request body."""

from drf_spectacular.utils import OpenApiExample

CHARACTER_EXAMPLES = [
    OpenApiExample(
        "The guide's protagonist",
        request_only=True,
        description="POST /api/v1/characters?project_id=... (or `project_id` in the body).",
        value={
            "name": "Alex Thunder",
            "role": "protagonist",
            "description": "A brave young mage with lightning powers",
            "appearance": {
                "age_range": "young_adult",
                "gender": "male",
                "height": "tall",
                "build": "athletic",
                "hair_color": "silver",
                "hair_style": "spiky",
                "eye_color": "electric_blue",
                "skin_tone": "fair",
                "distinctive_features": ["lightning-shaped scar on forehead"],
            },
            "personality": {
                "traits": ["brave", "impulsive", "loyal"],
                "motivations": ["protect innocent people", "master lightning magic"],
                "fears": ["losing control of powers", "failing friends"],
                "speech_style": "confident",
            },
        },
    ),
]
