#!/usr/bin/env bash
# `make load`: gunicorn (2 workers) on PostgreSQL and Redis with a real Celery worker, 60 s of
# 20 simulated people on 127.0.0.1, then a check that every confirmed update is stored once.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${LOAD_PORT:-8765}"
DB="${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/yos_load}"
export DATABASE_URL="$DB" REDIS_URL="${LOAD_REDIS_URL:-redis://127.0.0.1:6379/2}"
export DEBUG=false SECRET_KEY="load-test-only-$(date +%s)-not-a-production-key-0123456789" ALLOWED_HOSTS=127.0.0.1
export SECURE_SSL_REDIRECT=false SECURE_COOKIES=false SECURE_HSTS_SECONDS=0 DJANGO_SETTINGS_MODULE=yos_tracker.settings
export LOAD_LEDGER="$(mktemp)" PYTHONPATH="$PWD"
OUT="${LOAD_OUT:-load/results}"
mkdir -p "$OUT"

test -x .venv-load/bin/locust || { python3 -m venv .venv-load && .venv-load/bin/pip install -q -r load/requirements.txt; }
.venv/bin/python - <<PY
import psycopg
with psycopg.connect("${DB%/*}/postgres", autocommit=True) as c:
    c.execute('DROP DATABASE IF EXISTS "${DB##*/}" WITH (FORCE)'); c.execute('CREATE DATABASE "${DB##*/}"')
PY
PREPARED="$(.venv/bin/python load/prepare.py)"  # fails the script if preparing fails
eval "$PREPARED"
.venv/bin/python manage.py collectstatic --no-input -v0

.venv/bin/gunicorn yos_tracker.wsgi --workers 2 --bind "127.0.0.1:$PORT" --no-control-socket --log-level warning &
WEB=$!
.venv/bin/celery -A yos_tracker worker --loglevel WARNING --concurrency 1 >/dev/null 2>&1 &
WORKER=$!
trap 'kill $WEB $WORKER 2>/dev/null || true' EXIT
for _ in $(seq 30); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.5; done

.venv-load/bin/locust -f load/locustfile.py --headless --users 20 --spawn-rate 10 --run-time 60s \
  --host "http://127.0.0.1:$PORT" --csv "$OUT/locust" --only-summary 2>&1 | tail -n 25
.venv/bin/python - <<'PY'
import csv
rows = {r["Name"]: r for r in csv.DictReader(open("load/results/locust_stats.csv"))}
total = rows["Aggregated"]
requests, failures = int(total["Request Count"]), int(total["Failure Count"])
print(f"\nThroughput {float(total['Requests/s']):.1f} req/s; p50 {total['50%']} ms, p95 {total['95%']} ms, "
      f"p99 {total['99%']} ms; errors {failures}/{requests} ({100 * failures / max(requests, 1):.2f}%)")
PY
.venv/bin/python load/check.py
