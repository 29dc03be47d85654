"""The offline story planner: the `local` LLM provider, a real planner that needs no network.

`LocalStoryPlanner().plan(PlanRequest(...))` reads the story (reading.py), builds the cast
(cast.py), lays the beats on panels (storyboard.py) in each speaker's voice (voice.py) and returns a
validated `Script`. Word tables live in lexicon.py.
"""

from sketchdojo.engine.planner.planner import LocalStoryPlanner

__all__ = ["LocalStoryPlanner"]
