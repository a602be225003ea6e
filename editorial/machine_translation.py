"""DeepL for wagtail-localize's "Traduci con DeepL", into British English: our English locale is
plain `en`, which DeepL takes as its deprecated unspecified English; the site writes British English."""

from wagtail_localize.machine_translators.deepl import DeepLTranslator


class BritishDeepLTranslator(DeepLTranslator):
    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        return parameters
