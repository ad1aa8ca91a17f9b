"""Who may edit what in the directory.

Wagtail's page permissions apply to a page and everything below it, so the page tree
carries the rules:

    home
    └── directory index          Moderators: add, change, publish, lock, unlock
        ├── organisation A       "Editors: A": add, change (never publish)
        │   ├── service …
        │   └── guidance page …  (the organisation's own pages)
        └── organisation B       "Editors: B": add, change

Every change below the directory index goes through the "Directory moderation"
workflow, whose one task the Moderators approve. Translations (other locales' copies
of the directory) get the same rules as their source.

These rows point at pages, which exist only once the portal is set up, so they are
made at set-up time and when pages are created (directory/signals.py), never by a
data migration: `setup_portal` calls `ensure_directory_permissions()`, which is safe to
run again and repairs what is missing.
"""

import contextlib
import contextvars

from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

MODERATORS = "Moderators"
EDITOR_GROUP_PREFIX = "Editors: "
WORKFLOW = "Directory moderation"
ADMIN_ACCESS = ("wagtailadmin", "access_admin")

MODERATOR_PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page")
# Model permissions: moderators keep the taxonomy; editors read and close the error
# reports about their own services (directory.wagtail_hooks limits them to those).
MODERATOR_MODEL_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("taxonomyterm", "errorreport")
    for action in ("add", "change", "delete", "view")
]
EDITOR_MODEL_PERMISSIONS = ["change_errorreport", "view_errorreport"]


# Permission rows looked up while `remembered_permissions()` runs (an import making
# hundreds of editor groups); None outside it: every call reads the database.
_remembered = contextvars.ContextVar("directory_permissions", default=None)


@contextlib.contextmanager
def remembered_permissions():
    """Look each Permission row up once while this runs (they do not change)."""
    token = _remembered.set({})
    try:
        yield
    finally:
        _remembered.reset(token)


def _lookup(key, find):
    cache = _remembered.get()
    if cache is None:
        return find()
    if key not in cache:
        cache[key] = find()
    return cache[key]


def _admin_access():
    return _lookup(
        ADMIN_ACCESS,
        lambda: Permission.objects.get(
            content_type__app_label=ADMIN_ACCESS[0], codename=ADMIN_ACCESS[1]
        ),
    )


def _page_permission(codename):
    return _lookup(
        ("wagtailcore", codename),
        lambda: Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        ),
    )


def _directory_permissions(codenames):
    return _lookup(
        ("directory", *codenames),
        lambda: list(
            Permission.objects.filter(
                content_type__app_label="directory", codename__in=codenames
            )
        ),
    )


def _grant_pages(group, page, codenames):
    """The group's permissions on the page: those missing are added in one INSERT."""
    wanted = {_page_permission(codename) for codename in codenames}
    held = set(
        GroupPagePermission.objects.filter(
            group=group, page=page, permission__in=wanted
        ).values_list("permission_id", flat=True)
    )
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=permission)
            for permission in sorted(wanted, key=lambda p: p.pk)
            if permission.pk not in held
        ]
    )


def ensure_moderators(directory_index):
    """Moderators may publish anywhere in the directory and approve changes."""
    group, _ = Group.objects.get_or_create(name=MODERATORS)
    group.permissions.add(
        _admin_access(), *_directory_permissions(MODERATOR_MODEL_PERMISSIONS)
    )
    _grant_pages(group, directory_index, MODERATOR_PAGE_PERMISSIONS)
    return group


def moderation_workflow():
    """The one workflow of the directory: the Moderators approve."""
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW)
    if created:
        task = GroupApprovalTask.objects.create(name="Moderator approval")
        task.groups.set([moderators])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_moderation_workflow(directory_index):
    """Every change in the directory goes through the moderators' approval."""
    ensure_moderators(directory_index)
    workflow = moderation_workflow()
    WorkflowPage.objects.update_or_create(
        page=directory_index, defaults={"workflow": workflow}
    )
    return workflow


def editor_group_name(organisation, number=1):
    """'Editors: <name>', or 'Editors: <name> (2)' when another organisation of the
    same name already has the first: a group is never shared by name alone."""
    suffix = f" ({number})" if number > 1 else ""
    return f"{EDITOR_GROUP_PREFIX}{organisation.title}"[: 150 - len(suffix)] + suffix


def _new_partner_group(organisation):
    # Ten names at a time by the unique index on names (while permissions are
    # remembered, from the last number given to this name); a prefix search reads
    # every group (an import of many organisations slowed down as it grew).
    cache = _remembered.get()
    key = ("editor group number", editor_group_name(organisation))
    start = cache.get(key, 0) if cache is not None else 0
    for first in range(start + 1, start + 31, 10):
        names = [editor_group_name(organisation, n) for n in range(first, first + 10)]
        taken = set(Group.objects.filter(name__in=names).values_list("name", flat=True))
        for number, name in enumerate(names, start=first):
            if name not in taken:
                if cache is not None and number > 1:  # only names given twice
                    cache[key] = number
                return Group.objects.create(name=name)
    # Every name the numbering could give starts like the first one, less the room a
    # suffix takes when the name is cut at 150 characters: one query finds them all.
    taken = set(
        Group.objects.filter(
            name__startswith=editor_group_name(organisation)[:140]
        ).values_list("name", flat=True)
    )
    number = 1
    while editor_group_name(organisation, number) in taken:
        number += 1
    return Group.objects.create(name=editor_group_name(organisation, number))


def partner_group(organisation):
    """The editor group of an organisation, found through the organisation's page or
    one of its translations (the group keeps working when the page is renamed)."""
    # The pages by their translation key first: asked in one query with the content
    # type, SQLite went through every organisation's page (slower with each one).
    pages = [
        pk
        for pk, content_type in Page.objects.filter(
            translation_key=organisation.translation_key
        ).values_list("pk", "content_type")
        if content_type == organisation.content_type_id
    ]
    permission = (
        GroupPagePermission.objects.filter(
            page__in=pages, group__name__startswith=EDITOR_GROUP_PREFIX
        )
        .select_related("group")
        .order_by("pk")
        .first()
    )
    return permission.group if permission else None


def ensure_partner_group(organisation):
    """The editors of one organisation: add and edit pages below it and below its
    translations, never publish; read and close its error reports."""
    from directory.models import OrganisationPage

    group = partner_group(organisation)
    if group is None:
        group = _new_partner_group(organisation)
    group.permissions.add(
        _admin_access(), *_directory_permissions(EDITOR_MODEL_PERMISSIONS)
    )
    for page in OrganisationPage.objects.filter(
        translation_key=organisation.translation_key
    ).only("pk"):
        _grant_pages(group, page, EDITOR_PAGE_PERMISSIONS)
    return group


def ensure_directory_permissions():
    """Moderators, the workflow and every organisation's editor group, for every
    language's directory. Safe to run again. Returns the number of editor groups."""
    from django.conf import settings

    from directory.models import DirectoryIndexPage, OrganisationPage

    for index in DirectoryIndexPage.objects.all():
        ensure_moderation_workflow(index)
    organisations = OrganisationPage.objects.order_by("path")
    # Sources first, so that a new group is named after the Norwegian title.
    source = organisations.filter(locale__language_code=settings.LANGUAGE_CODE)
    groups = {
        ensure_partner_group(organisation).pk
        for organisation in [*source, *organisations.exclude(pk__in=source)]
    }
    return len(groups)
