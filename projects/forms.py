"""The organisation's "Nuovo" form in its chooser: complete enough for a project page (the logo) and
for a receipt of the contributions register (the fiscal code), so an editor never has to leave the
page she is editing. The logo is uploaded here, since an image chooser cannot open inside a chooser."""

from django.db import transaction
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Collection
from wagtail.permissions import policy_registry

LOGO_HELP = (
    "Facoltativo. Un file PNG, JPEG o SVG con il logo dell'ente: diventa un'immagine della libreria, "
    "intitolata con il nome dell'organizzazione."
)


class OrganisationCreationForm(WagtailAdminModelForm):
    logo_file = WagtailImageField(label="Logo", required=False, help_text=LOGO_HELP)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        image_permissions = policy_registry.get_by_type(get_image_model())
        if not (self.for_user and image_permissions.user_has_permission(self.for_user, "add")):
            del self.fields["logo_file"]

    @transaction.atomic
    def save(self, commit=True):
        organisation = super().save(commit=False)
        upload = self.cleaned_data.get("logo_file")
        if upload:
            organisation.logo = get_image_model().objects.create(
                title=f"Logo {organisation.name}"[:255],
                file=upload,
                collection=Collection.get_first_root_node(),
                uploaded_by_user=self.for_user,
            )
        if commit:
            organisation.save()
            self.save_m2m()
        return organisation
