"""The courses app's models, one module per kind: the pages (`pages.py`), the editions and related
projects edited inline (`editions.py`) and the venues edited as snippets (`snippets.py`); the
enquiry model belongs to the enquiry feature and is re-exported here. Every model is importable from
`courses.models`; modules of this app that the pages use import the module that defines a model,
never this package (see docs/architecture.md)."""

from ..choices import Area, Certificate, DeliveryMode, Level
from ..enquiries import CourseEnquiry, EnquiryStatus
from .editions import CourseRelatedProject, CourseSession
from .pages import CourseIndexPage, CoursePage
from .snippets import Venue

__all__ = [
    "Area",
    "Certificate",
    "CourseEnquiry",
    "CourseIndexPage",
    "CoursePage",
    "CourseRelatedProject",
    "CourseSession",
    "DeliveryMode",
    "EnquiryStatus",
    "Level",
    "Venue",
]
