#!/usr/bin/env bash
# End-to-end check of the Linux package, as a person would use it:
#   installer/check-deb.sh [path/to/boxwork_*.deb]
# Builds the .deb (unless one is given), installs it with apt-get, starts the installed app under
# Xvfb on the sample project as a brand-new user, saves a screenshot to docs/installed.png, checks
# the process is alive and the window painted, then purges the package and checks /opt/boxwork is gone.
# Needs root (or sudo); installs Xvfb, imagemagick and x11-utils when missing. Prints the cold-start time to the first painted window.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/installer/target/check"
rm -rf "$work"
mkdir -p "$work"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
fail() { echo "check-deb: FAILED: $*" >&2; exit 1; }

# The check's own tools: a virtual display, screenshots and window listing.
if ! command -v Xvfb >/dev/null || [ ! -x /usr/bin/import ] || ! command -v xwininfo >/dev/null; then
  echo "== installing xvfb, imagemagick and x11-utils for the check"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq xvfb imagemagick x11-utils >/dev/null
fi

deb="${1:-}"
if [ -z "$deb" ]; then
  "$root/installer/build.sh" --type deb
  deb="$(ls "$root"/installer/target/dist/boxwork_*.deb | head -n 1)"
fi
deb="$(readlink -f "$deb")"
echo "== package $deb ($(du -h "$deb" | cut -f1))"
dpkg-deb -f "$deb" Depends | grep -q libgtk-3-0 || fail "the package does not declare JavaFX's libgtk-3-0"

echo "== apt-get install"
$sudo apt-get install -y "$deb" > "$work/apt-install.log" 2>&1 || { tail -n 20 "$work/apt-install.log"; fail "apt-get install"; }
[ -x /opt/boxwork/bin/boxwork ] || fail "no native launcher /opt/boxwork/bin/boxwork"
[ -x /usr/bin/boxwork ] || fail "no /usr/bin/boxwork wrapper"
desktop="$(ls /opt/boxwork/lib/*.desktop)"
grep -q '^Exec=/usr/bin/boxwork' "$desktop" || fail "$desktop does not start the wrapper: $(grep ^Exec "$desktop")"
echo "   installed: $(du -sh /opt/boxwork | cut -f1) under /opt/boxwork; desktop entry $desktop"

# A brand-new person: empty home and config, so the first-run path (copying the sample) is exercised.
user_home="$work/home"
mkdir -p "$user_home"
display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp > "$work/xvfb.log" 2>&1 &
xvfb=$!
app=""
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
kill -0 "$xvfb" || fail "Xvfb did not start on $display"

echo "== starting /usr/bin/boxwork --sample on $display"
start_ns=$(date +%s%N)
# From an empty folder, so nothing can be found relative to a source checkout. The person's JVM
# options: -Xmx1500m must replace the launcher's -Xmx3g (checked below from the printed flags).
(cd "$work" && HOME="$user_home" XDG_CONFIG_HOME="$user_home/.config" DISPLAY="$display" \
  BOXWORK_JAVA_OPTS="-Xmx1500m -XX:+PrintCommandLineFlags -Dprism.order=sw" \
  exec /usr/bin/boxwork --sample > "$work/app.log" 2>&1) &
app=$!

# Cold start: until a window of real size (GTK first maps it at 10 x 10) shows more than one colour.
painted=""
for _ in $(seq 1 600); do
  sleep 0.25
  kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; fail "the app exited during start-up"; }
  id="$(xwininfo -display "$display" -root -tree 2>/dev/null | awk '/"(.* — )?Boxwork/ && $0 !~ / 10x10\+/ {print $1; exit}')"
  [ -n "$id" ] || continue
  colours="$(/usr/bin/import -display "$display" -window root "$work/poll.png" 2>/dev/null && /usr/bin/convert "$work/poll.png" -format '%k' info: 2>/dev/null || echo 0)"
  if [ "${colours:-0}" -gt 20 ]; then painted=$(date +%s%N); break; fi
done
[ -n "$painted" ] || fail "no painted Boxwork window within 150 s"
echo "   first painted window after $(( (painted - start_ns) / 1000000 )) ms (polled every 250 ms)"
grep -m1 'first frame shown' "$work/app.log" || true

# The sample opens after the first frame: wait until the title names it and the copy exists.
for _ in $(seq 1 240); do
  sleep 0.25
  xwininfo -display "$display" -root -tree 2>/dev/null | grep -q '— Boxwork' && break
done
xwininfo -display "$display" -root -tree | grep -q '— Boxwork' || { cat "$work/app.log"; fail "the sample project did not open (window title has no project)"; }
[ -f "$user_home/Boxwork/sample/boxwork.json" ] || fail "the sample was not copied to ~/Boxwork/sample"
sleep 3 # let the first image decode and paint
/usr/bin/import -display "$display" -window root "$work/installed.png"
kill -0 "$app" || fail "the app died after opening the sample"
colours="$(/usr/bin/convert "$work/installed.png" -format '%k' info:)"
[ "$colours" -gt 200 ] || fail "the screenshot has only $colours colours: the image did not paint"
# The wrapper exec'd the native launcher, which runs the JVM in the same process.
pid="$app"
readlink "/proc/$pid/exe" | grep -q '^/opt/boxwork/bin/boxwork$' || fail "process $pid is $(readlink "/proc/$pid/exe"), not the installed launcher"
tr '\0' '\n' < "/proc/$pid/environ" | grep -E '^(OMP_WAIT_POLICY|OPENBLAS_NUM_THREADS)=' > "$work/env.txt" || true
grep -q '^OMP_WAIT_POLICY=PASSIVE' "$work/env.txt" && grep -q '^OPENBLAS_NUM_THREADS=1' "$work/env.txt" \
  || fail "the running app's environment lacks OMP_WAIT_POLICY=PASSIVE / OPENBLAS_NUM_THREADS=1: $(cat "$work/env.txt")"
grep -q 'MaxHeapSize=1572864000' "$work/app.log" || fail "BOXWORK_JAVA_OPTS=-Xmx1500m did not reach the JVM: $(grep -m1 MaxHeapSize "$work/app.log")"
grep -q 'maxPhysicalBytes' /opt/boxwork/lib/app/boxwork.cfg || fail "the launcher config has no maxPhysicalBytes"
[ -f "$user_home/.config/boxwork/settings.json" ] || fail "no per-user settings written"
cp "$work/installed.png" "$root/docs/installed.png"
echo "   screenshot: docs/installed.png ($colours colours); settings: $user_home/.config/boxwork/settings.json"

kill "$app"; wait "$app" 2>/dev/null || true; app=""

echo "== apt-get purge"
$sudo apt-get remove --purge -y boxwork > "$work/apt-remove.log" 2>&1 || { tail -n 20 "$work/apt-remove.log"; fail "apt-get remove"; }
[ ! -e /opt/boxwork ] || fail "files left under /opt/boxwork: $(find /opt/boxwork | head)"
[ ! -e /usr/bin/boxwork ] && [ ! -L /usr/bin/boxwork ] || fail "/usr/bin/boxwork left behind"
echo "check-deb: OK"
