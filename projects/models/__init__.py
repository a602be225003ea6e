"""The projects app's models, one module per kind: the pages (`pages.py`), the parts of a project
page edited inline (`inlines.py`) and the reference data edited as snippets (`snippets.py`). Every
model is importable from `projects.models`, as every app's models are; modules of this app that the
pages use import the module that defines a model, never this package (see docs/architecture.md)."""

from ..status import Status
from ..visibility import FundLogo, ProgrammeLogo
from .inlines import ProjectDocument, ProjectOrganisation, ProjectRelatedLink, ProjectResult
from .pages import ProjectIndexPage, ProjectPage
from .snippets import AsapService, Fund, FundingProgramme, Organisation, Territory, Theme

__all__ = [
    "AsapService",
    "Fund",
    "FundLogo",
    "FundingProgramme",
    "Organisation",
    "ProgrammeLogo",
    "ProjectDocument",
    "ProjectIndexPage",
    "ProjectOrganisation",
    "ProjectPage",
    "ProjectRelatedLink",
    "ProjectResult",
    "Status",
    "Territory",
    "Theme",
]
