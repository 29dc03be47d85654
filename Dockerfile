# syntax=docker/dockerfile:1
# SketchDojo image: one image, four roles (web, worker, beat, migrate) chosen by the command.
#   docker build -t sketchdojo .
#   docker run sketchdojo web | worker | beat | migrate | <any command>

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# --- builder: compiles the wheels that need headers (mysqlclient) into a virtualenv ---------------
FROM ${PYTHON_IMAGE} AS builder
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential pkg-config libmariadb-dev \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
COPY requirements.txt /tmp/requirements.txt
RUN pip install --upgrade pip \
    && pip install -r /tmp/requirements.txt

# --- runtime: slim, only the shared libraries, fonts for the letterer, a non-root user -----------
FROM ${PYTHON_IMAGE} AS runtime
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=config.settings \
    PORT=8000
RUN apt-get update \
    && apt-get install -y --no-install-recommends libmariadb3 fonts-dejavu-core fonts-dejavu-extra \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 sketchdojo \
    && useradd --system --uid 10001 --gid sketchdojo --home-dir /app --no-create-home --shell /usr/sbin/nologin sketchdojo
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
# The code and the static files stay root-owned (read-only to the app); only media is writable.
COPY . /app
# Static files are built into the image (served by WhiteNoise); media is a volume or S3.
RUN python manage.py collectstatic --noinput -v 0 \
    && mkdir -p /app/media \
    && chown sketchdojo:sketchdojo /app/media \
    && chmod +x /app/deploy/docker-entrypoint.sh
USER 10001:10001
EXPOSE 8000 9808
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/health/liveness', timeout=4)"]
# Daphne and Celery both stop gracefully on SIGTERM (Celery: warm shutdown, finishing its tasks).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/app/deploy/docker-entrypoint.sh"]
CMD ["web"]
