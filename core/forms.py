"""What every form on the site shares."""


class ErrorsDescribedMixin:
    """Point each invalid input at its error message, so screen readers read it with the field
    (`components/form_field.html` gives the message the id `<field id>-errore`)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["aria-describedby"] = f"{self[name].auto_id}-errore"
