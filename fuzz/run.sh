#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 600), two at a time.
#   fuzz/run.sh [SECONDS] [TARGET…]
# Seeds: fuzz/seeds/<kind>, the test fixtures, and (read in place, when present) the seed reports
# and corpus paragraphs of ../shared. Working corpora and crashes go to .build-fuzz/ (not in git);
# a crash is a file .build-fuzz/crashes/<target>/crash-*, to be turned into a regression test.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(FuzzCSV FuzzNumbers FuzzPanel FuzzScan FuzzXLSXSheet FuzzXLS FuzzExtract FuzzRecords)
root=$(cd .. && pwd)
work="$root/.build-fuzz"

swift build --scratch-path "$work" -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >/dev/null

seed() {  # target → its seed files
    case "$1" in
        FuzzCSV|FuzzPanel|FuzzScan) ls seeds/csv/* "$root"/notebooks-cli/data/*.csv "$root"/Tests/Fixtures/ranking/*.csv ;;
        FuzzNumbers) ls seeds/numbers/* ;;
        FuzzXLSXSheet) ls "$root"/Tests/Fixtures/xlsx/*.xlsx ;;
        FuzzXLS) ls "$root"/Tests/Fixtures/xls/*.xls ;;
        FuzzExtract) ls seeds/extract/* "$root"/../shared/seeds/*.txt "$root"/../shared/corpus/report-figures/p*.txt ;;
        FuzzRecords) ls "$root"/Tests/Fixtures/dossier-exports/seed000.csv "$root"/notebooks-cli/data/mot-cua-2024.csv "$root"/notebooks-cli/data/ho-so-thang-6.csv ;;
    esac 2>/dev/null || true
}

run() {
    local target=$1 corpus="$work/corpus/$1" crashes="$work/crashes/$1/" max_len=8192
    # A compound file is sectors of 512 bytes: the .xls seeds need room.
    [ "$target" = FuzzXLS ] && max_len=65536
    mkdir -p "$corpus" "$crashes"
    seed "$target" | while read -r file; do cp "$file" "$corpus/" 2>/dev/null || true; done
    # Foundation's regular expressions keep caches that LeakSanitizer reports as leaks, and Swift's
    # own crash handler confuses AddressSanitizer: both are turned off so that a crash is ours.
    ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$work/release/$target" "$corpus" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$crashes" -print_final_stats=1 > "$work/$target.log" 2>&1 || true
    echo "$target: $(grep -E '^stat::number_of_executed_units' "$work/$target.log" | awk '{print $2}') runs, $(ls "$crashes" | wc -l) crashes"
}

for ((i = 0; i < ${#targets[@]}; i += 2)); do
    run "${targets[i]}" &
    if [ $((i + 1)) -lt ${#targets[@]} ]; then run "${targets[i + 1]}" & fi
    wait
done
