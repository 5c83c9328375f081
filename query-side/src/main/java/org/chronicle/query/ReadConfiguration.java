package org.chronicle.query;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every read that takes an {@link AsOf} gets it from the request's time-axis parameters, and the
 * OpenAPI description names those two parameters rather than the object they make.
 */
@Configuration
class ReadConfiguration implements WebMvcConfigurer {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(AsOf.class);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new AsOfParameters());
    }

    @Bean
    OperationCustomizer timeAxes() {
        return (operation, handler) -> {
            boolean named = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "asKnownAt".equals(p.getName()));
            if (!named && Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == AsOf.class)) {
                operation.addParametersItem(new QueryParameter().name("asKnownAt")
                        .description("What the chronicle held at this instant (ISO-8601, UTC)")
                        .schema(new StringSchema().format("date-time")));
                operation.addParametersItem(new QueryParameter().name("asReportedBy")
                        .description("The news as it stood on this day, by the publication days of the sources")
                        .schema(new StringSchema().format("date")));
            }
            return operation;
        };
    }
}
