#!/usr/bin/env bash
# Two peered demo nodes on this machine: KNPA (Korea) on 8080 and CNP (Cambodia) on 8081 (or the ports in
# KNPA_PORT / CNP_PORT, or --knpa-port / --cnp-port), each with its own
# data directory (embedded database) and the demo users. Identities are exchanged with
# `liaison peer export/add --yes` (the demo confirms the fingerprint for you; in production, read it out to
# the other side by phone). Safe to run again: demo data and peering are idempotent. Ctrl-C stops both.
#
#   scripts/two-nodes.sh           start (set up on first run)
#   scripts/two-nodes.sh --reset   delete data/knpa and data/cnp first
#   KNPA_PORT=9080 CNP_PORT=9081 scripts/two-nodes.sh      other ports (arguments win over the environment):
#   scripts/two-nodes.sh --knpa-port 9080 --cnp-port 9081
# The ports are part of each node's PUBLIC_URL, which the other side stores at peering; a run with other ports
# than the last one re-adds each identity with `--replace`, so each side learns where the other now lives.
set -euo pipefail
cd "$(dirname "$0")/.."

knpa_port="${KNPA_PORT:-8080}"
cnp_port="${CNP_PORT:-8081}"
reset=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reset) reset=true ;;
    --knpa-port | --cnp-port)
      [[ $# -ge 2 ]] || { echo "$1 needs a port number" >&2; exit 2; }
      if [[ "$1" == --knpa-port ]]; then knpa_port=$2; else cnp_port=$2; fi
      shift ;;
    --knpa-port=*) knpa_port="${1#*=}" ;;
    --cnp-port=*) cnp_port="${1#*=}" ;;
    *) echo "Unknown argument: $1 (expected --reset, --knpa-port N, --cnp-port N)" >&2; exit 2 ;;
  esac
  shift
done
for port in "$knpa_port" "$cnp_port"; do
  if ! [[ "$port" =~ ^[0-9]+$ ]] || ((10#$port < 1 || 10#$port > 65535)); then
    echo "Not a port: '$port' (expected 1-65535)" >&2
    exit 2
  fi
done
if [[ "$knpa_port" == "$cnp_port" ]]; then
  echo "KNPA and CNP need different ports (both are $knpa_port)." >&2
  exit 2
fi

if $reset; then rm -rf data/knpa data/cnp; fi
mkdir -p data/knpa data/cnp

for port in "$knpa_port" "$cnp_port"; do
  if curl -s -m 2 -o /dev/null "http://127.0.0.1:$port/api/health"; then
    echo "Port $port is already serving; stop that process first." >&2
    exit 1
  fi
done

if [[ ! -f packages/web/dist/index.html ]]; then
  echo "Building the web app (once)…" >&2
  npm run build -w @liaison/web >/dev/null
fi

knpa_env=(PORT="$knpa_port" DATA_DIR=./data/knpa NODE_NAME=knpa NODE_AGENCY=KNPA NODE_COUNTRY=KR PUBLIC_URL="http://127.0.0.1:$knpa_port")
cnp_env=(PORT="$cnp_port" DATA_DIR=./data/cnp NODE_NAME=cnp NODE_AGENCY=CNP NODE_COUNTRY=KH PUBLIC_URL="http://127.0.0.1:$cnp_port")
log_level="${LOG_LEVEL:-warn}"

liaison() {
  local who=$1
  shift
  local -n vars="${who}_env"
  env "${vars[@]}" LOG_LEVEL="$log_level" node packages/server/bin/liaison.js "$@"
}

# Each node: migrate + demo data, then write its public identity. Both nodes at once.
setup() {
  liaison "$1" demo >"data/$1/demo.log" 2>&1
  liaison "$1" peer export --out "data/$1/identity.json" 2>>"data/$1/demo.log"
}
echo "Setting up KNPA and CNP (migrations, demo data, keys)…" >&2
setup knpa &
knpa_setup=$!
setup cnp &
cnp_setup=$!
wait $knpa_setup || { cat data/knpa/demo.log >&2; exit 1; }
wait $cnp_setup || { cat data/cnp/demo.log >&2; exit 1; }

# Each side adds the other's identity (the key exchange); both at once again. `--replace`: the demo's own
# identity files may carry new ports (PUBLIC_URL); the same identity again changes nothing.
liaison knpa peer add data/cnp/identity.json --yes --replace &
knpa_add=$!
liaison cnp peer add data/knpa/identity.json --yes --replace &
cnp_add=$!
wait $knpa_add
wait $cnp_add

# `exec`: $! is the node process itself, so stopping it is one signal it handles (closes its database).
serve() {
  local -n vars="${1}_env"
  exec env "${vars[@]}" LOG_LEVEL="$log_level" node packages/server/bin/liaison.js start
}
(serve knpa) > >(sed -u 's/^/[knpa] /') 2>&1 &
knpa_pid=$!
(serve cnp) > >(sed -u 's/^/[cnp]  /') 2>&1 &
cnp_pid=$!
stop() {
  trap - INT TERM EXIT
  kill -TERM "$knpa_pid" "$cnp_pid" 2>/dev/null || true
  wait "$knpa_pid" "$cnp_pid" 2>/dev/null || true
}
trap stop INT TERM EXIT

for port in "$knpa_port" "$cnp_port"; do
  for _ in $(seq 1 120); do
    curl -s -m 2 -o /dev/null "http://127.0.0.1:$port/api/health" && break
    sleep 1
  done
done
cat >&2 <<EOF

Both nodes are serving.
  KNPA (Seoul)       http://127.0.0.1:$knpa_port   sign in as investigator@knpa.demo
  CNP (Phnom Penh)   http://127.0.0.1:$cnp_port   sign in as investigator@cnp.demo
  password for every demo user: liaison-demo-2026   (admin@… enrols an authenticator at first sign-in)
Open each in its own browser profile or private window (sessions are per origin). Ctrl-C stops both.
EOF
wait $knpa_pid $cnp_pid
