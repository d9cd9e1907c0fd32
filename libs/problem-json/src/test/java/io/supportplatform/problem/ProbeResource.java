package io.supportplatform.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** A resource that fails in every way a service endpoint can, to check the problem answers. */
@Path("/probe")
public class ProbeResource {

    public record Item(@NotBlank String name) {
    }

    public record Order(@NotNull @Pattern(regexp = "\\d{6}") String systemId, @Min(1) @Max(4) int severity,
            @NotBlank String subject, java.util.List<@Valid Item> items, java.util.List<@NotBlank String> errorMessages) {
    }

    @POST
    public Order accept(@Valid Order order) {
        return order;
    }

    @GET
    @Path("/orders/{code}")
    public String byCode(@PathParam("code") @Pattern(regexp = "[A-Z]{3}") String code) {
        throw ProblemException.notFound("No order " + code + " exists.");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
