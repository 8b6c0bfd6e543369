# Sourced by bench/jmh and bench/simulate: builds the bench module (and what it depends on)
# when there is no build yet or a source is newer than the last one, then sets bench_cp.
classpath_file="$root/bench/target/bench.classpath"
if [ "${KADENCE_REBUILD:-0}" = 1 ] || [ ! -s "$classpath_file" ] || \
   [ -n "$(find "$root/pom.xml" "$root/crypto" "$root/dht" "$root/node" "$root/bench" \
      -name target -prune -o -type f \( -name '*.java' -o -name 'pom.xml' \
      -o -path '*/src/main/resources/*' \) -newer "$classpath_file" -print -quit)" ]; then
  echo "bench: building the bench module; this takes a minute..." >&2
  (cd "$root" && mvn -q -B -DskipTests -pl bench -am package 1>&2) || {
    echo "bench: the build failed (Maven's messages are above)" >&2; exit 1; }
  touch "$classpath_file"
fi
bench_cp="$root/bench/target/classes:$(cat "$classpath_file")"
