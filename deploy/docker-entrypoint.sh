#!/bin/sh
# Container entry point: `web`, `worker`, `beat` or `migrate`, or any other command as given.
# Access lines come from the app as JSON (sketchdojo.access), so Daphne's own text log is off.
# Every role stops gracefully on SIGTERM: `exec` replaces this shell with the server, so the
# signal reaches Daphne (stops accepting, finishes open requests) or Celery (warm shutdown: no new
# tasks, running ones finish; unfinished ones are redelivered thanks to acks_late).
set -eu

# Prometheus multiprocess mode: every process of this container writes its samples here; the
# directory must start empty, or a previous run's dead processes would still be counted.
if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
  rm -rf "${PROMETHEUS_MULTIPROC_DIR:?}"
  mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi

case "${1:-web}" in
  web)
    shift || true
    exec python -m sketchdojo.server --bind 0.0.0.0 --port "${PORT:-8000}" --proxy-headers \
      --application-close-timeout "${WEB_CLOSE_TIMEOUT:-20}" --verbosity 0 "$@" config.asgi:application
    ;;
  worker)
    shift
    exec celery --app config worker --queues "${CELERY_QUEUES:-ai,images}" \
      --concurrency "${CELERY_CONCURRENCY:-2}" --max-tasks-per-child "${CELERY_MAX_TASKS_PER_CHILD:-100}" \
      --hostname "worker@%h" --loglevel "${LOG_LEVEL:-INFO}" --without-mingle "$@"
    ;;
  beat)
    shift
    exec celery --app config beat --loglevel "${LOG_LEVEL:-INFO}" \
      --schedule "${CELERY_BEAT_SCHEDULE_FILE:-/tmp/celerybeat-schedule}" "$@"
    ;;
  migrate)
    shift
    exec python manage.py migrate --noinput "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
