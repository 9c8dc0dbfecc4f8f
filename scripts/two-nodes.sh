#!/usr/bin/env bash
# Two peered demo nodes on this machine: KNPA (Korea) on 8080 and CNP (Cambodia) on 8081, each with its own
# data directory. Identities are exchanged with `liaison peer export/add --yes` (the demo confirms the
# fingerprint for you; in production, read it out to the other side by phone). Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p data/knpa data/cnp

knpa_env=(PORT=8080 DATA_DIR=./data/knpa NODE_NAME=knpa NODE_AGENCY=KNPA NODE_COUNTRY=KR PUBLIC_URL=http://127.0.0.1:8080)
cnp_env=(PORT=8081 DATA_DIR=./data/cnp NODE_NAME=cnp NODE_AGENCY=CNP NODE_COUNTRY=KH PUBLIC_URL=http://127.0.0.1:8081)

env "${knpa_env[@]}" node packages/server/bin/liaison.js demo
env "${cnp_env[@]}" node packages/server/bin/liaison.js demo
env "${knpa_env[@]}" node packages/server/bin/liaison.js peer export --out data/knpa/identity.json
env "${cnp_env[@]}" node packages/server/bin/liaison.js peer export --out data/cnp/identity.json
env "${knpa_env[@]}" node packages/server/bin/liaison.js peer add data/cnp/identity.json --yes
env "${cnp_env[@]}" node packages/server/bin/liaison.js peer add data/knpa/identity.json --yes

env "${knpa_env[@]}" node packages/server/bin/liaison.js start &
knpa_pid=$!
env "${cnp_env[@]}" node packages/server/bin/liaison.js start &
cnp_pid=$!
trap 'kill $knpa_pid $cnp_pid 2>/dev/null; wait' INT TERM EXIT
echo "KNPA: http://127.0.0.1:8080 (investigator@knpa.demo)   CNP: http://127.0.0.1:8081 (investigator@cnp.demo)   password: liaison-demo-2026" >&2
wait
