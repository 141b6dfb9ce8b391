package io.qtrade.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** The test Spark context: {@code local[2]} on the loopback address, no UI, no console progress bar. */
final class TestSpark {

    private TestSpark() {
    }

    static JavaSparkContext local2(String appName) {
        return new JavaSparkContext(new SparkConf().setAppName(appName).setMaster("local[2]")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    }
}
