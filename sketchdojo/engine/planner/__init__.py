"""The offline story planner: the `local` LLM provider, a real planner that needs no network.

`LocalStoryPlanner().plan(PlanRequest(...))` reads the prompt as written (reader.py: language,
sentences, quoted lines and speakers, cast with kinds, places, time, weather, props, actions), reads
each character's look in full (look.py), lays the sentences on panels in prompt order with the
MOMENTS and LINES tables (board.py) and returns a validated `Script`. Colour words: cast.py, lexicon.py.
"""

from sketchdojo.engine.planner.planner import LocalStoryPlanner

__all__ = ["LocalStoryPlanner"]
