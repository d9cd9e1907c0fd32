package io.supportplatform.kb.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.supportplatform.kb.domain.ArticleContent;
import io.supportplatform.kb.domain.Language;
import io.supportplatform.kb.domain.ProductRef;
import io.supportplatform.kb.domain.Visibility;

/**
 * An article as an author sends it. {@code version} is the version an edit starts from (alternatively sent
 * as {@code If-Match}); it is ignored on create.
 */
public record ArticleRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100_000) String body,
        @NotNull Language language,
        @Size(max = 20) List<@Valid @NotNull Product> products,
        @Size(max = 20) List<@NotBlank @Size(max = 60) String> platforms,
        @NotBlank @Size(max = 80) String category,
        @Size(max = 30) List<@NotBlank @Size(max = 60) String> tags,
        @NotNull Visibility visibility,
        @Positive Long version) {

    public record Product(@NotBlank @Size(max = 80) String name,
            @Size(max = 30) List<@NotBlank @Size(max = 30) String> versions) {
    }

    ArticleContent toContent() {
        return new ArticleContent(title, body, language,
                products == null ? List.of() : products.stream().map(p -> new ProductRef(p.name(), p.versions())).toList(),
                platforms, category, tags, visibility);
    }
}
