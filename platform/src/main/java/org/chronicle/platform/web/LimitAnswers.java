package org.chronicle.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

/**
 * The OpenAPI description names the answers that no controller returns itself: 413 for a body
 * over its cap ({@link BodyLimit}) and 429 for an address that failed to sign in too often.
 */
final class LimitAnswers implements GlobalOpenApiCustomizer {

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().values().forEach(path -> path.readOperationsMap().forEach((method, operation) -> {
            if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                    || method == PathItem.HttpMethod.PATCH) {
                operation.getResponses().addApiResponse("413", new ApiResponse()
                        .description("The body is larger than its limit; nothing was stored (problem+json)"));
            }
            operation.getResponses().addApiResponse("429", new ApiResponse()
                    .description("Too many failed sign-ins from this address; wait for Retry-After (problem+json)"));
        }));
    }
}
