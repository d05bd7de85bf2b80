#!/usr/bin/env bash
# Runs tests with a temporary directory of their own and then shows that nothing of them is left:
# no Chromium profile (arki-chromium*), no PostgreSQL data folder (epg*, arki-own-pg*) and no
# process (postgres, Keycloak, Arki, ChromeDriver, Chromium) that names that directory on its
# command line or in its environment. Every JVM of the run (Maven, surefire's fork, Keycloak, Arki nodes) gets the
# directory as java.io.tmpdir through JAVA_TOOL_OPTIONS; other builds on the machine do not.
#   tools/leftovers-check.sh -Dit.test='*EndToEndTests'   (arguments go to the ui-vaadin verify run;
#   -Dit.test picks integration classes, -Dtest unit ones)
# Exit code: the test run's, or 3 if something was left behind.
set -uo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d "${TMPDIR:-/tmp}/arki-leftovers-check.XXXXXX")
echo "java.io.tmpdir of the run: $tmp"
JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$tmp" ./mvnw -B -o -pl ui-vaadin -am verify -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false "$@"
status=$?

left=0
# (Spring Boot's tomcat.* folders are its own, and not checked here)
for f in "$tmp"/arki-chromium* "$tmp"/epg* "$tmp"/arki-own-pg*; do
  [ -e "$f" ] || continue
  echo "LEFT BEHIND: folder $f"
  left=1
done
for cmdline in /proc/[0-9]*/cmdline; do
  pid=${cmdline#/proc/}; pid=${pid%/cmdline}
  # processes come and go meanwhile, and some are not ours to read: such errors say nothing
  if { tr '\0' ' ' < "$cmdline" | grep -qF -- "$tmp"; } 2>/dev/null \
      || { tr '\0' '\n' < "/proc/$pid/environ" | grep -qF -- "$tmp"; } 2>/dev/null; then
    echo "LEFT BEHIND: process $pid: $(tr '\0' ' ' < "$cmdline" 2>/dev/null | cut -c1-200)"
    left=1
  fi
done
if [ "$left" = 0 ]; then
  echo "Nothing left behind in $tmp (folders) or in the process table."
  rm -rf "$tmp"
fi
[ "$status" = 0 ] || exit "$status"
[ "$left" = 0 ] || exit 3
