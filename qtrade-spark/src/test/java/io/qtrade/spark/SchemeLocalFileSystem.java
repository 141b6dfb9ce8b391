package io.qtrade.spark;

import org.apache.hadoop.fs.RawLocalFileSystem;

import java.net.URI;

/**
 * The local file system under the scheme {@code qtest:}, registered with {@code fs.qtest.impl}: lets a test take the
 * code path of a remote Hadoop file system (anything but {@code file:}) without a cluster.
 */
public final class SchemeLocalFileSystem extends RawLocalFileSystem {

    /** The scheme this file system answers to. */
    public static final String SCHEME = "qtest";

    /** Created by Hadoop's {@code FileSystem.get} through reflection. */
    public SchemeLocalFileSystem() {
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }
}
