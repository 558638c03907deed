package se.samplan.notification.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Resolves a {@link Caller} parameter from the identity headers the gateway sets. */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        String tenant = request.getHeader(Caller.TENANT_HEADER);
        String user = request.getHeader(Caller.USER_HEADER);
        if (tenant == null || tenant.isBlank() || user == null || user.isBlank()) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "No authenticated caller");
        }
        String roles = request.getHeader(Caller.ROLES_HEADER);
        Set<String> roleSet = roles == null ? Set.of() : Arrays.stream(roles.split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new Caller(tenant, user, roleSet);
    }
}
