"""The admin's list of users also says which groups each person belongs to: that is what decides
what she may do (see the README's table of groups)."""

from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column
from wagtail.users.views import users


class UserIndexView(users.IndexView):
    @cached_property
    def columns(self):
        columns = list(super().columns)
        groups = Column("groups", label="Gruppi", accessor=self.group_names, width="25%")
        columns.insert(3, groups)
        return columns

    @staticmethod
    def group_names(user):
        return ", ".join(sorted(group.name for group in user.groups.all())) or "Nessuno"

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")


class UserViewSet(users.UserViewSet):
    index_view_class = UserIndexView
