"""factory_boy factories for accounts, shared by every app's tests."""

import factory
from django.contrib.auth import get_user_model

DEFAULT_PASSWORD = "SecurePassword123"


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
        obj.set_password(extracted or DEFAULT_PASSWORD)
        if create:
            obj.save(update_fields=["password"])
