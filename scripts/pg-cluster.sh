# Sourced by test.sh: a throwaway PostgreSQL cluster under a temp dir, reachable only
# through a Unix socket in that dir. kpass_pg_start sets KPASS_TEST_PG_URL;
# kpass_pg_stop removes everything again.

kpass_pg_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

# initdb and pg_ctl refuse to run as root: run them as the postgres user then.
kpass_pg_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

kpass_pg_start() {
    local bin port
    bin="$(kpass_pg_bin)" || return 1
    KPASS_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kpass-pg.XXXXXX")"
    mkdir -p "$KPASS_PG_DIR/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres "$KPASS_PG_DIR"
    port=$((20000 + RANDOM % 20000))
    kpass_pg_as_owner "$bin/initdb" -D "$KPASS_PG_DIR/data" -U postgres --auth=trust \
        --encoding=UTF8 --locale=C.UTF-8 -N >"$KPASS_PG_DIR/initdb.log" 2>&1 || {
        cat "$KPASS_PG_DIR/initdb.log" >&2; return 1; }
    kpass_pg_as_owner "$bin/pg_ctl" -D "$KPASS_PG_DIR/data" -l "$KPASS_PG_DIR/server.log" -w \
        -o "-k $KPASS_PG_DIR/sock -p $port -c listen_addresses='' -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$KPASS_PG_DIR/server.log" >&2; return 1; }
    KPASS_PG_BIN="$bin"
    export KPASS_TEST_PG_URL="postgresql+psycopg://postgres@/postgres?host=$KPASS_PG_DIR/sock&port=$port"
}

kpass_pg_stop() {
    [ -n "${KPASS_PG_DIR:-}" ] || return 0
    if [ -n "${KPASS_PG_BIN:-}" ] && [ -d "$KPASS_PG_DIR/data" ]; then
        kpass_pg_as_owner "$KPASS_PG_BIN/pg_ctl" -D "$KPASS_PG_DIR/data" -m fast -w stop \
            >/dev/null 2>&1 || true
    fi
    rm -rf "$KPASS_PG_DIR"
    KPASS_PG_DIR=""
}
