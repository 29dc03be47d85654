"""Helpers of the realtime socket tests: the routed application and signed-in communicators."""

from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from rest_framework_simplejwt.tokens import AccessToken

from config.routing import websocket_urlpatterns

application = URLRouter(websocket_urlpatterns)


def token_for(user) -> str:
    return str(AccessToken.for_user(user))


async def connect(user=None, *, token=None, app=application, headers=None):
    query = ""
    if user is not None or token is not None:
        query = f"?token={token if token is not None else token_for(user)}"
    communicator = WebsocketCommunicator(app, f"/api/v1/ws/connect{query}", headers=headers or [])
    connected, _ = await communicator.connect()
    assert connected
    return communicator


async def established(user):
    communicator = await connect(user)
    hello = await communicator.receive_json_from()
    assert hello["type"] == "connection_established"
    return communicator
