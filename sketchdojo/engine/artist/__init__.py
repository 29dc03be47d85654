"""The offline panel artist (the `local` image provider): procedural Pillow drawings per art style."""

from sketchdojo.engine.artist.artist import LocalPanelArtist

__all__ = ["LocalPanelArtist"]
