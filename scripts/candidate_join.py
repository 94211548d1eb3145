#!/usr/bin/env python3
"""Staged copy detection, stage 2: the candidate join on Apache Spark.

Reads the postings that `citetrace fingerprint` wrote (DIR/postings, DIR/articles,
DIR/params.json) and writes the candidate pairs `citetrace align --pairs` reads.

The rule is the single-machine index's (`src/reuse/index.rs`, `candidates`), with its
limits read from params.json, never restated here:

- postings are grouped by (signal, fingerprint); a group of n holders with
  2 <= n <= fanout_df pairs every two holders ("rare" pairs);
- a group with n > fanout_df pairs each holder with the fanout_heads holders of lowest
  (rank, article) only ("wide" pairs): each unordered pair with at least one head once;
- per (signal, a, b) the pairs are counted; a pair is kept when
  rare >= min_shared, or, if it has wide pairs, rare + wide >= max(min_shared_fanout,
  min_shared) — min_shared being min_shared_text for text shingles (signal 0) and
  min_shared_anchors for anchor triples (signal 1);
- the two signals' pairs are joined into one row per (a, b) with flags `text`, `anchors`.

Output: Parquet under OUT with columns a, b (int, a < b), a_id, b_id, text, anchors,
shared_text, shared_anchors; `--partitions P` files, rows hashed by pair (so `align`
can be given any subset of files... see docs/scale.md on what alignment needs).

    spark-submit scripts/candidate_join.py STAGE_DIR OUT_DIR [--partitions P]
    python3 scripts/candidate_join.py STAGE_DIR OUT_DIR      # local mode (pip install pyspark)
"""

import argparse
import json
import os
import sys

LAYOUT_VERSION = 1
SIGNAL_TEXT = 0
SIGNAL_ANCHORS = 1


def join(base, name):
    """`base/name` for local paths and URLs (s3a://, hdfs://) alike."""
    return base.rstrip("/") + "/" + name


