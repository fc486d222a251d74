#!/usr/bin/env bash
# A Maven user's project outside this repository, built against what the documented install command puts into a
# local Maven repository (docs/cli.md, "Code generation in a Maven project"):
#  0. fetches the install plugin that Tycho binds to `install` (maven-install-plugin 3.1.1) into ~/.m2 when Maven
#     Central is reachable: ./build's verify never needs it, and step 1 runs offline against ~/.m2;
#  1. runs that command, ./build install -DskipTests -pl releng/dev.nnet.target,bundles/dev.nnet.engine,bundles/dev.nnet.lang
#     with -Dmaven.repo.local=FRESH (the install goes there; everything the NNet build itself needs is read from
#     ~/.m2 as a read-only tail, offline), and checks that FRESH then holds dev.nnet artifacts only;
#  2. copies examples/maven-project to a temporary directory outside the repository and runs `mvn verify` there
#     on a JDK 21+, with FRESH as its local repository and Maven Central as its only remote (as a new user with
#     the default settings has it): the Xtext Maven plugin generates the Java from xor.nnet, the compiler compiles
#     it and the example's JUnit test trains XOR through the generated class and reloads the saved model.
#     Without access to Central (or with NNET_MAVEN_OFFLINE=1) step 2 runs offline with ~/.m2 as read-only tail
#     instead, and says so.
# Exit 0 when all holds.   releng/scripts/test-maven-user.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
. releng/scripts/find-jdk.sh
nnet_find_jdk
mvn=$(ls -d "$HOME"/.m2/wrapper/dists/apache-maven-*/*/bin/mvn 2>/dev/null | head -n 1) || true
[ -n "$mvn" ] && [ -x "$mvn" ] || { echo "maven user test: no Maven from the wrapper under ~/.m2/wrapper; run ./build first" >&2; exit 1; }
work=$(mktemp -d /tmp/nnet-maven-user.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "maven user test: $*"; exit 1; }
start=$(date +%s)
fresh="$work/m2"
tail_repo="$HOME/.m2/repository"

online=1
if [ -n "${NNET_MAVEN_OFFLINE:-}" ] || ! curl -sS -o /dev/null --max-time 10 https://repo.maven.apache.org/maven2/ 2>/dev/null; then
	online=""
fi
# ./build (verify) never needs the install plugin that Tycho binds to `install` (3.1.1): fetch it into ~/.m2 first,
# so that the install below can run offline against ~/.m2 and put nothing but NNet into the fresh repository
if [ -n "$online" ]; then
	(cd "$work" && "$mvn" -B -q org.apache.maven.plugins:maven-install-plugin:3.1.1:help) >"$work/fetch.log" 2>&1 \
		|| { tail -n 20 "$work/fetch.log"; fail "could not fetch maven-install-plugin 3.1.1 from Maven Central"; }
fi

# 1. the documented install command, into the fresh repository
./build install -o -DskipTests -pl releng/dev.nnet.target,bundles/dev.nnet.engine,bundles/dev.nnet.lang \
	-Dmaven.repo.local="$fresh" -Dmaven.repo.local.tail="$tail_repo" >"$work/install.log" 2>&1 \
	|| { tail -n 40 "$work/install.log"; fail "the install command failed"; }
for a in dev.nnet.engine dev.nnet.lang; do
	for ext in jar pom; do
		[ -f "$fresh/dev/nnet/$a/0.1.0-SNAPSHOT/$a-0.1.0-SNAPSHOT.$ext" ] || fail "the install command installed no $a .$ext"
	done
done
others=$(cd "$fresh" && find . -name '*.jar' -o -name '*.pom' | grep -v '^\./dev/nnet/' || true)
[ -z "$others" ] || fail "the fresh repository holds more than NNet's artifacts: $(head -n 3 <<<"$others")"
installed=$(cd "$fresh/dev/nnet" && ls | tr '\n' ' ')
echo "maven user test: installed into a fresh local repository in $(( $(date +%s) - start )) s: $installed"

# 2. the example, copied out of the repository, built by plain Maven
project="$work/project"
cp -r examples/maven-project "$project"
rm -rf "$project/target"
mode=(-Dmaven.repo.local="$fresh")
how="online, Maven Central only, fresh local repository"
if [ -z "$online" ]; then
	mode+=(-o -Dmaven.repo.local.tail="$tail_repo")
	how="offline, fresh local repository with ~/.m2 as read-only tail (no access to Maven Central)"
fi
step=$(date +%s)
(cd "$project" && "$mvn" -B --no-transfer-progress "${mode[@]}" verify) >"$work/user.log" 2>&1 \
	|| { tail -n 60 "$work/user.log"; fail "mvn verify of the copied example failed ($how)"; }
gen="$project/target/generated-sources/nnet/com/example/xor"
[ -f "$gen/XorNet.java" ] && [ -f "$gen/XorRun.java" ] || fail "no generated XorNet.java/XorRun.java"
[ -f "$project/target/classes/com/example/xor/XorNet.class" ] || fail "the generated XorNet was not compiled"
grep -qE 'Tests run: [1-9][0-9]*, Failures: 0, Errors: 0' "$work/user.log" || { tail -n 40 "$work/user.log"; fail "the example's tests did not run"; }
grep -E 'Tests run:|CONVERGED|after' "$work/user.log" | head -n 4
echo "maven user test: examples/maven-project built outside the repository ($how) in $(( $(date +%s) - step )) s:" \
	"Java generated from xor.nnet, compiled, its test trained XOR; $(( $(date +%s) - start )) s in all"
