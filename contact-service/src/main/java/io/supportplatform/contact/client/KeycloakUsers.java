package io.supportplatform.contact.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import io.supportplatform.contact.config.KeycloakConfig;

/**
 * Customer users in Keycloak: a contact's user carries realm role {@code customer} and attribute {@code system_id}
 * (its account; the token claim the services scope customers by). Every operation is idempotent, so the sync job
 * may repeat one after a crash or a lost answer.
 */
@ApplicationScoped
public class KeycloakUsers {

    static final String CUSTOMER_ROLE = "customer";
    static final String SYSTEM_ID = "system_id";
    /** A provisioned user sets a password and confirms the e-mail address at first login. */
    static final List<String> FIRST_LOGIN_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private final KeycloakAdminApi api;

    public KeycloakUsers(KeycloakConfig config) {
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(adminUri(config.realmUrl()))
                .build(KeycloakAdminApi.class);
    }

    /** {@code http://kc/realms/support} becomes {@code http://kc/admin/realms/support}. */
    static URI adminUri(String realmUrl) {
        String url = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
        int realms = url.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("not a Keycloak realm URL: " + realmUrl);
        }
        return URI.create(url.substring(0, realms) + "/admin" + url.substring(realms));
    }

    /**
     * The user with this e-mail address made a customer of the account, created first if there is none (enabled,
     * e-mail not verified yet, with the first-login actions).
     *
     * @return the user's id
     */
    public Uni<String> provision(String systemId, String email, String name) {
        return findByEmail(email).flatMap(existing -> existing != null
                ? makeCustomer(existing, systemId)
                : api.createUser(newUser(systemId, email, name))
                        .map(created -> userIdOf(created.getLocation()))
                        .flatMap(id -> grantCustomerRole(id).replaceWith(id)));
    }

    /**
     * An existing user, by id or else by e-mail address, made a customer of the account.
     *
     * @return the user's id
     */
    public Uni<String> link(String systemId, String userId, String email) {
        Uni<Map<String, Object>> user = userId != null
                ? api.user(userId).onFailure(notFound()).transform(e -> new KeycloakFailure(
                        "no Keycloak user with id " + userId))
                : findByEmail(email).onItem().ifNull().failWith(() -> new KeycloakFailure(
                        "no Keycloak user with e-mail address " + email));
        return user.flatMap(found -> makeCustomer(found, systemId))
                .onFailure(WebApplicationException.class).transform(KeycloakUsers::permanentIfRefused);
    }

    /**
     * Takes the account's customer rights from the user: role {@code customer} and attribute {@code system_id},
     * if the attribute still names this account. A user that is gone, or belongs to another account by now, is
     * left alone.
     */
    public Uni<Void> unlink(String systemId, String userId) {
        return api.user(userId)
                .flatMap(user -> {
                    if (!systemId.equals(systemIdOf(user))) {
                        return Uni.createFrom().voidItem();
                    }
                    Map<String, Object> changed = new HashMap<>(user);
                    Map<String, Object> attributes = new HashMap<>(attributesOf(user));
                    attributes.remove(SYSTEM_ID);
                    changed.put("attributes", attributes);
                    return api.updateUser(userId, changed)
                            .chain(() -> api.realmRole(CUSTOMER_ROLE))
                            .chain(role -> api.removeRealmRoles(userId, List.of(role)));
                })
                .onFailure(notFound()).recoverWithNull().replaceWithVoid()
                .onFailure(WebApplicationException.class).transform(KeycloakUsers::permanentIfRefused);
    }

    private Uni<String> makeCustomer(Map<String, Object> user, String systemId) {
        String id = (String) user.get("id");
        String current = systemIdOf(user);
        if (current != null && !current.equals(systemId)) {
            // a user belongs to one account: its token carries one system_id
            return Uni.createFrom().failure(new KeycloakFailure("Keycloak user " + user.get("username")
                    + " belongs to account " + current));
        }
        Uni<Void> attribute = Uni.createFrom().voidItem();
        if (current == null) {
            Map<String, Object> changed = new HashMap<>(user);
            Map<String, Object> attributes = new HashMap<>(attributesOf(user));
            attributes.put(SYSTEM_ID, List.of(systemId));
            changed.put("attributes", attributes);
            attribute = api.updateUser(id, changed);
        }
        return attribute.chain(() -> grantCustomerRole(id)).replaceWith(id);
    }

    private Uni<Void> grantCustomerRole(String userId) {
        return api.realmRole(CUSTOMER_ROLE).chain(role -> api.addRealmRoles(userId, List.of(role)));
    }

    private Uni<Map<String, Object>> findByEmail(String email) {
        return api.usersByEmail(email, true).map(users -> users.stream()
                .filter(user -> email.equalsIgnoreCase((String) user.get("email")))
                .findFirst().orElse(null));
    }

    private static Map<String, Object> newUser(String systemId, String email, String name) {
        String trimmed = name.strip();
        int lastSpace = trimmed.lastIndexOf(' ');
        Map<String, Object> user = new HashMap<>();
        user.put("username", email.toLowerCase(Locale.ROOT));
        user.put("email", email);
        user.put("firstName", lastSpace < 0 ? trimmed : trimmed.substring(0, lastSpace));
        user.put("lastName", lastSpace < 0 ? trimmed : trimmed.substring(lastSpace + 1));
        user.put("enabled", true);
        user.put("emailVerified", false);
        user.put("attributes", Map.of(SYSTEM_ID, List.of(systemId)));
        user.put("requiredActions", new ArrayList<>(FIRST_LOGIN_ACTIONS));
        return user;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributesOf(Map<String, Object> user) {
        Object attributes = user.get("attributes");
        return attributes instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String systemIdOf(Map<String, Object> user) {
        Object values = attributesOf(user).get(SYSTEM_ID);
        return values instanceof List<?> list && !list.isEmpty() ? String.valueOf(list.get(0)) : null;
    }

    private static String userIdOf(URI location) {
        if (location == null) {
            throw new IllegalStateException("Keycloak created a user but named no Location");
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static java.util.function.Predicate<Throwable> notFound() {
        return failure -> failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    /** 4xx other than 408/429 mean Keycloak refused the request as such: retrying would not help. */
    private static Throwable permanentIfRefused(Throwable failure) {
        int status = ((WebApplicationException) failure).getResponse().getStatus();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new KeycloakFailure("Keycloak refused the request: HTTP " + status);
        }
        return failure;
    }
}
