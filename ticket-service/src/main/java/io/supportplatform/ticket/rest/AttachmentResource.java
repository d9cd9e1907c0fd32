package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.InputStream;
import java.net.URLEncoder;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.Attachment;
import io.supportplatform.ticket.service.AttachmentService;

/**
 * Log files (P5.g) and screenshots (P5.h) on tickets and replies. Uploads are the raw bytes as the request
 * body (Content-Type the file's type, {@code fileName} a query parameter), streamed to disk on a worker
 * thread, never held in memory whole; downloads are sent from the file by Vert.x.
 */
@Path("/api/tickets/{id}")
@Tag(name = "Attachments")
public class AttachmentResource {

    /** RFC 9530: {@code Repr-Digest: sha-256=:<base64>:}. */
    static final String REPR_DIGEST = "Repr-Digest";
    private static final Pattern SHA256_DIGEST = Pattern.compile("(?:^|,)\\s*sha-256=:([A-Za-z0-9+/=]+):");

    private final AttachmentService attachments;
    private final CurrentRequester requester;

    public AttachmentResource(AttachmentService attachments, CurrentRequester requester) {
        this.attachments = attachments;
        this.requester = requester;
    }

    @POST
    @Path("/attachments")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Attach a file to a ticket", description = UPLOAD_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "Stored; Location is its download")
    @APIResponse(responseCode = "400", description = "The content does not match the announced Repr-Digest")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    @APIResponse(responseCode = "413", description = "Larger than ticket.attachments.max-size-bytes")
    @APIResponse(responseCode = "415", description = "A type not accepted, or content that is not what it claims")
    public RestResponse<AttachmentResponse> attachToTicket(@PathParam("id") String id,
            @QueryParam("fileName") String fileName, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, @HeaderParam(REPR_DIGEST) String digest,
            InputStream body) throws Throwable {
        return upload(id, Optional.empty(), fileName, contentType, contentLength, digest, body);
    }

    @POST
    @Path("/replies/{replyId}/attachments")
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Attach a file to a reply", description = UPLOAD_DESCRIPTION + " A customer attaches to "
            + "their own replies only; files of an internal note are internal too (P3.1).")
    @APIResponse(responseCode = "201", description = "Stored; Location is its download")
    @APIResponse(responseCode = "403", description = "A customer attaching to someone else's reply")
    @APIResponse(responseCode = "404", description = "No such ticket or reply visible to the caller")
    @APIResponse(responseCode = "413", description = "Larger than ticket.attachments.max-size-bytes")
    @APIResponse(responseCode = "415", description = "A type not accepted, or content that is not what it claims")
    public RestResponse<AttachmentResponse> attachToReply(@PathParam("id") String id,
            @PathParam("replyId") String replyId, @QueryParam("fileName") String fileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength, @HeaderParam(REPR_DIGEST) String digest,
            InputStream body) throws Throwable {
        return upload(id, Optional.of(replyId), fileName, contentType, contentLength, digest, body);
    }

    @GET
    @Path("/attachments")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "List a ticket's attachments", description = "Its own and its replies', oldest first; "
            + "customers do not see those of internal notes (P3.1).")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<List<AttachmentResponse>> list(@PathParam("id") String id) {
        return attachments.list(id, requester.get())
                .map(found -> found.stream().map(AttachmentResource::toResponse).toList());
    }

    @GET
    @Path("/attachments/{attachmentId}")
    // The actual type is set per file; declaring a binary type keeps the JSON writer from claiming the file.
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Download an attachment", description = "The stored bytes with their type, display "
            + "name (Content-Disposition) and SHA-256 (Repr-Digest, RFC 9530) to verify them by.")
    @APIResponse(responseCode = "404", description = "No such attachment visible to the caller")
    public Uni<RestResponse<PathPart>> download(@PathParam("id") String id,
            @PathParam("attachmentId") String attachmentId) {
        return attachments.download(id, attachmentId, requester.get()).map(download -> {
            Attachment attachment = download.attachment();
            return RestResponse.ResponseBuilder.ok(new PathPart(download.file(), 0, attachment.getSizeBytes()))
                    .type(MediaType.valueOf(attachment.getContentType()))
                    .header("Content-Disposition", contentDisposition(attachment.getFileName()))
                    .header(REPR_DIGEST, "sha-256=:" + Base64.getEncoder()
                            .encodeToString(HexFormat.of().parseHex(attachment.getSha256())) + ":")
                    // never rendered as something else than what was checked on upload
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        });
    }

    private static final String UPLOAD_DESCRIPTION = "The request body is the file itself, its Content-Type "
            + "the file's type (checked against its first bytes), `fileName` its name. An optional Repr-Digest "
            + "(sha-256) is verified. Accepted types and the size limit are ticket.attachments.*.";

    private RestResponse<AttachmentResponse> upload(String id, Optional<String> replyId, String fileName,
            String contentType, Long contentLength, String digest, InputStream body) throws Throwable {
        Attachment stored = attachments.upload(id, replyId, fileName, contentType,
                contentLength == null ? OptionalLong.empty() : OptionalLong.of(contentLength), expectedSha256(digest),
                body, requester.get());
        return RestResponse.ResponseBuilder.<AttachmentResponse> created(UriBuilder.fromResource(AttachmentResource.class)
                .path("attachments/{attachmentId}").build(id, stored.getId()))
                .entity(toResponse(stored))
                .build();
    }

    /** The hex SHA-256 a Repr-Digest header announces; other algorithms are ignored, as RFC 9530 allows. */
    private static Optional<String> expectedSha256(String digest) {
        if (digest == null) {
            return Optional.empty();
        }
        Matcher matcher = SHA256_DIGEST.matcher(digest);
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            byte[] sha256 = Base64.getDecoder().decode(matcher.group(1));
            if (sha256.length != 32) {
                throw new IllegalArgumentException("not 32 bytes");
            }
            return Optional.of(HexFormat.of().formatHex(sha256));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(REPR_DIGEST, "Digest", "sha-256 must be the base64 of 32 bytes.");
        }
    }

    /** The display name for browsers: an ASCII fallback and the exact name in RFC 5987 encoding. */
    private static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7E]|[\\\\\"]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, UTF_8).replace("+", "%20");
    }

    static AttachmentResponse toResponse(Attachment attachment) {
        return new AttachmentResponse(attachment.getId(), attachment.getTicketId(),
                attachment.getReplyId().orElse(null), attachment.getFileName(), attachment.getContentType(),
                attachment.getSizeBytes(), attachment.getSha256(), attachment.getUploadedBy(),
                attachment.getUploadedAt());
    }
}
