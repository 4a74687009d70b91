#!/usr/bin/env bash
# Screenshots of Chronicle as a person sees it: xterm with DejaVu Sans Mono
# under Xvfb, driven through tmux, each screen taken with xwd and converted
# to PNG. tmux's text capture shows the characters; this shows the glyphs
# the font has and the colours the theme gives.
#
#   scripts/screenshots.sh [OUT_DIR]     (default docs/screenshots)
#
# Needs Xvfb, xterm, xwd (x11-apps), convert (imagemagick), tmux and the
# DejaVu fonts; .ci/run installs them. CHRONICLE=path picks the binary
# (default: a debug build, built when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"
out=$(cd "$out" && pwd)

for tool in Xvfb xterm xwd convert tmux; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshots: $tool is missing (apt-get install xvfb xterm x11-apps imagemagick tmux)" >&2; exit 2; }
done
if [ -z "${CHRONICLE:-}" ]; then
    [ -x .build/debug/chronicle ] || swift build --product chronicle >&2
    CHRONICLE=$PWD/.build/debug/chronicle
fi

work=$(mktemp -d)
display=":$(( 90 + RANDOM % 100 ))"
socket="chronicle-shots-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "${xterm_pid:-}" ] && kill "$xterm_pid" 2>/dev/null || true
    [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The reader's files and settings of a fresh user, not the developer's.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share" XDG_STATE_HOME="$work/home/.local/state"
mkdir -p "$HOME"
cat > "$work/tmux.conf" <<'EOF'
set -g status off
set -g default-terminal "xterm-256color"
set -g escape-time 0
EOF

Xvfb "$display" -screen 0 1200x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

# Takes the screen the script is at: waits until tmux's pane shows `expect`
# and the picture has settled, then saves NAME.png cut to xterm's window.
shoot() {
    local name=$1 expect=$2
    for _ in $(seq 100); do
        tmux -L "$socket" capture-pane -p -t shots 2>/dev/null | grep -qF -- "$expect" && break
        sleep 0.1
    done
    if ! tmux -L "$socket" capture-pane -p -t shots | grep -qF -- "$expect"; then
        echo "screenshots: $name never showed “$expect”; the screen was:" >&2
        tmux -L "$socket" capture-pane -p -t shots >&2
        exit 1
    fi
    sleep 0.5
    DISPLAY=$display xwd -root -silent | convert xwd:- -crop "${geometry}+0+0" +repage "$out/$name.png"
    echo "wrote $out/$name.png"
}

# One key at a time, each given time to be drawn, as a person types.
keys() {
    for key in "$@"; do
        tmux -L "$socket" send-keys -t shots "$key"
        sleep 0.1
    done
}

# xterm at 110×32 in the top left corner; its pixel size is measured once it is up.
run() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "${xterm_pid:-}" ] && kill "$xterm_pid" 2>/dev/null && wait "$xterm_pid" 2>/dev/null || true
    DISPLAY=$display xterm -geometry 110x32+0+0 -fa 'DejaVu Sans Mono' -fs 11 -bg black -fg '#e5e5e5' -b 0 -bw 0 \
        -xrm 'XTerm*borderWidth: 0' -e tmux -L "$socket" -f "$work/tmux.conf" new-session -s shots -x 110 -y 32 "$@" &
    xterm_pid=$!
    for _ in $(seq 100); do tmux -L "$socket" has-session -t shots 2>/dev/null && break; sleep 0.1; done
    local id
    for _ in $(seq 50); do
        id=$(DISPLAY=$display xwininfo -root -tree 2>/dev/null | awk '/"xterm"|"tmux"/ { print $1; exit }')
        [ -n "$id" ] && break
        sleep 0.1
    done
    geometry=$(DISPLAY=$display xwininfo -id "$id" | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
    # xterm's client attaching resizes the session; keys wait for that.
    for _ in $(seq 50); do
        [ "$(tmux -L "$socket" list-clients -t shots 2>/dev/null | wc -l)" -gt 0 ] && break
        sleep 0.1
    done
    sleep 0.5
}

run "$CHRONICLE"
shoot timeline "Enter open"
keys j j j j j j j j Enter
shoot event-pane "passage"
keys Enter
shoot reader "Esc back"
keys Escape Escape s
shoot side-by-side "Side by side"

# A hostile article: escape sequences, BEL and BS, bidi overrides.
run "$CHRONICLE" --corpus Tests/Fixtures/hostile-corpus --source evil
shoot hostile-article "Esc back"

# Text nobody here wrote: a ZWJ family, invalid bytes before a match, a
# BOM; the glyphs must stay in their cells in a real terminal too.
run "$CHRONICLE" --corpus Tests/Fixtures/fidelity-corpus --source family
shoot zwj-family "Esc back"
