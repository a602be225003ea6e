"""Visitor forms in one place: the form flow, the messages it stores, their mails and the staff inbox."""
