#!/usr/bin/env bash
# Writes the secret files the prod overlay reads: one <name>.env per <name>.env.example here,
# with a fresh random value in place of each placeholder.
#   CHANGE_ME_PASSWORD  64 hex characters (openssl rand -hex 32): usable inside a URI as it is
#   CHANGE_ME_KEYFILE   1008 base64 characters (openssl rand -base64 756): a replica set key
# A file that exists is left as it is, so running this again never changes a secret in use.
# The .env files stay out of git (.gitignore): keep a copy in your secret store.
set -euo pipefail
cd "$(dirname "$0")"

command -v openssl >/dev/null || { echo "openssl is needed to generate the values" >&2; exit 1; }
umask 077

for example in *.env.example; do
  file=${example%.example}
  if [[ -e $file ]]; then
    echo "kept  $file (it exists)"
    continue
  fi
  while IFS= read -r line; do
    while [[ $line == *CHANGE_ME_PASSWORD* ]]; do
      line=${line/CHANGE_ME_PASSWORD/$(openssl rand -hex 32)}
    done
    while [[ $line == *CHANGE_ME_KEYFILE* ]]; do
      line=${line/CHANGE_ME_KEYFILE/$(openssl rand -base64 756 | tr -d '\n')}
    done
    printf '%s\n' "$line"
  done <"$example" >"$file.partial"
  mv "$file.partial" "$file"
  echo "wrote $file"
done
