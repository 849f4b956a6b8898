#!/usr/bin/env bash
# scripts/pg-test-cluster.sh — a throwaway PostgreSQL cluster for the tests: temp dir, free port, trust auth.
# Usage: source scripts/pg-test-cluster.sh start   (exports FINSAM_TEST_PG)   ...   pg_test_cluster_stop
#        bash scripts/pg-test-cluster.sh own|halt DIR|resume DIR|remove DIR   (a cluster a fault test stops and
#        starts under a running hub: `own` prints its conninfo and DIR)
# SPDX-License-Identifier: Apache-2.0

pg_test_cluster_bin() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] || { echo "pg-test-cluster: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; return 1; }
    echo "$dir"
}

# Runs a server binary as the postgres user when we are root (PostgreSQL refuses to run as root).
pg_test_cluster_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

pg_test_cluster_free_port() {
    local port
    for _ in $(seq 1 50); do
        port=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return 0
        fi
    done
    return 1
}

pg_test_cluster_start() {
    local bin port
    bin=$(pg_test_cluster_bin) || return 1
    port=$(pg_test_cluster_free_port) || { echo "pg-test-cluster: no free port" >&2; return 1; }
    PG_TEST_CLUSTER_DIR=$(mktemp -d /tmp/finsam-pg.XXXXXX)
    chmod 755 "$PG_TEST_CLUSTER_DIR"
    [ "$(id -u)" -eq 0 ] && chown postgres "$PG_TEST_CLUSTER_DIR"
    pg_test_cluster_as_owner "$bin/initdb" -D "$PG_TEST_CLUSTER_DIR/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$PG_TEST_CLUSTER_DIR/initdb.log" 2>&1 \
        || { cat "$PG_TEST_CLUSTER_DIR/initdb.log" >&2; return 1; }
    pg_test_cluster_as_owner "$bin/pg_ctl" -D "$PG_TEST_CLUSTER_DIR/data" -l "$PG_TEST_CLUSTER_DIR/server.log" -w \
        -o "-p $port -k $PG_TEST_CLUSTER_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" \
        start >/dev/null || { cat "$PG_TEST_CLUSTER_DIR/server.log" >&2; return 1; }
    echo "$port" >"$PG_TEST_CLUSTER_DIR/port"
    export PG_TEST_CLUSTER_DIR
    export FINSAM_TEST_PG="host=127.0.0.1 port=$port user=postgres dbname=postgres"
    echo "pg-test-cluster: PostgreSQL on 127.0.0.1:$port ($PG_TEST_CLUSTER_DIR)" >&2
}

pg_test_cluster_stop() {
    [ -n "${PG_TEST_CLUSTER_DIR:-}" ] || return 0
    local bin
    bin=$(pg_test_cluster_bin) || return 0
    pg_test_cluster_as_owner "$bin/pg_ctl" -D "$PG_TEST_CLUSTER_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PG_TEST_CLUSTER_DIR"
    unset PG_TEST_CLUSTER_DIR FINSAM_TEST_PG
}

# An immediate stop: what a crashed or unplugged database server looks like to its clients.
pg_test_cluster_halt() {
    pg_test_cluster_as_owner "$(pg_test_cluster_bin)/pg_ctl" -D "$1/data" -m immediate stop >/dev/null
}

pg_test_cluster_resume() {
    local port
    port=$(cat "$1/port")
    pg_test_cluster_as_owner "$(pg_test_cluster_bin)/pg_ctl" -D "$1/data" -l "$1/server.log" -w \
        -o "-p $port -k $1 -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
}

case "${1:-}" in
    start) pg_test_cluster_start ;;
    own) pg_test_cluster_start >/dev/null 2>&1 && echo "$FINSAM_TEST_PG" && echo "$PG_TEST_CLUSTER_DIR" ;;
    halt) pg_test_cluster_halt "$2" ;;
    resume) pg_test_cluster_resume "$2" ;;
    remove) PG_TEST_CLUSTER_DIR=$2 pg_test_cluster_stop ;;
esac
