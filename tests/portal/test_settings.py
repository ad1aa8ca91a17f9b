"""Production settings refuse to start unsafe and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_without_secret_key_exits_with_one_clear_line(tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        PORTAL_VAR_DIR=str(tmp_path),
    )

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "SECRET_KEY is not set: production settings need a long random SECRET_KEY "
        "in the environment."
    ]


def test_production_settings_pass_the_deployment_check(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="x" * 20 + "a-long-random-secret-key-for-the-check-9f8e7d6c5b4a",
        ALLOWED_HOSTS="hjelp.example.org",
        PORTAL_VAR_DIR=str(tmp_path),
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_database_url_selects_postgresql(monkeypatch):
    import dj_database_url

    config = dj_database_url.parse("postgres://user:pw@db.example.org:5432/portal")

    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["NAME"] == "portal"


def test_suite_runs_on_the_database_that_database_url_names(db):
    from django.db import connection

    url = os.environ.get("DATABASE_URL", "sqlite://")
    expected = "postgresql" if url.startswith("postgres") else "sqlite"

    assert connection.vendor == expected
