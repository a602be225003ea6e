from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from .guide import editors_guide


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """*Aiuto → Guida per la redazione*: the Italian guide, for everyone who may open the admin."""

    template_name = "editorial/guide.html"
    header_icon = "help"

    def get(self, request, *args, **kwargs):
        self.page_title, self.body, self.toc = editors_guide()
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(body=self.body, toc=self.toc, **kwargs)
