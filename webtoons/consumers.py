"""The realtime socket with webtoon subscriptions: the consumer config.routing mounts.

`tasks.consumers.GenerationConsumer` carries the protocol (authentication, task subscriptions,
forwarding); this subclass adds `subscribe_webtoon` / `unsubscribe_webtoon`, which need the
webtoon selectors the task ledger must not import.
"""

from channels.db import database_sync_to_async
from django.http import Http404

from sketchdojo import realtime
from tasks.consumers import GenerationConsumer
from webtoons.generation.events import webtoon_update_message
from webtoons.selectors import webtoon_get


@database_sync_to_async
def _webtoon_snapshot(user, webtoon_id):
    try:
        webtoon = webtoon_get(user=user, webtoon_id=webtoon_id)
    except Http404:
        return None
    return webtoon_update_message(webtoon)


class WebtoonGenerationConsumer(GenerationConsumer):
    """A socket that can also follow one webtoon's panels and status."""

    async def _subscribe_webtoon(self, message):
        webtoon_id = message.get("webtoon_id")
        snapshot = await _webtoon_snapshot(self.user, webtoon_id) if webtoon_id else None
        if snapshot is None:
            await self.error("Webtoon not found.", webtoon_id=webtoon_id)
            return
        await self._join(realtime.webtoon_group(snapshot["webtoon_id"]))
        await self.send_json(
            {"type": "subscription_confirmed", "subscription_type": "webtoon", "webtoon_id": snapshot["webtoon_id"]}
        )
        await self.send_json({"type": "webtoon_update", **snapshot})

    async def _unsubscribe_webtoon(self, message):
        webtoon_id = str(message.get("webtoon_id") or "")
        await self._leave(realtime.webtoon_group(webtoon_id))
        await self.send_json(
            {"type": "unsubscription_confirmed", "subscription_type": "webtoon", "webtoon_id": webtoon_id}
        )

    _HANDLERS = {
        **GenerationConsumer._HANDLERS,
        "subscribe_webtoon": _subscribe_webtoon,
        "unsubscribe_webtoon": _unsubscribe_webtoon,
    }
