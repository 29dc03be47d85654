"""JWT authentication that also refuses access tokens revoked at logout."""

from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import InvalidToken

from accounts.revocation import access_token_is_revoked


class RevocableJWTAuthentication(JWTAuthentication):
    def get_validated_token(self, raw_token):
        token = super().get_validated_token(raw_token)
        if access_token_is_revoked(token.get("jti")):
            raise InvalidToken({"detail": "Token has been revoked.", "code": "token_revoked"})
        return token
