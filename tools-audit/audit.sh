#!/bin/sh
# audit.sh DATA NAME [PERIOD]: yjpack's KPI records for every quarter it emits, against kpi_reference.py.
set -e
DATA=$1; NAME=$2; PERIOD=$3
cd "$(dirname "$0")/.."
mkdir -p /tmp/audit
OUT=/tmp/audit/$NAME.json
if [ -n "$PERIOD" ]; then P="--period $PERIOD"; else P=""; fi
node bin/yjpack.js indicators --data "$DATA" $P --json > "$OUT" 2>/tmp/audit/$NAME.err || { cat /tmp/audit/$NAME.err; exit 1; }
Q=$(python3 -c "import json,sys; print(' '.join('--quarter '+p for p in sorted(set(x['period'] for x in json.load(open(sys.argv[1])) if x['id'].startswith('kpi.')))))" "$OUT")
python3 tools-audit/kpi_reference.py --data "$DATA" $Q ${PERIOD:+--period $PERIOD} --compare "$OUT"
