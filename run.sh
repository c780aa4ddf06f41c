#!/usr/bin/env bash
# Sets up kpass (first time only) and starts the desktop app on a SQLite demo database.
# Arguments are passed to kpass, e.g. ./run.sh --database postgresql://…
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup-env.sh

kpass_setup postgres "${KPASS_QT_APT[@]}" poppler-utils || {
    rc=$?
    [ $rc -eq 2 ] || exit $rc
    echo "Some system libraries are missing; the window may not open (see above)." >&2
}

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<'MSG'
No display found. To use kpass on this machine:
  - on a desktop, start ./run.sh from a terminal inside the graphical session;
  - on a server, with Xvfb:  apt-get install xvfb xauth && xvfb-run -a ./run.sh
  - without a screen (screenshots, tests):  QT_QPA_PLATFORM=offscreen ./run.sh
The command line works everywhere: .venv/bin/kpass --help
MSG
    exit 1
fi

# The demo database lives beside the default one, so real data is never mixed with it.
if [ -z "${KPASS_DATABASE_URL:-}" ] && [[ " $* " != *" --database "* ]]; then
    data_dir="$(.venv/bin/python -c 'from kpass.settings import data_dir; print(data_dir())')"
    export KPASS_DATABASE_URL="sqlite:///$data_dir/demo.sqlite"
    if [ ! -f "$data_dir/demo.sqlite" ]; then
        echo "Creating the demo database (first start only) …" >&2
        # Built under another name and moved at the end: an interrupted first start
        # leaves no half-filled demo database behind.
        rm -f "$data_dir"/demo-building.sqlite*
        building="sqlite:///$data_dir/demo-building.sqlite"
        .venv/bin/kpass --database "$building" db upgrade
        .venv/bin/kpass --database "$building" demo-data --households 3000 --seed 7
        # the street directory is an admin's setting: imported as the demo admin
        KPASS_USER=a.verwaltung KPASS_PASSWORD=kpass-demo-2026 \
            .venv/bin/kpass --database "$building" streets import resources/streets/strassenverzeichnis-beispiel.csv
        mv "$data_dir/demo-building.sqlite" "$data_dir/demo.sqlite"
    fi
fi
exec .venv/bin/kpass "$@"
