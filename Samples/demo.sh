#!/usr/bin/env bash
# The demo that `make demo` runs: a fresh workspace in a temporary folder, the Samples network
# imported in one `rapport import` (the LinkedIn archive as a folder, the native files, the calendar
# and the mailbox), then the tour — ties, reach, suggestions, a warm path, keep-warm, two diagrams, and the
# follow-through: drafts, an interview brief, the pipeline and what is due (with a calendar file).
# "Today" is fixed at 2026-11-20 so that the output matches the README.
set -euo pipefail
rapport=$(cd "$(dirname "${1:?usage: demo.sh PATH/TO/rapport}")" && pwd)/$(basename "$1")
samples=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/rapport-demo.XXXXXX")
cd "$work"
export RAPPORT_DB="$work/rapport.db" RAPPORT_AS_OF=2026-11-20
bold="" plain=""
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$'\033[1m' plain=$'\033[0m'; fi
step() {
  local shown="" a
  for a in "$@"; do case $a in *[[:space:]]*) shown+=" \"$a\"" ;; *) shown+=" $a" ;; esac; done
  printf '\n%s$ rapport%s%s\n' "$bold" "$shown" "$plain"
  "$rapport" "$@"
}

step init --me "Avery Lindqvist"
step import --as-of 2026-11-20 "$samples/LinkedInDataExport" "$samples/people.csv" "$samples/ties.csv" "$samples/interactions.csv" "$samples/introductions.csv" "$samples/calendar.ics" "$samples/mail.mbox"
step ties --explain --top 3
step path "Zachary Bishop"
step reach --top 8
step suggest --sector "intellectual property" --top 10 --explain
step path "Helen Agarwal"
step suggest --keep-warm --top 5
step render ego -o "$work/me.svg"
step render suggestions --sector "intellectual property" -o "$work/next.png"
step report --sector "intellectual property" -o "$work/report.html"
# Follow-through: ask for the introduction, prepare, meet, and see what is due.
step draft "Helen Agarwal"
step intro "Eleanor Achterberg" "Helen Agarwal" --status requested --date 2026-11-12
step status "Helen Agarwal" scheduled --date 2026-11-16 --note "Coffee near the office, Thursday 8:30"
step prep "Helen Agarwal"
step log informational_interview "Helen Agarwal" --date 2026-11-19 --minutes 35 --rapport 5 --note "Start with the patent bar; ask about the PTAB rotation"
step pipeline
step due --ics "$work/follow-ups.ics"
echo
echo "Workspace, diagrams and calendar: $work"
echo "Look further, on the same workspace:"
echo "  RAPPORT_DB=$work/rapport.db RAPPORT_AS_OF=2026-11-20 $rapport ties --explain --top 0 | grep -A4 'Zachary Bishop'"
echo "  RAPPORT_DB=$work/rapport.db $rapport people --search Okwuosa"
echo "  RAPPORT_DB=$work/rapport.db $rapport import --dry-run $samples/LinkedInDataExport $samples/mail.mbox"
