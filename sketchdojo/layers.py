"""The in-memory channel layer of the embedded default, with a group send that costs O(members).

channels' `InMemoryChannelLayer` sweeps every channel and group for expired entries on every
`receive` and `group_send`, starts one asyncio task per group member, and deep-copies the message
for each. One event to a user's 100 sockets therefore cost 100 receives x 100 channels of sweeping
plus 100 tasks and 100 copies on the server's event loop, the loop the sockets are served from.
Here the sweep runs at most once per `SWEEP_SECONDS` (an expired message or membership lives that
much longer at most), a group send puts the message straight into each member's queue, and the
message is copied once per group send: consumers treat events as read-only.
"""

from __future__ import annotations

import asyncio
import time
from copy import deepcopy

from channels.layers import InMemoryChannelLayer

SWEEP_SECONDS = 1.0


class FastInMemoryChannelLayer(InMemoryChannelLayer):
    _swept_at = 0.0

    def _clean_expired(self):
        now = time.monotonic()
        if now - self._swept_at < SWEEP_SECONDS:
            return
        self._swept_at = now
        super()._clean_expired()

    async def group_send(self, group, message):
        assert isinstance(message, dict), "Message is not a dict"
        self.require_valid_group_name(group)
        self._clean_expired()
        shared = deepcopy(message)
        expires = time.time() + self.expiry
        for channel in list(self.groups.get(group, {})):
            queue = self.channels.setdefault(channel, asyncio.Queue(maxsize=self.get_capacity(channel)))
            if not queue.full():  # a full channel misses this message, as with channels' layer
                queue.put_nowait((expires, shared))
