package io.qtrade.store;

/** The file format of a tick store part: the same columns either way. */
public enum TickFormat {
    /** Apache Parquet, Snappy-compressed, with the Avro schema in its key-value metadata. */
    PARQUET("parquet"),
    /** Plain comma-separated text with a header line; the fallback every tool reads. */
    CSV("csv");

    private final String extension;

    TickFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /**
     * The format whose name or extension is {@code name}, case-insensitive.
     *
     * @throws IllegalArgumentException naming the allowed values otherwise
     */
    public static TickFormat parse(String name) {
        for (TickFormat f : values()) {
            if (f.extension.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("tick format '" + name + "' is unknown: expected parquet or csv");
    }
}
