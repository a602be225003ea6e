import datetime
from decimal import Decimal

import factory
import wagtail_factories

from transparency.models import ContributionsRegisterPage, PublicContribution

from .projects import OrganisationFactory


class ContributionsRegisterPageFactory(wagtail_factories.PageFactory):
    title = "Contributi pubblici ricevuti"
    slug = "contributi-pubblici"

    class Meta:
        model = ContributionsRegisterPage


class PublicContributionFactory(factory.django.DjangoModelFactory):
    granting_body = factory.SubFactory(OrganisationFactory, fiscal_code="80143490581")
    amount = Decimal("5000.00")
    received_on = datetime.date(2025, 3, 15)
    reason = "Acconto del progetto"

    class Meta:
        model = PublicContribution
