# Sourced by ./build, ./nnet and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Order: $JAVA_HOME if it is >= 21, then the newest JDK >= 21 under /usr/lib/jvm
# (or under $NNET_JDK_DIR when set).
# Tycho 5 and Xtext 2.42 need Java 21+, while many machines default to Java 17.

nnet_java_major() { # prints the feature version of the JDK at $1, or nothing
	local rel="$1/release"
	[ -x "$1/bin/java" ] || return 0
	if [ -f "$rel" ]; then
		sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
	else
		"$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
	fi
}

nnet_find_jdk() {
	local want=21 major candidate best="" best_major=0
	if [ -n "${JAVA_HOME:-}" ]; then
		major=$(nnet_java_major "$JAVA_HOME")
		if [ -n "$major" ] && [ "$major" -ge "$want" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
			export JAVA_HOME
			export PATH="$JAVA_HOME/bin:$PATH"
			return 0
		fi
	fi
	for candidate in "${NNET_JDK_DIR:-/usr/lib/jvm}"/*; do
		[ -d "$candidate" ] && [ ! -L "$candidate" ] || continue
		[ -x "$candidate/bin/javac" ] || continue
		major=$(nnet_java_major "$candidate")
		if [ -n "$major" ] && [ "$major" -ge "$want" ] && [ "$major" -gt "$best_major" ]; then
			best="$candidate"; best_major="$major"
		fi
	done
	if [ -z "$best" ]; then
		echo "error: NNet needs a JDK 21 or newer (JAVA_HOME=${JAVA_HOME:-unset} is older or missing, and none was found under ${NNET_JDK_DIR:-/usr/lib/jvm}); install one, e.g. 'apt-get install openjdk-21-jdk', or set JAVA_HOME to it." >&2
		return 1
	fi
	export JAVA_HOME="$best"
	export PATH="$JAVA_HOME/bin:$PATH"
}
