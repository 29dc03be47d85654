"""Input and output shapes of the auth endpoints (rules live in accounts.services)."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from accounts.validators import username_normalize

User = get_user_model()


class RegisterInputSerializer(serializers.Serializer):
    email = serializers.EmailField(max_length=254)
    username = serializers.CharField(
        max_length=150,
        help_text="Letters and digits of one script, and . _ - (stored NFKC-normalised).",
    )
    password = serializers.CharField(
        write_only=True, max_length=128, trim_whitespace=False, style={"input_type": "password"}
    )

    def validate_username(self, value: str) -> str:
        try:
            return username_normalize(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


class LoginInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=254, help_text="Email address or username, in any case.")
    password = serializers.CharField(max_length=128, trim_whitespace=False, style={"input_type": "password"})


class RefreshTokenInputSerializer(serializers.Serializer):
    refresh_token = serializers.CharField()


class TokenPairSerializer(serializers.Serializer):
    access_token = serializers.CharField()
    refresh_token = serializers.CharField()
    token_type = serializers.CharField(help_text='Always "bearer".')
    expires_in = serializers.IntegerField(help_text="Seconds until the access token expires.")


class UserSerializer(serializers.ModelSerializer):
    created_at = serializers.DateTimeField(source="date_joined", read_only=True)
    generation_quota = serializers.IntegerField(read_only=True, help_text="Webtoon generations allowed per month.")

    class Meta:
        model = User
        fields = ["id", "email", "username", "is_active", "is_verified", "generation_quota", "created_at"]
        read_only_fields = fields


_DATETIME = serializers.DateTimeField()


def user_data(user) -> dict:
    """Exactly `UserSerializer(user).data`, without a ModelSerializer's per-call field building.

    GET /auth/me answers on every page load; building the serializer's fields from the model
    (per call, in DRF) cost about as much as the rest of the view. A test pins the equality.
    """
    return {
        "id": str(user.id),
        "email": user.email,
        "username": user.username,
        "is_active": bool(user.is_active),
        "is_verified": bool(user.is_verified),
        "generation_quota": int(user.generation_quota),
        "created_at": _DATETIME.to_representation(user.date_joined),
    }
