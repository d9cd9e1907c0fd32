package io.supportplatform.ticket.rest;

import static io.supportplatform.ticket.rest.Roles.ADMIN;
import static io.supportplatform.ticket.rest.Roles.AGENT;
import static io.supportplatform.ticket.rest.Roles.CUSTOMER;
import static io.supportplatform.ticket.rest.Roles.SUPERVISOR;
import static io.supportplatform.ticket.rest.Roles.TIER2;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;
import io.supportplatform.problem.ProblemException;
import io.supportplatform.ticket.domain.LinkedArticle;
import io.supportplatform.ticket.mapping.WorkMapper;
import io.supportplatform.ticket.service.TicketWorkService;

/** Knowledge-base articles linked to a ticket; they travel to kb-service in ticket-resolved. */
@Path("/api/tickets/{id}/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Working a ticket")
public class LinkedArticleResource {

    private final TicketWorkService work;
    private final CurrentRequester requester;

    public LinkedArticleResource(TicketWorkService work, CurrentRequester requester) {
        this.work = work;
        this.requester = requester;
    }

    @GET
    @RolesAllowed({ CUSTOMER, AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Articles linked to a ticket", description = "In the order they were linked.")
    @APIResponse(responseCode = "200", description = "The linked articles")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller")
    public Uni<List<LinkedArticleResponse>> linked(@PathParam("id") String id) {
        return work.linkedArticles(id, requester.get())
                .map(links -> links.stream().map(WorkMapper::toResponse).toList());
    }

    @POST
    @Path("/{articleId}")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Link a knowledge-base article", description = "The article id is kb-service's, opaque "
            + "here (up to 64 characters, no spaces); it is not looked up. Linking it again changes nothing.")
    @APIResponse(responseCode = "201", description = "Linked")
    @APIResponse(responseCode = "200", description = "Was linked already")
    @APIResponse(responseCode = "400", description = "Article id too long or with spaces")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    public Uni<RestResponse<LinkedArticleResponse>> link(@PathParam("id") String id,
            @PathParam("articleId") String articleId) {
        checkArticleId(articleId);
        return work.linkArticle(id, articleId, requester.get())
                .map(linked -> RestResponse.status(linked.created() ? RestResponse.Status.CREATED
                        : RestResponse.Status.OK, WorkMapper.toResponse(linked.article())));
    }

    @DELETE
    @Path("/{articleId}")
    @RolesAllowed({ AGENT, TIER2, SUPERVISOR, ADMIN })
    @Operation(summary = "Unlink a knowledge-base article")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "403", description = "Customers")
    @APIResponse(responseCode = "404", description = "No such ticket, or the article is not linked to it")
    @APIResponse(responseCode = "409", description = "The ticket is closed")
    public Uni<RestResponse<Void>> unlink(@PathParam("id") String id, @PathParam("articleId") String articleId) {
        checkArticleId(articleId);
        return work.unlinkArticle(id, articleId, requester.get()).map(nothing -> RestResponse.noContent());
    }

    private static void checkArticleId(String articleId) {
        if (articleId.length() > LinkedArticle.MAX_ID_LENGTH || !articleId.matches("\\S+")) {
            throw ProblemException.badRequest("articleId", "ArticleId",
                    "must be 1 to " + LinkedArticle.MAX_ID_LENGTH + " characters without spaces");
        }
    }
}
