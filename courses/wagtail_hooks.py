from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import NewEnquiriesPanel, enquiry_permission_policy, enquiry_viewset
from .enquiries import CourseEnquiry

register_permission_policy(CourseEnquiry, enquiry_permission_policy, exact_class=True)


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    return enquiry_viewset


@hooks.register("construct_homepage_panels")
def add_new_enquiries_panel(request, panels):
    panels.append(NewEnquiriesPanel(request))