def candidate_pairs(postings, ranks, signal, min_shared, params):
    """The pairs of one signal that the index keeps, with their shared counts."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    all_pairs_df = int(params["fanout_df"])
    heads = int(params["fanout_heads"])
    min_fanout = max(int(params["min_shared_fanout"]), min_shared)

    p = postings.where(F.col("signal") == signal).select("fingerprint", "article")
    df = p.groupBy("fingerprint").agg(F.count("*").alias("df")).where(F.col("df") >= 2)
    held = p.join(df, "fingerprint")

    # Rare fingerprints: every two holders.
    rare = held.where(F.col("df") <= all_pairs_df).select("fingerprint", "article")
    rare_pairs = (
        rare.alias("x")
        .join(rare.alias("y"), "fingerprint")
        .where(F.col("x.article") < F.col("y.article"))
        .select(F.col("x.article").alias("a"), F.col("y.article").alias("b"), F.lit(False).alias("wide"))
    )

    # Widely held fingerprints: each holder with the `heads` earliest holders.
    wide = held.where(F.col("df") > all_pairs_df).join(ranks, "article")
    order = Window.partitionBy("fingerprint").orderBy(F.col("rank"), F.col("article"))
    wide = wide.withColumn("pos", F.row_number().over(order)).withColumn("head", F.col("pos") <= heads)
    hs = wide.where("head").select("fingerprint", F.col("article").alias("h"), F.col("pos").alias("hpos"))
    wide_pairs = (
        hs.join(wide.select("fingerprint", "article", "pos", "head"), "fingerprint")
        .where((~F.col("head")) | (F.col("hpos") < F.col("pos")))
        .select(
            F.least("h", "article").alias("a"),
            F.greatest("h", "article").alias("b"),
            F.lit(True).alias("wide"),
        )
    )

    counts = rare_pairs.unionByName(wide_pairs).groupBy("a", "b").agg(
        F.sum(F.when(F.col("wide"), 0).otherwise(1)).alias("rare"),
        F.sum(F.when(F.col("wide"), 1).otherwise(0)).alias("wide"),
    )
    enough = (F.col("rare") >= min_shared) | (
        (F.col("wide") > 0) & (F.col("rare") + F.col("wide") >= min_fanout)
    )
    return counts.where(enough & (F.col("a") != F.col("b"))).select(
        "a", "b", (F.col("rare") + F.col("wide")).cast("int").alias("shared")
    )


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stage", help="directory written by `citetrace fingerprint`")
    ap.add_argument("out", help="directory for the candidate pairs (Parquet); replaced")
    ap.add_argument("--partitions", type=int, default=0, help="output files (default: Spark's shuffle partitions)")
    ap.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[*])")
    ap.add_argument("--driver-memory", default="4g", help="local mode: the JVM's heap (default 4g)")
    ap.add_argument("--event-log", default=None, help="write Spark's event log here (shuffle bytes per stage, for docs/scale.md)")
    ap.add_argument("--shuffle-partitions", type=int, default=16, help="spark.sql.shuffle.partitions (default 16; thousands on a cluster)")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    builder = SparkSession.builder.appName("citetrace-candidate-join")
    if args.master:
        builder = builder.master(args.master)
    elif "PYSPARK_GATEWAY_PORT" not in os.environ:
        # Run with plain python: local mode on this machine (spark-submit sets
        # the master and the JVM itself).
        builder = (
            builder.master("local[*]")
            .config("spark.driver.memory", args.driver_memory)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
        )
    builder = builder.config("spark.sql.shuffle.partitions", str(args.shuffle_partitions))
    if args.event_log:
        os.makedirs(args.event_log, exist_ok=True)
        builder = (
            builder.config("spark.eventLog.enabled", "true")
            .config("spark.eventLog.dir", "file://" + os.path.abspath(args.event_log))
            # One plain JSON file named by the application, for report_shuffle.
            .config("spark.eventLog.compress", "false")
            .config("spark.eventLog.rolling.enabled", "false")
        )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")

    # Read through Spark, so the stage may be on HDFS or an object store.
    params = json.loads(spark.read.text(join(args.stage, "params.json"), wholetext=True).first()[0])
    if params.get("layout") != LAYOUT_VERSION:
        sys.exit(f"candidate_join: stage layout {params.get('layout')} is not {LAYOUT_VERSION}: rebuild or update")

    postings = spark.read.parquet(join(args.stage, "postings"))
    articles = spark.read.parquet(join(args.stage, "articles")).select("article", "id", "rank")
    n = articles.count()
    if n != int(params["articles"]):
        sys.exit(f"candidate_join: {n} articles in the stage, params.json says {params['articles']}: a shard is missing")
    ranks = articles.select("article", "rank")

    text = candidate_pairs(postings, ranks, SIGNAL_TEXT, int(params["min_shared_text"]), params)
    anchors = candidate_pairs(postings, ranks, SIGNAL_ANCHORS, int(params["min_shared_anchors"]), params)
    pairs = (
        text.withColumnRenamed("shared", "shared_text")
        .join(anchors.withColumnRenamed("shared", "shared_anchors"), ["a", "b"], "full_outer")
        .select(
            F.col("a").cast("int").alias("a"),
            F.col("b").cast("int").alias("b"),
            F.col("shared_text").isNotNull().alias("text"),
            F.col("shared_anchors").isNotNull().alias("anchors"),
            F.coalesce("shared_text", F.lit(0)).cast("int").alias("shared_text"),
            F.coalesce("shared_anchors", F.lit(0)).cast("int").alias("shared_anchors"),
        )
    )
    ids = articles.select("article", "id")
    pairs = (
        pairs.join(ids.select(F.col("article").alias("a"), F.col("id").alias("a_id")), "a")
        .join(ids.select(F.col("article").alias("b"), F.col("id").alias("b_id")), "b")
        .select("a", "b", "a_id", "b_id", "text", "anchors", "shared_text", "shared_anchors")
    )
    if args.partitions > 0:
        pairs = pairs.repartition(args.partitions, "a", "b")
    pairs.sortWithinPartitions("a", "b").write.mode("overwrite").parquet(args.out)
    written = spark.read.parquet(args.out)
    print(
        f"candidate_join: {n} articles, {written.count()} candidate pairs "
        f"(text {written.where('text').count()}, anchors {written.where('anchors').count()}) -> {args.out}",
        file=sys.stderr,
    )
    app = spark.sparkContext.applicationId
    spark.stop()
    if args.event_log:
        report_shuffle(args.event_log, app)


def report_shuffle(event_log, app):
    """Prints the shuffle volume of the run from Spark's event log."""
    path = os.path.join(event_log, app)
    if not os.path.isfile(path):
        print(f"candidate_join: no event log at {path}", file=sys.stderr)
        return
    written = records = read = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if '"SparkListenerTaskEnd"' not in line:
                continue
            metrics = json.loads(line).get("Task Metrics") or {}
            w = metrics.get("Shuffle Write Metrics") or {}
            r = metrics.get("Shuffle Read Metrics") or {}
            written += w.get("Shuffle Bytes Written", 0)
            records += w.get("Shuffle Records Written", 0)
            read += r.get("Remote Bytes Read", 0) + r.get("Local Bytes Read", 0)
    print(
        f"candidate_join: shuffle written {written} bytes in {records} records, read {read} bytes ({path})",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
