"""Character factories live with ProjectFactory in projects.tests.factories; importable from here too."""

from projects.tests.factories import CharacterFactory

__all__ = ["CharacterFactory"]
