#!/usr/bin/env bash
# Starts this machine's MariaDB and Redis when they are not answering (used by `make test`).
# Exits non-zero when a service still does not answer: in CI a missing service is a failure.
set -uo pipefail

wait_for() {  # name, probe command
  for _ in $(seq 1 30); do eval "$2" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "services: $1 did not come up" >&2; return 1
}

redis_up() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && read -r -t 2 line <&3 && [[ "$line" == +PONG* ]]) 2>/dev/null; }
mysql_up() { (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; }

status=0
if ! redis_up; then
  echo "services: starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  wait_for Redis redis_up || status=1
fi
if ! mysql_up; then
  echo "services: starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  wait_for MariaDB mysql_up || status=1
fi
exit $status
