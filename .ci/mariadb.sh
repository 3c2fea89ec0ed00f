#!/usr/bin/env bash
# Makes sure MariaDB 10.11 runs on 127.0.0.1:3306 with the test users motcua/motcua and motcua_prod (idempotent).
set -euo pipefail

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q mariadb-server
fi

if ! mysqladmin --protocol=tcp -h127.0.0.1 -P3306 status >/dev/null 2>&1 \
   && ! mysqladmin status >/dev/null 2>&1; then
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 60); do
    mysqladmin status >/dev/null 2>&1 && break
    sleep 1
  done
fi

# root over TCP with an empty password on some machines, only over the Unix socket on Debian's default install
if mysql --protocol=tcp -h127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1; then
  as_root=(mysql --protocol=tcp -h127.0.0.1 -uroot)
else
  as_root=(mysql -uroot)
fi
"${as_root[@]}" <<'SQL'
create user if not exists 'motcua'@'127.0.0.1' identified by 'motcua';
create user if not exists 'motcua'@'localhost' identified by 'motcua';
grant all on `motcua\_test%`.* to 'motcua'@'127.0.0.1';
grant all on `motcua\_test%`.* to 'motcua'@'localhost';
grant all on motcua.* to 'motcua'@'127.0.0.1';
grant all on motcua.* to 'motcua'@'localhost';
-- ProductionProfileTests start the product without demo: its database password must not be a known default
create user if not exists 'motcua_prod'@'127.0.0.1' identified by 'prod-test-7Qv2kX9d';
create user if not exists 'motcua_prod'@'localhost' identified by 'prod-test-7Qv2kX9d';
grant all on `motcua\_test%`.* to 'motcua_prod'@'127.0.0.1';
grant all on `motcua\_test%`.* to 'motcua_prod'@'localhost';
SQL
mysql --protocol=tcp -h127.0.0.1 -umotcua -pmotcua -e 'select version()' >/dev/null
echo "MariaDB ready: $(mysql --protocol=tcp -h127.0.0.1 -umotcua -pmotcua -N -e 'select version()')"
