#!/usr/bin/env bash
# The audit's reads done the way a person would without QueueReady: the AWS CLI, one command per read,
# region after region, group after group (the CLI follows Marker/NextToken pages by itself).
# Used by tools/bench as the "peer" to compare against; it reads exactly what the audit reads.
#
# Usage: AWS_CLI=/usr/bin/aws ENDPOINT=http://127.0.0.1:4566 OUT_DIR=/tmp/peer [SKIP_SERVERLESS=1] \
#          peer-audit.sh REGION...
# Prints one line per region: `<region> rg=<n> cc=<n> sl=<n> pg=<n> params=<n> sg=<n>`.
set -euo pipefail

: "${AWS_CLI:=aws}" "${ENDPOINT:?ENDPOINT is the sandbox URL}" "${OUT_DIR:?OUT_DIR is where the answers go}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-bench}" AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-bench}"
export AWS_PAGER="" AWS_MAX_ATTEMPTS="${AWS_MAX_ATTEMPTS:-5}"

# Python ships with every AWS CLI install, so it parses the JSON answers (jq may be missing).
pick() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); $2" "$1"; }

for region in "$@"; do
  dir="$OUT_DIR/$region"
  mkdir -p "$dir/params"
  aws_() { "$AWS_CLI" --endpoint-url "$ENDPOINT" --region "$region" --output json "$@"; }

  aws_ elasticache describe-replication-groups >"$dir/replication-groups.json"
  aws_ elasticache describe-cache-clusters --show-cache-node-info >"$dir/cache-clusters.json"
  if [[ "${SKIP_SERVERLESS:-}" == "1" ]]; then
    echo '{"ServerlessCaches": []}' >"$dir/serverless-caches.json"
  else
    aws_ elasticache describe-serverless-caches >"$dir/serverless-caches.json"
  fi
  aws_ elasticache describe-cache-subnet-groups >"$dir/subnet-groups.json"
  aws_ ec2 describe-vpcs >"$dir/vpcs.json"
  aws_ elasticache describe-cache-parameter-groups >"$dir/parameter-groups.json"

  groups=$(pick "$dir/cache-clusters.json" \
    "print('\n'.join(sorted({c['CacheParameterGroup']['CacheParameterGroupName'] for c in d['CacheClusters'] if c.get('CacheParameterGroup')})))")
  sgs=$(pick "$dir/cache-clusters.json" \
    "print(' '.join(sorted({s['SecurityGroupId'] for c in d['CacheClusters'] for s in c.get('SecurityGroups', [])})))")

  params=0
  for group in $groups; do
    aws_ elasticache describe-cache-parameters --cache-parameter-group-name "$group" >"$dir/params/$group.json"
    params=$((params + $(pick "$dir/params/$group.json" "print(len(d['Parameters']))")))
  done
  if [[ -n "$sgs" ]]; then
    # shellcheck disable=SC2086 # one argument per id, as the CLI expects
    aws_ ec2 describe-security-groups --group-ids $sgs >"$dir/security-groups.json"
  else
    echo '{"SecurityGroups": []}' >"$dir/security-groups.json"
  fi

  rg=$(pick "$dir/replication-groups.json" "print(len(d['ReplicationGroups']))")
  cc=$(pick "$dir/cache-clusters.json" "print(len(d['CacheClusters']))")
  sl=$(pick "$dir/serverless-caches.json" "print(len(d.get('ServerlessCaches', [])))")
  sg=$(pick "$dir/security-groups.json" "print(len(d['SecurityGroups']))")
  echo "$region rg=$rg cc=$cc sl=$sl pg=$(printf '%s\n' $groups | grep -c .) params=$params sg=$sg"
done
