"""Over a real socket: daphne + channels-redis + a real Celery worker on this machine's Redis and MariaDB.

A user signs in over HTTP, opens the WebSocket, starts a generation, and receives every event
of it in order while a separate worker process draws the panels.
"""

import asyncio
import json

import pytest
import requests
from django.conf import settings
from django.db import connection

from tasks.tests.live import celery_worker, daphne_server, flush_broker, service_env

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

PANELS = 3


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"mysql://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 3306}/{db['NAME']}"


async def follow_generation(base: str, token: str, project_id: str) -> tuple[list[dict], dict]:
    import websockets

    ws_url = base.replace("http://", "ws://") + f"/api/v1/ws/connect?token={token}"
    events: list[dict] = []
    async with websockets.connect(ws_url) as socket:
        events.append(json.loads(await socket.recv()))
        response = await asyncio.to_thread(
            requests.post,
            f"{base}/api/v1/webtoons/generate?project_id={project_id}",
            json={
                "story_prompt": "Alex discovers his lightning powers during a storm",
                "character_descriptions": [],
                "style_preferences": {"style": "manga", "quality": "high", "color_scheme": "vibrant"},
                "panel_count": PANELS,
                "auto_generate_panels": True,
            },
            headers={"Authorization": f"Bearer {token}"},
            timeout=10,
        )
        assert response.status_code == 202, response.text
        task = response.json()
        async with asyncio.timeout(120):
            while True:
                event = json.loads(await socket.recv())
                events.append(event)
                if event["type"] == "task_update" and event["data"]["status"] in ("completed", "failed", "cancelled"):
                    break
        return events, task


def test_every_event_of_a_generation_reaches_the_socket_in_order(tmp_path):
    assert settings.REDIS_URL, "the services pass sets REDIS_URL"
    flush_broker(settings.REDIS_URL)
    env = service_env(database_url=database_url(), redis_url=settings.REDIS_URL, media_root=tmp_path / "media")
    with daphne_server(env, tmp_path) as base, celery_worker(env, tmp_path):
        http = requests.Session()
        assert (
            http.post(
                f"{base}/api/v1/auth/register",
                json={"email": "live@example.com", "username": "live", "password": "SecurePassword123"},
                timeout=10,
            ).status_code
            == 201
        )
        token = http.post(
            f"{base}/api/v1/auth/login",
            data={"username": "live@example.com", "password": "SecurePassword123"},
            timeout=10,
        ).json()["access_token"]
        http.headers["Authorization"] = f"Bearer {token}"
        project = http.post(f"{base}/api/v1/projects", json={"title": "Live", "art_style": "manga"}, timeout=10).json()

        events, task = asyncio.run(follow_generation(base, token, project["id"]))

        assert events[0]["type"] == "connection_established"
        updates = [e for e in events if e["type"] == "task_update" and e["task_id"] == task["id"]]
        sequences = [u["sequence"] for u in updates]
        assert sequences == sorted(set(sequences)), "task updates arrive once each, in order"
        assert updates[-1]["data"]["status"] == "completed", updates[-1]
        assert updates[-1]["data"]["progress"] == 100.0
        progress = [u["data"]["progress"] for u in updates]
        assert progress == sorted(progress)
        ready = [e for e in events if e["type"] == "panel_ready"]
        assert sorted({e["sequence_number"] for e in ready}) == list(range(1, PANELS + 1))
        assert all(e["image_url"] for e in ready)
        assert any(e["type"] == "webtoon_update" for e in events)
        final = http.get(f"{base}/api/v1/tasks/{task['id']}", timeout=10).json()
        assert final["status"] == "completed"
        panels = http.get(f"{base}/api/v1/panels/webtoon/{task['webtoon_id']}", timeout=10).json()["items"]
        assert [p["sequence_number"] for p in panels] == list(range(1, PANELS + 1))
        assert all(p["status"] == "lettered" for p in panels)
