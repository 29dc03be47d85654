"""Staff moderation of users (search, filters, quota, suspend/reactivate) and the moderation log.

Every moderation action, here and on webtoons (webtoons.admin), takes the reason typed in the box
next to the action menu (ModerationActionForm) and is logged as a ModerationAction, which the
objects' pages show as their history and the log's own page lists, read-only.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.utils.translation import gettext_lazy as _

from accounts import services
from accounts.models import ModerationAction, User


class ModerationActionForm(ActionForm):
    """The admin's action bar with a "reason" box: what staff type there is kept in the moderation log."""

    reason = forms.CharField(
        required=False,
        max_length=1000,
        label=_("Reason"),
        widget=forms.TextInput(attrs={"placeholder": _("Why (kept in the moderation log)"), "size": 40}),
    )


def moderation_reason(request) -> dict:
    """The acting staff member and the reason they typed, as the moderation services take them."""
    return {"actor": request.user, "reason": request.POST.get("reason", "")[:1000]}


class _ReadOnlyAdminMixin:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ModerationHistoryInline(_ReadOnlyAdminMixin, GenericTabularInline):
    """The moderation log of the object on the page, newest first."""

    model = ModerationAction
    ct_field = "target_type"
    ct_fk_field = "target_id"
    fields = ["at", "action", "actor", "reason"]
    readonly_fields = fields
    extra = 0
    verbose_name = _("moderation action")
    verbose_name_plural = _("moderation history")


@admin.register(ModerationAction)
class ModerationActionAdmin(_ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ["at", "action", "target_repr", "target_type", "actor", "reason"]
    list_filter = ["action", "target_type", "at"]
    search_fields = ["target_repr", "target_id", "reason", "actor__username", "actor__email"]
    list_select_related = ["actor", "target_type"]
    date_hierarchy = "at"


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
    action_form = ModerationActionForm
    inlines = (ModerationHistoryInline,)

    @admin.action(description=_("Suspend selected users"), permissions=("change",))
    def suspend_users(self, request, queryset):
        changed = services.user_set_active(users=queryset, is_active=False, **moderation_reason(request))
        self.message_user(request, _("%d user(s) suspended.") % changed, messages.SUCCESS)

    @admin.action(description=_("Reactivate selected users"), permissions=("change",))
    def reactivate_users(self, request, queryset):
        changed = services.user_set_active(users=queryset, is_active=True, **moderation_reason(request))
        self.message_user(request, _("%d user(s) reactivated.") % changed, messages.SUCCESS)
