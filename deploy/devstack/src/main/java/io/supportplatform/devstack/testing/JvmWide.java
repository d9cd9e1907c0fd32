package io.supportplatform.devstack.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls {@link SharedInfrastructure} as loaded by the system class loader, so that every Quarkus test
 * application in this JVM (each with its own class loader) reaches the same servers. Falls back to this class
 * loader's copy where the system class loader does not see the devstack classes.
 */
final class JvmWide {

    private JvmWide() {
    }

    static Object call(String method, Class<?>[] parameterTypes, Object... args) {
        Class<?> owner = owner();
        Thread thread = Thread.currentThread();
        ClassLoader testLoader = thread.getContextClassLoader();
        // Kafka's admin client loads plugin classes (metrics reporters) through the context class loader;
        // it must be the loader of the servers, not the Quarkus test application's.
        thread.setContextClassLoader(owner.getClassLoader());
        try {
            Method m = owner.getMethod(method, parameterTypes);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call SharedInfrastructure." + method, e);
        } finally {
            thread.setContextClassLoader(testLoader);
        }
    }

    static Object call(String method) {
        return call(method, new Class<?>[0]);
    }

    private static Class<?> owner() {
        try {
            return Class.forName(SharedInfrastructure.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            return SharedInfrastructure.class;
        }
    }
}
