#!/usr/bin/env bash
# PostgreSQL 18's client programs (pg_dump, pg_dumpall, pg_restore, psql) for the backup and
# restore drill (T-19) and for operators on machines without them. Debian 12 ships only the
# version-15 client, which refuses to dump a PostgreSQL 18 server, and the embedded server's
# binaries (zonky) hold only initdb, pg_ctl and postgres. So this builds the client from Debian's
# source package of PostgreSQL 18 (the same major version the embedded server runs), once; later
# runs only print where it is.
#   tools/postgres-client.sh          prints the bin directory (builds it first if it is missing)
# Needs: apt-get (Debian's source package index), gcc, make, bison, flex, perl.
# Where: $ARKI_POSTGRES_CLIENT, else ~/.cache/arki/postgresql-client-18.
set -euo pipefail

major=18
home=${ARKI_POSTGRES_CLIENT:-$HOME/.cache/arki/postgresql-client-$major}
if [ -x "$home/bin/pg_dump" ] && [ -x "$home/bin/pg_restore" ] && [ -x "$home/bin/pg_dumpall" ] && [ -x "$home/bin/psql" ]; then
  echo "$home/bin"
  exit 0
fi
for tool in gcc make bison flex perl apt-get; do
  command -v "$tool" >/dev/null || { echo "tools/postgres-client.sh needs $tool (apt-get install gcc make bison flex)" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building PostgreSQL $major client programs into $home (about a minute)…" >&2

# Debian's source index for unstable (where postgresql-18 lives), in a private apt state: the
# machine's own apt configuration is left alone.
mkdir -p "$work/apt/lists/partial"
echo "deb-src http://deb.debian.org/debian sid main" > "$work/apt/sources.list"
apt_opts=(-o "Dir::Etc::SourceList=$work/apt/sources.list" -o "Dir::Etc::SourceParts=/dev/null"
          -o "Dir::State::Lists=$work/apt/lists" -o "Dir::Cache=$work/apt/cache" -o "APT::Sandbox::User=root")
apt-get -qq "${apt_opts[@]}" update >&2
(cd "$work" && apt-get -qq "${apt_opts[@]}" source --download-only "postgresql-$major" >&2)
tar -xjf "$work"/postgresql-"$major"_*.orig.tar.bz2 -C "$work"
src=$(find "$work" -maxdepth 1 -type d -name "postgresql-$major.*" | head -1)

cd "$src"
./configure --prefix="$home" --without-icu --without-readline --without-zlib --without-openssl \
  --without-lz4 --without-zstd >"$work/configure.log" 2>&1 || { tail -30 "$work/configure.log" >&2; exit 1; }
{
  make -j"$(nproc)" -C src/backend generated-headers
  for dir in src/interfaces/libpq src/bin/pg_dump src/bin/psql; do
    make -j"$(nproc)" -C "$dir"
    make -C "$dir" install
  done
} >"$work/make.log" 2>&1 || { tail -30 "$work/make.log" >&2; exit 1; }
"$home/bin/pg_dump" --version >&2
echo "$home/bin"
