#!/usr/bin/env bash
# Cluster benchmark, all on this machine in one run (shared machines are noisy: compare within the run):
#   two real Karaf nodes (the built distribution, separate JVMs, own ports and data/) on one embedded PostgreSQL,
#   the SvarInn and WebSak simulators in the test JVM (itest ClusterIT, benchmark mode). Prints
#   - takeover after SIGKILL of the node holding the account's lease: min/median/max over the rounds, as "lease
#     taken by the other node" and "first item stored by the other node", both from the SIGKILL;
#   - ingest items/s with two nodes against one (the reference, same run; one account is polled by one node at a
#     time, so the expected ratio is about 1: the standby must cost nothing), and the graceful handover time.
# Usage: benchmarks/cluster-bench.sh   (env CLUSTER_BENCH_ROUNDS kill rounds, default 10; CLUSTER_BENCH_ITEMS items
#        per ingest run, default 600; CLUSTER_BENCH_SEED repeats the random kill moments; MVN_ARGS e.g. -o)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
. "$repo/scripts/use-jdk17.sh"
rounds=${CLUSTER_BENCH_ROUNDS:-10}
items=${CLUSTER_BENCH_ITEMS:-600}
seed=${CLUSTER_BENCH_SEED:+-Dpostmottak.cluster.seed=$CLUSTER_BENCH_SEED}
log=${TMPDIR:-/tmp}/postmottak-cluster-bench.log

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "== building through the reactor and running ClusterIT in benchmark mode ($rounds kill rounds, $items items)"
status=0
(cd "$repo" && mvn -B ${MVN_ARGS:-} verify -pl itest -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ClusterIT -Dpostmottak.cluster.bench=true -Dpostmottak.cluster.rounds="$rounds" \
  -Dpostmottak.cluster.bench.items="$items" $seed) >"$log" 2>&1 || status=$?
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
grep -h "cluster-bench:" "$repo"/itest/target/failsafe-reports/no.postmottak.itest.cluster.ClusterIT-output.txt \
  || { echo "no results; see $log"; exit 1; }
grep -E "Tests run:.*ClusterIT|FAIL" "$log" | head -20 || true
[ "$status" = 0 ] || echo "== the test run failed (exit $status): see $log and itest/target/failsafe-reports/"
exit "$status"
