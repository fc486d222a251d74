#!/usr/bin/env bash
# Installs what a user's Maven project consumes into a local Maven repository, and nothing else:
#   dev.nnet:dev.nnet.engine   the engine jar (plain Java 17, no dependencies): what generated code calls
#   dev.nnet:dev.nnet.lang     the language (grammar, validation, Java generator) with its consumer POM, which
#                              names Xtext, EMF, Guice, ... by their Maven Central coordinates
# Usage: releng/scripts/install-maven-artifacts.sh [--repo DIR] [MAVEN ARGS...]
#   without --repo: into the local repository of your Maven settings (~/.m2/repository by default)
# Builds the two bundles first (./mvnw package, tests skipped). Needs a JDK 21+, found like ./build does.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. releng/scripts/find-jdk.sh
nnet_find_jdk
repo=""
if [ "${1:-}" = --repo ]; then
	[ $# -ge 2 ] || { echo "usage: $0 [--repo DIR] [MAVEN ARGS...]" >&2; exit 2; }
	mkdir -p "$2"
	repo="$(cd "$2" && pwd)"
	shift 2
fi
version=$(sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' bundles/dev.nnet.engine/pom.xml)
log=$(mktemp "${TMPDIR:-/tmp}/nnet-install.XXXXXX.log")
if ! ./mvnw -B -DskipTests -pl releng/dev.nnet.target,bundles/dev.nnet.engine,bundles/dev.nnet.lang package "$@" >"$log" 2>&1; then
	tail -n 40 "$log" >&2
	echo "install-maven-artifacts: building dev.nnet.engine and dev.nnet.lang failed; the whole log is $log" >&2
	exit 1
fi
# install-file outside the reactor (no Tycho, no target resolution): the jar and the consumer POM that Tycho wrote
empty=$(mktemp -d)
trap 'rm -rf "$empty"' EXIT
for m in dev.nnet.engine dev.nnet.lang; do
	if ! (cd "$empty" && "$root/mvnw" -B -s "$root/.mvn/settings.xml" --no-transfer-progress "$@" \
			org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
			-Dfile="$root/bundles/$m/target/$m-$version.jar" -DpomFile="$root/bundles/$m/.tycho-consumer-pom.xml" \
			${repo:+-DlocalRepositoryPath="$repo"}) >>"$log" 2>&1; then
		tail -n 40 "$log" >&2
		echo "install-maven-artifacts: installing $m failed; the whole log is $log" >&2
		exit 1
	fi
done
rm -f "$log"
echo "installed dev.nnet:dev.nnet.engine:$version and dev.nnet:dev.nnet.lang:$version (with its POM) into ${repo:-the local Maven repository of your settings}"
