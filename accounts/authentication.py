"""JWT authentication that also refuses revoked tokens.

Tokens carry `pwd` (simplejwt's digest of the password hash they were issued under: a password
change ends them; SIMPLE_JWT["CHECK_REVOKE_TOKEN"]) and `fam`, the sign-in session's token
family: logout and the reuse of a rotated refresh token revoke the family; logout also revokes
the calling access token's `jti`.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import SessionAuthentication
from rest_framework.renderers import BrowsableAPIRenderer
from rest_framework_simplejwt.authentication import JWTAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from accounts import authcache
from accounts.revocation import (
    revocation_cache_keys,
    revocation_keys,
    revocations_in_database,
    revoked_in,
    revoked_in_database,
    token_is_revoked,
)

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

    Every authenticated request pays for this. One cache read takes the token's revocation keys and
    the versions of its remembered user (accounts.authcache): a remembered user costs no query.
    Otherwise the user is read in one query; without Redis (the embedded default) the live
    `Revocation` rows are an EXISTS in it. The token must still be valid, its user active, and the
    password the one it was issued under (simplejwt's own checks).
    """

    def get_user(self, validated_token):
        try:
            user_id = validated_token[jwt_settings.USER_ID_CLAIM]
        except KeyError as exc:
            raise InvalidToken(_("Token contained no recognizable user identification")) from exc
        jti, family = validated_token.get("jti"), validated_token.get(TOKEN_FAMILY_CLAIM)
        keys = revocation_keys(jti=jti, family=family)
        # One cache read: the token's revocation keys and the versions of a remembered user (authcache).
        found = cache.get_many([*revocation_cache_keys(keys), *authcache.version_keys(user_id)])
        if revoked_in(found, keys):
            raise _revoked()
        user = authcache.remembered_user(self.user_model, user_id=user_id, jti=jti, family=family, found=found)
        if user is not None:
            return user  # it passed every check below, and neither it nor any revocation changed since
        versions = authcache.versions_of(user_id, found)
        user = _user_lookup(self.user_model, user_id, keys)
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if getattr(user, "token_revoked", False):
            raise _revoked()
        if jwt_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if jwt_settings.CHECK_REVOKE_TOKEN and not token_matches_password(validated_token, user):
            raise AuthenticationFailed(_("The user's password has been changed."), code="password_changed")
        if jti:  # a token without an id could share another's entry
            authcache.remember(user, jti=jti, family=family, versions=versions)
        return user


def _revoked() -> InvalidToken:
    return InvalidToken({"detail": "Token has been revoked.", "code": "token_revoked"})


# The lookup runs on every authenticated request, and building the ORM query (filter, EXISTS
# annotation, compile) cost more than running it; so did RawQuerySet's per-row column mapping. So its
# SQL is compiled once per shape (database vendor, number of revocation keys) with sentinel values,
# with the compiler's column layout and value converters; each request runs that SQL on a cursor with
# its own values put where the sentinels were, and builds the user from the row as the ORM would
# (`Model.from_db`): the same statement, the same user.
_SENTINEL_KEY = "sentinel-revocation-key-{}"
_SENTINEL_TIME = datetime(2001, 2, 3, 4, 5, 6, 789000, tzinfo=UTC)


@dataclass(frozen=True)
class CompiledLookup:
    sql: str
    params: list
    slots: list[tuple[int, str, int | None]]  # (position in params, "id" | "now" | "key", key index)
    attnames: list[str]  # the model's columns, in the row's order from its first column
    annotations: dict[str, int]  # annotation name -> its column
    converters: dict  # column -> (converters, expression), as the compiler applies them


_compiled: dict[tuple, CompiledLookup | None] = {}


def _user_queryset(model, user_id, keys: list[str], now: datetime):
    users = model.objects.filter(**{jwt_settings.USER_ID_FIELD: user_id})
    in_database = revoked_in_database(keys, now=now)
    if in_database is not None:
        users = users.annotate(token_revoked=in_database)
    return users[:1]


def _compile(model, key_count: int, with_revocations: bool) -> CompiledLookup | None:
    """The lookup of this shape; None unless every sentinel is found once and the columns are plain."""
    sentinel_id = _sentinel_id(model)
    keys = [_SENTINEL_KEY.format(i) for i in range(key_count)] if with_revocations else []
    compiler = _user_queryset(model, sentinel_id, keys, _SENTINEL_TIME).query.get_compiler(connection.alias)
    sql, params = compiler.as_sql()
    params = list(params)
    wanted = {_prep_id(model, sentinel_id): ("id", None), _prep_time(_SENTINEL_TIME): ("now", None)}
    wanted.update({key: ("key", i) for i, key in enumerate(keys)})
    slots = [(position, *wanted[value]) for position, value in enumerate(params) if value in wanted]
    expected = {("id", None), *((("now", None),) if with_revocations else ()), *(("key", i) for i in range(len(keys)))}
    if len(slots) != len(expected) or {(what, index) for _, what, index in slots} != expected:
        return None
    columns = compiler.klass_info["select_fields"]
    if columns != list(range(len(columns))):
        return None
    return CompiledLookup(
        sql=sql,
        params=params,
        slots=slots,
        attnames=[compiler.select[i][0].target.attname for i in columns],
        annotations=dict(compiler.annotation_col_map),
        converters=compiler.get_converters([column[0] for column in compiler.select]),
    )


def _user_lookup(model, user_id, keys: list[str]):
    now = datetime.now(tz=UTC)
    with_revocations = bool(keys) and revocations_in_database()
    shape = (connection.vendor, model._meta.label, len(keys), with_revocations)
    if shape not in _compiled:
        _compiled[shape] = _compile(model, len(keys), with_revocations)
    compiled = _compiled[shape]
    try:
        prepared_id = _prep_id(model, user_id)
    except (ValueError, TypeError, ValidationError):
        return None
    if compiled is None:
        return _user_queryset(model, user_id, keys, now).first()
    params = list(compiled.params)
    for position, what, index in compiled.slots:
        params[position] = prepared_id if what == "id" else _prep_time(now) if what == "now" else keys[index]
    with connection.cursor() as cursor:
        cursor.execute(compiled.sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    row = list(row)
    for column, (converters, expression) in compiled.converters.items():
        for converter in converters:
            row[column] = converter(row[column], expression, connection)
    user = model.from_db(connection.alias, compiled.attnames, row[: len(compiled.attnames)])
    for name, column in compiled.annotations.items():
        setattr(user, name, row[column])
    return user


def _id_field(model):
    return model._meta.get_field(jwt_settings.USER_ID_FIELD)


def _sentinel_id(model):
    field = _id_field(model)
    return uuid.UUID(int=0x5E7713E1) if field.get_internal_type() == "UUIDField" else 987654321


def _prep_id(model, value):
    field = _id_field(model)
    return field.get_db_prep_value(field.to_python(value), connection, prepared=False)


def _prep_time(value: datetime):
    return connection.ops.adapt_datetimefield_value(value)


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
