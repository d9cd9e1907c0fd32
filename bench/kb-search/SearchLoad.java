import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop search load through the gateway: each client sends GET /api/kb/search?q=... with a customer's
 * token, waits for the answer, sends the next. Two workloads, each at every concurrency level:
 * <ul>
 * <li>"repeating": the customer queries of a file (one per line) in rotation, as a knowledge base's head queries
 * are asked again and again; after the warm-up kb-service's result cache holds them all;</li>
 * <li>"unique": every request a query never sent before (a query of the file plus one word of the corpus
 * vocabulary, the pairs in a fixed shuffled order), so the result cache never answers and every search runs on
 * the index.</li>
 * </ul>
 * Prints p50/p90/p99/max latency and queries per second per workload and level; any non-200 answer counts as an
 * error.
 *
 * java SearchLoad.java <gateway-url> <token-endpoint> <queries-file> <vocabulary-file> <seconds>
 *   <minimum-warmup-seconds> <clients>...   (-Dkb.pid, -Dgateway.pid: whose CPU to report)
 */
public class SearchLoad {

    public static void main(String[] args) throws Exception {
        URI gateway = URI.create(args[0]);
        String token = token(args[1]);
        List<String> queries = Files.readAllLines(Path.of(args[2])).stream().filter(l -> !l.isBlank()).toList();
        List<String> vocabulary = new ArrayList<>(
                Files.readAllLines(Path.of(args[3])).stream().filter(l -> !l.isBlank()).toList());
        Collections.shuffle(vocabulary, new Random(42));
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        AtomicInteger rotation = new AtomicInteger();
        IntFunction<String> repeating = n -> queries.get(Math.floorMod(n, queries.size()));
        warmUp(gateway, token, repeating, rotation, warmup, "warm-up");
        for (int i = 6; i < args.length; i++) {
            run(gateway, token, repeating, rotation, Integer.parseInt(args[i]), seconds, "repeating");
        }
        // Query n: query n mod Q of the file plus word n / Q of the vocabulary, distinct for n < Q * V (the file's
        // queries deduplicated first: it holds "agent offline" twice).
        List<String> distinct = queries.stream().distinct().toList();
        AtomicInteger sequence = new AtomicInteger();
        IntFunction<String> unique = n -> distinct.get(n % distinct.size()) + " "
                + vocabulary.get((n / distinct.size()) % vocabulary.size());
        // Never-seen queries run code the cache hits above never reach: warm it up too. The warm-up's queries are never
        // sent again: the sequence goes on.
        warmUp(gateway, token, unique, sequence, warmup, "warm-up (unique)");
        for (int i = 6; i < args.length; i++) {
            run(gateway, token, unique, sequence, Integer.parseInt(args[i]), seconds, "unique   ");
        }
        if (sequence.get() > distinct.size() * vocabulary.size()) {
            System.out.println("note: more unique requests than query/word pairs, some were repeats");
        }
    }

    /** At most this long a warm-up waits for the JIT compilers to finish. */
    static final long MAX_WARMUP_NANOS = 180_000_000_000L;

    /**
     * The workload at 4 clients for at least {@code minSeconds}, then on in 5 s slices until kb-service's JIT
     * compilers are idle (under 5 % of a core in the last slice; 180 s at most): the levels then measure the compiled
     * code, the steady state of a service that has run for a while. On this 2-core machine the C2 compiler works on
     * the search code for a minute or more after its first searches, and until it is done it takes up to a core from
     * the searches. Without {@code -Dkb.pid} the warm-up lasts {@code minSeconds}.
     */
    static void warmUp(URI gateway, String token, IntFunction<String> queries, AtomicInteger next, int minSeconds,
            String label) throws Exception {
        long began = System.nanoTime();
        int requests = 0;
        double compiling = -1;
        while (System.nanoTime() - began < MAX_WARMUP_NANOS) {
            long compilerBefore = compilerCpuTicks();
            long sliceBegan = System.nanoTime();
            requests += run(gateway, token, queries, next, 4, 5, label);
            boolean minimumDone = System.nanoTime() - began >= minSeconds * 1_000_000_000L;
            if (compilerBefore < 0) {
                if (minimumDone) {
                    break;
                }
                continue;
            }
            compiling = (compilerCpuTicks() - compilerBefore) / (double) TICKS_PER_SECOND
                    / ((System.nanoTime() - sliceBegan) / 1e9);
            if (minimumDone && compiling < 0.05) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "%s, 4 clients: %d requests in %.0f s%s%n", label, requests,
                (System.nanoTime() - began) / 1e9, compiling < 0 ? ""
                        : String.format(Locale.ROOT, ", kb-service JIT compilers at %.0f %% of a core in the last 5 s",
                                100 * compiling));
    }

