"""Shared by the search benchmarks: Django on a throwaway SQLite database."""

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def setup(var_dir=None):
    """Configure Django on a fresh SQLite file in a temporary folder and migrate."""
    var_dir = var_dir or tempfile.mkdtemp(prefix="search-bench-")
    os.environ["PORTAL_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from portal.management.commands.setup_portal import (
        ensure_home_page,
        ensure_locales,
        ensure_site,
    )

    ensure_locales()
    ensure_site(ensure_home_page(), "localhost", 80)
    return var_dir


def quiet_wagtail_indexing():
    """The benchmarks measure the portal's search, not Wagtail's admin search
    index or reference index: skip those while importing."""
    from django.apps import apps
    from django.db.models.signals import post_delete, post_save
    from modelsearch import signal_handlers as modelsearch_handlers
    from wagtail import signal_handlers as wagtail_handlers

    for model in apps.get_models():
        for signal, receiver in (
            (post_save, wagtail_handlers.update_reference_index_on_save),
            (post_save, modelsearch_handlers.post_save_signal_handler),
            (post_delete, wagtail_handlers.remove_reference_index_on_delete),
            (post_delete, modelsearch_handlers.post_delete_signal_handler),
        ):
            signal.disconnect(receiver, sender=model)


def cpu_model():
    """The processor's model name (Linux), else what the platform module knows."""
    import platform

    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine():
    """One line about the machine the figures come from."""
    import platform
    import sqlite3

    cpu = cpu_model()

    return (
        f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}, {platform.system()} {platform.release()}"
    )
