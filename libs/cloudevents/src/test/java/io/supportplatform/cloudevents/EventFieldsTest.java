package io.supportplatform.cloudevents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Every read, how it names a problem, and that problems are collected and thrown together. */
class EventFieldsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "0b9a3c5e-1d2f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String TYPE = "io.supportplatform.thing-happened.v1";

    enum Colour {
        RED, GREEN
    }

    /** An envelope of {@link #TYPE} whose data is {@code data} (a JSON object's members, or a whole value). */
    private static EventEnvelope envelope(String data) {
        String value = data.startsWith("{") || data.startsWith("[") || data.equals("null")
                ? data : "{" + data + "}";
        return EventFields.envelope(JSON, """
                {"specversion":"1.0","id":"%s","type":"%s","subject":"s-1","data":%s}""".formatted(ID, TYPE, value),
                List.of(TYPE));
    }

    /** What {@code read} returns from data with {@code members}, after checking it found no problem. */
    private static <T> T read(String members, Function<EventFields, T> read) {
        EventEnvelope envelope = envelope(members);
        T value = read.apply(envelope.object("data"));
        envelope.check();
        return value;
    }

    /** The problems {@code read} finds in data with {@code members}. */
    private static List<String> problems(String members, Function<EventFields, ?> read) {
        EventEnvelope envelope = envelope(members);
        read.apply(envelope.object("data"));
        return assertThrows(MalformedEventException.class, envelope::check).problems();
    }

    @Test
    void readsAValidEnvelope() {
        EventEnvelope envelope = envelope("\"x\":1");
        assertEquals(UUID.fromString(ID), envelope.id());
        assertEquals(TYPE, envelope.type());
        assertEquals("s-1", envelope.text("subject"));
        envelope.check();
    }

    @Test
    void emptyAndNonJsonMessagesAreRejectedAtOnce() {
        assertEquals(List.of("empty message"), assertThrows(MalformedEventException.class,
                () -> EventFields.envelope(JSON, null, List.of(TYPE))).problems());
        assertEquals(List.of("empty message"), assertThrows(MalformedEventException.class,
                () -> EventFields.envelope(JSON, "  ", List.of(TYPE))).problems());
        MalformedEventException notJson = assertThrows(MalformedEventException.class,
                () -> EventFields.envelope(JSON, "{not json", List.of(TYPE)));
        assertTrue(notJson.problems().get(0).startsWith("not JSON: "), notJson.getMessage());
        assertTrue(notJson.getMessage().startsWith("Malformed event: not JSON: "), notJson.getMessage());
    }

    @Test
    void aMessageThatIsNoObjectNamesOnlyThatAndItsMissingData() {
        EventEnvelope envelope = EventFields.envelope(JSON, "[1]", List.of(TYPE));
        assertNull(envelope.id());
        assertNull(envelope.type());
        EventFields data = envelope.object("data");
        assertNull(data.text("anything"));
        assertEquals(0, data.positiveLong("sequence"));
        assertEquals(List.of(), data.objects("items"));
        assertEquals(List.of("message must be a JSON object", "data must be a JSON object"),
                assertThrows(MalformedEventException.class, envelope::check).problems());
    }

    @Test
    void envelopeChecksSpecversionTypeAndId() {
        String value = """
                {"specversion":"0.3","id":"42","type":"io.supportplatform.other.v1"}""";
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> EventFields.envelope(JSON, value, List.of(TYPE)).check());
        assertEquals(List.of("specversion must be 1.0, was 0.3", "type must be " + TYPE + ", was io.supportplatform.other.v1",
                "id must be a UUID"), e.problems());
        assertEquals("Malformed event: specversion must be 1.0, was 0.3; type must be " + TYPE
                + ", was io.supportplatform.other.v1; id must be a UUID", e.getMessage());

        EventEnvelope several = EventFields.envelope(JSON, value, List.of(TYPE, "io.supportplatform.b.v1"));
        assertNull(several.type());
        assertTrue(assertThrows(MalformedEventException.class, several::check).problems()
                .contains("type must be one of [" + TYPE + ", io.supportplatform.b.v1], was io.supportplatform.other.v1"));

        assertEquals(List.of("specversion must be a non-blank string", "type must be a non-blank string",
                "id must be a non-blank string"), assertThrows(MalformedEventException.class,
                        () -> EventFields.envelope(JSON, "{}", List.of(TYPE)).check()).problems());
    }

    @Test
    void dataMustBeAnObject() {
        assertEquals(List.of("data must be a JSON object"), problems("[]", data -> data.text("x")));
        assertEquals(List.of("data must be a JSON object"), problems("null", data -> data.uuid("x")));
        assertEquals(List.of("data.inner must be a JSON object"), problems("\"inner\":3", data -> data.object("inner")));
        assertEquals("b", read("\"inner\":{\"a\":\"b\"}", data -> data.object("inner").text("a")));
        assertEquals(List.of("data.inner.a must be a non-blank string"),
                problems("\"inner\":{}", data -> data.object("inner").text("a")));
    }

    @Test
    void text() {
        assertEquals("a", read("\"x\":\"a\"", data -> data.text("x")));
        for (String bad : List.of("", "\"x\":null", "\"x\":\" \"", "\"x\":1", "\"x\":{}")) {
            assertEquals(List.of("data.x must be a non-blank string"), problems(bad, data -> data.text("x")), bad);
        }
    }

    @Test
    void optionalTextTakesAnyStringOrNothing() {
        assertNull(read("", data -> data.optionalText("x")));
        assertNull(read("\"x\":null", data -> data.optionalText("x")));
        assertEquals("", read("\"x\":\"\"", data -> data.optionalText("x")));
        assertEquals(" ", read("\"x\":\" \"", data -> data.optionalText("x")));
        assertEquals(List.of("data.x must be a string or null"), problems("\"x\":1", data -> data.optionalText("x")));
    }

    @Test
    void optionalNonBlankTextRefusesBlankOnes() {
        assertNull(read("", data -> data.optionalNonBlankText("x")));
        assertNull(read("\"x\":null", data -> data.optionalNonBlankText("x")));
        assertEquals("a", read("\"x\":\"a\"", data -> data.optionalNonBlankText("x")));
        for (String bad : List.of("\"x\":\"\"", "\"x\":\" \"", "\"x\":true")) {
            assertEquals(List.of("data.x must be a non-blank string when present"),
                    problems(bad, data -> data.optionalNonBlankText("x")), bad);
        }
    }

    @Test
    void requireText() {
        assertEquals(List.of("data.x must be b, was a"), problems("\"x\":\"a\"", data -> {
            data.requireText("x", "b");
            return null;
        }));
        assertEquals(List.of("data.x must be a non-blank string"), problems("", data -> {
            data.requireText("x", "b");
            return null;
        }));
        read("\"x\":\"b\"", data -> {
            data.requireText("x", "b");
            return null;
        });
    }

    @Test
    void matching() {
        Pattern sixDigits = Pattern.compile("\\d{6}");
        assertEquals("100001", read("\"x\":\"100001\"", data -> data.matching("x", sixDigits)));
        assertEquals(List.of("data.x must match \\d{6}"), problems("\"x\":\"10001\"", data -> data.matching("x", sixDigits)));
        assertEquals(List.of("data.x must be a non-blank string"), problems("", data -> data.matching("x", sixDigits)));
    }

    @Test
    void uuid() {
        assertEquals(UUID.fromString(ID), read("\"x\":\"" + ID + "\"", data -> data.uuid("x")));
        assertEquals(List.of("data.x must be a UUID"), problems("\"x\":\"c1\"", data -> data.uuid("x")));
        assertEquals(List.of("data.x must be a non-blank string"), problems("\"x\":7", data -> data.uuid("x")));
    }

    @Test
    void instant() {
        assertEquals(Instant.parse("2026-11-28T09:00:00Z"), read("\"x\":\"2026-11-28T09:00:00Z\"", data -> data.instant("x")));
        assertEquals(List.of("data.x must be an RFC 3339 UTC timestamp"),
                problems("\"x\":\"yesterday\"", data -> data.instant("x")));
        assertEquals(List.of("data.x must be a non-blank string"), problems("", data -> data.instant("x")));
    }

    @Test
    void dates() {
        assertEquals(LocalDate.parse("2026-12-01"), read("\"x\":\"2026-12-01\"", data -> data.date("x")));
        assertEquals(List.of("data.x must be an ISO 8601 date (yyyy-mm-dd)"),
                problems("\"x\":\"01.12.2026\"", data -> data.date("x")));
        assertEquals(List.of("data.x must be a non-blank string"), problems("", data -> data.date("x")));

        assertNull(read("", data -> data.optionalDate("x")));
        assertNull(read("\"x\":null", data -> data.optionalDate("x")));
        assertEquals(LocalDate.parse("2027-03-15"), read("\"x\":\"2027-03-15\"", data -> data.optionalDate("x")));
        assertEquals(List.of("data.x must be an ISO 8601 date (yyyy-mm-dd)"),
                problems("\"x\":\"2027-02-30\"", data -> data.optionalDate("x")));
        assertEquals(List.of("data.x must be a non-blank string when present"),
                problems("\"x\":\"\"", data -> data.optionalDate("x")));
    }

    @Test
    void oneOf() {
        assertEquals(Colour.GREEN, read("\"x\":\"GREEN\"", data -> data.oneOf("x", Colour.class)));
        assertEquals(List.of("data.x must be one of [RED, GREEN], was green"),
                problems("\"x\":\"green\"", data -> data.oneOf("x", Colour.class)));
        assertEquals(List.of("data.x must be a non-blank string"), problems("", data -> data.oneOf("x", Colour.class)));
    }

    @Test
    void positiveLong() {
        assertEquals(Long.valueOf(1), read("\"x\":1", data -> data.positiveLong("x")));
        assertEquals(Long.valueOf(5_000_000_000L), read("\"x\":5000000000", data -> data.positiveLong("x")));
        for (String bad : List.of("", "\"x\":0", "\"x\":-3", "\"x\":1.5", "\"x\":\"1\"", "\"x\":null",
                "\"x\":99999999999999999999")) {
            assertEquals(List.of("data.x must be a positive integer"), problems(bad, data -> data.positiveLong("x")), bad);
        }
    }

    @Test
    void integer() {
        assertEquals(Integer.valueOf(-2), read("\"x\":-2", data -> data.integer("x")));
        for (String bad : List.of("", "\"x\":1.0", "\"x\":\"1\"", "\"x\":4294967297")) {
            assertEquals(List.of("data.x must be an integer"), problems(bad, data -> data.integer("x")), bad);
        }
    }

    @Test
    void integerIn() {
        assertEquals(Integer.valueOf(1), read("\"x\":1", data -> data.integerIn("x", 1, 4)));
        assertEquals(Integer.valueOf(4), read("\"x\":4", data -> data.integerIn("x", 1, 4)));
        // 4294967297 would wrap to 1 as an int: out of range, not severity 1
        for (String bad : List.of("", "\"x\":0", "\"x\":5", "\"x\":2.0", "\"x\":\"2\"", "\"x\":4294967297")) {
            assertEquals(List.of("data.x must be an integer 1..4"), problems(bad, data -> data.integerIn("x", 1, 4)), bad);
        }
    }

    @Test
    void texts() {
        assertEquals(List.of("a", ""), read("\"x\":[\"a\",\"\"]", data -> data.texts("x", false)));
        assertEquals(List.of(), read("", data -> data.texts("x", true)));
        assertEquals(List.of(), read("\"x\":null", data -> data.texts("x", true)));
        assertEquals(List.of("data.x must be an array of strings"), problems("", data -> data.texts("x", false)));
        for (String bad : List.of("\"x\":\"a\"", "\"x\":[\"a\",1]")) {
            assertEquals(List.of("data.x must be an array of strings"), problems(bad, data -> data.texts("x", true)), bad);
        }
    }

    @Test
    void objectsAreReadOneByOneWithTheirIndex() {
        List<String> names = read("\"x\":[{\"name\":\"a\"},{\"name\":\"b\"}]",
                data -> data.objects("x").stream().map(item -> item.text("name")).toList());
        assertEquals(List.of("a", "b"), names);
        assertEquals(List.of(), read("\"x\":[]", data -> data.objects("x")));
        assertEquals(List.of("data.x must be an array"), problems("", data -> data.objects("x")));
        assertEquals(List.of("data.x must be an array"), problems("\"x\":{}", data -> data.objects("x")));
        assertEquals(List.of("data.x[1] must be a JSON object", "data.x[0].name must be a non-blank string"),
                problems("\"x\":[{},2]", data -> data.objects("x").stream().map(item -> item.text("name")).toList()));
    }

    @Test
    void everyProblemOfEveryObjectIsThrownTogetherInReadingOrder() {
        EventEnvelope envelope = envelope("\"sequence\":0,\"items\":[{\"version\":3}]");
        envelope.requireText("subject", "s-2");
        EventFields data = envelope.object("data");
        data.positiveLong("sequence");
        data.objects("items").forEach(item -> item.optionalText("version"));
        envelope.problem("subject must be the thing's id");
        MalformedEventException e = assertThrows(MalformedEventException.class, data::check);
        assertEquals(List.of("subject must be s-2, was s-1", "data.sequence must be a positive integer",
                "data.items[0].version must be a string or null", "subject must be the thing's id"), e.problems());
        assertEquals("Malformed event: " + String.join("; ", e.problems()), e.getMessage());
        assertEquals(0, e.getStackTrace().length);
    }
}
