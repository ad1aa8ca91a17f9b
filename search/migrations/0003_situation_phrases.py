"""Seed the situation phrases (search/situations_seed.py); editors change them."""

from django.db import migrations


def seed(apps, schema_editor):
    from search.situations_seed import load_situations

    load_situations(apps.get_model("portal_search", "SituationPhrase"))


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_full_text")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
