#!/usr/bin/env bash
# CI test of what docs/cli.md tells Maven users: copies examples/maven-project out of the repository, fills a
# fresh local repository with releng/scripts/install-maven-artifacts.sh --repo (checking that it holds exactly
# dev.nnet.engine and dev.nnet.lang, jar and POM each), then runs `mvn verify` in the copy against that
# repository. Everything else (Xtext, EMF, Guice, the Maven plugins) comes from Maven Central, the only remote
# repository (.mvn/settings.xml); the script prints how much that was.  Exit 0 when the copy builds and its
# tests pass.   releng/scripts/test-maven-project.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
. releng/scripts/find-jdk.sh
nnet_find_jdk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
cp -r examples/maven-project "$work/project"
releng/scripts/install-maven-artifacts.sh --repo "$work/repo"
version=$(sed -n '/<parent>/,/<\/parent>/s/.*<version>\(.*\)<\/version>.*/\1/p' bundles/dev.nnet.engine/pom.xml)
installed=$(cd "$work/repo" && find . -type f \( -name '*.jar' -o -name '*.pom' \) | sort | tr '\n' ' ')
expected="./dev/nnet/dev.nnet.engine/$version/dev.nnet.engine-$version.jar ./dev/nnet/dev.nnet.engine/$version/dev.nnet.engine-$version.pom ./dev/nnet/dev.nnet.lang/$version/dev.nnet.lang-$version.jar ./dev/nnet/dev.nnet.lang/$version/dev.nnet.lang-$version.pom "
if [ "$installed" != "$expected" ]; then
	echo "maven test: the install command put other files into the fresh repository than expected:"
	echo "  got:      $installed"; echo "  expected: $expected"; exit 1
fi
status=0
(cd "$work/project" && "$root/mvnw" -B -s "$root/.mvn/settings.xml" -Dmaven.repo.local="$work/repo" verify) \
	>"$work/build.log" 2>&1 || status=$?
if [ $status -ne 0 ] || ! grep -q 'BUILD SUCCESS' "$work/build.log" \
		|| ! grep -qE 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0, Skipped: 0$' "$work/build.log"; then
	tail -n 60 "$work/build.log"
	echo "maven test: the copy of examples/maven-project failed to build against the installed artifacts"; exit 1
fi
grep -E 'CONVERGED|Tests run:' "$work/build.log" | tail -n 2
echo "maven test: examples/maven-project built outside the repository in $(( $(date +%s) - start )) s against a fresh local repository: NNet's two artifacts from install-maven-artifacts.sh, $(du -sm "$work/repo" | cut -f1) MB in all after Maven Central supplied the rest"
