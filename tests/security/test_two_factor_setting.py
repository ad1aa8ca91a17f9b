"""PORTAL_REQUIRE_2FA: always on in production, off by default only on a developer's
machine (so the demo editor from ./bin/start signs in with its password)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRINT_FLAG = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.PORTAL_REQUIRE_2FA)"
)


def flag_under(settings_module, tmp_path, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PORTAL_REQUIRE_2FA", "DATABASE_URL"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE=settings_module,
        SECRET_KEY="a-long-random-secret-key-for-this-test-9f8e7d6c5b4a3210",
        PORTAL_VAR_DIR=str(tmp_path),
        **env,
    )
    result = subprocess.run(
        [sys.executable, "-c", PRINT_FLAG],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_always_requires_two_factor(tmp_path):
    assert flag_under("portal.settings.production", tmp_path) == "True"
    assert (
        flag_under("portal.settings.production", tmp_path, PORTAL_REQUIRE_2FA="0")
        == "True"
    )


@pytest.mark.parametrize(
    ("env", "expected"), [({}, "False"), ({"PORTAL_REQUIRE_2FA": "1"}, "True")]
)
def test_a_developer_machine_is_off_unless_asked(tmp_path, env, expected):
    assert flag_under("portal.settings.dev", tmp_path, **env) == expected
