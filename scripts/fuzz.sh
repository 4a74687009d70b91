#!/usr/bin/env bash
# Fuzz ChronicleModel's readers of untrusted input with libFuzzer + ASan.
#   scripts/fuzz.sh [SECONDS] [libFuzzer options...]
# Builds Fuzz/FuzzEntry.swift with the model's sources (and Yams, from the
# SwiftPM checkout) using swiftc -sanitize=fuzzer,address, which SwiftPM's
# executable targets cannot link. Inputs that crash land in fuzz-artifacts/;
# copy them to Tests/Fixtures/fuzz-regressions/ so the tests replay them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
seconds="${1:-60}"
shift || true

out=.build-fuzz
mkdir -p "$out/obj" fuzz-artifacts
[ -d .build/checkouts/Yams ] || swift package resolve >/dev/null
yams=.build/checkouts/Yams/Sources

if [ ! -x "$out/chronicle-fuzz" ] || [ -n "$(find Sources/ChronicleModel Sources/CModelSupport Fuzz -newer "$out/chronicle-fuzz" -name '*.[ch]' -o -newer "$out/chronicle-fuzz" -name '*.swift' | head -1)" ]; then
    echo "fuzz: building $out/chronicle-fuzz" >&2
    for c in "$yams"/CYaml/src/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -DYAML_DECLARE_STATIC -I "$yams/CYaml/include" "$c" -o "$out/obj/$(basename "$c" .c).o"
    done
    for c in Sources/CModelSupport/*.c; do
        clang -c -O1 -g -fsanitize=fuzzer-no-link,address -I Sources/CModelSupport/include "$c" -o "$out/obj/model-support-$(basename "$c" .c).o"
    done
    swiftc -parse-as-library -module-name Yams -emit-module -emit-module-path "$out/Yams.swiftmodule" \
        -emit-library -static -o "$out/libYams.a" -O -sanitize=address -D SWIFT_PACKAGE -Xcc -DYAML_DECLARE_STATIC \
        -I "$yams/CYaml/include" "$yams"/Yams/*.swift
    find Sources/ChronicleModel -name '*.swift' -print0 | xargs -0 \
        swiftc -parse-as-library -module-name ChronicleModel -O -g -sanitize=fuzzer,address \
        -I Sources/CModelSupport/include \
        -I "$out" -I "$yams/CYaml/include" "$out"/obj/*.o Fuzz/FuzzEntry.swift -L "$out" -lYams -o "$out/chronicle-fuzz"
fi

# Seeds: the regression fixtures and the default corpus's YAML and dates.
seeds="$out/seeds"
mkdir -p "$seeds"
printf '\x00%s' "2024-03" > "$seeds/date"
printf '\x00%s' "1979/1989" > "$seeds/interval"
{ printf '\x02'; cat seeds/manifest.yaml; } > "$seeds/manifest"
{ printf '\x03'; cat seeds/events.yaml; } > "$seeds/events"
{ printf '\x01'; head -c 2000 seeds/articles/001_27b5e4c8cd52331d.txt; printf '\x00common enemy'; } > "$seeds/quote"
printf '\x04%s' '"common enemy" Kabu' > "$seeds/query"
mkdir -p "$out/corpus"
corpora=("$out/corpus" "$seeds")
[ -d Tests/Fixtures/fuzz-regressions ] && corpora+=(Tests/Fixtures/fuzz-regressions)
exec "$out/chronicle-fuzz" -max_total_time="$seconds" -artifact_prefix=fuzz-artifacts/ -print_final_stats=1 "$@" "${corpora[@]}"
