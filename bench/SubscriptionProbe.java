import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Waits for one community event over a GraphQL subscription ({@code graphql-transport-ws}, the JDK's
 * own WebSocket client). JDK only, runs as a single source file:
 *
 * <pre>
 *   BENCH_TOKEN="$TOKEN" java bench/SubscriptionProbe.java --url ws://localhost:8091/graphql \
 *       --expect-name "Made on replica B" [--timeout 30] [--connect-timeout 10]
 * </pre>
 *
 * It sends {@code connection_init} with the token, waits for {@code connection_ack}, subscribes to
 * {@code communityEvents}, waits 500 ms so that the server has registered the subscription, and
 * prints {@code subscribed}. Then it waits at most {@code --timeout} seconds for a {@code next}
 * message whose community is named {@code --expect-name} (other events are reported on stderr and
 * skipped; {@code ping} is answered with {@code pong}).
 *
 * <p>stdout is for scripts: {@code subscribed}, then exactly one outcome line:
 *
 * <pre>
 *   received type=CREATED name=Made on replica B after_ms=42     exit 0
 *   timeout no event named "..." within 30 s after subscribing   exit 1
 *   closed code=4403 reason=...                                  exit 1
 *   error ...                                                    exit 1 (error message, transport error, no ack)
 * </pre>
 *
 * {@code after_ms} counts from the moment {@code subscribed} was printed. Diagnostics go to stderr,
 * among them {@code [probe] event received at epoch_ms=...} so that a script can measure the delay
 * from its own clock. Wrong arguments: exit 2.
 */
public final class SubscriptionProbe {

    private static final String USAGE = """
            usage: java bench/SubscriptionProbe.java --url ws://HOST:PORT/graphql --expect-name NAME [options]
              --url URL               GraphQL WebSocket endpoint (ws or wss)
              --expect-name NAME      community name to wait for
              --timeout SECONDS       wait for the event after subscribing (default 30)
              --connect-timeout S     connect and wait for connection_ack (default 10)
            The bearer token comes from the environment variable BENCH_TOKEN (required).""";

    private static final String SUBSCRIPTION = "subscription { communityEvents { type community { id name } } }";
    private static final long REGISTER_MILLIS = 500;

    /** What the listener hands to the main thread. */
    private record Event(String kind, String text, int code) {
        static Event message(String text) {
            return new Event("message", text, 0);
        }
    }

