package io.supportplatform.devstack.testing;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The project's real Keycloak (realm {@code support} from {@code deploy/keycloak/support-realm.json}), one server
 * per test JVM on free ports. Returns {@code quarkus.oidc.auth-server-url} (tokens are then verified against the
 * realm's real keys) and {@code keycloak.test.base-url} / {@code keycloak.test.admin-username} /
 * {@code keycloak.test.admin-password} for tests that look at the realm through the admin API. The first start
 * with a changed realm file imports it (about 40-100 s); later starts restore a snapshot (about 10-25 s).
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> start() {
        Map<String, String> keycloak = (Map<String, String>) sharedStart();
        return Map.of(
                "quarkus.oidc.auth-server-url", keycloak.get("issuerUrl"),
                "keycloak.test.base-url", keycloak.get("baseUrl"),
                "keycloak.test.admin-username", keycloak.get("adminUsername"),
                "keycloak.test.admin-password", keycloak.get("adminPassword"));
    }

    @Override
    public void stop() {
        // shared by the JVM; stopped by SharedKeycloak's shutdown hook
    }

    /** {@link SharedKeycloak#start()} as loaded by the system class loader, so all test applications share it. */
    private static Object sharedStart() {
        Class<?> owner;
        try {
            owner = Class.forName(SharedKeycloak.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            owner = SharedKeycloak.class;
        }
        Thread thread = Thread.currentThread();
        ClassLoader testLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(owner.getClassLoader());
        try {
            return owner.getMethod("start").invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call SharedKeycloak.start", e);
        } finally {
            thread.setContextClassLoader(testLoader);
        }
    }
}
