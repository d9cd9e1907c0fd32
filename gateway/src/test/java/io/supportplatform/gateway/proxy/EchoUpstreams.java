package io.supportplatform.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real HTTP servers standing in for the services, on free ports. Each answers with what it received
 * (method, raw path and query, headers, body length and SHA-256), so a test sees through the gateway what
 * arrived upstream. {@code GET /__count} on a server itself tells how many requests reached it; a path
 * containing {@code /slow} answers only after 5 s. The notification service is left down: its URL points
 * at a port nothing listens on.
 */
public class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    static final String COUNT_PATH = "/__count";
    private static final List<String> RUNNING = List.of("tickets", "sla", "kb", "contacts");

    private final List<HttpServer> servers = new ArrayList<>();
    private ExecutorService workers;

    @Override
    public Map<String, String> start() {
        workers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "echo-upstream");
            thread.setDaemon(true);
            return thread;
        });
        Map<String, String> config = new LinkedHashMap<>();
        try {
            for (String name : RUNNING) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
                server.createContext("/", new Echo(name)::handle);
                server.setExecutor(workers);
                server.start();
                servers.add(server);
                config.put("gateway.routes." + name + ".url", "http://127.0.0.1:" + server.getAddress().getPort());
            }
            config.put("gateway.routes.notifications.url", "http://127.0.0.1:" + unusedPort());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the stand-in upstreams", e);
        }
        return config;
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
        workers.shutdownNow();
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class Echo {
        private final ObjectMapper json = new ObjectMapper();
        private final String name;
        private final AtomicInteger received = new AtomicInteger();

        Echo(String name) {
            this.name = name;
        }

        void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals(COUNT_PATH)) {
                respond(exchange, 200, json.writeValueAsBytes(Map.of("received", received.get())));
                return;
            }
            received.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (path.contains("/slow")) {
                try {
                    Thread.sleep(5_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((header, values) -> headers.put(header.toLowerCase(), String.join(",", values)));
            String query = exchange.getRequestURI().getRawQuery();
            Map<String, Object> echo = new LinkedHashMap<>();
            echo.put("upstream", name);
            echo.put("method", exchange.getRequestMethod());
            echo.put("uri", query == null ? path : path + "?" + query);
            echo.put("headers", headers);
            echo.put("bodyLength", body.length);
            echo.put("bodySha256", sha256(body));
            exchange.getResponseHeaders().add("X-Upstream", name);
            respond(exchange, "POST".equals(exchange.getRequestMethod()) ? 201 : 200, json.writeValueAsBytes(echo));
        }

        private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
