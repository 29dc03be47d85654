"""JWT authentication that also refuses revoked tokens.

Tokens carry `pwd` (simplejwt's digest of the password hash they were issued under: a password
change ends them; SIMPLE_JWT["CHECK_REVOKE_TOKEN"]) and `fam`, the sign-in session's token
family: logout and the reuse of a rotated refresh token revoke the family; logout also revokes
the calling access token's `jti`.
"""

from rest_framework.authentication import SessionAuthentication
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts.revocation import token_is_revoked

TOKEN_FAMILY_CLAIM = "fam"


def token_matches_password(token, user) -> bool:
    return token.get(jwt_settings.REVOKE_TOKEN_CLAIM) == get_md5_hash_password(user.password)


def token_is_current(token, user) -> bool:
    """True while `token` (access or refresh, already validated) may still act for `user`.

    False once the user is suspended, has changed their password since it was issued, or the
    token or its family was revoked (logout, refresh-token reuse). The socket layer calls this
    to decide whether an open socket must be closed (4401).
    """
    return (
        user.is_active
        and token_matches_password(token, user)
        and not token_is_revoked(jti=token.get("jti"), family=token.get(TOKEN_FAMILY_CLAIM))
    )


class RevocableJWTAuthentication(JWTAuthentication):
    def get_validated_token(self, raw_token):
        token = super().get_validated_token(raw_token)
        if token_is_revoked(jti=token.get("jti"), family=token.get(TOKEN_FAMILY_CLAIM)):
            raise InvalidToken({"detail": "Token has been revoked.", "code": "token_revoked"})
        return token


class BrowsableAPISessionAuthentication(SessionAuthentication):
    """The Django session, for the browsable API's pages only (its "Log in" link signs in this way).

    A request answered as JSON is never authenticated by the session cookie: bearer tokens stay
    the API's authentication, so a page that holds a session cannot drive the JSON API through
    the user's browser. CSRF is enforced as DRF's SessionAuthentication does (unsafe methods need
    the token that the browsable API's forms carry).
    """

    def authenticate(self, request):
        if not isinstance(getattr(request, "accepted_renderer", None), BrowsableAPIRenderer):
            return None
        return super().authenticate(request)
