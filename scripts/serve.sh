#!/usr/bin/env bash
# `make serve`: the application as production runs it, on this machine's demo - DEBUG off, the
# deploy checks, the database migrated, static files collected and hashed, gunicorn. DEMO=no
# leaves the demo out (a real installation); a real installation also sets SECRET_KEY,
# ALLOWED_HOSTS and the HTTPS settings itself (README, "Running in production").
set -euo pipefail
cd "$(dirname "$0")/.."

HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
export DEBUG=false
if [ -z "${SECRET_KEY:-}" ]; then
  # One random key for this clone, kept beside it (never committed) so sessions survive a restart.
  KEY_FILE="${SECRET_KEY_FILE:-.secret_key}"
  [ -s "$KEY_FILE" ] || (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(64))' > "$KEY_FILE")
  SECRET_KEY="$(cat "$KEY_FILE")"
  export SECRET_KEY
fi
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-$HOST,localhost,127.0.0.1}"
case "$HOST" in
  127.0.0.1 | localhost | ::1)
    # Plain HTTP on this machine only: an HTTPS redirect and secure-only cookies would lock the
    # browser out. Anywhere else the production defaults (HTTPS, HSTS) stand.
    export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}" SECURE_COOKIES="${SECURE_COOKIES:-false}"
    export SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
    ;;
esac

.venv/bin/python manage.py check --deploy
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py collectstatic --no-input -v0
if [ "${DEMO:-yes}" != no ]; then
  .venv/bin/python manage.py load_demo --force
fi
echo "Serving http://$HOST:$PORT/ with DEBUG off (Ctrl-C stops it)"
exec .venv/bin/gunicorn yos_tracker.wsgi --bind "$HOST:$PORT" --workers "${WORKERS:-2}" --no-control-socket
