# Shared by bin/start and bin/test: make sure .venv exists and matches requirements.lock.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
VENV=.venv

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
  exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
  echo "==> Creating the virtual environment in $VENV"
  "$PYTHON" -m venv "$VENV" || {
    echo "Could not create a virtual environment: on Debian/Ubuntu install python3-venv." >&2
    exit 1
  }
fi
lock_hash=$(sha256sum requirements.lock | cut -d' ' -f1)
if [ "$(cat "$VENV/.installed-lock" 2>/dev/null)" != "$lock_hash" ]; then
  echo "==> Installing the locked packages (requirements.lock)"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    --require-hashes -r requirements.lock
  echo "$lock_hash" > "$VENV/.installed-lock"
fi
export PATH="$PWD/$VENV/bin:$PATH"
python manage.py compile_catalogues --verbosity 0 >/dev/null
