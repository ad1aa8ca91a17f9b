"""Let Wagtail's editor and moderator groups see the report of searches without
results and edit situation phrases."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editors": ["view_zerohitquery", "add_situationphrase", "change_situationphrase"],
    "Moderators": [
        "view_zerohitquery",
        "add_situationphrase",
        "change_situationphrase",
        "delete_situationphrase",
    ],
}


def grant(apps, schema_editor):
    config = apps.get_app_config("portal_search")
    config.models_module = True
    create_permissions(config, apps=apps, verbosity=0)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="portal_search", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0003_situation_phrases"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
