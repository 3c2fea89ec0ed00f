#!/usr/bin/env bash
# Starts the production shape on one machine (README "Two nodes behind a load balancer"): Keycloak from
# target/keycloak on :8180, two nodes of the built application on :8081 and :8082 on one MariaDB schema, HAProxy on
# :8080 (the address the realm's redirect URIs name). Ctrl-C stops all of them.
#
#   MOTCUA_DB_PASSWORD=... bash src/cluster/start.sh
#
# Optional: MOTCUA_DB_URL, MOTCUA_DB_USER, MOTCUA_CLUSTER_PROFILES (default mariadb,keycloak,demo) and the client
# secrets (generated when unset). Each agency served signs liên thông messages with its Ed25519 key in
# target/cluster/keys/ (made on the first run; both nodes share them, as every node of one installation must).
set -euo pipefail
cd "$(dirname "$0")/../.."

profiles=${MOTCUA_CLUSTER_PROFILES:-mariadb,keycloak,demo}
: "${MOTCUA_DB_PASSWORD:?set MOTCUA_DB_PASSWORD (the MariaDB password of MOTCUA_DB_USER, default motcua)}"
export MOTCUA_DB_PASSWORD
export MOTCUA_DB_URL=${MOTCUA_DB_URL:-jdbc:mariadb://127.0.0.1:3306/motcua?createDatabaseIfNotExist=true&nullDatabaseMeansCurrent=true}
export MOTCUA_DB_USER=${MOTCUA_DB_USER:-motcua}
export MOTCUA_WEB_CLIENT_SECRET=${MOTCUA_WEB_CLIENT_SECRET:-$(openssl rand -hex 16)}
export MOTCUA_PEER_CLIENT_SECRET=${MOTCUA_PEER_CLIENT_SECRET:-$(openssl rand -hex 16)}
export MOTCUA_IDENTITY_CLIENT_SECRET=${MOTCUA_IDENTITY_CLIENT_SECRET:-$(openssl rand -hex 16)}
export MOTCUA_VNEID_CLIENT_SECRET=${MOTCUA_VNEID_CLIENT_SECRET:-$(openssl rand -hex 16)}
export MOTCUA_VNEID_URL=${MOTCUA_VNEID_URL:-http://localhost:8180/realms/vneid}
# HAProxy connects to the nodes from 127.0.0.2: only its X-Forwarded-For is believed, not a local client's
export MOTCUA_PROXY_SOURCE=127.0.0.2 MOTCUA_TRUSTED_PROXIES='127\.0\.0\.2'
export MOTCUA_LB_PORT=8080 MOTCUA_LB_STATS_PORT=8404 MOTCUA_NODE1=127.0.0.1:8081 MOTCUA_NODE2=127.0.0.1:8082
export MOTCUA_KEYCLOAK_URL=http://localhost:8180

jar=$(ls target/motcua-*.jar 2>/dev/null | grep -v plain | head -1 || true)
KC=target/keycloak/keycloak-26.4.7
if [[ -z $jar || ! -x $KC/bin/kc.sh ]]; then
    mvn -B -q -DskipTests package
    jar=$(ls target/motcua-*.jar | grep -v plain | head -1)
fi
mkdir -p target/cluster/keys
agencies=000.20.43.H43,000.61.43.H43,000.62.00.H43,000.00.12.H43,000.00.01.H43
keys=()
for agency in ${agencies//,/ }; do
    pem=target/cluster/keys/$agency.pem
    [[ -f $pem ]] || openssl genpkey -algorithm ed25519 -out "$pem"
    keys+=("--motcua.interagency.keys[$agency].id=cluster-$agency" "--motcua.interagency.keys[$agency].private-key-file=$pem")
done
children=()
trap 'kill "${children[@]}" 2>/dev/null; wait' EXIT INT TERM

# the realm is imported afresh with this run's secrets (an old data/h2 would keep the old ones)
rm -rf "$KC/data/h2" && mkdir -p "$KC/data/import" && cp keycloak/motcua-realm.json keycloak/vneid-emulator-realm.json "$KC/data/import/"
cp -r keycloak/themes/motcua "$KC/themes/"
KC_BOOTSTRAP_ADMIN_USERNAME=kcadmin KC_BOOTSTRAP_ADMIN_PASSWORD=kcadmin \
    "$KC/bin/kc.sh" start-dev --http-port=8180 --import-realm >target/cluster/keycloak.log 2>&1 &
children+=($!)
until curl -sf -o /dev/null $MOTCUA_KEYCLOAK_URL/realms/motcua/.well-known/openid-configuration; do sleep 1; done
echo "Keycloak up: $MOTCUA_KEYCLOAK_URL (log target/cluster/keycloak.log)"

for n in 1 2; do
    java -Xmx512m -jar "$jar" --spring.profiles.active="$profiles" --server.port=808$n \
        --motcua.public-url=http://localhost:8080 --motcua.interagency.local-agencies=$agencies "${keys[@]}" >target/cluster/node$n.log 2>&1 &
    children+=($!)
    # the first node creates the schema alone; the second starts once it is up
    until curl -sf -o /dev/null http://127.0.0.1:808$n/actuator/health; do
        kill -0 "${children[-1]}" 2>/dev/null || { echo "node $n ended, see target/cluster/node$n.log"; exit 1; }
        sleep 2
    done
    echo "node $n up: http://127.0.0.1:808$n (log target/cluster/node$n.log)"
done

haproxy -db -f src/cluster/haproxy.cfg >target/cluster/haproxy.log 2>&1 &
children+=($!)
echo "Load balancer: http://localhost:8080/camunda/app/tasklist/ (HAProxy stats: http://localhost:8404/haproxy-stats)"
wait -n
