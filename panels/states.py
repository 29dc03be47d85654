"""Panel.status: the only module that writes it (the allowed transitions and the moves along them).

pending → drawing (a job claims it) → drawn (raw art stored) → lettered (final art); a refused panel
is failed; pending again whenever it must be drawn again (retry, redraw, cancel, transient error).
The generation steps in `webtoons.generation` use these (panels sit below webtoons in the layers).
"""

from __future__ import annotations

from panels.models import Panel, PanelStatus
from sketchdojo.states import machine

S = PanelStatus
PANEL_MACHINE = machine(
    "panel",
    {
        S.PENDING: {S.PENDING, S.DRAWING, S.DRAWN, S.FAILED},
        S.DRAWING: {S.PENDING, S.DRAWN, S.LETTERED, S.FAILED},
        S.DRAWN: {S.PENDING, S.DRAWING, S.DRAWN, S.LETTERED},
        S.LETTERED: {S.PENDING, S.LETTERED},
        S.FAILED: {S.PENDING},
    },
)


def panel_transition(*, panel_id, to: str, only_from=None, strict: bool = False, **fields) -> bool:
    """Move one panel to `to` when its status allows it; False when it did not (raced, gone)."""
    return bool(
        PANEL_MACHINE.move(Panel.objects.filter(pk=panel_id), to=to, only_from=only_from, strict=strict, **fields)
    )


def panels_transition(*, webtoon_id, to: str, only_from=None, panel_id=None, **fields) -> int:
    """Move the panels of a webtoon (or one of them) that may go to `to`; returns how many moved."""
    rows = Panel.objects.filter(webtoon_id=webtoon_id)
    if panel_id is not None:
        rows = rows.filter(pk=panel_id)
    return PANEL_MACHINE.move(rows, to=to, only_from=only_from, **fields)
