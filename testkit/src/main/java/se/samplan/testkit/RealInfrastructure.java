package se.samplan.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that hands a test real servers as parameters: the JVM's shared
 * {@link TestPostgres} and {@link TestKafka}, and a {@link TestSmtp} of the test class's own,
 * stopped when the class is done.
 */
public final class RealInfrastructure implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealInfrastructure.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == TestPostgres.class || type == TestKafka.class || type == TestSmtp.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == TestPostgres.class) {
            return TestPostgres.get();
        }
        if (type == TestKafka.class) {
            return TestKafka.get();
        }
        if (type == TestSmtp.class) {
            ExtensionContext classContext = context.getTestClass().isPresent() && context.getParent().isPresent()
                    && context.getTestMethod().isPresent() ? context.getParent().get() : context;
            return classContext.getStore(NAMESPACE)
                    .getOrComputeIfAbsent(TestSmtp.class, key -> new ClosableSmtp(TestSmtp.start()), ClosableSmtp.class)
                    .smtp();
        }
        throw new ParameterResolutionException("Not a real server: " + type);
    }

    private record ClosableSmtp(TestSmtp smtp) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            smtp.down();
        }
    }
}
