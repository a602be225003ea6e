"""The consent a visitor gives when signing up, and its version: the version is a digest of the
Italian text, so changing a word gives a new version and the records keep saying which text each
subscriber accepted (as the cookie policy version does for the banner)."""

import hashlib

from django.utils.translation import gettext, gettext_noop

# The Italian text is the text of record (the msgid); pages show it through `consent_text()`.
CONSENT_TEXT = gettext_noop(
    "Voglio ricevere per e-mail la newsletter di ASAP sugli argomenti scelti. Ho letto l'informativa "
    "privacy: il mio indirizzo è usato solo per questo invio, non è ceduto a terzi e posso cambiare "
    "argomenti o disiscrivermi in ogni momento dal collegamento presente in ogni e-mail."
)
CONSENT_VERSION = hashlib.sha256(CONSENT_TEXT.encode()).hexdigest()[:12]


def consent_text():
    """The consent in the language of the request."""
    return gettext(CONSENT_TEXT)
