#!/usr/bin/env bash
# End-to-end checks of the annal CLI: deterministic output under -j, bad input reported with
# file:line and skipped (exit 2) while the good documents are still coded, stats line format.
# Usage: cli_test.sh ANNAL_BINARY SOURCE_DIR
set -u
annal="$1"
src="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
check() { if ! eval "$2"; then echo "FAIL: $1"; fail=1; else echo "ok: $1"; fi; }

"$annal" code -j 1 "$src/examples/articles.jsonl" > "$tmp/j1.jsonl" 2>/dev/null
"$annal" code -j 2 "$src/examples/articles.jsonl" > "$tmp/j2.jsonl" 2>/dev/null
check "examples produce events" '[ "$(wc -l < "$tmp/j1.jsonl")" -gt 20 ]'
check "-j 2 output identical to -j 1" 'cmp -s "$tmp/j1.jsonl" "$tmp/j2.jsonl"'

# A batch with an invalid JSON line, invalid UTF-8, a missing text, a bad date, then a good line.
{
  echo '{"id":"ok1","date":"2026-02-06","text":"Russia accused Ukraine of shelling the plant."}'
  echo '{"id":"broken", "date":'
  printf '{"id":"badutf8","date":"2026-02-06","text":"Russia \xff accused Ukraine."}\n'
  echo '{"id":"notext","date":"2026-02-06"}'
  echo '{"id":"baddate","date":"06/02/2026","text":"Russia accused Ukraine."}'
  echo '{"id":"ok2","date":"2026-02-06","text":"Iran condemned Israel for the strike."}'
} > "$tmp/bad.jsonl"
"$annal" code --stats "$tmp/bad.jsonl" > "$tmp/bad.out" 2> "$tmp/bad.err"
status=$?
check "bad input exits 2" '[ "$status" -eq 2 ]'
check "invalid JSON named by file:line" 'grep -q "bad.jsonl:2:" "$tmp/bad.err"'
check "invalid UTF-8 named by file:line" 'grep -q "bad.jsonl:3:" "$tmp/bad.err"'
check "missing text named by file:line" 'grep -q "bad.jsonl:4:" "$tmp/bad.err"'
check "bad date named by file:line" 'grep -q "bad.jsonl:5:" "$tmp/bad.err"'
check "good documents before and after are coded" 'grep -q "\"doc_id\":\"ok1\"" "$tmp/bad.out" && grep -q "\"doc_id\":\"ok2\"" "$tmp/bad.out"'
check "stats line" 'grep -Eq "^stats: documents=[0-9]+ sentences=[0-9]+ events=[0-9]+ seconds=[0-9.]+ sentences_per_second=[0-9]+$" "$tmp/bad.err"'

# A run-on text of 1,000 words without punctuation: cut into parseable sentences, and said so.
python3 -c 'print(" ".join(["Russia accused Ukraine and"] * 250))' > "$tmp/runon.txt"
"$annal" code --stats "$tmp/runon.txt" > "$tmp/runon.out" 2> "$tmp/runon.err"
check "run-on sentence cut, counted in the stats" 'grep -q "2 run-on sentence(s) of 400+ tokens were cut" "$tmp/runon.err" && grep -Eq "^stats: documents=1 sentences=3 " "$tmp/runon.err"'

# A binary file and a 20 MB line in a directory of plain text: skipped with a message, the rest coded.
mkdir "$tmp/dir"
head -c 4096 /dev/urandom > "$tmp/dir/a_binary.bin"
printf 'Russia accused Ukraine of shelling the plant.\n' > "$tmp/dir/b_story.txt"
python3 -c "print('{\"id\":\"huge\",\"date\":\"2026-02-06\",\"text\":\"' + 'a' * (20 << 20) + '\"}')" > "$tmp/dir/c_huge.jsonl"
"$annal" code --date 2026-02-06 "$tmp/dir" > "$tmp/dir.out" 2> "$tmp/dir.err"
status=$?
check "directory with bad files exits 2" '[ "$status" -eq 2 ]'
check "binary file reported" 'grep -q "a_binary.bin" "$tmp/dir.err"'
check "over-long line reported with its line" 'grep -q "c_huge.jsonl:1:" "$tmp/dir.err"'
check "text file still coded" 'grep -q "b_story.txt" "$tmp/dir.out"'

# CSV output has the header and one row per event.
"$annal" code --format csv "$src/examples/articles.jsonl" > "$tmp/out.csv" 2>/dev/null
check "csv header" 'head -1 "$tmp/out.csv" | grep -q "^event_id,doc_id,"'

# A corrupt compiled dictionary is refused with a clear message, not a crash.
head -c 100 /dev/urandom > "$tmp/bad.annaldict"
"$annal" code --dict "$tmp/bad.annaldict" "$src/examples/articles.jsonl" > /dev/null 2> "$tmp/dict.err"
status=$?
check "corrupt dictionary refused" '[ "$status" -eq 1 ] && grep -qi "corruption" "$tmp/dict.err"'

# annal actor: the knowledge-base entry of a REIGN leader with its file:line and codes at a date,
# a misspelt name explained as fuzzy, and a user's own .tsv with a bad line reported by file:line.
"$annal" actor "Zelensky" --date 2018-06-01 > "$tmp/actor.out" 2>&1
check "actor shows the knowledge-base source line" 'grep -Eq "source: .*reign_leaders.tsv:[0-9]+" "$tmp/actor.out"'
check "actor code before the tenure" 'grep -q "code at 2018-06-01: UKRELI" "$tmp/actor.out"'
"$annal" actor "Sergei Lavrof" --date 2015-06-01 > "$tmp/fuzzy.out" 2>&1
check "actor explains a fuzzy match" 'grep -q "fuzzy: LAVROF at edit distance 1" "$tmp/fuzzy.out" && grep -q "code at 2015-06-01: RUSGOV" "$tmp/fuzzy.out"'
printf 'name\tcode\tstart\tend\nFalastur Mornedil\tGONGOV\t2020\t2024\nbroken\n' > "$tmp/mine.tsv"
"$annal" actor "Falastur Mornedil" --date 2022-01-01 --actors "$tmp/mine.tsv" > "$tmp/mine.out" 2>&1
check "actor reads a user knowledge base" 'grep -q "code at 2022-01-01: GONGOV" "$tmp/mine.out" && grep -q "mine.tsv:2" "$tmp/mine.out"'
"$annal" dict lint "$tmp/mine.tsv" > "$tmp/lint.out" 2>&1
check "lint names the bad knowledge-base line" 'grep -q "mine.tsv:3:" "$tmp/lint.out"'

exit $fail
