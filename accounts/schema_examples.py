"""OpenAPI examples of the auth API: the backend guide's own bodies."""

from drf_spectacular.utils import OpenApiExample

REGISTER_EXAMPLES = [
    OpenApiExample(
        "The guide's account",
        request_only=True,
        value={"email": "user@example.com", "username": "johndoe", "password": "SecurePassword123"},
    ),
]

LOGIN_EXAMPLES = [
    OpenApiExample(
        "Sign in with the email (or the username)",
        request_only=True,
        value={"username": "user@example.com", "password": "SecurePassword123"},
    ),
    OpenApiExample(
        "The guide's form",
        request_only=True,
        media_type="application/x-www-form-urlencoded",
        value={"username": "user@example.com", "password": "SecurePassword123"},
    ),
    OpenApiExample(
        "The token pair",
        response_only=True,
        status_codes=["200"],
        value={
            "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9...",
            "refresh_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9...",
            "token_type": "bearer",
            "expires_in": 1800,
        },
    ),
]
