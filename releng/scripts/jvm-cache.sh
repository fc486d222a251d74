# Sourced by ./nnet: the class-data caches that make the command line's JVM start fast (docs/performance.md,
# "Start-up of ./nnet check"). They live in releng/dev.nnet.cli/target/jvm-cache, one file per command kind, named
# by a key of the jars (names, sizes, times) and of the JDK, so a rebuilt jar or another JDK never meets a stale
# cache. Everything here is best effort and silent: without a writable folder the JVM simply runs without a cache.
#
#   nnet_jvm_cache KIND CLASSPATH_DIR JAVA_MAJOR [MORE_CLASSPATH]
#       sets NNET_CACHE_OPTS (JVM options) and NNET_CACHE_RECORD (empty, or the cache's base name when this run
#       records a JDK 25 AOT configuration: then ./nnet must not exec the JVM but call nnet_jvm_cache_create after it)
#   nnet_jvm_cache_create BASE JVM_OPTION...
#       assembles the AOT cache from the recorded configuration in the background and moves it into place
#
# KIND "long" (train, predict, evaluate, lsp, ide: they run with the Vector API module) and "spark" (train --spark,
# whose classpath has Spark's jars too) get a dynamic CDS archive (-XX:+AutoCreateSharedArchive, JDK 19+). The short
# commands (check, generate, graph, export, import) get a JDK 25 AOT cache (JEP 483/514/515: classes
# loaded and linked, the full module graph, method profiles) recorded by their first run, or a dynamic CDS archive
# on JDK 21-24. Two starts at once are safe: one run records (an mkdir lock), the other runs without a cache, and
# the finished cache is renamed into place, never written where a JVM could map a half-written file.

nnet_jvm_cache() {
	local kind="$1" cp_dir="$2" major="$3" more="${4:-}" dir key base
	NNET_CACHE_OPTS=()
	NNET_CACHE_RECORD=""
	dir="$(dirname "$cp_dir")/jvm-cache"
	key=$({ ls -l --time-style=+%s "$cp_dir" 2>/dev/null || ls -l "$cp_dir"; echo "$JAVA_HOME $more"
		cat "$JAVA_HOME/release" 2>/dev/null; } | cksum | cut -d' ' -f1)
	base="$dir/$kind-$key"
	[ -d "$dir" ] || mkdir -p "$dir" 2>/dev/null || true
	if [ "$kind" != long ] && [ "$kind" != spark ] && [ "${major:-0}" -ge 25 ]; then
		if [ -f "$base.aot" ]; then
			NNET_CACHE_OPTS=(-XX:AOTCache="$base.aot")
			return 0
		fi
		# a lock left by a run that was killed while recording or assembling expires after 10 minutes
		if [ -d "$base.lock" ] && [ -n "$(find "$base.lock" -maxdepth 0 -mmin +10 2>/dev/null)" ]; then
			rm -rf "$base.lock" "$base".*.aotconf 2>/dev/null || true
		fi
		if [ -w "$dir" ] && mkdir "$base.lock" 2>/dev/null; then
			# -XX:-DisplayVMOutput: the record run would print "AOTConfiguration recorded" on stdout
			NNET_CACHE_OPTS=(-XX:AOTMode=record -XX:AOTConfiguration="$base.$$.aotconf"
				-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput)
			NNET_CACHE_RECORD="$base"
		fi
	elif [ -w "$dir" ]; then
		NNET_CACHE_OPTS=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$base.jsa")
	elif [ -r "$base.jsa" ]; then
		NNET_CACHE_OPTS=(-XX:SharedArchiveFile="$base.jsa")
	fi
}

nnet_jvm_cache_create() {
	local base="$1"
	shift
	local conf="$base.$$.aotconf"
	if [ ! -s "$conf" ]; then
		rm -rf "$conf" "$base.lock" 2>/dev/null || true
		return 0
	fi
	(
		trap 'rm -rf "$conf" "$base.tmp.aot" "$base.lock"' EXIT
		if "$JAVA_HOME/bin/java" "$@" -XX:AOTMode=create -XX:AOTConfiguration="$conf" -XX:AOTCache="$base.tmp.aot" \
			-XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput && [ -s "$base.tmp.aot" ]; then
			local kind_prefix="${base%-*}-" old
			for old in "$kind_prefix"*.aot; do # caches of older jars or JDKs
				[ "$old" = "$base.tmp.aot" ] || rm -f "$old"
			done
			mv -f "$base.tmp.aot" "$base.aot"
		fi
	) </dev/null >/dev/null 2>&1 &
}
