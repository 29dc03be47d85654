"""Auth endpoints: register, login, refresh, me, logout (thin: validate, call a service, serialize)."""

from dataclasses import asdict

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.tokens import Token

from accounts import services
from accounts.schema_examples import LOGIN_EXAMPLES, REGISTER_EXAMPLES
from accounts.serializers import (
    LoginInputSerializer,
    RefreshTokenInputSerializer,
    RegisterInputSerializer,
    TokenPairSerializer,
    UserSerializer,
    user_data,
)
from sketchdojo.api.parsers import JSONParser
from sketchdojo.api.schema import error_responses
from sketchdojo.api.throttles import LoginRateThrottle, RegisterRateThrottle

TAG = ["auth"]


class _PublicView(APIView):
    """No authentication: a stale Authorization header must not block signing in."""

    authentication_classes = ()
    permission_classes = (AllowAny,)

    def get_authenticate_header(self, request):
        return 'Bearer realm="api"'


class RegisterView(_PublicView):
    throttle_classes = (RegisterRateThrottle,)

    @extend_schema(
        tags=TAG,
        request=RegisterInputSerializer,
        responses={201: UserSerializer, **error_responses(400, 429)},
        examples=REGISTER_EXAMPLES,
        summary="Create an account",
    )
    def post(self, request):
        data = RegisterInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.user_register(**data.validated_data)
        return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)


class LoginView(_PublicView):
    throttle_classes = (LoginRateThrottle,)
    parser_classes = (FormParser, JSONParser, MultiPartParser)

    @extend_schema(
        tags=TAG,
        examples=LOGIN_EXAMPLES,
        request={
            "application/x-www-form-urlencoded": LoginInputSerializer,
            "application/json": LoginInputSerializer,
            "multipart/form-data": LoginInputSerializer,
        },
        responses={200: TokenPairSerializer, **error_responses(400, 401, 429)},
        summary="Sign in with email or username; returns a token pair",
    )
    def post(self, request):
        data = LoginInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            pair = services.user_login(
                login=data.validated_data["username"],
                password=data.validated_data["password"],
                address=LoginRateThrottle().get_ident(request),
            )
        except services.LoginLockedOut as exc:
            raise exceptions.Throttled(wait=exc.retry_after, detail=str(exc)) from exc
        except services.InvalidCredentials as exc:
            raise exceptions.AuthenticationFailed(
                "Incorrect username/email or password.", "invalid_credentials"
            ) from exc
        return Response(TokenPairSerializer(asdict(pair)).data)


class RefreshView(_PublicView):
    @extend_schema(
        tags=TAG,
        request=RefreshTokenInputSerializer,
        responses={200: TokenPairSerializer, **error_responses(400, 401, 429)},
        summary="Exchange a refresh token for a new pair (the old one stops working)",
    )
    def post(self, request):
        data = RefreshTokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            pair = services.tokens_refresh(refresh_token=data.validated_data["refresh_token"])
        except services.InvalidRefreshToken as exc:
            raise exceptions.AuthenticationFailed(str(exc), "token_not_valid") from exc
        return Response(TokenPairSerializer(asdict(pair)).data)


class MeView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(tags=TAG, responses={200: UserSerializer, **error_responses(401)}, summary="The signed-in user")
    def get(self, request):
        return Response(user_data(request.user))


class LogoutView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        tags=TAG,
        request=RefreshTokenInputSerializer,
        responses={204: None, **error_responses(400, 401)},
        summary="Blacklist the refresh token and revoke the calling access token at once",
    )
    def post(self, request):
        data = RefreshTokenInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.user_logout(
                user=request.user,
                refresh_token=data.validated_data["refresh_token"],
                access_token=request.auth if isinstance(request.auth, Token) else None,
            )
        except services.InvalidRefreshToken as exc:
            raise exceptions.ValidationError({"refresh_token": [str(exc)]}) from exc
        return Response(status=status.HTTP_204_NO_CONTENT)
