"""The "Scrivici" page: a form editors build in Wagtail, its messages and their notification, through
the visitor forms' flow (`inbox`)."""
