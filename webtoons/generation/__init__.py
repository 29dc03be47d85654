"""Generation, owned by webtoons: the steps (plan, draw and letter, compose), the status state
machines of Webtoon and Panel, the quota, the compose step and the realtime events it emits.

The Celery entry points are in `webtoons.tasks`; the task ledger (`tasks`) only records jobs.
"""
