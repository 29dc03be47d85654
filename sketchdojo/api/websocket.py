"""WebSocket plumbing: token authentication and an origin check that fits token auth.

The socket authenticates with a JWT (query `?token=` or a first `authenticate` message), never with
cookies, so a foreign page cannot ride a visitor's session: browsers' Origin is still checked against
ALLOWED_HOSTS and CORS_ORIGINS, while clients that send no Origin (wscat, servers, mobile apps) pass.
The JWT class is `settings.WEBSOCKET_AUTHENTICATION` (an import string: the core names no app).
"""

from channels.db import database_sync_to_async
from channels.security.websocket import OriginValidator
from django.conf import settings
from django.utils.module_loading import import_string
from rest_framework_simplejwt.exceptions import InvalidToken, TokenError


class TokenClientOriginValidator(OriginValidator):
    def valid_origin(self, parsed_origin):
        return parsed_origin is None or super().valid_origin(parsed_origin)


def allowed_ws_origins() -> list[str]:
    """ALLOWED_HOSTS match by host name on any port; CORS_ORIGINS by scheme, host and port."""
    return [*settings.ALLOWED_HOSTS, *settings.CORS_ALLOWED_ORIGINS]


def origin_validated(application):
    return TokenClientOriginValidator(application, allowed_ws_origins())


@database_sync_to_async
def user_for_token(raw_token: str):
    """The active user an access token belongs to, or None (bad, expired, revoked, inactive)."""
    if not raw_token or len(raw_token) > 4096:
        return None
    auth = import_string(settings.WEBSOCKET_AUTHENTICATION)()
    try:
        validated = auth.get_validated_token(raw_token.encode())
        user = auth.get_user(validated)
    except (InvalidToken, TokenError, Exception):  # noqa: BLE001 - any failure is "not authenticated"
        return None
    return user if user.is_active else None
