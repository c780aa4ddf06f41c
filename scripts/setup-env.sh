# Sourced by run.sh and test.sh: a virtual environment with kpass installed, and the
# Debian packages kpass needs. Safe to run again: it only does what is missing.
# Usage: kpass_setup EXTRAS APT_PACKAGE...

kpass_log() { printf '[kpass setup] %s\n' "$*" >&2; }

kpass_find_python() {
    local candidate
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

kpass_can_install_apt() {
    command -v apt-get >/dev/null 2>&1 || return 1
    [ "$(id -u)" = 0 ] && return 0
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null
}

kpass_apt() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi
}

# Installs the Debian packages that are missing; returns 1 when some stay missing.
kpass_ensure_apt() {
    local missing=() package
    command -v dpkg-query >/dev/null 2>&1 || { kpass_log "no dpkg: install by hand: $*"; return 1; }
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if ! kpass_can_install_apt; then
        kpass_log "missing system packages (install as root): apt-get install ${missing[*]}"
        return 1
    fi
    kpass_log "installing system packages: ${missing[*]}"
    kpass_apt apt-get update -qq >&2 || return 1
    DEBIAN_FRONTEND=noninteractive kpass_apt apt-get install -y -qq --no-install-recommends \
        "${missing[@]}" >&2 || return 1
}

kpass_setup() {
    local extras="$1"; shift
    local root python stamp wanted
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    python="$(kpass_find_python)" || { kpass_log "Python 3.11 or newer is needed"; return 1; }
    if [ ! -x "$root/.venv/bin/python" ]; then
        kpass_log "creating $root/.venv"
        if ! "$python" -m venv "$root/.venv" 2>/dev/null; then
            # Debian splits venv/ensurepip off into python3-venv.
            rm -rf "$root/.venv"
            kpass_ensure_apt python3-venv && "$python" -m venv "$root/.venv" || return 1
        fi
    fi
    stamp="$root/.venv/.kpass-installed"
    wanted="$(cat "$root/pyproject.toml" | sha256sum | cut -c1-16) $extras"
    if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
        kpass_log "installing kpass[$extras] into .venv"
        "$root/.venv/bin/python" -m pip install -q --upgrade pip >&2 || return 1
        "$root/.venv/bin/python" -m pip install -q -e "$root[$extras]" >&2 || return 1
        echo "$wanted" > "$stamp"
    fi
    if [ $# -gt 0 ]; then
        kpass_ensure_apt "$@" || return 2
    fi
    return 0
}

# Qt's runtime libraries on a minimal Debian, plus fonts so text is not drawn as boxes.
KPASS_QT_APT=(libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-dejavu-core)
# What Qt's xcb platform plugin (a window on an X display, also Xvfb) links to: the NEEDED
# entries of PySide6's plugins/platforms/libqxcb.so, lib/libQt6XcbQpa.so.6 and
# plugins/xcbglintegrations/*.so, each mapped to its package with dpkg -S. The offscreen
# platform of the tests needs none of them; tests/ui/test_xcb_start.py checks they suffice.
KPASS_QT_APT+=(libx11-6 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4
    libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render0 libxcb-render-util0
    libxcb-shape0 libxcb-shm0 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1
    libxkbcommon-x11-0 libfreetype6)
