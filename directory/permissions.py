"""Who may edit what: one editor group per partner organisation, and moderators."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MODERATORS = "Moderators"
EDITOR_GROUP_PREFIX = "Editors: "
ADMIN_ACCESS = ("wagtailadmin", "access_admin")


def _admin_access():
    return Permission.objects.get(
        content_type__app_label=ADMIN_ACCESS[0], codename=ADMIN_ACCESS[1]
    )


def _page_permission(codename):
    return Permission.objects.get(
        content_type__app_label="wagtailcore", codename=codename
    )


def ensure_moderators(directory_index):
    """Moderators may publish anywhere in the directory and approve changes."""
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(_admin_access())
    for codename in ("add_page", "change_page", "publish_page", "lock_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=directory_index, permission=_page_permission(codename)
        )
    return group


def ensure_moderation_workflow(directory_index):
    """Every change in the directory goes through the moderators' approval."""
    moderators = ensure_moderators(directory_index)
    workflow, created = Workflow.objects.get_or_create(name="Directory moderation")
    if created:
        task = GroupApprovalTask.objects.create(name="Moderator approval")
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(
        page=directory_index, defaults={"workflow": workflow}
    )
    return workflow


def editor_group_name(organisation):
    return f"{EDITOR_GROUP_PREFIX}{organisation.title}"[:150]


def partner_group(organisation):
    permission = GroupPagePermission.objects.filter(
        page=organisation, group__name__startswith=EDITOR_GROUP_PREFIX
    ).first()
    return permission.group if permission else None


def ensure_partner_group(organisation):
    """The editors of one organisation: add and edit its pages, never publish."""
    group = partner_group(organisation)
    if group is None:
        group, _ = Group.objects.get_or_create(name=editor_group_name(organisation))
    group.permissions.add(_admin_access())
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.get_or_create(
            group=group, page=organisation, permission=_page_permission(codename)
        )
    return group
