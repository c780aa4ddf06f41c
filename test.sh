#!/usr/bin/env bash
# Sets up kpass with its test tools and runs the whole suite against SQLite and a
# throwaway PostgreSQL cluster. Arguments go to pytest, e.g. ./test.sh -k search -x
set -uo pipefail
cd "$(dirname "$0")"
source scripts/setup-env.sh
source scripts/pg-cluster.sh

# xvfb xauth x11-utils: tests/ui/test_xcb_start.py starts the app on a real X display.
# chromium: the partner page is tested in a real browser (Playwright drives Debian's).
# appstream desktop-file-utils: the desktop entry and AppStream metadata are validated.
TEST_APT=("${KPASS_QT_APT[@]}" poppler-utils zbar-tools postgresql libreoffice-calc-nogui
    xvfb xauth x11-utils chromium appstream desktop-file-utils)
kpass_setup test,postgres "${TEST_APT[@]}"
rc=$?
if [ $rc -eq 1 ]; then exit 1; fi
if [ $rc -eq 2 ]; then
    echo "Some system packages are missing (see above); tests needing them will fail or skip." >&2
    [ "${CI:-}" = "true" ] && exit 1
fi

trap kpass_pg_stop EXIT
if kpass_pg_start; then
    echo "PostgreSQL test cluster: $KPASS_PG_DIR" >&2
elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL could not be started; in CI that is a failure." >&2
    exit 1
else
    echo "PostgreSQL not available: PostgreSQL tests will be skipped." >&2
fi

# The whole suite also drives the counter by keyboard on the real xcb platform under Xvfb
# (offscreen never loads the libraries a real display needs); first, so that the suite's
# own summary stays the last line.
xcb_rc=0
if [ $# -eq 0 ]; then
    if command -v xvfb-run >/dev/null 2>&1; then
        echo "The counter by keyboard on the xcb platform (Xvfb):" >&2
        QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" \
            .venv/bin/python -m pytest -q -p no:cacheprovider tests/ui/test_counter_path.py \
            tests/ui/household/test_right_person.py tests/ui/household/test_fresh_state.py \
            tests/ui/household/test_duplicate_refusal.py tests/ui/household/test_one_save.py \
            tests/ui/household/test_person_correction.py tests/ui/test_xcb_start.py
        xcb_rc=$?
    elif [ "${CI:-}" = "true" ]; then
        echo "xvfb-run is missing: in CI the xcb run is required." >&2
        xcb_rc=1
    fi
fi

export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest "$@"
rc=$?
[ $rc -eq 0 ] && rc=$xcb_rc
exit $rc
