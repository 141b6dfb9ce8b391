/**
 * Runnable examples. {@link io.qtrade.examples.Demo} is the main demo the README runs with
 * {@code mvn -B -q -pl examples -am -DskipTests -Pdemo package}.
 */
package io.qtrade.examples;
