#!/usr/bin/env bash
# One dump of one database into BACKUP_DIR, then every archive of it beyond the newest
# BACKUP_RETENTION removed. Run by the mongo-backup-<db> CronJobs; docs/operations.md,
# "Backups", says how to restore an archive.
#   SPRING_MONGODB_URI  the owning service's URI: its user, its database, every member
#   BACKUP_NAME         the database's name in the archives' names (articles, media, rankings)
#   BACKUP_RETENTION    how many archives to keep (1 or more)
#   BACKUP_DIR          where the archives land
set -euo pipefail

dir=${BACKUP_DIR:?}
name=${BACKUP_NAME:?}
retention=${BACKUP_RETENTION:?}
if [[ ! $retention =~ ^[1-9][0-9]*$ ]]; then
  echo "BACKUP_RETENTION must be a whole number from 1 up, not '$retention'" >&2
  exit 1
fi

# The service reads from the primary (its URI says so); a dump may read a secondary and spare
# the primary. The URI's read preference is taken out so that the option below is the only one
# mongodump sees. Without --oplog (whole instances only) a dump is not one point in time: a
# write made while it runs may be in it or not.
uri=$(sed -E -e 's/([?&])readPreference=[^&]*(&|$)/\1/' -e 's/[?&]$//' <<<"${SPRING_MONGODB_URI:?}")

# a dump killed half-way (node lost, deadline) must never pass for an archive
rm -f "$dir/.$name-"*.partial
stamp=$(date -u +%Y%m%dT%H%M%SZ)
partial="$dir/.$name-$stamp.partial"
archive="$dir/$name-$stamp.archive.gz"
trap 'rm -f "$partial"' EXIT

echo "dumping $name to $archive"
mongodump --uri="$uri" --readPreference=secondaryPreferred --archive="$partial" --gzip
mv "$partial" "$archive"

# the stamps sort by time: keep the newest, remove the rest
mapfile -t expired < <(find "$dir" -maxdepth 1 -name "$name-*.archive.gz" | sort -r | tail -n +"$((retention + 1))")
for old in "${expired[@]}"; do
  echo "removing $old (keeping the newest $retention)"
  rm -f -- "$old"
done
ls -l "$dir"
