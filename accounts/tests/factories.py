"""factory_boy factories for accounts, shared by every app's tests."""

from functools import cache

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password

DEFAULT_PASSWORD = "SecurePassword123"


@cache
def _default_password_hash() -> str:
    # Argon2 is deliberately slow; hash the shared test password once per test process.
    return make_password(DEFAULT_PASSWORD)


class UserFactory(factory.django.DjangoModelFactory):
    """An active creator who signs in with DEFAULT_PASSWORD (pass `password=` for another one)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"creator{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    is_active = True

    @factory.post_generation
    def password(obj, create, extracted, **kwargs):
        obj.password = make_password(extracted) if extracted else _default_password_hash()
        if create:
            obj.save(update_fields=["password"])
