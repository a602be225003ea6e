import wagtail_factories

from accessibility.models import AccessibilityFeedbackPage


class AccessibilityFeedbackPageFactory(wagtail_factories.PageFactory):
    title = "Segnala un problema di accessibilità"
    slug = "segnala-un-problema"

    class Meta:
        model = AccessibilityFeedbackPage
