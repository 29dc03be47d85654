"""JWT authentication that also refuses revoked tokens.

Tokens carry `pwd` (simplejwt's digest of the password hash they were issued under: a password
change ends them; SIMPLE_JWT["CHECK_REVOKE_TOKEN"]) and `fam`, the sign-in session's token
family: logout and the reuse of a rotated refresh token revoke the family; logout also revokes
the calling access token's `jti`.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts.revocation import revocation_keys, revoked_in_cache, revoked_in_database, token_is_revoked

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
    """simplejwt's JWT authentication that also refuses revoked tokens, in the user lookup's query.

    Every authenticated request pays for this, so the revocation check costs no query of its own:
    with Redis it is one cache read before the user query; without Redis (the embedded default) the
    live `Revocation` rows are an EXISTS in the user query itself. The token must still be valid,
    its user active, and the password the one it was issued under (simplejwt's own checks).
    """

    def get_user(self, validated_token):
        try:
            user_id = validated_token[jwt_settings.USER_ID_CLAIM]
        except KeyError as exc:
            raise InvalidToken(_("Token contained no recognizable user identification")) from exc
        keys = revocation_keys(jti=validated_token.get("jti"), family=validated_token.get(TOKEN_FAMILY_CLAIM))
        if revoked_in_cache(keys):
            raise _revoked()
        users = self.user_model.objects.filter(**{jwt_settings.USER_ID_FIELD: user_id})
        in_database = revoked_in_database(keys)
        if in_database is not None:
            users = users.annotate(token_revoked=in_database)
        user = users.first()
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if getattr(user, "token_revoked", False):
            raise _revoked()
        if jwt_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if jwt_settings.CHECK_REVOKE_TOKEN and not token_matches_password(validated_token, user):
            raise AuthenticationFailed(_("The user's password has been changed."), code="password_changed")
        return user


def _revoked() -> InvalidToken:
    return InvalidToken({"detail": "Token has been revoked.", "code": "token_revoked"})
