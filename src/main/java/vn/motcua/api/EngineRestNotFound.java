package vn.motcua.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An engine REST request naming a task, instance or definition that does not exist is a 404, not Camunda's 500: the
 * engine reports a missing object as a {@link NullValueException} ("task is null"), which its own mappers answer as an
 * internal error, directly or wrapped in a {@link RestException} ({@code POST /task/{id}/complete}). The body stays
 * Camunda's, and {@link EngineRestProblems} gives it the problem shape.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestNotFound {

    @Bean
    ResourceConfigCustomizer engineRestNotFoundMappers() {
        return config -> config.register(Missing.class).register(Wrapped.class).register(Refused.class);
    }

    static Response notFound(Throwable missing) {
        ExceptionDto dto = ExceptionDto.fromException(missing);
        return Response.status(Response.Status.NOT_FOUND)
                .entity(dto)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** Thrown straight from a resource: {@code GET /task/{unknown}/variables}. */
    static final class Missing implements ExceptionMapper<NullValueException> {
        @Override
        public Response toResponse(NullValueException missing) {
            return notFound(missing);
        }
    }

    /**
     * The platform refused a step inside the engine's call (a signature that must not be made, a slip that cannot be
     * sealed): the official's client gets the refusal's status and its Vietnamese and English words, not a 500.
     */
    @Priority(Priorities.USER - 100)
    static final class Refused implements ExceptionMapper<UserError> {
        @Override
        public Response toResponse(UserError refusal) {
            return refused(refusal);
        }

        static Response refused(UserError refusal) {
            return Response.status(refusal.status().value())
                    .entity(ProblemResponses.body(refusal.status().value(), refusal.vietnamese(), refusal.english()))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
    }

    /** The platform's refusal somewhere in the causes of an engine exception, if any. */
    static UserError refusal(Throwable exception) {
        for (Throwable cause = exception; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof UserError refusal) {
                return refusal;
            }
        }
        return null;
    }

    /**
     * Camunda's own {@link RestException} answers, unchanged, except a 500 caused by a missing object. Ahead of
     * Camunda's mapper for the same type by its priority.
     */
    @Priority(Priorities.USER - 100)
    static final class Wrapped implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            if (exception.getCause() instanceof NullValueException missing) {
                return notFound(missing);
            }
            UserError refusal = refusal(exception);
            if (refusal != null) {
                // the same refusal, wrapped by the engine REST API on its way out
                return Refused.refused(refusal);
            }
            Response.Status status =
                    exception.getStatus() == null ? Response.Status.INTERNAL_SERVER_ERROR : exception.getStatus();
            return Response.status(status)
                    .entity(ExceptionDto.fromException(exception))
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
    }
}
