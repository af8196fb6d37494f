#!/usr/bin/env bash
# Entrypoint of the mongo service in docker-compose.yml: makes sure the replica-set key file exists, then hands
# over to the official image's docker-entrypoint.sh (which creates the root user and runs the init scripts on the
# first start, and drops to the mongodb user).
#
# A replica set with authentication needs a key file that its members use to authenticate to each other. It is
# generated here, once, into the mongo-config volume (/data/configdb), so no key is ever committed or baked into
# an image. mongod refuses a key file that is readable by others: mode 400, owner mongodb (uid 999).
set -euo pipefail

keyfile=/data/configdb/replica-set.key

if [ ! -s "$keyfile" ]; then
  echo "[mongo-entrypoint] generating replica-set key file $keyfile"
  # 756 random bytes -> 1008 base64 characters (mongod accepts 6..1024 base64 characters).
  head -c 756 /dev/urandom | base64 -w 0 >"$keyfile.tmp"
  mv "$keyfile.tmp" "$keyfile"
fi
chown 999:999 "$keyfile"
chmod 400 "$keyfile"

for name in MONGO_INITDB_ROOT_PASSWORD MONGO_HUIYIN_PASSWORD; do
  if [[ ${!name:-} == DEMO-ONLY-* ]]; then
    echo "[mongo-entrypoint] WARNING: $name is the demo value from compose.env.example; set a real secret." >&2
  fi
done

exec docker-entrypoint.sh "$@"
