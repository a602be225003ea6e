"""Events ("Eventi"): seminars and conferences with their calendar and the visitors' registrations."""
