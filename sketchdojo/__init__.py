"""Shared core of SketchDojo: API plumbing and the generation engine. No Django models here."""
