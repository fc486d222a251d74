# Sourced by ./nnet when the arguments contain --spark (docs/spark.md): builds bundles/dev.nnet.spark when it is
# missing or older than its sources, then appends that module and Spark's own jars (the list its build writes to
# target/spark-classpath.txt) to NNET_EXTRA_CP, and the JVM options Spark needs on Java 17+ (read from the module's
# pom, the one place they are kept) to JVM_OPTS. A plain ./nnet never loads any of it.
SPARK_MODULE="$NNET_HOME/bundles/dev.nnet.spark"
spark_jar="$SPARK_MODULE/target/dev.nnet.spark-0.1.0-SNAPSHOT.jar"
if [ ! -f "$spark_jar" ] || [ ! -f "$SPARK_MODULE/target/spark-classpath.txt" ] || [ -n "$(find "$SPARK_MODULE/src/main" \
		"$SPARK_MODULE/pom.xml" -newer "$spark_jar" -type f -print -quit 2>/dev/null)" ]; then
	echo "nnet: building the Spark runner (bundles/dev.nnet.spark)..." >&2
	log=$(mktemp "${TMPDIR:-/tmp}/nnet-spark-build.XXXXXX.log")
	if ! (cd "$NNET_HOME" && ./mvnw -B -q -DskipTests -pl releng/dev.nnet.target,bundles/dev.nnet.engine,bundles/dev.nnet.onnx,bundles/dev.nnet.lang,bundles/dev.nnet.lang.ide,bundles/dev.nnet.cli,bundles/dev.nnet.spark verify) >"$log" 2>&1; then
		tail -n 40 "$log" >&2
		echo "nnet: building the Spark runner failed; the whole log is $log" >&2
		exit 2
	fi
	rm -f "$log"
fi
NNET_EXTRA_CP=":$spark_jar:$(cat "$SPARK_MODULE/target/spark-classpath.txt")"
read -r -a spark_opts <<<"$(sed -n 's:.*<spark.jvm.options>\(.*\)</spark.jvm.options>.*:\1:p' "$SPARK_MODULE/pom.xml")"
# (its own class-data archive: ./nnet keys the cache on NNET_EXTRA_CP too, releng/scripts/jvm-cache.sh)
JVM_OPTS+=("${spark_opts[@]}")
