"""What the project catalogue's kept parts read of a project (its facts: what the ids are sorted,
filtered and counted by, and the funding chart sums), purged when a save changes them
(`core.parts.purge_when_facts_change`, connected in `apps.py`).

A republish that changes none of them (a corrected summary, a new image, the same page published
again) leaves the catalogue's sorted ids, facet counts, filter form and funding chart kept: at
100,000 projects its first visitor after such a publish neither sorts nor counts (issue 27, item
3). The card of the page shows its own changes (its `page:` tag); a first publish, an unpublish, a
move, a deletion or a changed snippet purge the kept parts as before (`serving.pagecache.purge`)."""

FACTS_TAG = "projects:catalogue-facts"
FIELDS = (
    "live",
    "title",
    "fund_id",
    "programme_id",
    "starts_on",
    "ends_on",
    "start_year",
    "status_override",
    "total_cost",
    "eu_contribution",
)
RELATIONS = {  # relation: the attribute of its rows that the catalogue reads
    "themes": "pk",
    "territories": "pk",
    "asap_services": "pk",
    "organisation_roles": "organisation_id",
}


def facts(project):
    """The facts of `project` as this instance holds them (its relations as set in memory when they
    are, as a revision being published sets them; else as saved)."""
    values = [getattr(project, field) for field in FIELDS]
    values += [sorted(getattr(row, attr) for row in getattr(project, name).all()) for name, attr in RELATIONS.items()]
    return values
