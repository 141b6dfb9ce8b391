package io.qtrade.store.ingest;

/**
 * Bad vendor input: names the file, the line (or byte offset) and the field, and says what was found and what was
 * expected. Thrown in strict mode; in lenient mode ({@link ImportOptions#lenient()}) the importer counts and logs
 * the same exception through a {@link SkipCounter} and skips the line.
 */
public final class ImportException extends RuntimeException {

    /** The line or byte offset of an input position that is not known. */
    public static final long UNKNOWN = -1L;

    private final String file;
    private final long line;
    private final long byteOffset;
    private final String field;
    private final String problem;

    /**
     * @param file       the file (its path as given to the importer)
     * @param line       1-based line number, or {@link #UNKNOWN}
     * @param byteOffset 0-based byte offset, or {@link #UNKNOWN}
     * @param field      the field or column name, or {@code null} when the whole line is at fault
     * @param problem    what was found and what was expected
     */
    public ImportException(String file, long line, long byteOffset, String field, String problem) {
        super(format(file, line, byteOffset, field, problem));
        this.file = file;
        this.line = line;
        this.byteOffset = byteOffset;
        this.field = field;
        this.problem = problem;
    }

    /** A problem at a line of a text file. */
    public static ImportException atLine(String file, long line, String field, String problem) {
        return new ImportException(file, line, UNKNOWN, field, problem);
    }

    /** The file the bad input is in. */
    public String file() {
        return file;
    }

    /** The 1-based line number, or {@link #UNKNOWN}. */
    public long line() {
        return line;
    }

    /** The 0-based byte offset, or {@link #UNKNOWN}. */
    public long byteOffset() {
        return byteOffset;
    }

    /** The field or column at fault, or {@code null} when the whole line is. */
    public String field() {
        return field;
    }

    /** What was found and what was expected, without the position. */
    public String problem() {
        return problem;
    }

    private static String format(String file, long line, long byteOffset, String field, String problem) {
        StringBuilder sb = new StringBuilder(file);
        if (line != UNKNOWN) {
            sb.append(':').append(line);
        }
        if (byteOffset != UNKNOWN) {
            sb.append(" (byte ").append(byteOffset).append(')');
        }
        if (field != null) {
            sb.append(", field ").append(field);
        }
        return sb.append(": ").append(problem).toString();
    }
}