    static {
        // Names may be non-ASCII: print them as UTF-8 whatever the platform's default is
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile WebSocket socket;

    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = parseArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SubscriptionProbe: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        SubscriptionProbe probe = new SubscriptionProbe();
        int code;
        try {
            code = probe.run(URI.create(options.get("url")), options.get("expect-name"),
                    Integer.parseInt(options.get("timeout")), Integer.parseInt(options.get("connect-timeout")),
                    options.get("token"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = outcome(1, "error interrupted");
        }
        probe.closeQuietly();
        // HttpClient keeps internal threads; leave no doubt that the program ends here
        System.exit(code);
    }

    private int run(URI url, String expectedName, int timeoutSeconds, int connectTimeoutSeconds, String token)
            throws InterruptedException {
        long connectDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(connectTimeoutSeconds);
        diagnostic("connecting to " + url);
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .subprotocols("graphql-transport-ws")
                    .connectTimeout(Duration.ofSeconds(connectTimeoutSeconds))
                    .buildAsync(url, new Listener())
                    .get(connectTimeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return outcome(1, "error cannot open the WebSocket: " + rootMessage(e));
        }

        if (!send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":"
                + jsonString("Bearer " + token) + "}}")) {
            return outcome(1, "error cannot send connection_init");
        }
        while (true) {
            Event event = poll(connectDeadline);
            if (event == null) {
                return outcome(1, "error no connection_ack within " + connectTimeoutSeconds + " s");
            }
            Integer failure = failure(event);
            if (failure != null) {
                return failure;
            }
            Map<?, ?> message = parseMessage(event.text());
            String type = message == null ? null : string(message, "type");
            if ("connection_ack".equals(type)) {
                break;
            }
            if ("ping".equals(type)) {
                send("{\"type\":\"pong\"}");
            } else {
                diagnostic("before connection_ack, ignoring " + event.text());
            }
        }
        diagnostic("connection_ack received");

        if (!send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":" + jsonString(SUBSCRIPTION) + "}}")) {
            return outcome(1, "error cannot send subscribe");
        }
        // Give the server time to register the subscription before anyone relies on it; messages
        // that arrive meanwhile wait in the queue.
        Thread.sleep(REGISTER_MILLIS);
        System.out.println("subscribed");
        System.out.flush();
        long subscribedAt = System.nanoTime();
        long deadline = subscribedAt + TimeUnit.SECONDS.toNanos(timeoutSeconds);

        while (true) {
            Event event = poll(deadline);
            if (event == null) {
                return outcome(1, "timeout no event named \"" + expectedName + "\" within " + timeoutSeconds
                        + " s after subscribing");
            }
            Integer failure = failure(event);
            if (failure != null) {
                return failure;
            }
            Map<?, ?> message = parseMessage(event.text());
            if (message == null) {
                diagnostic("ignoring a message that is not a JSON object: " + event.text());
                continue;
            }
            String type = string(message, "type");
            if ("ping".equals(type)) {
                send("{\"type\":\"pong\"}");
                continue;
            }
            if ("pong".equals(type)) {
                continue;
            }
            if ("error".equals(type)) {
                return outcome(1, "error " + event.text());
            }
            if ("complete".equals(type)) {
                return outcome(1, "error the server completed the subscription: " + event.text());
            }
            if (!"next".equals(type)) {
                diagnostic("ignoring " + event.text());
                continue;
            }
            Object payload = message.get("payload");
            if (payload instanceof Map<?, ?> map && map.get("errors") != null) {
                return outcome(1, "error " + event.text());
            }
            Object change = at(payload, "data", "communityEvents");
            String name = string(at(change, "community"), "name");
            String eventType = string(change, "type");
            if (!expectedName.equals(name)) {
                diagnostic("ignoring event type=" + eventType + " name=" + name);
                continue;
            }
            long afterMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - subscribedAt);
            diagnostic("event received at epoch_ms=" + System.currentTimeMillis());
            return outcome(0, "received type=" + eventType + " name=" + name + " after_ms=" + afterMillis);
        }
    }

    /** The exit code of a close or transport error; null for a message. */
    private static Integer failure(Event event) {
        return switch (event.kind()) {
            case "close" -> outcome(1, "closed code=" + event.code() + " reason=" + event.text());
            case "transport" -> outcome(1, "error transport: " + event.text());
            default -> null;
        };
    }

    private Event poll(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? events.poll() : events.poll(left, TimeUnit.NANOSECONDS);
    }

    private boolean send(String text) {
        try {
            socket.sendText(text, true).get(5, TimeUnit.SECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            diagnostic("send failed: " + rootMessage(e));
            return false;
        }
    }

    private void closeQuietly() {
        WebSocket current = socket;
        if (current == null) {
            return;
        }
        try {
            current.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            current.abort();
        }
    }

    private static int outcome(int code, String line) {
        System.out.println(line);
        System.out.flush();
        return code;
    }

    private static void diagnostic(String line) {
        System.err.println("[probe] " + line);
        System.err.flush();
    }

    /** The chain of causes, without the wrappers of futures: "ConnectException <- ClosedChannelException". */
    private static String rootMessage(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.util.concurrent.ExecutionException
                    || cause instanceof java.util.concurrent.CompletionException) {
                continue;
            }
            if (out.length() > 0) {
                out.append(" <- ");
            }
            out.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                out.append(": ").append(cause.getMessage());
            }
        }
        return out.toString();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                events.add(Event.message(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            events.add(new Event("close", reason, statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            events.add(new Event("transport", rootMessage(error), 0));
        }
    }

    // -------------------------------------------------------------------------------------------
    // Arguments
    // -------------------------------------------------------------------------------------------

    /** The options, or null when help was asked for. */
    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("timeout", "30");
        options.put("connect-timeout", "10");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return null;
            }
            if (!arg.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String key = arg.substring(2);
            if (!List.of("url", "expect-name", "timeout", "connect-timeout").contains(key)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            options.put(key, args[++i]);
        }
        String url = options.get("url");
        if (url == null || !(url.startsWith("ws://") || url.startsWith("wss://"))) {
            throw new IllegalArgumentException("--url must be a ws:// or wss:// URL");
        }
        try {
            URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url is not a valid URI: " + e.getMessage());
        }
        if (options.get("expect-name") == null || options.get("expect-name").isEmpty()) {
            throw new IllegalArgumentException("--expect-name is required");
        }
        for (String key : List.of("timeout", "connect-timeout")) {
            int value;
            try {
                value = Integer.parseInt(options.get(key));
            } catch (NumberFormatException e) {
                value = 0;
            }
            if (value < 1 || value > 3600) {
                throw new IllegalArgumentException("--" + key + " must be a whole number of seconds from 1 to 3600");
            }
        }
        String token = System.getenv("BENCH_TOKEN");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("set the environment variable BENCH_TOKEN to a bearer token");
        }
        options.put("token", token.strip());
        return options;
    }

    // -------------------------------------------------------------------------------------------
    // JSON: just enough for the small messages of graphql-transport-ws (no library on purpose)
    // -------------------------------------------------------------------------------------------

    private static String jsonString(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** The message as a map, or null when it is not a well-formed JSON object. */
    private static Map<?, ?> parseMessage(String text) {
        try {
            return new JsonReader(text).document() instanceof Map<?, ?> map ? map : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The value at a path of object keys; null when a step is missing. */
    private static Object at(Object value, String... keys) {
        for (String key : keys) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(key);
        }
        return value;
    }

    private static String string(Object object, String key) {
        return at(object, key) instanceof String s ? s : null;
    }

    /** Objects become maps, arrays lists, numbers doubles; strict enough to reject garbage. */
    private static final class JsonReader {
        private final String text;
        private int pos;

        JsonReader(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            skipSpace();
            if (pos != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = string();
                skipSpace();
                expect(':');
                map.put(key, value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value());
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (pos >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw error("unexpected token");
            }
            pos += word.length();
            return value;
        }

        private Double number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            try {
                return Double.valueOf(text.substring(start, pos));
            } catch (NumberFormatException e) {
                throw error("bad number");
            }
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos);
        }
    }
}
