#!/usr/bin/env bash
# npm run lighthouse — Lighthouse 12 (mobile, simulated slow 4G) on the home, attempt and result
# pages of a freshly seeded built server; writes docs/lighthouse.md. Not part of `npm test`
# (it downloads lighthouse@12.2.3 with npx on first use; 13.x needs Node 22).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${LH_PORT:-4181}
BASE="http://localhost:$PORT"
CHROME=${CHROMIUM_PATH:-/usr/bin/chromium}
TMP=$(mktemp -d)
node scripts/test-server.js --db test-results/lighthouse.db --port "$PORT" > "$TMP/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 1 100); do curl -sf "$BASE/api/rounds/current" > /dev/null && break; sleep 0.2; done

# A logged-in participant with one submitted attempt, so the attempt and result pages render.
curl -s -c "$TMP/cj" -o /dev/null -X POST -H "Origin: $BASE" -d "identifier=0900000004&password=hoithi-demo-2026" "$BASE/login"
COOKIE=$(awk '/hoithi_session/ {print $6"="$7}' "$TMP/cj")
printf '{"Cookie":"%s"}' "$COOKIE" > "$TMP/headers.json"
AID=$(curl -s -b "$TMP/cj" -X POST "$BASE/api/rounds/2/attempts" | node -pe 'JSON.parse(require("fs").readFileSync(0)).attemptId')
curl -s -b "$TMP/cj" -X POST -H 'content-type: application/json' -d '{"prediction":5}' "$BASE/api/attempts/$AID/submit" > /dev/null
# A second, open attempt for the attempt page.
curl -s -b "$TMP/cj" -X POST "$BASE/api/rounds/2/attempts" > /dev/null

{
	echo "# Lighthouse (mobile, simulated slow 4G), $(date -u +%Y-%m-%d)"
	echo
	echo "| page | performance | accessibility | best practices | FCP | LCP | CLS | TBT |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|"
} > docs/lighthouse.md
for page in "/" "/rounds/2/attempt" "/attempts/$AID"; do
	CHROME_PATH="$CHROME" npx -y lighthouse@12.2.3 "$BASE$page" --quiet \
		--chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking" \
		--extra-headers="$TMP/headers.json" --form-factor=mobile --throttling-method=simulate \
		--only-categories=performance,accessibility,best-practices --output=json --output-path="$TMP/r.json" > /dev/null 2>&1
	node -e '
		const r = require(process.argv[1]); const c = r.categories; const a = r.audits; const s = (k) => Math.round(c[k].score * 100);
		console.log(`| ${process.argv[2]} | ${s("performance")} | ${s("accessibility")} | ${s("best-practices")} | ${a["first-contentful-paint"].displayValue} | ${a["largest-contentful-paint"].displayValue} | ${a["cumulative-layout-shift"].displayValue} | ${a["total-blocking-time"].displayValue} |`);
	' "$TMP/r.json" "$page" >> docs/lighthouse.md
done
cat docs/lighthouse.md
