#!/usr/bin/env bash
# scripts/demo.sh — from a fresh clone: install dependencies, build, configure the demo, ingest it and serve
# the feed on embedded SQLite. Re-running reuses demo-run/ (its key and tokens) and ingests again.
# SPDX-License-Identifier: Apache-2.0
set -euo pipefail
cd "$(dirname "$0")/.."

listen="${FINSAM_DEMO_LISTEN:-127.0.0.1:8080}"
partner_port="${FINSAM_DEMO_PARTNER_PORT:-18480}"
bash scripts/setup-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build --target finsam-hub finsam-partner-server -j "$(nproc)"
hub=build/bin/finsam-hub

# The region and the kommun deliver over HTTP: the project's partner test server plays both on loopback with
# the demo world's FHIR pages and API answers (test credentials; a real installation names its own files).
build/bin/finsam-partner-server --data config/demo/data --port "$partner_port" --quiet > /dev/null &
partner_pid=$!
trap 'kill "$partner_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$partner_port/R4/metadata" && break
    sleep 0.2
done

if [ ! -f demo-run/hub.json ]; then
    # The demo plays the förbund: it drops the register into an inbox and writes the KLAR marker last, as
    # senders do (a checkout does not keep file times, and a sheet newer than its marker is never read).
    mkdir -p demo-run/inbox demo-run/secrets
    cp -r config/demo/data/forbund config/demo/data/af config/demo/data/fk demo-run/inbox/
    rm -f demo-run/inbox/forbund/KLAR && touch demo-run/inbox/forbund/KLAR
    (umask 077 && printf 'region-test-token\n' > demo-run/secrets/region.token &&
        printf 'finsam-hub\n' > demo-run/secrets/kommun.client-id &&
        printf 'kommun-test-secret\n' > demo-run/secrets/kommun.client-secret)
    init_output=$("$hub" init --data demo-run/inbox --out demo-run \
        --region-url "http://127.0.0.1:$partner_port/R4" --region-token-file demo-run/secrets/region.token \
        --kommun-url "http://127.0.0.1:$partner_port" --kommun-client-id-file demo-run/secrets/kommun.client-id \
        --kommun-client-secret-file demo-run/secrets/kommun.client-secret)
    echo "$init_output" | head -n -1
    # Demo convenience only: a real installation shows tokens once and keeps nothing but their hashes.
    (umask 077 && echo "$init_output" | tail -n 1 > demo-run/tokens.json)
fi
reader=$(sed -E 's/.*"reader":"([0-9a-f]+)".*/\1/' demo-run/tokens.json)

"$hub" ingest --config demo-run/hub.json --all
"$hub" stats --config demo-run/hub.json

cat <<EOT

finsam-hub demo: serving on http://$listen (Ctrl-C stops it). Read the feed with:
  curl -s -H "Authorization: Bearer $reader" "http://$listen/v1/feed?after=0&limit=5"
  curl -s -H "Authorization: Bearer $reader" -H "Accept: application/x-ndjson" "http://$listen/v1/feed?after=0"
The national indicators (docs/indicators.md), small counts suppressed:
  curl -s -H "Authorization: Bearer $reader" "http://$listen/v1/indicators?forbund=forbund-sthlm&from=2018-01-01&to=2020-12-31&format=csv"
Tokens (admin, reader) are in demo-run/tokens.json.

EOT
"$hub" serve --config demo-run/hub.json --listen "$listen"
