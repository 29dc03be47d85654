"""OpenAPI: our revocable JWT authentication, as the OAuth2 password flow Swagger UI can sign in with.

Swagger UI's "Authorize" dialog asks for a username (or email) and password and posts them as a
form (`grant_type=password&username=...&password=...`) to the login endpoint, which answers the
OAuth2 token shape (`access_token`, `token_type: bearer`, `expires_in`); every "Try it out" then
sends `Authorization: Bearer <access_token>`, exactly what the API expects from any client.
"""

from drf_spectacular.extensions import OpenApiAuthenticationExtension

LOGIN_URL = "/api/v1/auth/login"
REFRESH_URL = "/api/v1/auth/refresh"


class RevocableJWTScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.RevocableJWTAuthentication"
    name = "jwtAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "oauth2",
            "description": "Sign in with your username (or email) and password; the access token is sent "
            "as `Authorization: Bearer <token>`.",
            "flows": {"password": {"tokenUrl": LOGIN_URL, "refreshUrl": REFRESH_URL, "scopes": {}}},
        }
