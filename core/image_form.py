"""The image form (upload and edit) explains its "Descrizione": it is the image's alt text. Its file
field is the checked one of `core.uploads`."""

from .uploads import ImageForm as CheckedImageForm

DESCRIPTION_HELP = (
    "Il testo alternativo: che cosa mostra l'immagine a chi non la vede (lo leggono i lettori di schermo "
    "e i motori di ricerca), in una frase, per esempio «Operatrice allo sportello con due cittadine». "
    "Non ripetere il titolo e non scrivere «immagine di». Si usa ovunque l'immagine compare, "
    "salvo dove la pagina ne indica un altro."
)


class ImageForm(CheckedImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = "Descrizione (testo alternativo)"
            self.fields["description"].help_text = DESCRIPTION_HELP
