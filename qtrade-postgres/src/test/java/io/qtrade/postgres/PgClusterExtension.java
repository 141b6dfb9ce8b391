package io.qtrade.postgres;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.TestAbortedException;

/**
 * Starts one {@link PgCluster} before the first test class that uses it and stops it after the last test of the
 * run (JUnit's root store closes it), so the classes share one cluster (each test takes its own fresh database;
 * starting a cluster costs seconds); injects it into test and {@code @BeforeEach} methods that declare a
 * {@link PgCluster} parameter.
 *
 * <p>Without the binaries every test of the class is aborted with {@link PgCluster#INSTALL_HINT}: reported as
 * skipped with that message, never passed (per test, since Surefire drops a class-level abort's message). Binaries
 * that are present but fail to start the cluster are a failure, not a skip.
 */
final class PgClusterExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PgClusterExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (store.get(Running.class, Running.class) != null) {
            return;
        }
        Optional<Path> bin = PgCluster.findBinaries();
        if (bin.isEmpty()) {
            System.err.println(context.getDisplayName() + ": " + PgCluster.INSTALL_HINT);
        }
        store.put(Running.class, new Running(bin.isEmpty() ? null : PgCluster.start(bin.get())));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        running(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PgCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    private static PgCluster running(ExtensionContext context) {
        Running running = context.getRoot().getStore(NAMESPACE).get(Running.class, Running.class);
        if (running == null) {
            throw new IllegalStateException("PgClusterExtension's beforeAll did not run for "
                    + context.getDisplayName());
        }
        if (running.cluster() == null) {
            throw new TestAbortedException(PgCluster.INSTALL_HINT);
        }
        return running.cluster();
    }

    private record Running(PgCluster cluster) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            if (cluster != null) {
                cluster.close();
            }
        }
    }
}
