package org.chronicle.platform.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
public class WebConfiguration {

    /** Far deeper than any request or stored event nests (a GeoJSON area is about ten levels). */
    static final int MAX_NESTING = 64;
    /** The longest text a request may carry is a 4,000-character summary; the cap leaves room. */
    static final int MAX_STRING = 1_000_000;
    /** Digits of one JSON number: no figure or coordinate needs more. */
    static final int MAX_NUMBER = 100;

    @Bean
    Problems problems() {
        return new Problems();
    }

    /**
     * Bounds what a parser will build from one request before any rule sees it, so a deep or long
     * document costs a refusal, not the heap or the stack.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer readingLimits() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxStringLength(MAX_STRING)
                .maxNumberLength(MAX_NUMBER)
                .build();
        return builder -> builder.postConfigurer(mapper -> {
            mapper.getFactory().setStreamReadConstraints(limits);
            // A number or a boolean where text belongs is a client's mistake, not a string to make up.
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        });
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ProblemErrors problemErrors() {
        return new ProblemErrors();
    }

    /** Tomcat's own answers (to requests it will not hand on) as problem+json too. */
    @Bean
    @ConditionalOnClass(StandardHost.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    @ConditionalOnClass(GlobalOpenApiCustomizer.class)
    LimitAnswers limitAnswers() {
        return new LimitAnswers();
    }

    /** Outside Spring Session's filter (which reads the database first of all), so it sees its failure. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<DatabaseOutage> databaseOutage(ObjectMapper json) {
        FilterRegistrationBean<DatabaseOutage> registration = new FilterRegistrationBean<>(new DatabaseOutage(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Before the security chains and before Spring's form filter, which would read a form body:
     * a write posted as a form is refused whoever sends it.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<CrossSiteForms> crossSiteForms(ObjectMapper json) {
        FilterRegistrationBean<CrossSiteForms> registration = new FilterRegistrationBean<>(new CrossSiteForms(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Before the security chains: an oversize body is refused before a password is checked. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<BodyLimit> bodyLimit(@Value("${chronicle.requests.max-body:1MB}") DataSize limit,
                                                ObjectProvider<BodyAllowance> allowances, ObjectMapper json) {
        FilterRegistrationBean<BodyLimit> registration =
                new FilterRegistrationBean<>(new BodyLimit(limit.toBytes(), allowances.orderedStream().toList(), json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
