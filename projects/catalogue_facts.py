"""What the project catalogue's kept parts read of a project (its facts: what the ids are sorted,
filtered and counted by, and the funding chart sums), and their purge when a save changes them.

A republish that changes none of them (a corrected summary, a new image, the same page published
again) leaves the catalogue's sorted ids, facet counts, filter form and funding chart kept: at
100,000 projects its first visitor after such a publish neither sorts nor counts (issue 27, item
3). The card of the page shows its own changes (its `page:` tag); a first publish, an unpublish, a
move, a deletion or a changed snippet purge the kept parts as before (`serving.pagecache.purge`)."""

from core.parts import notify_pages_changed

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


def purge_when_facts_change(sender, instance, raw=False, update_fields=None, **kwargs):
    """Before a project is saved: if it is saved already and the save changes a fact, the kept
    parts that read the facts go (now, and again when the transaction commits)."""
    if raw or instance.pk is None:
        return
    if update_fields is not None and not {field.removesuffix("_id") for field in FIELDS} & {
        field.removesuffix("_id") for field in update_fields
    }:
        return  # a draft's bookkeeping (latest revision, draft title): nothing visitors see
    saved = sender.objects.filter(pk=instance.pk).first()
    if saved is None or facts(saved) != facts(instance):
        notify_pages_changed(tags=[FACTS_TAG])
