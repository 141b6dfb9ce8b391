/**
 * Parameter sweeps of {@code qtrade-research} as Apache Spark jobs: {@link io.qtrade.spark.SparkSweep} runs a
 * {@link io.qtrade.research.sweep.Sweep}'s tasks (one parameter set on one {@code venue=/symbol=/date=} partition
 * each) on Spark executors with the unchanged backtest engine and gathers the rows into the same
 * {@link io.qtrade.research.sweep.SweepResult} the in-process runner gives; {@link io.qtrade.spark.HadoopPartitionFetcher}
 * brings a partition from any Hadoop-compatible file system to an executor-local tick store;
 * {@link io.qtrade.spark.SparkSweepMain} is the {@code spark-submit} entry point, running a
 * {@link io.qtrade.spark.SweepDefinition} named on the command line.
 */
package io.qtrade.spark;
