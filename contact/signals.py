"""Contact messages are Wagtail's FormSubmission rows, which carry no reverse link to their e-mails:
deleting a message (in the admin or by the retention command) deletes its e-mails here."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.contrib.forms.models import FormSubmission

from outbox.models import OutboundEmail


@receiver(post_delete, sender=FormSubmission)
def delete_emails_of_deleted_message(sender, instance, **kwargs):
    OutboundEmail.objects.filter(
        about_type=ContentType.objects.get_for_model(FormSubmission), about_id=instance.pk
    ).delete()
