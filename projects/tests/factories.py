"""factory_boy factories for projects and their characters, shared by every app's tests."""

import factory

from accounts.tests.factories import UserFactory
from characters.models import Character, CharacterRole
from projects.models import ArtStyle, Project


class ProjectFactory(factory.django.DjangoModelFactory):
    """A draft webtoon project owned by a fresh user (pass `user=` to choose the owner)."""

    class Meta:
        model = Project

    user = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Project {n}")
    description = "A story about heroes and villains"
    art_style = ArtStyle.WEBTOON
    target_panels = 6
    story_outline = "A young hero discovers magical powers..."
    color_palette = "vibrant"


class CharacterFactory(factory.django.DjangoModelFactory):
    """A character of a project (pass `project=` to choose it), described like the guide's example."""

    class Meta:
        model = Character

    project = factory.SubFactory(ProjectFactory)
    name = factory.Sequence(lambda n: f"Character {n}")
    role = CharacterRole.PROTAGONIST
    description = "A brave young mage with lightning powers"
    appearance = factory.LazyFunction(
        lambda: {
            "age_range": "young_adult",
            "gender": "male",
            "hair_color": "silver",
            "distinctive_features": ["lightning-shaped scar on forehead"],
        }
    )
    personality = factory.LazyFunction(lambda: {"traits": ["brave", "loyal"], "speech_style": "confident"})
