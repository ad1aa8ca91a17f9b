"""Permissions follow the page tree as it grows: a new directory (for instance a
translation's) gets the moderators and the workflow, a new organisation its editor
group, however the page was made (admin, import, translation)."""

from django.db.models.signals import post_save


def directory_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from directory.permissions import ensure_moderation_workflow

        ensure_moderation_workflow(instance)


def organisation_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from directory.permissions import ensure_partner_group

        ensure_partner_group(instance)


def connect():
    from directory.models import DirectoryIndexPage, OrganisationPage

    post_save.connect(
        directory_created, sender=DirectoryIndexPage, dispatch_uid="directory-perms"
    )
    post_save.connect(
        organisation_created, sender=OrganisationPage, dispatch_uid="org-perms"
    )
