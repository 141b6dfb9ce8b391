package io.qtrade.connectors.clickhouse;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Starts one {@link ClickHouseServer} per test class before its first test and stops it (deleting its directory)
 * after the last; injects it into test and lifecycle methods that declare a {@link ClickHouseServer} parameter.
 * Without a {@code clickhouse-server} binary every test of the class is aborted (reported as skipped) with the
 * message {@link ClickHouseServer#INSTALL_HINT}, never passed.
 */
final class ClickHouseServerExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ClickHouseServerExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ClickHouseServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return server(context);
        } catch (TestAbortedException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("starting clickhouse-server failed", e);
        }
    }

    private static ClickHouseServer server(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = classContext(context).getStore(NAMESPACE);
        Running running = store.get(Running.class, Running.class);
        if (running == null) {
            running = new Running(ClickHouseServer.start());
            store.put(Running.class, running);
        }
        return running.server;
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** Closed by JUnit when the class's context ends. */
    private record Running(ClickHouseServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
