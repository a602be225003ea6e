"""The course enquiry: what visitors ask about a course (models), the form under the course's address
(forms, pages) and the e-mails it causes (mail). `courses.enquiries` re-exports the models."""

from .models import CourseEnquiry, CourseEnquiryQuerySet, EnquiryStatus, RequestType

__all__ = ["CourseEnquiry", "CourseEnquiryQuerySet", "EnquiryStatus", "RequestType"]