    /** Runs the workload closed-loop; prints the level's figures unless it is part of a warm-up. */
    static int run(URI gateway, String token, IntFunction<String> queries, AtomicInteger next,
            int clients, int seconds, String label) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger errors = new AtomicInteger();
        long cpuBefore = serviceCpuTicks();
        long compilerBefore = compilerCpuTicks();
        long[] machineBefore = machineCpuTicks();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<long[]>> futures = new ArrayList<>();
        long began = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1 << 16];
                int n = 0;
                try (Connection connection = new Connection(gateway)) {
                    while (System.nanoTime() < end) {
                        String q = queries.apply(next.getAndIncrement());
                        String target = "/api/kb/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8);
                        long t0 = System.nanoTime();
                        Answer answer = connection.get(target, token);
                        long took = System.nanoTime() - t0;
                        if (answer.status() != 200) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println(answer.status() + " for " + q + ": " + answer.text());
                            }
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = took;
                    }
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        long cpuTicks = serviceCpuTicks() - cpuBefore;
        long compilerTicks = compilerCpuTicks() - compilerBefore;
        long[] machineAfter = machineCpuTicks();
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (label.startsWith("warm-up") || merged.length == 0) {
            if (errors.get() > 0) {
                System.out.printf(Locale.ROOT, "%s, %d clients: %d errors%n", label, clients, errors.get());
            }
            return merged.length;
        }
        System.out.printf(Locale.ROOT,
                "%s clients %2d: %6d requests in %.0f s, %7.1f q/s, p50 %6.1f ms, p90 %6.1f ms, p99 %6.1f ms, max %6.1f ms, errors %d%n",
                label, clients, merged.length, elapsed, merged.length / elapsed, ms(merged, 0.50), ms(merged, 0.90),
                ms(merged, 0.99), merged[merged.length - 1] / 1e6, errors.get());
        if (cpuBefore >= 0) {
            System.out.printf(Locale.ROOT,
                    "%s clients %2d: kb-service CPU %.2f ms per request (%.1f s of CPU, %.1f s of it JIT compiling)%n",
                    label, clients, cpuTicks * 1000.0 / TICKS_PER_SECOND / merged.length,
                    cpuTicks / (double) TICKS_PER_SECOND, compilerTicks / (double) TICKS_PER_SECOND);
        }
        StringBuilder shares = new StringBuilder();
        for (int i = 0; i < machineBefore.length; i++) {
            double perRequest = (machineAfter[i] - machineBefore[i]) * 1000.0 / TICKS_PER_SECOND / merged.length;
            shares.append(String.format(Locale.ROOT, "%s %.2f ms", i == 0 ? "machine" : i == 1 ? ", gateway"
                    : ", load generator", perRequest));
        }
        System.out.printf(Locale.ROOT, "%s clients %2d: CPU per request of the %s%n", label, clients, shares);
        return merged.length;
    }

    /** A search's answer: HTTP status and body. */
    record Answer(int status, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * One client's keep-alive HTTP/1.1 connection, used blocking: the request is written and its whole answer read
     * on the client's own thread, as a browser or the product's integration on another machine would. (The JDK's
     * HttpClient hands each exchange between its selector thread and the caller: on this 2-core machine, shared
     * with the services under test, that cost ~0.2 ms of CPU per request, and its scheduling delays were counted
     * as the platform's latency.)
     */
    static final class Connection implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;

        Connection(URI server) throws IOException {
            socket = new Socket(server.getHost(), server.getPort());
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            out = new BufferedOutputStream(socket.getOutputStream(), 1 << 13);
            host = server.getHost() + ":" + server.getPort();
        }

        /** GET with the bearer token; the answer is read to its last byte (Content-Length or chunked). */
        Answer get(String target, String token) throws IOException {
            out.write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer " + token
                    + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ")) {
                throw new IOException("not an HTTP/1.1 answer: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    throw new IOException("the server closes the connection; this client keeps it open");
                }
            }
            if (chunked) {
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                for (int size = chunkSize(); size > 0; size = chunkSize()) {
                    body.write(exactly(size));
                    line(); // the CRLF after the chunk
                }
                while (!line().isEmpty()) {
                    // trailers
                }
                return new Answer(status, body.toByteArray());
            }
            if (length < 0) {
                throw new IOException("an answer without Content-Length that is not chunked");
            }
            return new Answer(status, exactly(length));
        }

        private int chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Integer.parseInt(extension < 0 ? size : size.substring(0, extension), 16);
        }

        private byte[] exactly(int length) throws IOException {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length < length) {
                throw new EOFException("answer ended after " + bytes.length + " of " + length + " bytes");
            }
            return bytes;
        }

        /** One header line, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed in the middle of an answer");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** USER_HZ of /proc/<pid>/stat on Linux. */
    static final int TICKS_PER_SECOND = 100;

    /**
     * CPU time (user + system, clock ticks) of the process named by {@code -Dkb.pid} so far, -1 without one: the
     * service's own cost per request, whatever else (load generator, gateway) runs on the machine.
     */
    static long serviceCpuTicks() throws IOException {
        String pid = System.getProperty("kb.pid");
        if (pid == null) {
            return -1;
        }
        return processCpuTicks(pid);
    }

    /** CPU ticks so far of kb-service's JIT compiler threads (C1, C2), -1 without {@code -Dkb.pid}. */
    static long compilerCpuTicks() throws IOException {
        String pid = System.getProperty("kb.pid");
        if (pid == null) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", pid, "task"))) {
            for (Path thread : threads) {
                try {
                    String name = Files.readString(thread.resolve("comm")); // "C2 CompilerThre": cut to 15 characters
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks += cpuTicks(Files.readString(thread.resolve("stat")));
                    }
                } catch (NoSuchFileException ended) {
                    // a compiler thread that ended meanwhile (HotSpot adds and removes them)
                }
            }
        }
        return ticks;
    }

    static long processCpuTicks(String pid) throws IOException {
        return cpuTicks(Files.readString(Path.of("/proc", pid, "stat")));
    }

    /** utime + stime of a /proc stat line (fields 14 and 15). */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * CPU ticks so far of the whole machine (busy: user, nice, system, irq and softirq of /proc/stat), of the process named by
     * {@code -Dgateway.pid} (0 without one) and of this load generator: where a request's cost goes besides
     * kb-service, as load generator and services share the cores.
     */
    static long[] machineCpuTicks() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i <= 7; i++) { // user nice system idle iowait irq softirq: steal is not this machine's work
            busy += i == 4 || i == 5 ? 0 : Long.parseLong(cpu[i]);
        }
        String gateway = System.getProperty("gateway.pid");
        return new long[] { busy, gateway == null || gateway.isEmpty() ? 0 : processCpuTicks(gateway),
                processCpuTicks(Long.toString(ProcessHandle.current().pid())) };
    }

    static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Keycloak password grant as the customer portal does it: client support-portal, user anna. */
    static String token(String endpoint) throws Exception {
        String form = "grant_type=password&client_id=support-portal&username=anna&password=demo";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token: " + response.statusCode() + " " + response.body());
        }
        return m.group(1);
    }
}
