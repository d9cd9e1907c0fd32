package io.supportplatform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProblemMappersTest {

    @Test
    void namesEveryInvalidFieldAtOnce() {
        given().contentType("application/json")
                .body("{\"systemId\":\"12ab\",\"severity\":0,\"subject\":\"\",\"items\":[{\"name\":\"ok\"},{\"name\":\" \"}],"
                        + "\"errorMessages\":[\"E42 disk full\",\"\"]}")
                .post("/probe")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(400))
                .body("violations.field", containsInAnyOrder("errorMessages[1]", "items[1].name", "severity", "subject",
                        "systemId"))
                .body("violations.find { it.field == 'severity' }.rule", equalTo("Min"))
                .body("requestId", notNullValue());
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().contentType("application/json").body("{\"systemId\": ")
                .post("/probe")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType("application/json").body("{\"systemId\":\"100001\",\"severity\":\"high\",\"subject\":\"x\"}")
                .post("/probe")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("severity"))
                .body("violations[0].rule", equalTo("Type"));
    }

    @Test
    void invalidPathParameterNamesTheParameter() {
        given().get("/probe/orders/abc")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("violations[0].field", equalTo("code"))
                .body("violations[0].rule", equalTo("Pattern"));
    }

    @Test
    void domainErrorKeepsItsStatusAndDetail() {
        given().get("/probe/orders/ABC")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", equalTo("No order ABC exists."))
                .body("instance", equalTo("/probe/orders/ABC"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/nowhere").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void unexpectedFailureHidesInternals() {
        given().get("/probe/boom")
                .then().statusCode(500).contentType(Problem.MEDIA_TYPE)
                .body(not(containsString("secret internal detail")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void echoesAPlausibleRequestIdAndReplacesAnImplausibleOne() {
        given().header(RequestIds.HEADER, "req-42").get("/probe/orders/ABC")
                .then().header(RequestIds.HEADER, "req-42").body("requestId", equalTo("req-42"));
        given().header(RequestIds.HEADER, "<script>").get("/probe/orders/ABC")
                .then().header(RequestIds.HEADER, not(equalTo("<script>")));
    }
}
