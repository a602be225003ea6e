"""Italian editorial groups and the moderation workflow: "Redattori" write and submit, "Moderatori"
approve and publish. Wagtail's default English groups and workflow are renamed, not duplicated."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PAGE_PERMS = ["add_page", "change_page"]
MODERATOR_PAGE_PERMS = EDITOR_PAGE_PERMS + ["publish_page", "lock_page", "unlock_page", "bulk_delete_page"]
EDITOR_COLLECTION_PERMS = [("wagtailimages", "add_image"), ("wagtailimages", "choose_image"),
                           ("wagtaildocs", "add_document"), ("wagtaildocs", "choose_document")]
MODERATOR_COLLECTION_PERMS = EDITOR_COLLECTION_PERMS + [("wagtailimages", "change_image"),
                                                        ("wagtaildocs", "change_document")]
MODERATOR_MODEL_PERMS = [
    ("wagtailredirects", "add_redirect"), ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("core", "change_organisationsettings"), ("core", "change_navigationsettings"),
]
WORKFLOW_NAME = "Approvazione dei moderatori"


def named_group(Group, italian, english):
    group = Group.objects.filter(name=italian).first()
    if group is None:
        group = Group.objects.filter(name=english).first() or Group(name=italian)
        group.name = italian
        group.save()
    return group


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    ContentType = apps.get_model("contenttypes.ContentType")

    def perm(app_label, codename):
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)

    editors = named_group(Group, "Redattori", "Editors")
    moderators = named_group(Group, "Moderatori", "Moderators")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for group, page_perms, collection_perms in (
        (editors, EDITOR_PAGE_PERMS, EDITOR_COLLECTION_PERMS),
        (moderators, MODERATOR_PAGE_PERMS, MODERATOR_COLLECTION_PERMS),
    ):
        group.permissions.add(perm("wagtailadmin", "access_admin"))
        if root_page:
            for codename in page_perms:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=perm("wagtailcore", codename)
                )
        if root_collection:
            for app_label, codename in collection_perms:
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=perm(app_label, codename)
                )
    for app_label, codename in MODERATOR_MODEL_PERMS:
        moderators.permissions.add(perm(app_label, codename))

    task = GroupApprovalTask.objects.filter(groups=moderators, active=True).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME, content_type=task_type, active=True)
        task.groups.set([moderators])
    task.name = WORKFLOW_NAME
    task.save()

    workflow_task = WorkflowTask.objects.filter(task_id=task.pk).select_related("workflow").first()
    if workflow_task is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)
    else:
        workflow = workflow_task.workflow
        workflow.name = WORKFLOW_NAME
        workflow.save()
    if root_page:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
