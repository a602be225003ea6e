"""Admin for the cookie registry (django-cookie-consent's models as snippets) and the consent records
(read-only, searchable)."""

from cookie_consent.models import Cookie, CookieGroup
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.dates import italian_datetime

from .admin_forms import CookieForm
from .models import ConsentRecord


class CookieGroupViewSet(SnippetViewSet):
    model = CookieGroup
    icon = "folder-open-inverse"
    menu_label = "Categorie di cookie"
    list_display = ["name", "varname", "is_required", "ordering"]
    search_fields = ["name", "varname", "description"]
    search_backend_name = None
    ordering = ["ordering", "name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("varname"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("is_required"), FieldPanel("is_deletable"), FieldPanel("ordering")]),
    ]


class CookieViewSet(SnippetViewSet):
    model = Cookie
    icon = "form"
    menu_label = "Cookie"
    list_display = ["name", "cookiegroup", "domain"]
    list_filter = ["cookiegroup"]
    search_fields = ["name", "domain", "description"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("cookiegroup"),
            FieldPanel("name"),
            FieldPanel("description"),
            FieldRowPanel([FieldPanel("domain"), FieldPanel("path")]),
            MultiFieldPanel(
                [FieldPanel("provider"), FieldPanel("duration"), FieldPanel("is_third_party")],
                heading="Per la cookie policy",
            ),
        ],
        base_form_class=CookieForm,
    )


class CookieRegistryGroup(SnippetViewSetGroup):
    items = (CookieGroupViewSet, CookieViewSet)
    menu_icon = "doc-full"
    menu_label = "Registro dei cookie"
    menu_name = "registro-cookie"
    menu_order = 800


register_snippet(CookieRegistryGroup)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Consent records are evidence: nobody adds, edits or deletes them in the admin (the prune
    command removes old ones)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and super().user_has_permission(user, "view")


class ConsentRecordViewSet(ModelViewSet):
    model = ConsentRecord
    icon = "tick-inverse"
    menu_label = "Registro dei consensi"
    add_to_admin_menu = True
    menu_order = 810
    list_display = [
        "consent_id",
        "action",
        "policy_version",
        Column(
            "created_at",
            label="Data e ora",
            accessor=lambda record: italian_datetime(record.created_at),
            sort_key="created_at",
        ),
    ]
    list_filter = ["action", "policy_version", "created_at"]
    search_fields = ["consent_id"]
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["consent_id"]


register_permission_policy(ConsentRecord, ReadOnlyPermissionPolicy(ConsentRecord))


@hooks.register("register_admin_viewset")
def register_consent_records():
    return ConsentRecordViewSet("registro-consensi")
