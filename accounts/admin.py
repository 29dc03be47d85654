"""Staff moderation of users: search, filters, quota, suspend/reactivate."""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = (
        "username",
        "email",
        "is_active",
        "is_verified",
        "is_staff",
        "monthly_generation_quota",
        "date_joined",
    )
    list_filter = ("is_active", "is_verified", "is_staff", "is_superuser")
    search_fields = ("email", "username")
    ordering = ("-date_joined",)
    readonly_fields = ("last_login", "date_joined")
    fieldsets = (
        (None, {"fields": ("username", "email", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name")}),
        (_("Status"), {"fields": ("is_active", "is_verified")}),
        (_("Generation quota"), {"fields": ("monthly_generation_quota",)}),
        (_("Permissions"), {"fields": ("is_staff", "is_superuser", "groups", "user_permissions")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("username", "email", "password1", "password2")}),)
    actions = ("suspend_users", "reactivate_users")

    @admin.action(description=_("Suspend selected users"), permissions=("change",))
    def suspend_users(self, request, queryset):
        changed = services.user_set_active(users=queryset, is_active=False)
        self.message_user(request, _("%d user(s) suspended.") % changed, messages.SUCCESS)

    @admin.action(description=_("Reactivate selected users"), permissions=("change",))
    def reactivate_users(self, request, queryset):
        changed = services.user_set_active(users=queryset, is_active=True)
        self.message_user(request, _("%d user(s) reactivated.") % changed, messages.SUCCESS)
