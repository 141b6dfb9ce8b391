package io.qtrade.sql.clickhouse;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

import java.util.List;

/**
 * Starts one {@link ClickHouseServer} per test class before its first test and stops it (deleting its directory)
 * after the last; injects it into test methods and {@code @BeforeEach} methods that declare a
 * {@link ClickHouseServer} parameter.
 *
 * <p>Without a {@code clickhouse-server} binary every test of the class is aborted, before its {@code @BeforeEach}
 * methods, with a {@link TestAbortedException} whose message is {@link ClickHouseServer#INSTALL_HINT}: each test is
 * reported as skipped with that message, never passed. (The abort is per test because Maven Surefire drops the
 * message, and the tests, of a class aborted in {@code @BeforeAll}; so test classes set up their data in
 * {@code @BeforeEach}, once.) A binary that is present but fails to start is a failure, not a skip.
 */
final class ClickHouseServerExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ClickHouseServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(Running.class, Running.class) != null) {
            return;
        }
        List<String> command = ClickHouseServer.findCommand(System.getenv(ClickHouseServer.BINARY_ENV),
                System.getenv("PATH"), ClickHouseServer.STANDARD_DIRS);
        if (command.isEmpty()) {
            // Surefire's console shows only the count of skipped tests; say why once per class.
            System.err.println(context.getDisplayName() + ": " + ClickHouseServer.INSTALL_HINT);
        }
        store.put(Running.class, new Running(command.isEmpty() ? null : ClickHouseServer.start(command)));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ClickHouseServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    /** The class's server; aborts the current test when there is none. */
    private static ClickHouseServer running(ExtensionContext context) {
        Running running = context.getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new IllegalStateException("ClickHouseServerExtension's beforeAll did not run for "
                    + context.getDisplayName());
        }
        if (running.server() == null) {
            throw new TestAbortedException(ClickHouseServer.INSTALL_HINT);
        }
        return running.server();
    }

    /** The class's server, or {@code null} without a binary; closed by JUnit when the class's context ends. */
    private record Running(ClickHouseServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
