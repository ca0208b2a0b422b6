#!/usr/bin/env bash
# Builds the Boxwork desktop app with the JDK's jpackage: a self-contained app image (default) or a .deb.
#   installer/build.sh [--type app-image|deb] [--gpu] [--skip-maven]
# Output: installer/target/dist/boxwork (app image) or installer/target/dist/boxwork_<version>_amd64.deb
#   --gpu         bundle the CUDA build of LibTorch (Maven profile gpu); see installer/README.md for what it needs
#   --skip-maven  reuse installer/target/input from the previous run (only jpackage runs again)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
here="$root/installer"
out="$here/target"
type=app-image
profile=()
skip_maven=false
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type="${2:?--type needs app-image or deb}"; shift 2 ;;
    --type=*) type="${1#--type=}"; shift ;;
    --gpu) profile=(-Pgpu); shift ;;
    --skip-maven) skip_maven=true; shift ;;
    -h|--help) sed -n 2,6p "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
case "$type" in app-image|deb) ;; *) echo "build.sh: --type must be app-image or deb, not $type" >&2; exit 2 ;; esac

jdk="${BOXWORK_JDK:-/usr/lib/jvm/java-17-openjdk-amd64}"
[ -x "$jdk/bin/jpackage" ] || { echo "build.sh: no jpackage in $jdk (set BOXWORK_JDK to a JDK 17+ with jmods)" >&2; exit 1; }
[ -d "$jdk/jmods" ] || { echo "build.sh: $jdk has no jmods folder: jlink cannot make the trimmed runtime" >&2; exit 1; }
if [ "$type" = deb ]; then
  command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null || { echo "build.sh: a .deb needs dpkg-deb and fakeroot (apt-get install fakeroot)" >&2; exit 1; }
fi

version="$(sed -n 's:.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*:\1:p' "$root/pom.xml" | head -n 1)"
input="$out/input"
if ! $skip_maven; then
  rm -rf "$input"
  mkdir -p "$input"
  echo "== Maven: building the app and collecting its runtime jars ${profile[*]:-}"
  # One reactor build, so the sibling modules resolve to the jars just built.
  (cd "$root" && JAVA_HOME="$jdk" mvn -B -q "${profile[@]}" -DskipTests -pl app -am package \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$input")
  cp "$root"/app/target/boxwork-app-*.jar "$input/"
  # The reactor also copied the sibling modules' own dependencies into the same folder: all of them
  # are the app's dependencies too, so nothing extra lands there. Test-only jars are not runtime scope.
  mkdir -p "$input/launch" "$input/sample"
  cp "$here/resources/boxwork.sh" "$input/launch/boxwork.sh"
  chmod 755 "$input/launch/boxwork.sh"
  sample="$root/projects-sample/project"
  [ -f "$sample/boxwork.json" ] || { echo "build.sh: no sample project at $sample (merge branch data-sample)" >&2; exit 1; }
  (cd "$sample" && tar --exclude='*.lock' --exclude='.boxwork*' -cf - .) | (cd "$input/sample" && tar -xf -)
fi
main_jar="$(cd "$input" && ls boxwork-app-*.jar | head -n 1)"

# The modules the jars use (JavaFX and JavaCPP need jdk.unsupported; ImageIO and javafx-swing need java.desktop).
modules="$("$jdk/bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps --class-path "$input/*" "$input"/*.jar 2>/dev/null | tail -n 1)"
modules="$(printf '%s\n' "$modules" jdk.unsupported java.desktop java.logging java.management jdk.zipfs java.naming | tr ',' '\n' | sort -u | paste -sd, -)"
echo "== runtime modules: $modules"

dist="$out/dist"
mkdir -p "$dist"
rm -rf "$dist/boxwork"
rm -f "$dist"/boxwork_*.deb
args=(
  --type "$type" --dest "$dist" --name boxwork --app-version "$version"
  --description "Label images with boxes, tune anchors, fine-tune Faster R-CNN and review predictions."
  --vendor "Boxwork" --copyright "Boxwork contributors"
  --input "$input" --main-jar "$main_jar" --main-class io.boxwork.app.Main
  --add-modules "$modules"
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands --compress=2"
  --icon "$here/icon/boxwork.png"
  # Heap for the UI and data; LibTorch's tensors live outside it, capped by maxPhysicalBytes (whole-process RSS).
  --java-options "-Xmx3g -Dorg.bytedeco.javacpp.maxPhysicalBytes=12g -Dboxwork.sample.dir=\$APPDIR/sample"
)
if [ "$type" = deb ]; then
  args+=(
    --install-dir /opt --resource-dir "$here/resources"
    --linux-package-name boxwork --linux-deb-maintainer "boxwork@example.org"
    --linux-menu-group "Graphics" --linux-app-category graphics --linux-shortcut
    # JavaFX's natives come inside its jars, so jpackage's own library scan cannot see what they link to.
    --linux-package-deps "libgtk-3-0 | libgtk-3-0t64, libgl1, libxxf86vm1, libxtst6, libfreetype6, libfontconfig1, libpango-1.0-0"
  )
fi
echo "== jpackage --type $type"
start=$(date +%s)
"$jdk/bin/jpackage" "${args[@]}"
echo "== jpackage took $(( $(date +%s) - start )) s"
if [ "$type" = app-image ]; then
  # An app image is run from where it is unpacked: the wrapper at its top sets LibTorch's environment.
  printf '#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/lib/app/launch/boxwork.sh" "$@"\n' > "$dist/boxwork/boxwork.sh"
  chmod 755 "$dist/boxwork/boxwork.sh" "$dist/boxwork/lib/app/launch/boxwork.sh"
  echo "App image: $dist/boxwork ($(du -sh "$dist/boxwork" | cut -f1)); start it with $dist/boxwork/boxwork.sh"
else
  deb="$(ls "$dist"/boxwork_*.deb)"
  echo "Package: $deb ($(du -h "$deb" | cut -f1)); install it with: sudo apt-get install ./$(basename "$deb")"
fi
