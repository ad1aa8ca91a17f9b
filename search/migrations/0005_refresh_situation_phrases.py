"""Add the situation phrases seeded since 0003 and bring unchanged seed rows up to
date (search/situations_seed.py); rows an editor changed stay as they are."""

from django.db import migrations


def seed(apps, schema_editor):
    from search.situations_seed import load_situations

    load_situations(apps.get_model("portal_search", "SituationPhrase"))


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0004_editor_permissions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
