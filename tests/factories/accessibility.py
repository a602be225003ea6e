import datetime

import wagtail_factories

from accessibility.models import AccessibilityFeedbackPage, AccessibilityStatementPage


class AccessibilityFeedbackPageFactory(wagtail_factories.PageFactory):
    title = "Segnala un problema di accessibilità"
    slug = "segnala-un-problema"

    class Meta:
        model = AccessibilityFeedbackPage


class AccessibilityStatementPageFactory(wagtail_factories.PageFactory):
    title = "Dichiarazione di accessibilità"
    slug = "dichiarazione-di-accessibilita"
    conformance = "parziale"
    non_compliant_content = "<ul><li>Alcuni PDF del 2015 non hanno titoli strutturati.</li></ul>"
    first_published_on = datetime.date(2025, 9, 15)
    reviewed_on = datetime.date(2026, 9, 18)

    class Meta:
        model = AccessibilityStatementPage
