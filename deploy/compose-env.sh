#!/bin/sh
# Writes .env.compose (git-ignored) once, with fresh random secrets for the docker-compose stack.
# Add provider keys (OPENAI_API_KEY=..., LLM_PROVIDER=openai, ...) or S3 settings to it by hand.
set -eu
target="${1:-.env.compose}"
random() { python3 -c 'import secrets; print(secrets.token_urlsafe(48))'; }
umask 077
if [ -f "$target" ]; then
  # A file written before Flower joined the stack gets its password added (nothing else changes).
  grep -q '^FLOWER_PASSWORD=' "$target" || echo "FLOWER_PASSWORD=$(random)" >> "$target"
  exit 0
fi
{
  echo "SECRET_KEY=$(random)"
  echo "MYSQL_PASSWORD=$(random)"
  echo "MYSQL_ROOT_PASSWORD=$(random)"
  echo "GRAFANA_ADMIN_PASSWORD=admin"
  echo "FLOWER_PASSWORD=$(random)"
} > "$target"
echo "compose-env: wrote $target"
