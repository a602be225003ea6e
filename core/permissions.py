"""Permission policies shared by the apps' admin viewsets."""

from wagtail.permission_policies import ModelPermissionPolicy


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """For what visitors send through a public form (course enquiries, accessibility reports): staff
    may read, change and delete them as their permissions allow, but nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
