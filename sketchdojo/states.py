"""A status state machine as a table, and the one way to move rows along it: a conditional UPDATE.

Each model that has one (Webtoon in `webtoons.generation.states`, Panel in `panels.states`) keeps a
`StateMachine` with the allowed transitions `{from: {to, ...}}`; `move` writes `status=to` only on
rows whose status is an allowed source (optionally narrowed by `only_from`), so two workers, a
cancel and an admin action can race without one overwriting what the other just decided.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from sketchdojo.errors import Conflict


@dataclass(frozen=True)
class StateMachine:
    name: str
    transitions: Mapping[str, frozenset[str]]

    def sources(self, to: str) -> frozenset[str]:
        """The statuses a row may move to `to` from."""
        return frozenset(source for source, targets in self.transitions.items() if to in targets)

    def allows(self, source: str, to: str) -> bool:
        return to in self.transitions.get(source, frozenset())

    def move(
        self,
        rows: QuerySet,
        *,
        to: str,
        only_from: Iterable[str] | None = None,
        strict: bool = False,
        **fields,
    ) -> int:
        """UPDATE the rows still in an allowed source status to `to` (and `fields`); returns how many moved.

        `only_from` narrows the sources (each must be allowed: a programming error otherwise). With
        `strict`, moving nothing raises Conflict naming the status the row is in.
        """
        allowed = self.sources(to)
        if only_from is not None:
            narrowed = frozenset(str(status) for status in only_from)
            if not narrowed <= allowed:
                bad = ", ".join(sorted(narrowed - allowed))
                raise ValueError(f"{self.name}: {bad} → {to} is not an allowed transition.")
            allowed = narrowed
        if "updated_at" in {f.name for f in rows.model._meta.concrete_fields}:
            fields.setdefault("updated_at", timezone.now())
        changed = rows.filter(status__in=allowed).update(status=to, **fields)
        if strict and not changed:
            current = sorted({str(status) for status in rows.values_list("status", flat=True)})
            where = ", ".join(current) if current else "gone"
            raise Conflict(f"This {self.name} is {where}; it cannot become {to}.")
        return changed


def machine(name: str, transitions: Mapping[str, Iterable[str]]) -> StateMachine:
    return StateMachine(
        name=name, transitions={str(k): frozenset(str(v) for v in targets) for k, targets in transitions.items()}
    )
