#!/bin/sh
# Starts Boxwork. A shell script in front of jpackage's native launcher because LibTorch reads its
# thread settings from the environment when it loads, and neither the JVM (JDK 17) nor jpackage's
# launcher can set environment variables.
#   BOXWORK_JAVA_OPTS  extra JVM options, e.g. BOXWORK_JAVA_OPTS="-Xmx6g" (they win over the defaults)
set -e
# Busy-waiting OpenMP / OpenBLAS threads would take the cores the window needs (shared/notes/libtorch-java.md).
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
if [ -n "${BOXWORK_JAVA_OPTS:-}" ]; then
  # _JAVA_OPTIONS is read after the launcher's own options, so a person's -Xmx replaces the default one.
  export _JAVA_OPTIONS="${_JAVA_OPTIONS:+$_JAVA_OPTIONS }$BOXWORK_JAVA_OPTS"
fi
here="$(dirname "$(readlink -f "$0")")"
# In the installed tree this script is <app>/lib/app/launch/boxwork.sh; the native launcher is <app>/bin/boxwork.
exec "$here/../../../bin/boxwork" "$@"
